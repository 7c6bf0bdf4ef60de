import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/schema.ts';
import { SHOW_ALL } from '../../src/render/filter.ts';
import { fold, foldQuery, foldWithOffsets, originalRange } from '../../src/search/fold.ts';
import { buildSearchIndex, hitsOf, type Marked, search } from '../../src/search/search-index.ts';
import { snippetAround } from '../../src/search/snippet.ts';
import { firstTieOfType, searchTarget } from '../../src/search/target.ts';

const seed = JSON.parse(readFileSync('graph-data/easley-2024-axis-of-transactionalism.json', 'utf8')) as Dataset;
const index = buildSearchIndex(seed);

/** The marked words of a result. */
const marked = (mark: Marked) => mark.text.slice(mark.start, mark.end);

/** A small dataset built for one test: actors by name, aliases and localized names, and quotes. */
function tiny(actors: { id: string; name: string; aliases?: string[]; names?: Record<string, string> }[], quotes: string[] = []) {
  const dataset = {
    id: 'tiny',
    title: 'Tiny',
    sources: [],
    actors: actors.map((actor) => ({ kind: 'state', aliases: [], ...actor })),
    tieTypes: [{ id: 'meets', label: 'Meets', category: 'diplomacy', directed: false }],
    ties: quotes.map((exact, i) => ({
      id: `t${i}`,
      source: actors[0]?.id,
      target: actors[1]?.id,
      type: 'meets',
      status: 'present',
      hedge: 'asserted',
      evidence: [{ source: 's', exact, start: 0, end: exact.length }],
    })),
  };
  return buildSearchIndex(dataset as unknown as Dataset);
}

describe('search over actors', () => {
  it('finds North Korea first for "Pyongyang", and says it matched an alias', () => {
    const results = search(index, 'Pyongyang');
    const first = hitsOf(results)[0];
    expect(first).toMatchObject({ kind: 'actor', id: 'PRK', label: 'North Korea', field: 'alias' });
    expect(first?.kind === 'actor' && marked(first.matched)).toBe('Pyongyang');
  });

  it('finds an actor from the first letters of an alias, marking only those letters', () => {
    const [first] = search(index, 'pyong').actors.hits;
    expect(first?.id).toBe('PRK');
    expect(first && marked(first.matched)).toBe('Pyong');
  });

  it('finds actors by a localized name, Korean included, and names them in the chosen language', () => {
    const [hit] = search(index, '북한').actors.hits;
    expect(hit).toMatchObject({ id: 'PRK', field: 'localized', lang: 'ko', label: 'North Korea' });
    expect(hit && marked(hit.matched)).toBe('북한');
    // One syllable finds the names that start with it first, and half a syllable finds nothing.
    expect(
      search(index, '북')
        .actors.hits.map((h) => h.id)
        .slice(0, 2),
    ).toEqual(['PRK', 'dprk-russia-china']);
    expect(
      search(index, '북', { lang: 'ko' })
        .actors.hits.map((h) => h.label)
        .slice(0, 2),
    ).toEqual(['북한', '북중러']);
    expect(search(index, '부').actors.hits.map((h) => h.id)).not.toContain('PRK');
    expect(search(index, 'North Korea', { lang: 'ko' }).actors.hits[0]).toMatchObject({ label: '북한', field: 'name' });
  });

  it('ranks an actor by its name above its aliases, and lists it once', () => {
    const hits = search(index, 'north korea').actors.hits;
    expect(hits[0]).toMatchObject({ id: 'PRK', field: 'name' });
    expect(hits.filter((hit) => hit.id === 'PRK')).toHaveLength(1);
  });

  it('ignores case, diacritics, curly quotes and extra white space', () => {
    const small = tiny([
      { id: 'CIV', name: 'Côte d’Ivoire' },
      { id: 'SAO', name: 'São Tomé and Príncipe' },
    ]);
    const ivory = search(small, "  COTE   d'ivoire ").actors.hits[0];
    expect(ivory?.id).toBe('CIV');
    expect(ivory && marked(ivory.matched)).toBe('Côte d’Ivoire');
    const sao = search(small, 'sao tome').actors.hits[0];
    expect(sao && marked(sao.matched)).toBe('São Tomé');
    // Accents typed in the query are ignored as well.
    expect(search(index, 'Pyōngyáng').actors.hits[0]?.id).toBe('PRK');
  });

  it('ranks a match at the start of a word above one inside a word, and a name above an alias above a localized name', () => {
    const small = tiny([
      { id: 'UKR', name: 'Ukraine' },
      { id: 'RAIN', name: 'Rainland' },
      { id: 'ALIAS', name: 'Zed', aliases: ['Rainy coast'] },
      { id: 'LOCAL', name: 'Yonder', names: { fr: 'Rainville' } },
      { id: 'EXACT', name: 'Xylo', aliases: ['Rain'] },
    ]);
    expect(search(small, 'rain').actors.hits.map((hit) => hit.id)).toEqual(['EXACT', 'RAIN', 'ALIAS', 'LOCAL', 'UKR']);
  });
});

describe('search over tie types and quotes', () => {
  it('finds tie types by their label, with how many ties they have', () => {
    const hits = search(index, 'arms').tieTypes.hits;
    expect(hits.map((hit) => hit.id).sort()).toEqual(['arms-for-food', 'arms-race']);
    const food = search(index, 'food').tieTypes.hits[0];
    expect(food).toMatchObject({
      id: 'arms-for-food',
      label: 'Arms for food, fuel and technology',
      ties: { present: 1, absent: 0 },
    });
    expect(food && marked(food.matched)).toBe('food');
    // The ties the text says are absent are counted apart from those that exist, never added to them.
    expect(search(index, 'Trilateral cooperation').tieTypes.hits[0]).toMatchObject({
      id: 'trilateral-cooperation',
      ties: { present: 3, absent: 3 },
    });
    // A type whose every tie is absent is still found: choosing it opens one of those.
    expect(search(index, 'Mutual trust').tieTypes.hits[0]).toMatchObject({ id: 'mutual-trust', ties: { present: 0, absent: 3 } });
  });

  it('finds tie types by a localized label, Korean included, and labels them in the chosen language', () => {
    const [hit] = search(index, '외교적 엄호').tieTypes.hits;
    expect(hit).toMatchObject({ id: 'diplomatic-cover', field: 'localized', lang: 'ko', label: 'Diplomatic cover' });
    expect(hit && marked(hit.matched)).toBe('외교적 엄호');
    const [korean] = search(index, '엄호', { lang: 'ko' }).tieTypes.hits;
    expect(korean).toMatchObject({ id: 'diplomatic-cover', label: '외교적 엄호' });
    expect(korean && marked(korean.matched)).toBe('엄호');
    // The dataset's own label still finds the type, shown in the chosen language.
    const [english] = search(index, 'diplomatic cover', { lang: 'ko' }).tieTypes.hits;
    expect(english).toMatchObject({ id: 'diplomatic-cover', field: 'label', label: '외교적 엄호' });
    expect(english && marked(english.matched)).toBe('Diplomatic cover');
  });

  it('lists a tie type once even when its label and localized label both match', () => {
    const small = tiny(
      [
        { id: 'A', name: 'Aland' },
        { id: 'B', name: 'Beland' },
      ],
      ['they meet'],
    );
    const meets = small.dataset.tieTypes[0] as { labels?: Record<string, string> };
    meets.labels = { ko: 'Meets 회담', 'ko-KR': 'Meets' };
    const rebuilt = buildSearchIndex(small.dataset);
    expect(search(rebuilt, 'meets').tieTypes).toMatchObject({ total: 1, hits: [{ id: 'meets', field: 'label' }] });
    expect(search(rebuilt, '회담', { lang: 'ko-KR' }).tieTypes.hits).toMatchObject([
      { id: 'meets', field: 'localized', lang: 'ko', label: 'Meets' },
    ]);
  });

  it('finds words inside quotes, with the tie and a snippet that marks them', () => {
    const hit = search(index, 'profiting from').quotes.hits[0];
    expect(hit).toMatchObject({
      kind: 'quote',
      id: 'prk-rus-arms-for-food',
      source: 'North Korea',
      target: 'Russia',
      type: 'Arms for food, fuel and technology',
      directed: true,
      status: 'present',
    });
    expect(hit && marked(hit.snippet)).toBe('profiting from');
    expect(hit?.snippet.text).toContain('Pyongyang profiting from Russia’s aggression');
    expect(hit?.snippet.text.length).toBeLessThan(130);
  });

  it('matches straight apostrophes against curly ones in quotes, marking the original characters', () => {
    const hits = search(index, "Putin's illegal war").quotes.hits;
    expect(hits[0]?.id).toBe('prk-rus-arms-for-food');
    expect(hits[0] && marked(hits[0].snippet)).toBe('Putin’s illegal war');
  });

  it('lists one hit per tie, ties where the words start a word first', () => {
    const small = tiny(
      [
        { id: 'A', name: 'Aland' },
        { id: 'B', name: 'Beland' },
      ],
      ['a word inside: unrest', 'rest here, and rest again', 'no match', 'restive markets'],
    );
    const hits = search(small, 'rest').quotes.hits;
    expect(hits.map((hit) => hit.id)).toEqual(['t1', 't3', 't0']);
    expect(hits[1] && marked(hits[1].snippet)).toBe('rest');
  });

  it('names the two ends of a tie in the chosen language', () => {
    const hit = search(index, 'profiting from', { lang: 'ko' }).quotes.hits[0];
    expect(hit).toMatchObject({ source: '북한', target: '러시아', type: '무기-식량·연료·기술 거래' });
  });

  it('searches quotes only from two characters on', () => {
    expect(search(index, 'k').quotes.total).toBe(0);
    expect(search(index, 'k').actors.total).toBeGreaterThan(0);
    expect(search(index, 'ki').quotes.total).toBeGreaterThan(0);
  });
});

describe('search results', () => {
  it('lists actors, then tie types, then quotes', () => {
    const kinds = hitsOf(search(index, 'sanctions')).map((hit) => hit.kind);
    expect(kinds).toEqual(
      [...kinds].sort((a, b) => ['actor', 'tie-type', 'quote'].indexOf(a) - ['actor', 'tie-type', 'quote'].indexOf(b)),
    );
    expect(new Set(kinds)).toEqual(new Set(['actor', 'tie-type', 'quote']));
  });

  it('caps each group and the whole list, and says when more matched', () => {
    const results = search(index, 'the');
    expect(results.quotes.hits).toHaveLength(8);
    expect(results.quotes.total).toBeGreaterThan(30);
    expect(results.truncated).toBe(true);
    expect(hitsOf(results).length).toBeLessThanOrEqual(20);
    const o = search(index, 'o');
    expect(o.actors.hits).toHaveLength(8);
    expect(o.tieTypes.hits).toHaveLength(8);
    const small = search(index, 'the', { perGroup: 3, limit: 4 });
    expect(hitsOf(small)).toHaveLength(4);
    expect(search(index, 'Pyongyang prefers').truncated).toBe(false);
  });

  it('finds nothing for an empty or blank query, or for words the data does not hold', () => {
    expect(hitsOf(search(index, ''))).toEqual([]);
    expect(hitsOf(search(index, '   '))).toEqual([]);
    const none = search(index, 'zanzibar');
    expect([none.actors.total, none.tieTypes.total, none.quotes.total]).toEqual([0, 0, 0]);
  });
});

describe('what a result selects', () => {
  it('selects the actor, the quote’s tie, or the first tie of a type the filter shows', () => {
    const [actor] = search(index, 'Pyongyang').actors.hits;
    const [quote] = search(index, 'profiting from').quotes.hits;
    const [type] = search(index, 'Alliance').tieTypes.hits;
    if (actor === undefined || quote === undefined || type === undefined) throw new Error('missing hits');
    expect(searchTarget(seed, actor, SHOW_ALL)).toEqual({ kind: 'actor', id: 'PRK' });
    expect(searchTarget(seed, quote, SHOW_ALL)).toEqual({ kind: 'tie', id: 'prk-rus-arms-for-food' });
    // The first three alliance ties are absent: hidden unless absent ties are shown.
    expect(type.id).toBe('alliance');
    expect(searchTarget(seed, type, SHOW_ALL)).toEqual({ kind: 'tie', id: 'usa-kor-alliance' });
    expect(searchTarget(seed, type, { ...SHOW_ALL, showAbsent: true })).toEqual({ kind: 'tie', id: 'prk-rus-alliance' });
    // With every tie of the type hidden, its first tie is still the one to show.
    expect(firstTieOfType(seed, 'alliance', { ...SHOW_ALL, categories: new Set() })).toBe('prk-rus-alliance');
    expect(firstTieOfType(seed, 'no-such-type', SHOW_ALL)).toBeUndefined();
  });
});

describe('folding', () => {
  it('folds case, marks, quotes, dashes and spaces, and keeps Hangul whole', () => {
    expect(fold('Côte d’Ivoire — “Ōsaka”')).toBe('cote d\'ivoire - "osaka"');
    expect(fold('북한')).toBe('북한');
    expect(fold('Ｐｙｏｎｇｙａｎｇ')).toBe('pyongyang');
    expect(foldQuery('  a \t\n b  ')).toBe('a b');
  });

  it('folds every text the same way with and without offsets, and the offsets point into the original', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            'Z',
            ' ',
            '\n',
            'é',
            'e\u0301',
            '’',
            '“',
            '—',
            '북',
            'ｆ',
            'ß',
            'İ',
            '😀',
            '\u200b',
            '`',
            'Σ',
          ),
          maxLength: 30,
        }),
        (text) => {
          const withOffsets = foldWithOffsets(text);
          expect(withOffsets.text).toBe(fold(text));
          let previous = 0;
          for (let i = 0; i < withOffsets.text.length; i++) {
            const range = originalRange(withOffsets, i, i + 1);
            expect(range.start).toBeGreaterThanOrEqual(previous);
            expect(range.end).toBeGreaterThan(range.start);
            expect(range.end).toBeLessThanOrEqual(text.length);
            previous = range.start;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('cuts snippets at spaces, with ellipses where the text goes on', () => {
    const text = `${'word '.repeat(30)}MATCH${' tail'.repeat(40)}`;
    const start = text.indexOf('MATCH');
    const snippet = snippetAround(text, start, start + 5);
    expect(marked(snippet)).toBe('MATCH');
    expect(snippet.text.startsWith('…word')).toBe(true);
    expect(snippet.text.endsWith('tail…')).toBe(true);
    expect(snippetAround('short MATCH here', 6, 11)).toEqual({ text: 'short MATCH here', start: 6, end: 11 });
  });
});

/** A seeded, dataset-shaped corpus of the size the widget must handle, with realistic quotes. */
function largeDataset(actorCount: number, tieCount: number): Dataset {
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const words =
    'the of and to in state government alliance missiles food fuel sanctions talks summit border trade envoy treaty security council pressure aid deal minister regime war peace nuclear'.split(
      ' ',
    );
  const sentence = (length: number) => Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    id: `A${i}`,
    kind: 'state',
    name: `Actor ${i} ${sentence(2)}`,
    aliases: [`Capital ${i}`, `Alias ${sentence(1)} ${i}`],
    names: { ko: `행위자 ${i}` },
  }));
  const tieTypes = Array.from({ length: 40 }, (_, i) => ({
    id: `type-${i}`,
    label: `Type ${i} ${sentence(2)}`,
    category: 'diplomacy',
    directed: true,
  }));
  const ties = Array.from({ length: tieCount }, (_, i) => ({
    id: `t${i}`,
    source: `A${i % actorCount}`,
    target: `A${(i * 7 + 1) % actorCount}`,
    type: `type-${i % 40}`,
    status: 'present',
    hedge: 'asserted',
    evidence: Array.from({ length: 1 + (i % 3) }, () => {
      const exact = `${sentence(28)}.`;
      return { source: 's', exact, start: 0, end: exact.length };
    }),
  }));
  return { id: 'large', title: 'Large', sources: [], actors, tieTypes, ties } as unknown as Dataset;
}

describe('search speed', () => {
  it('indexes 10,000 actors and 20,000 ties, and answers queries (figures printed, not asserted)', () => {
    const dataset = largeDataset(10_000, 20_000);
    const started = performance.now();
    const large = buildSearchIndex(dataset);
    const built = performance.now() - started;
    const figures: string[] = [];
    for (const query of ['actor 4242', 'capital', 'sanctions', 'the', 'talks summit', 'zzz', '행위자 99', 'a']) {
      search(large, query);
      const runs = 5;
      const from = performance.now();
      for (let i = 0; i < runs; i++) search(large, query);
      figures.push(`"${query}" ${((performance.now() - from) / runs).toFixed(2)} ms`);
    }
    const quoteChars = large.quotes.hay.length;
    console.log(
      `search index of ${dataset.actors.length} actors, ${dataset.ties.length} ties (${(quoteChars / 1e6).toFixed(1)} M characters of quotes): built in ${built.toFixed(0)} ms; queries: ${figures.join(', ')}`,
    );
    expect(search(large, 'actor 4242').actors.hits[0]?.id).toBe('A4242');
    expect(search(large, 'sanctions').quotes.total).toBeGreaterThan(1000);
  });
});
