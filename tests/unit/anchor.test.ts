import { describe, expect, it } from 'vitest';
import { anchorQuote, findAll, findNormalized } from '../../src/evidence/anchor.ts';
import { findInPageText, indexPageText } from '../../src/evidence/find-in-page-text.ts';
import { foldWithOrigin } from '../../src/evidence/text-fold.ts';

const text = 'One two three. One two three. Four “five” six.';

describe('anchorQuote', () => {
  it('finds a quote at its offsets', () => {
    expect(anchorQuote(text, { exact: 'Four', start: 30, end: 34 })).toEqual({
      status: 'exact',
      at: { start: 30, end: 34 },
      ambiguous: false,
      occurrences: 1,
    });
  });

  it('reports a quote that moved as drifted, with its real offsets', () => {
    const result = anchorQuote(text, { exact: 'Four', start: 28, end: 32 });
    expect(result).toMatchObject({ status: 'drifted', at: { start: 30, end: 34 } });
  });

  it('uses prefix and suffix to pick the occurrence meant', () => {
    const second = { exact: 'One two three.', prefix: 'three. ', start: 0, end: 14 };
    expect(anchorQuote(text, second)).toMatchObject({ status: 'drifted', at: { start: 15, end: 29 }, ambiguous: false });
  });

  it('flags a repeated quote without context as ambiguous, even at the right offsets', () => {
    expect(anchorQuote(text, { exact: 'One two three.', start: 0, end: 14 })).toMatchObject({
      status: 'exact',
      ambiguous: true,
      occurrences: 2,
    });
  });

  it('reports a quote that is nowhere as orphaned, with a near match when only quote marks differ', () => {
    expect(anchorQuote(text, { exact: 'Four "five"  six', start: 0, end: 4 })).toEqual({
      status: 'orphaned',
      near: { start: 30, end: 45 },
    });
    expect(anchorQuote(text, { exact: 'seven', start: 0, end: 5 })).toEqual({ status: 'orphaned', near: undefined });
  });
});

describe('text folding', () => {
  it('maps folded offsets back to the original text', () => {
    const { folded, origin } = foldWithOrigin('a  “b”');
    expect(folded).toBe('a "b"');
    expect([...origin]).toEqual([0, 1, 3, 4, 5, 6]);
    expect(findNormalized('x  ‘y’ z', "'y' z")).toEqual({ start: 3, end: 8 });
  });

  it('accepts for the near hint exactly the variations page matching accepts', () => {
    const text = 'Atlantis\u00a0sells gra\u00adin\u200b to Borea\u00adlis… and Caldera—Borealis “trade”.';
    const quotes = [
      'Atlantis sells grain to Borealis...',
      'Caldera-Borealis "trade"',
      'sells  grain',
      'Borealis sells grain',
      'Caldera - Borealis',
    ];
    const index = indexPageText(text);
    for (const exact of quotes) {
      const page = findInPageText(index, { exact });
      const near = findNormalized(text, exact);
      expect(near, exact).toEqual(page.status === 'found' ? { start: page.start, end: page.end } : undefined);
    }
    // Soft hyphens, zero-width spaces, no-break spaces and the ellipsis are folded away.
    expect(findNormalized(text, quotes[0] as string)).toEqual({ start: 0, end: 36 });
    expect(anchorQuote(text, { exact: quotes[0] as string, start: 0, end: 1 })).toEqual({
      status: 'orphaned',
      near: { start: 0, end: 36 },
    });
  });

  it('finds overlapping occurrences', () => {
    expect(findAll('aaa', 'aa')).toEqual([0, 1]);
    expect(findAll('abc', '')).toEqual([]);
  });
});

describe('findAllMany', () => {
  it('finds every occurrence of every needle, short and long, as findAll does one by one', async () => {
    const { findAllMany } = await import('../../src/evidence/anchor.ts');
    const haystack = 'the cat sat on the mat; the cat sat on the hat. the cat sat on the mat again.';
    const needles = [
      'the cat sat on the mat',
      'the cat sat on the',
      'hat',
      'the',
      'missing needle here',
      'the cat sat on the mat',
    ];
    // Each needle on its own (as for a short text), and all in one indexed pass (a long one).
    for (const separateSearchMax of [Number.POSITIVE_INFINITY, 0]) {
      const found = findAllMany(haystack, needles, separateSearchMax);
      expect([...found.keys()]).toEqual([...new Set(needles)]);
      for (const needle of needles) expect(found.get(needle), needle).toEqual(findAll(haystack, needle));
      expect(found.get('the cat sat on the')).toHaveLength(3);
    }
  });

  it('finds in one pass what findAll finds, in a text of few letters where keys repeat', async () => {
    const { findAllMany } = await import('../../src/evidence/anchor.ts');
    // A seeded draw over four letters (two of them outside Latin-1, one a Hangul syllable) makes
    // many windows share a hash slot and many needles occur more than once.
    let state = 7;
    const draw = (below: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state % below;
    };
    const letters = ['a', 'b', '가', '\u2014'];
    const haystack = Array.from({ length: 5_000 }, () => letters[draw(4)]).join('');
    const needles = Array.from({ length: 300 }, () => {
      const start = draw(haystack.length - 40);
      return haystack.slice(start, start + 12 + draw(28));
    });
    needles.push(haystack.slice(-12), haystack.slice(-30), haystack, `${haystack.slice(0, 20)}x`, 'a'.repeat(40));
    const found = findAllMany(haystack, needles, 0);
    for (const needle of needles) expect(found.get(needle), needle).toEqual(findAll(haystack, needle));
    expect(found.get(haystack.slice(-12))?.at(-1)).toBe(haystack.length - 12);
  });
});
