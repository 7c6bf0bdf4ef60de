import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findInPageText,
  findManyInPageText,
  foldPageText,
  indexPageText,
  type PageQuote,
  type PageTextMatch,
} from '../../src/evidence/find-in-page-text.ts';

/** The page text a match covers, or undefined when nothing was found. */
function matched(page: string, quote: PageQuote): string | undefined {
  const result = findInPageText(indexPageText(page), quote);
  return result.status === 'found' ? page.slice(result.start, result.end) : undefined;
}

describe('findInPageText', () => {
  it('finds a quote that is in the page as it is, at its exact offsets', () => {
    const page = 'Intro. In exchange for artillery shells, food. Outro.';
    expect(findInPageText(indexPageText(page), { exact: 'In exchange for artillery shells, food.' })).toEqual({
      status: 'found',
      start: 7,
      end: 46,
      occurrences: 1,
      ambiguous: false,
      context: 1,
    });
  });

  it('tolerates reflowed white space, no-break spaces and tabs', () => {
    const page = '<p>North\n      Korea is\u00a0likely\treceiving\r\n food</p>';
    expect(matched(page, { exact: 'North Korea is likely receiving food' })).toBe(
      'North\n      Korea is\u00a0likely\treceiving\r\n food',
    );
    // And the other way round: the quote has the odd white space, the page has plain spaces.
    expect(matched('a b c d', { exact: ' b\n\n c\u2009 ' })).toBe('b c');
  });

  it('treats curly and straight quote marks, and dashes and hyphens, alike', () => {
    const page = 'Kim\u2019s campaign against \u201cforeign pollution\u201d \u2014 and the \u2018axis\u2019.';
    expect(matched(page, { exact: `Kim's campaign against "foreign pollution" - and the 'axis'` })).toBe(
      'Kim\u2019s campaign against \u201cforeign pollution\u201d \u2014 and the \u2018axis\u2019',
    );
    expect(matched("the 'axis of transactionalism'", { exact: '\u2018axis of transactionalism\u2019' })).toBe(
      "'axis of transactionalism'",
    );
    expect(matched('That Which is Unsustainable\u2026 end', { exact: 'Unsustainable...' })).toBe('Unsustainable\u2026');
  });

  it('skips soft hyphens and zero-width characters inside the page’s words, and keeps them out of the ends', () => {
    const page = 'x \u00adtrans\u00adac\u200btion\u00adal\u00ad y';
    expect(matched(page, { exact: 'transactional' })).toBe('trans\u00adac\u200btion\u00adal');
  });

  it('uses the prefix and suffix to choose among several occurrences', () => {
    const page = 'Seoul said no. Tokyo said no. Beijing said no.';
    const index = indexPageText(page);
    const second = findInPageText(index, { exact: 'said no.', prefix: 'Tokyo ', suffix: ' Beijing' });
    expect(second).toMatchObject({ status: 'found', start: 21, end: 29, occurrences: 3, ambiguous: false, context: 1 });
    // Context that only partly matches still wins over context that does not match at all.
    const third = findInPageText(index, { exact: 'said no.', prefix: 'In Beijing ', suffix: '' });
    expect(third).toMatchObject({ status: 'found', start: 38, ambiguous: false });
    expect(third.status === 'found' && third.context).toBeCloseTo(7 / 9);
  });

  it('compares the context with the spaces left out, so a paragraph break or a missing space does not matter', () => {
    const page = 'of last resort.Novel in the current situation\n\nIn exchange for';
    const result = findInPageText(indexPageText(page), {
      exact: 'Novel in the current situation',
      prefix: 'of last resort. ',
      suffix: ' In exchange',
    });
    expect(result).toMatchObject({ status: 'found', start: 15, context: 1 });
  });

  it('takes the first of several equally fitting occurrences, and says it is ambiguous', () => {
    const page = 'one two. one two. one two.';
    expect(findInPageText(indexPageText(page), { exact: 'one two' })).toMatchObject({
      status: 'found',
      start: 0,
      occurrences: 3,
      ambiguous: true,
    });
    expect(findInPageText(indexPageText(page), { exact: 'one two', prefix: 'two. ' })).toMatchObject({
      start: 9,
      ambiguous: true,
    });
  });

  it('finds a quote that occurs once even when its context has changed, and scores the context', () => {
    const result = findInPageText(indexPageText('Completely new words around the quoted passage here.'), {
      exact: 'the quoted passage',
      prefix: 'zzz ',
      suffix: ' qqq',
    });
    expect(result).toMatchObject({ status: 'found', start: 28, end: 46, context: 0 });
  });

  it('says when a quote is not on the page, or is empty', () => {
    const index = indexPageText('Nothing to see here.');
    expect(findInPageText(index, { exact: 'Something else' })).toEqual({ status: 'not-found' });
    expect(findInPageText(index, { exact: ' \n ' })).toEqual({ status: 'not-found' });
    expect(findInPageText(indexPageText(''), { exact: 'a' })).toEqual({ status: 'not-found' });
  });

  it('returns one result per quote, in order, repeated quotes included', () => {
    const index = indexPageText('alpha beta gamma delta epsilon zeta eta theta');
    const results = findManyInPageText(index, [
      { exact: 'gamma delta epsilon' },
      { exact: 'missing words here' },
      { exact: 'beta' },
      { exact: 'gamma delta epsilon' },
    ]);
    expect(results.map((result) => (result.status === 'found' ? result.start : -1))).toEqual([11, -1, 6, 11]);
  });
});

describe('the seed dataset’s quotes on a reformatted page', () => {
  const text = readFileSync('graph-data/sources/easley-2024-axis-of-transactionalism.txt', 'utf8');
  const dataset = JSON.parse(readFileSync('graph-data/easley-2024-axis-of-transactionalism.json', 'utf8')) as {
    ties: { evidence: (PageQuote & { start: number; end: number })[] }[];
  };
  const quotes = dataset.ties.flatMap((tie) => tie.evidence);

  it('finds every quote at its own offsets in the source text itself', () => {
    const results = findManyInPageText(indexPageText(text), quotes);
    expect(results.filter((result) => result.status !== 'found')).toEqual([]);
    expect(results.map((result) => result.status === 'found' && [result.start, result.end])).toEqual(
      quotes.map((quote) => [quote.start, quote.end]),
    );
  });

  it('finds every quote in a page with straight quotes, reflowed lines and no-break spaces', () => {
    const page = text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/ (\w{1,3}) /g, ' $1\u00a0')
      .replace(/(.{60}\S*) /g, '$1\n        ');
    const results = findManyInPageText(indexPageText(page), quotes);
    expect(results.filter((result) => result.status !== 'found')).toEqual([]);
    for (const [i, result] of results.entries()) {
      const quote = quotes[i] as PageQuote;
      if (result.status !== 'found') continue;
      expect(foldPageText(page.slice(result.start, result.end))).toBe(foldPageText(quote.exact).trim());
    }
  });
});

describe('speed', () => {
  it('finds 1,000 quotes in a 200 KB article quickly', () => {
    const words =
      'the of and to in a is that for on with as by at from regime alliance Pyongyang Moscow Beijing Seoul trade arms food fuel'.split(
        ' ',
      );
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let page = '';
    while (page.length < 200_000) page += `${words[Math.floor(random() * words.length)]}${random() < 0.1 ? '.\n\n' : ' '}`;
    const quotes: PageQuote[] = [];
    for (let i = 0; i < 1000; i++) {
      const start = Math.floor(random() * (page.length - 200));
      const length = 40 + Math.floor(random() * 120);
      quotes.push({
        exact: page.slice(start, start + length),
        prefix: page.slice(Math.max(0, start - 32), start),
        suffix: page.slice(start + length, start + length + 32),
      });
    }
    const began = performance.now();
    const index = indexPageText(page);
    const indexed = performance.now();
    const results = findManyInPageText(index, quotes);
    const ended = performance.now();
    console.info(
      `200 KB page, 1,000 quotes: indexing ${(indexed - began).toFixed(1)} ms, matching ${(ended - indexed).toFixed(1)} ms`,
    );
    expect(results.every((result) => result.status === 'found')).toBe(true);
    // Generous for a shared 2-core machine; it takes a few tens of milliseconds when idle.
    expect(ended - began).toBeLessThan(1500);
  });
});

/** A page made from a text: each space, quote mark and letter may be written another way. */
const SPACES = [' ', '  ', '\n', '\n\n    ', '\u00a0', '\t', ' \u200b'];
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  "'": ["'", '\u2018', '\u2019'],
  '"': ['"', '\u201c', '\u201d', '\u201e'],
  '-': ['-', '\u2013', '\u2014'],
};

describe('property: a slice of a text is found in any reformatting of that text', () => {
  it('finds the slice, and maps it back to page text that folds to the same words', () => {
    const alphabet = fc.constantFrom(...'abcde fg\'"-.'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 200 }).map((chars) => chars.join('')),
        fc.nat(),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
        (text, a, b, choices) => {
          const start = a % text.length;
          const end = start + 1 + (b % (text.length - start));
          const exact = text.slice(start, end);
          fc.pre(exact.trim() !== '');
          const page = [...text]
            .map((char, i) => {
              const pick = choices[i] as number;
              if (char === ' ') return SPACES[pick % SPACES.length];
              const variants = VARIANTS[char];
              if (variants !== undefined) return variants[pick % variants.length];
              return pick % 11 === 0 ? `\u00ad${char}` : char;
            })
            .join('');
          const quote = { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
          const result: PageTextMatch = findInPageText(indexPageText(page), quote);
          expect(result.status).toBe('found');
          if (result.status !== 'found') return;
          expect(foldPageText(page.slice(result.start, result.end))).toBe(foldPageText(exact).trim());
          // The chosen occurrence fits the context at least as well as the slice's own place did.
          expect(result.context).toBeGreaterThan(0.99);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
