import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatasetInput } from '../../src/model/schema.ts';
import { formatJsonPath } from '../../src/validation/json-path.ts';
import { validateDataset } from '../../src/validation/validate.ts';
import { validateDatasetText } from '../../src/validation/validate-text.ts';
import { FIXTURE_JSON, FIXTURE_TEXT, fixture, memoryLoader } from './helpers.ts';

/** Validates a mutated copy of the fixture and returns its issues as `path code` strings. */
async function issuesAfter(mutate: (dataset: DatasetInput) => void, texts?: Record<string, string>) {
  const dataset = fixture();
  mutate(dataset);
  const report = await validateDataset(dataset, memoryLoader(texts));
  return report.issues.map((issue) => ({ ...issue, where: `${formatJsonPath(issue.path)} ${issue.code}` }));
}

function first<T>(items: T[] | undefined): T {
  if (items === undefined || items[0] === undefined) throw new Error('the fixture lacks an item the test needs');
  return items[0];
}

describe('validateDataset on the valid fixture', () => {
  it('reports nothing', async () => {
    const report = await validateDataset(fixture(), memoryLoader());
    expect(report.issues).toEqual([]);
    expect(report.dataset?.actors).toHaveLength(4);
    expect(report.texts.get('sample')).toBe(FIXTURE_TEXT);
  });
});

describe('validateDataset with a pause between its steps', () => {
  it('asks for the texts first, pauses before the structure, the references and the quotes, and finds the same', async () => {
    const steps: string[] = [];
    const loader = memoryLoader();
    const logged: typeof loader = (path) => {
      steps.push('text');
      return loader(path);
    };
    const pause = async () => {
      steps.push('pause');
    };
    const drifted = fixture();
    const quote = first(first(drifted.ties).evidence);
    quote.start += 1;
    quote.end += 1;
    const paused = await validateDataset(drifted, logged, pause);
    expect(steps).toEqual(['text', 'pause', 'pause', 'pause']);
    const unpaused = await validateDataset(drifted, memoryLoader());
    expect(paused.issues.map((issue) => issue.code)).toContain('evidence-drifted');
    expect(paused).toEqual(unpaused);
    // Where the structure does not hold, nothing after it runs.
    steps.length = 0;
    const broken = fixture() as unknown as { actors: unknown };
    broken.actors = 'none';
    await validateDataset(broken, logged, pause);
    expect(steps).toEqual(['text', 'pause']);
  });
});

describe('structural checks', () => {
  it.each<[string, (d: DatasetInput) => void, string, RegExp]>([
    [
      'a missing field',
      (d) => delete (d.ties[1] as Partial<DatasetInput['ties'][number]>).hedge,
      'ties[1].hedge schema',
      /required field "hedge" is missing/,
    ],
    [
      'a misspelt field',
      (d) => Object.assign(d.ties[0] as object, { hedeg: 'likely' }),
      'ties[0].hedeg schema',
      /Did you mean "hedge"/,
    ],
    [
      'an unknown category',
      (d) => Object.assign(d.tieTypes[1] as object, { category: 'friendship' }),
      'tieTypes[1].category schema',
      /must be one of: alliance, transaction/,
    ],
    [
      'an unknown status',
      (d) => Object.assign(d.ties[2] as object, { status: 'denied' }),
      'ties[2].status schema',
      /present, absent/,
    ],
    [
      'an unknown hedge',
      (d) => Object.assign(d.ties[2] as object, { hedge: 'maybe' }),
      'ties[2].hedge schema',
      /asserted, likely, possible, expected/,
    ],
    [
      'an unknown actor kind',
      (d) => Object.assign(d.actors[0] as object, { kind: 'city' }),
      'actors[0].kind schema',
      /state, organization, non-state, bloc/,
    ],
    [
      'a tie without evidence',
      (d) => Object.assign(d.ties[1] as object, { evidence: [] }),
      'ties[1].evidence schema',
      /at least one quote/,
    ],
    [
      'an end before its start',
      (d) => Object.assign(first(d.ties[1]?.evidence), { end: 1 }),
      'ties[1].evidence[0].end schema',
      /greater than start/,
    ],
    [
      'a fractional offset',
      (d) => Object.assign(first(d.ties[1]?.evidence), { start: 1.5 }),
      'ties[1].evidence[0].start schema',
      /whole number/,
    ],
    [
      'a bad date',
      (d) => Object.assign(d.ties[0] as object, { period: { from: '2024-13' } }),
      'ties[0].period.from schema',
      /YYYY-MM/,
    ],
    [
      'a period that ends before it starts',
      (d) => Object.assign(d.ties[0] as object, { period: { from: '2024-05', to: '2023' } }),
      'ties[0].period.to schema',
      /before "from"/,
    ],
    [
      'a javascript: URL',
      (d) => Object.assign(first(d.sources), { url: 'javascript:alert(1)' }),
      'sources[0].url schema',
      /http/,
    ],
    ['a bad sha256', (d) => Object.assign(first(d.sources), { sha256: 'abc' }), 'sources[0].sha256 schema', /64/],
    ['an id with spaces', (d) => Object.assign(d.ties[0] as object, { id: 'a tie' }), 'ties[0].id schema', /letters, digits/],
    // A comma would make an id a selector list in Cytoscape; ids never reach selectors, and this one is refused.
    [
      'an id like a selector list',
      (d) => Object.assign(d.ties[0] as object, { id: 'a,node' }),
      'ties[0].id schema',
      /letters, digits/,
    ],
    [
      'an id of __proto__',
      (d) => Object.assign(d.actors[2] as object, { id: '__proto__' }),
      'actors[2].id schema',
      /start with a letter or digit/,
    ],
    [
      'a localized label under a tag that is not a language tag',
      (d) => Object.assign(d.tieTypes[0] as object, { labels: { Korean: '곡물-선박 거래' } }),
      'tieTypes[0].labels.Korean schema',
      /must be a language tag such as "ko" or "zh-Hant"/,
    ],
    [
      'an empty localized label',
      (d) => Object.assign(d.tieTypes[0] as object, { labels: { ko: '' } }),
      'tieTypes[0].labels.ko schema',
      /must not be empty/,
    ],
    [
      'localized labels given as one text',
      (d) => Object.assign(d.tieTypes[0] as object, { labels: '곡물-선박 거래' }),
      'tieTypes[0].labels schema',
      /must map language tags to labels, e\.g\. \{"ko": "외교적 엄호"\}/,
    ],
    [
      'a non-text alias',
      (d) => Object.assign(d.actors[0] as object, { aliases: [42] }),
      'actors[0].aliases[0] schema',
      /found 42/,
    ],
  ])('names %s by its path', async (_, mutate, where, message) => {
    const issues = await issuesAfter(mutate);
    const issue = issues.find((candidate) => candidate.where === where);
    expect(issue, issues.map((i) => i.where).join('\n')).toBeDefined();
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toMatch(message);
  });

  it.each<[string, (d: Record<string, unknown> & DatasetInput) => void, string, string]>([
    ['a tie that is null', (d) => Object.assign(d.ties, { 1: null }), 'ties[1]', 'This item must be an object (found null).'],
    [
      'a period given as a date',
      (d) => Object.assign(d.ties[0] as object, { period: '2024' }),
      'ties[0].period',
      '"period" must be an object (found "2024").',
    ],
    [
      'a source given as a list',
      (d) => Object.assign(d.sources, { 0: [] }),
      'sources[0]',
      'This item must be an object with named fields (id, title, author, publisher, date, url, text, sha256), not a list.',
    ],
    [
      'a period given as a list of dates',
      (d) => Object.assign(d.ties[0] as object, { period: ['2024'] }),
      'ties[0].period',
      '"period" must be an object with named fields (from, to), not a list.',
    ],
    [
      'a period given as an empty list',
      (d) => Object.assign(d.ties[0] as object, { period: [] }),
      'ties[0].period',
      '"period" must be an object with named fields (from, to), not a list.',
    ],
    [
      'a quote given as a list',
      (d) => Object.assign(d.ties[0]?.evidence as object, { 0: ['Atlantis sells grain to Borealis.', 0, 33] }),
      'ties[0].evidence[0]',
      'This item must be an object with named fields (source, exact, prefix, suffix, start, end), not a list.',
    ],
    [
      'localized names given as a list',
      (d) => Object.assign(d.actors[0] as object, { names: ['아틀란티스'] }),
      'actors[0].names',
      '"names" must map language tags to names, e.g. {"ko": "북한"} (found a list).',
    ],
    [
      'layout positions given as a list',
      (d) => Object.assign(d, { layout: { seed: 1, positions: [[1, 2]] } }),
      'layout.positions',
      '"positions" must map actor ids to [x, y] pairs (found a list).',
    ],
    [
      'a position with one number',
      (d) => Object.assign(d, { layout: { seed: 1, positions: { ATL: [1] } } }),
      'layout.positions.ATL[1]',
      'Item 1 is missing: it must be a number (y).',
    ],
    [
      'a day its month does not have',
      (d) => Object.assign(d.ties[0] as object, { period: { from: '2023-02-29' } }),
      'ties[0].period.from',
      '"from" must be a day that its month has.',
    ],
    [
      'a period that ends before it starts, at the coarser precision',
      (d) => Object.assign(d.ties[0] as object, { period: { from: '2024-07', to: '2024-06-30' } }),
      'ties[0].period.to',
      '"to" must not be before "from".',
    ],
    [
      'a source text given from the root',
      (d) => Object.assign(d.sources[0] as object, { text: '/etc/hostname' }),
      'sources[0].text',
      '"text" must be a path relative to the dataset file, with forward slashes: not a URL, not starting with "/", with no "?" or "#" (found "/etc/hostname").',
    ],
    [
      'a source text given from another host',
      (d) => Object.assign(d.sources[0] as object, { text: '//example.org/x.txt' }),
      'sources[0].text',
      '"text" must be a path relative to the dataset file, with forward slashes: not a URL, not starting with "/", with no "?" or "#" (found "//example.org/x.txt").',
    ],
    [
      'a date written in words',
      (d) => Object.assign(d.sources[0] as object, { date: 'June 2024' }),
      'sources[0].date',
      '"date" must be a date written as YYYY, YYYY-MM or YYYY-MM-DD (found "June 2024").',
    ],
    [
      'a web address no browser can open',
      (d) => Object.assign(d.sources[0] as object, { url: 'https://example.org:99999/x' }),
      'sources[0].url',
      '"url" must be a valid web address.',
    ],
  ])('words %s as a sentence, once', async (_, mutate, where, message) => {
    const issues = await issuesAfter((d) => mutate(d as Record<string, unknown> & DatasetInput));
    expect(issues.map((issue) => [formatJsonPath(issue.path), issue.message])).toEqual([[where, message]]);
  });

  it('knows the days of each month, in leap years too', async () => {
    const { isRealDay } = await import('../../src/model/schema.ts');
    expect(
      ['2024-02-29', '2000-02-29', '0000-02-29', '2024-04-30', '2024-12-31', '2024', '2024-06'].filter(isRealDay),
    ).toHaveLength(7);
    expect(['2023-02-29', '1900-02-29', '2024-04-31', '2024-06-31', '2024-02-30'].filter(isRealDay)).toEqual([]);
  });

  it('reads partial dates as the spans they name, and takes 29 February in a leap year', async () => {
    for (const period of [
      { from: '2024-06-15', to: '2024-06' },
      { from: '2024-06', to: '2024' },
      { from: '2024', to: '2024-01-01' },
      { from: '2024-02-29', to: '2024-02-29' },
    ]) {
      expect(await issuesAfter((d) => Object.assign(d.ties[0] as object, { period }))).toEqual([]);
    }
  });

  it('reports every structural problem at once, not only the first', async () => {
    const issues = await issuesAfter((d) => {
      Object.assign(d.ties[0] as object, { status: 'nope' });
      Object.assign(d.ties[2] as object, { hedge: 'nope' });
    });
    expect(issues.map((issue) => issue.where)).toEqual(['ties[0].status schema', 'ties[2].hedge schema']);
  });

  it('gives the problems in the order of the dataset, those valibot lets by among the others', async () => {
    const issues = await issuesAfter((d) => {
      Object.assign(d.ties[0] as object, { hedge: 'nope' });
      // A list for an object is found by a walk of its own, after valibot's parse.
      Object.assign(d.actors[0] as object, { names: [] });
      Object.assign(d.actors[1] as object, { kind: 'nope' });
    });
    expect(issues.map((issue) => issue.where)).toEqual([
      'actors[0].names schema',
      'actors[1].kind schema',
      'ties[0].hedge schema',
    ]);
  });

  it('rejects a dataset that is not an object', async () => {
    for (const input of [[], 'text', null, 42]) {
      const report = await validateDataset(input, memoryLoader());
      expect(report.issues).toEqual([
        {
          path: [],
          code: 'schema',
          severity: 'error',
          message: 'The dataset must be a JSON object, with "sources", "actors", "tieTypes" and "ties".',
        },
      ]);
    }
  });
});

describe('referential checks', () => {
  it.each<[string, (d: DatasetInput) => void, string, RegExp]>([
    ['a reserved id', (d) => Object.assign(d.actors[2] as object, { id: 'constructor' }), 'actors[2].id reserved-id', /reserved/],
    [
      'toString as an id',
      (d) => Object.assign(d.tieTypes[0] as object, { id: 'toString' }),
      'tieTypes[0].id reserved-id',
      /reserved/,
    ],
    [
      'a duplicate actor id',
      (d) => Object.assign(d.actors[1] as object, { id: 'ATL' }),
      'actors[1].id duplicate-id',
      /already used by actors\[0\]/,
    ],
    [
      'a tie id that is an actor id',
      (d) => Object.assign(d.ties[1] as object, { id: 'pact' }),
      'ties[1].id duplicate-id',
      /actors\[3\]/,
    ],
    [
      'a state id that is not ISO alpha-3',
      (d) => Object.assign(d.actors[0] as object, { id: 'atlantis' }),
      'actors[0].id state-id-format',
      /ISO 3166-1 alpha-3/,
    ],
    [
      'a tie to a missing actor',
      (d) => Object.assign(d.ties[1] as object, { target: 'XYZ' }),
      'ties[1].target unknown-actor',
      /"XYZ"/,
    ],
    [
      'a tie of a missing type',
      (d) => Object.assign(d.ties[1] as object, { type: 'friendship' }),
      'ties[1].type unknown-tie-type',
      /"friendship"/,
    ],
    [
      'a quote from a missing source',
      (d) => Object.assign(first(d.ties[1]?.evidence), { source: 'other' }),
      'ties[1].evidence[0].source unknown-source',
      /"other"/,
    ],
    [
      'a missing bloc member',
      (d) => Object.assign(d.actors[3] as object, { members: ['ATL', 'ZZZ'] }),
      'actors[3].members[1] unknown-member',
      /"ZZZ"/,
    ],
    [
      'a bloc that contains itself',
      (d) => Object.assign(d.actors[3] as object, { members: ['pact'] }),
      'actors[3].members[0] unknown-member',
      /itself/,
    ],
  ])('reports %s', async (_, mutate, where, message) => {
    const issues = await issuesAfter(mutate);
    const issue = issues.find((candidate) => candidate.where === where);
    expect(issue, issues.map((i) => i.where).join('\n')).toBeDefined();
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toMatch(message);
  });

  it('reports an undirected tie given twice, once in reverse', async () => {
    const issues = await issuesAfter((d) => {
      d.ties.push({
        ...structuredClone(d.ties[1] as DatasetInput['ties'][number]),
        id: 'cal-atl-pact',
        source: 'CAL',
        target: 'ATL',
      });
    });
    expect(issues.map((issue) => issue.where)).toEqual(['ties[3] reversed-duplicate']);
    expect(issues[0]?.message).toMatch(/repeats ties\[1\] \("atl-cal-pact"\) in reverse/);
  });

  it('reports an undirected tie given twice the same way round', async () => {
    const issues = await issuesAfter((d) => {
      d.ties.push({ ...structuredClone(d.ties[1] as DatasetInput['ties'][number]), id: 'atl-cal-pact-again' });
    });
    expect(issues.map((issue) => issue.where)).toEqual(['ties[3] reversed-duplicate']);
    expect(issues[0]?.message).toMatch(/^Tie "atl-cal-pact-again" repeats ties\[1\] \("atl-cal-pact"\), but/);
  });

  it('allows a directed tie in both directions', async () => {
    const issues = await issuesAfter((d) => {
      d.ties.push({
        ...structuredClone(d.ties[0] as DatasetInput['ties'][number]),
        id: 'bor-atl-grain',
        source: 'BOR',
        target: 'ATL',
      });
    });
    expect(issues).toEqual([]);
  });

  it('warns about members of a non-bloc and about self-ties', async () => {
    const issues = await issuesAfter((d) => {
      Object.assign(d.actors[0] as object, { members: ['BOR'] });
      Object.assign(d.ties[0] as object, { target: 'ATL' });
    });
    expect(issues.map((issue) => `${issue.where} ${issue.severity}`)).toEqual([
      'actors[0].members members-not-bloc warning',
      'ties[0].target self-tie warning',
    ]);
  });
});

describe('source text checks', () => {
  it('reports a source text that cannot be read, naming the file', async () => {
    const issues = await issuesAfter(() => undefined, {});
    expect(issues.map((issue) => issue.where)).toEqual(['sources[0].text source-text-missing']);
    expect(issues[0]?.message).toContain('sample.txt: no such file');
  });

  it('reports a text whose SHA-256 does not match', async () => {
    const changed = `${FIXTURE_TEXT} `;
    const issues = await issuesAfter(() => undefined, { 'sample.txt': changed });
    expect(issues.map((issue) => issue.where)).toEqual(['sources[0].sha256 sha256-mismatch']);
    expect(issues[0]?.message).toContain(createHash('sha256').update(changed).digest('hex'));
  });
});

describe('reading the source texts', () => {
  /** A loader that serves the fixture's text and records each path it is asked for. */
  function recordingLoader() {
    const asked: string[] = [];
    const loader = memoryLoader();
    const recording = (path: string) => {
      asked.push(path);
      return loader(path);
    };
    return { asked, loader: recording };
  }

  it('asks for the texts at once, so that they load while the structure is checked', async () => {
    const { asked, loader } = recordingLoader();
    const validating = validateDataset(fixture(), loader);
    // Nothing has been awaited yet: the request went out before the structure check.
    expect(asked).toEqual(['sample.txt']);
    expect((await validating).issues).toEqual([]);
  });

  it('reads a text named by two sources once', async () => {
    const { asked, loader } = recordingLoader();
    const dataset = fixture();
    const source = first(dataset.sources);
    dataset.sources.push({ ...source, id: 'sample-again' });
    const report = await validateDataset(dataset, loader);
    expect(asked).toEqual(['sample.txt']);
    expect(report.texts.get('sample-again')).toBe(FIXTURE_TEXT);
  });

  it('asks for nothing the schema would refuse as a path, such as a URL', async () => {
    const { asked, loader } = recordingLoader();
    const dataset = fixture();
    const source = first(dataset.sources);
    dataset.sources.push({ ...source, id: 'elsewhere', text: 'https://example.org/text.txt' });
    const report = await validateDataset(dataset, loader);
    expect(asked).toEqual(['sample.txt']);
    expect(report.issues.map((issue) => formatJsonPath(issue.path))).toContain('sources[1].text');
  });

  it('leaves no failed request unhandled when the structure is wrong and the texts are never read', async () => {
    const dataset = { ...fixture(), actors: 'none' };
    let asked = 0;
    const report = await validateDataset(dataset, () => {
      asked++;
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    });
    expect(asked).toBe(1);
    expect(report.issues.map((issue) => issue.path[0])).toContain('actors');
    // An unhandled rejection would fail the run after this tick.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});

describe('evidence checks', () => {
  it('reports drifted offsets with the right ones', async () => {
    const issues = await issuesAfter((d) => {
      const quote = first(d.ties[1]?.evidence);
      quote.start += 3;
      quote.end += 3;
    });
    expect(issues.map((issue) => issue.where)).toEqual(['ties[1].evidence[0].start evidence-drifted']);
    const right = FIXTURE_TEXT.indexOf('Atlantis and Caldera keep a defence pact.');
    expect(issues[0]?.fix).toEqual({ start: right, end: right + 41 });
    expect(issues[0]?.message).toContain(`but at ${right}–${right + 41}`);
  });

  it('reports a quote that is not in the text as orphaned, and points to a near match', async () => {
    const issues = await issuesAfter((d) => {
      Object.assign(first(d.ties[1]?.evidence), { exact: 'Atlantis and  Caldera keep a defence pact.' });
    });
    expect(issues.map((issue) => `${issue.where} ${issue.severity}`)).toEqual([
      'ties[1].evidence[0].exact evidence-orphaned error',
    ]);
    expect(issues[0]?.message).toMatch(/would match at \d+–\d+ if quote marks, dashes and spacing were ignored/);
  });

  it('warns when a repeated quote has no prefix or suffix to settle which is meant', async () => {
    const issues = await issuesAfter((d) => {
      const quote = first(d.ties[0]?.evidence);
      delete quote.prefix;
      delete quote.suffix;
    });
    expect(issues.map((issue) => `${issue.where} ${issue.severity}`)).toEqual([
      'ties[0].evidence[0].exact evidence-ambiguous warning',
    ]);
    expect(issues[0]?.message).toContain('occurs 2 times');
  });

  it('follows the prefix to the occurrence it fits when the offsets point at another', async () => {
    const issues = await issuesAfter((d) => {
      const quote = first(d.ties[0]?.evidence);
      const second = FIXTURE_TEXT.lastIndexOf(quote.exact);
      quote.prefix = FIXTURE_TEXT.slice(second - 10, second);
      delete quote.suffix;
    });
    expect(issues.map((issue) => issue.where)).toEqual(['ties[0].evidence[0].start evidence-drifted']);
    expect(issues[0]?.fix?.start).toBe(FIXTURE_TEXT.lastIndexOf('Atlantis sells grain to Borealis.'));
  });

  it('warns when the prefix matches nothing around the quote', async () => {
    const issues = await issuesAfter((d) => {
      Object.assign(first(d.ties[1]?.evidence), { prefix: 'not the text before' });
    });
    expect(issues.map((issue) => `${issue.where} ${issue.severity}`)).toEqual([
      'ties[1].evidence[0] evidence-context-mismatch warning',
    ]);
  });
});

describe('offsets that cut a character in two', () => {
  // "🌾" is one character but two UTF-16 units (a surrogate pair), and offsets count the units.
  const text = `${FIXTURE_TEXT}Atlantis ships 🌾 grain.\n`;
  const emoji = text.indexOf('🌾');
  /** Quotes `text` from `start` to `end` in the second tie, with the offsets given as `at`. */
  const quoting = (start: number, end: number, at = { start, end }) =>
    issuesAfter(
      (d) => {
        first(d.sources).sha256 = createHash('sha256').update(text).digest('hex');
        const quote = first(d.ties[1]?.evidence);
        delete quote.prefix;
        delete quote.suffix;
        Object.assign(quote, { exact: text.slice(start, end), ...at });
      },
      { 'sample.txt': text },
    );

  it('reports a start between the two halves of a character as an error at the start', async () => {
    const issues = await quoting(emoji + 1, emoji + 8);
    expect(issues.map((issue) => `${issue.where} ${issue.severity}`)).toEqual([
      'ties[1].evidence[0].start evidence-splits-character error',
    ]);
    expect(issues[0]?.message).toBe(
      `The quote "\udf3e grain" of tie "atl-cal-pact" stands at ${emoji + 1}–${emoji + 8} in source "sample", where its start falls between the two halves of one character (such as an emoji) and cuts it in two. Include the whole character in the quote, or leave it out.`,
    );
  });

  it('reports an end between the two halves of a character as an error at the end', async () => {
    const issues = await quoting(emoji - 6, emoji + 1);
    expect(issues.map((issue) => `${issue.where} ${issue.severity}`)).toEqual([
      'ties[1].evidence[0].end evidence-splits-character error',
    ]);
    expect(issues[0]?.message).toMatch(/where its end falls between the two halves of one character .* cuts it in two/);
  });

  it('takes a quote that holds the whole character', async () => {
    expect(await quoting(emoji - 6, emoji + 2)).toEqual([]);
    expect(await quoting(emoji, emoji + 8)).toEqual([]);
  });

  it('offers --fix-offsets no offsets that would cut a character in two', async () => {
    // The quote is drifted, and where it stands its start cuts the character.
    const issues = await quoting(emoji + 1, emoji + 8, { start: 0, end: 7 });
    expect(issues.map((issue) => issue.where)).toEqual(['ties[1].evidence[0].start evidence-splits-character']);
    expect(issues[0]?.fix).toBeUndefined();
    const { planOffsetFixes } = await import('../../src/cli/fix-offsets.ts');
    const json = { value: null, repeatedKeys: [], locate: () => undefined };
    expect(planOffsetFixes('{}', json, issues)).toEqual({
      ok: false,
      reason: 'it has 1 error that --fix-offsets cannot fix; mend it first',
    });
  });
});

describe('keys that JavaScript gives a meaning of its own', () => {
  const text = readFileSync(FIXTURE_JSON, 'utf8');
  // JSON.parse keeps "__proto__" as an own key, where valibot's records skip it (and "constructor"
  // and "prototype") without a word.
  it.each<[string, string, string, string, string]>([
    [
      'a tie',
      '"id": "atl-bor-grain",',
      '"id": "atl-bor-grain", "__proto__": {"hedge": "likely"},',
      'ties[0].__proto__',
      '"__proto__" is not a known field here.',
    ],
    [
      'localized names',
      '"ko": "아틀란티스"',
      '"ko": "아틀란티스", "__proto__": {"ko": "북한"}',
      'actors[0].names.__proto__',
      '"__proto__" is not allowed as a key: JavaScript gives it a meaning of its own, so its value would be lost.',
    ],
    [
      'localized names, as "constructor"',
      '"ko": "아틀란티스"',
      '"ko": "아틀란티스", "constructor": "북한"',
      'actors[0].names.constructor',
      '"constructor" is not allowed as a key',
    ],
    [
      'localized labels, as "prototype"',
      '"label": "Grain for ships",',
      '"label": "Grain for ships", "labels": {"prototype": "x"},',
      'tieTypes[0].labels.prototype',
      '"prototype" is not allowed as a key',
    ],
    [
      'layout positions',
      '"ties": [',
      '"layout": {"seed": 1, "positions": {"ATL": [0, 0], "__proto__": [1, 2]}}, "ties": [',
      'layout.positions.__proto__',
      '"__proto__" is not allowed as a key',
    ],
  ])('refuses such a key in %s, from the JSON text as the CLI reads it', async (_, from, to, where, message) => {
    const edited = text.replace(from, to);
    expect(edited).not.toBe(text);
    const report = await validateDatasetText(edited, memoryLoader());
    expect(report.issues.map((issue) => `${formatJsonPath(issue.path)} ${issue.severity}`)).toEqual([`${where} error`]);
    expect(report.issues[0]?.message).toContain(message);
    expect(report.dataset).toBeUndefined();
  });
});

describe('validateDatasetText', () => {
  it('checks references and quotes among the parts whose structure holds, where the whole does not', async () => {
    const dataset = fixture();
    // Broken in its own structure: an actor, and the first tie, whose first quote is moved by one.
    (first(dataset.actors.filter((actor) => actor.id === 'BOR')) as { kind: string }).kind = 'stat';
    Object.assign(first(dataset.ties), { colour: 'red' });
    const moved = first(first(dataset.ties).evidence);
    Object.assign(moved, { start: moved.start + 1, end: moved.end + 1 });
    // Sound, but at fault beyond the structure: a quote moved by one, an unknown actor, a bloc
    // that lists itself; and sound, naming the broken actor, which is not at fault.
    const [, pact, trade] = dataset.ties;
    const quote = first(pact?.evidence);
    Object.assign(quote, { start: quote.start + 1, end: quote.end + 1 });
    if (trade !== undefined) trade.source = 'ZZZ';
    const bloc = first(dataset.actors.filter((actor) => actor.id === 'pact'));
    bloc.members = ['ATL', 'BOR', 'pact'];
    const report = await validateDatasetText(JSON.stringify(dataset), memoryLoader());
    expect(report.dataset).toBeUndefined();
    const bor = dataset.actors.findIndex((actor) => actor.id === 'BOR');
    const pactAt = dataset.actors.indexOf(bloc);
    expect(report.issues.map((issue) => `${formatJsonPath(issue.path)} ${issue.code}`)).toEqual([
      `actors[${bor}].kind schema`,
      'ties[0].colour schema',
      `actors[${pactAt}].members[2] unknown-member`,
      'ties[2].source unknown-actor',
      'ties[1].evidence[0].start evidence-drifted',
      'ties[0].evidence[0].start evidence-drifted',
    ]);
    // The structure's errors alone, for a valid rest; the text read once for both passes.
    const clean = fixture();
    Object.assign(first(clean.ties), { colour: 'red' });
    const read: string[] = [];
    const load = memoryLoader();
    const alone = await validateDatasetText(JSON.stringify(clean), (path) => {
      read.push(path);
      return load(path);
    });
    expect(alone.issues.map((issue) => issue.code)).toEqual(['schema']);
    expect(read).toEqual(['sample.txt']);
  });

  it('names items where the file has them, and does not take a broken item or list for a missing one', async () => {
    const codes = async (mutate: (dataset: DatasetInput) => void) => {
      const dataset = fixture();
      mutate(dataset);
      const report = await validateDatasetText(JSON.stringify(dataset), memoryLoader());
      return report.issues.map((issue) => `${formatJsonPath(issue.path)} ${issue.code}: ${issue.message}`);
    };
    // The first actor broken, and the third written twice: the message names the third as it stands.
    const twice = await codes((d) => {
      (first(d.actors) as { kind: string }).kind = 'stat';
      d.actors.push({ ...(d.actors[2] as DatasetInput['actors'][number]) });
    });
    expect(twice.slice(1)).toEqual([expect.stringMatching(/^actors\[4\]\.id duplicate-id: .* already used by actors\[2\];/)]);
    // The actors given as an object: no tie end is reported as naming nothing.
    const unlisted = await codes((d) => {
      (d as { actors: unknown }).actors = {};
    });
    expect(unlisted.map((line) => line.split(':')[0])).toEqual(['actors schema']);
    // A tie named as its broken tie type is not taken for a bloc that lists itself.
    const named = await codes((d) => {
      Object.assign(first(d.tieTypes), { categry: 'x' });
      first(d.ties).id = first(d.tieTypes).id;
    });
    expect(named.map((line) => line.split(':')[0])).toEqual(['tieTypes[0].categry schema']);
    // A broken tie's target and quote source that name nothing are reported; an actor whose id is
    // written as a number is broken, not missing.
    const broken = await codes((d) => {
      const tie = d.ties[1] as DatasetInput['ties'][number];
      Object.assign(tie, { colour: 'red', target: 'ZZZ' });
      first(tie.evidence).source = 'nosuch';
      d.actors.push({ ...first(d.actors), id: 5 as unknown as string });
      first(d.ties).source = '5';
    });
    expect(broken.map((line) => line.split(':')[0])).toEqual([
      'actors[4].id schema',
      'ties[1].colour schema',
      'ties[1].target unknown-actor',
      'ties[1].evidence[0].source unknown-source',
    ]);
  });

  it('reports bad JSON with its line and column', async () => {
    const report = await validateDatasetText('{\n  "id": "x",\n  "title": "y"\n  "sources": []\n}', memoryLoader());
    expect(report.issues).toEqual([
      {
        path: [],
        code: 'invalid-json',
        severity: 'error',
        message: 'Invalid JSON: expected "," or "}" but found a double quote, at line 4, column 3.',
      },
    ]);
  });
});
