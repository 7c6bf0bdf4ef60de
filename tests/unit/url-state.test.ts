/** The widget's state in the URL's hash: the format, its neighbours in the hash, and garbage. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIE_CATEGORIES, type TieCategory } from '../../src/model/vocabulary.ts';
import {
  DEFAULT_STATE,
  decodeState,
  encodeState,
  hashAnchor,
  hashWidgetKeys,
  keyElementId,
  parseComparePair,
  readHashState,
  sameState,
  stateKey,
  WIDGET_VIEWS,
  type WidgetState,
  writeHashState,
} from '../../src/state/url-state.ts';

const KEY = stateKey(null);

/** A state that differs from the default in every field. */
const FULL: WidgetState = {
  view: 'compare',
  selected: 'prk-rus-arms-for-food',
  categories: new Set<TieCategory>(['alliance', 'transaction']),
  hiddenTypes: new Set(['arms-for-food', 'diplomatic-cover']),
  showAbsent: true,
  compare: ['hostility', 'diplomacy'],
  dates: { from: '2022', to: '2024-06' },
};

describe('encoding a state', () => {
  it('writes nothing for the baseline, so an untouched widget adds nothing to the URL', () => {
    expect(encodeState(DEFAULT_STATE, DEFAULT_STATE)).toBe('');
    expect(writeHashState('', KEY, DEFAULT_STATE, DEFAULT_STATE)).toBe('');
    expect(writeHashState('#intro', KEY, DEFAULT_STATE, DEFAULT_STATE)).toBe('#intro');
  });

  it('writes every field in a short, readable form', () => {
    expect(writeHashState('', KEY, FULL, DEFAULT_STATE)).toBe(
      '#ag=view:compare;sel:prk-rus-arms-for-food;cat:alliance,transaction;hide:arms-for-food,diplomatic-cover;absent:1;cmp:hostility,diplomacy;from:2022;to:2024-06',
    );
    expect(writeHashState('', KEY, { ...DEFAULT_STATE, selected: 'PRK', view: 'table' }, DEFAULT_STATE)).toBe(
      '#ag=view:table;sel:PRK',
    );
  });

  it('round-trips every field on its own', () => {
    for (const field of Object.keys(FULL) as (keyof WidgetState)[]) {
      const state = { ...DEFAULT_STATE, [field]: FULL[field] } as WidgetState;
      const hash = writeHashState('', KEY, state, DEFAULT_STATE);
      expect(hash, field).toMatch(/^#ag=\w+:/);
      const read = readHashState(hash, KEY, DEFAULT_STATE);
      expect(read.problems, field).toEqual([]);
      expect(read.state, field).toEqual(state);
    }
  });

  it('writes the values that undo what the attributes set: none selected, all categories, the graph, open ends', () => {
    const hash = writeHashState('', KEY, DEFAULT_STATE, FULL);
    expect(hash).toBe('#ag=view:graph;sel:;cat:all;hide:;absent:0;cmp:alliance,transaction;from:;to:');
    expect(readHashState(hash, KEY, FULL).state).toEqual(DEFAULT_STATE);
    const none = { ...DEFAULT_STATE, categories: new Set<TieCategory>() };
    expect(writeHashState('', KEY, none, DEFAULT_STATE)).toBe('#ag=cat:none');
    expect(readHashState('#ag=cat:none', KEY, DEFAULT_STATE).state.categories).toEqual(new Set());
  });

  it('escapes ids that hold the separators, and keeps colons readable', () => {
    const state = { ...DEFAULT_STATE, selected: 'a;b&c=d,e#f g:h%', hiddenTypes: new Set(['x,y', 'z;w']) };
    const hash = writeHashState('', KEY, state, DEFAULT_STATE);
    expect(hash).toBe('#ag=sel:a%3Bb%26c%3Dd%2Ce%23f%20g:h%25;hide:x%2Cy,z%3Bw');
    expect(readHashState(hash, KEY, DEFAULT_STATE).state).toEqual(state);
  });
});

describe('sharing the hash', () => {
  const selected = (id: string) => ({ ...DEFAULT_STATE, selected: id });

  it("keeps the page's anchor first and its other parts in place", () => {
    expect(writeHashState('#section-2', KEY, selected('PRK'), DEFAULT_STATE)).toBe('#section-2&ag=sel:PRK');
    expect(writeHashState('#section-2&ag=sel:PRK&t=30', KEY, selected('RUS'), DEFAULT_STATE)).toBe('#section-2&ag=sel:RUS&t=30');
    // Back to the baseline, the hash is the page's own again, so its anchor works as before.
    expect(writeHashState('#section-2&ag=sel:PRK', KEY, DEFAULT_STATE, DEFAULT_STATE)).toBe('#section-2');
    expect(readHashState('#section-2&ag=sel:PRK&t=30', KEY, DEFAULT_STATE).state.selected).toBe('PRK');
  });

  it('finds the anchor the browser can no longer scroll to by itself', () => {
    expect(hashAnchor('#section-2&ag=sel:PRK')).toBe('section-2');
    expect(hashAnchor('#ag=sel:PRK&%EB%B3%B8%EB%AC%B8')).toBe('본문');
    // With no widget part, the browser handles the anchor itself.
    expect(hashAnchor('#section-2')).toBeUndefined();
    expect(hashAnchor('#ag=sel:PRK&t=30')).toBeUndefined();
    expect(hashAnchor('')).toBeUndefined();
  });

  it('keeps several widgets apart by their ids', () => {
    const map = stateKey('map');
    const odd = stateKey('a=b&c');
    expect(map).toBe('ag-map');
    let hash = writeHashState('#notes', map, selected('PRK'), DEFAULT_STATE);
    hash = writeHashState(hash, odd, selected('RUS'), DEFAULT_STATE);
    hash = writeHashState(hash, KEY, { ...DEFAULT_STATE, view: 'table' }, DEFAULT_STATE);
    expect(hash).toBe('#notes&ag-map=sel:PRK&ag-a%3Db%26c=sel:RUS&ag=view:table');
    expect(readHashState(hash, map, DEFAULT_STATE).state.selected).toBe('PRK');
    expect(readHashState(hash, odd, DEFAULT_STATE).state.selected).toBe('RUS');
    expect(readHashState(hash, KEY, DEFAULT_STATE).state.view).toBe('table');
    expect(readHashState(hash, stateKey('other'), DEFAULT_STATE).present).toBe(false);
    expect(hashWidgetKeys(hash)).toEqual(['ag-map', 'ag-a=b&c', 'ag']);
    expect(hashWidgetKeys(hash).map(keyElementId)).toEqual(['map', 'a=b&c', null]);
    // Rewriting one widget's part leaves the others alone.
    expect(writeHashState(hash, map, DEFAULT_STATE, DEFAULT_STATE)).toBe('#notes&ag-a%3Db%26c=sel:RUS&ag=view:table');
  });

  it('writes a lone surrogate in an id as U+FFFD instead of throwing', () => {
    const hash = writeHashState('', stateKey('map\uD800'), selectedOnly('a\uDC00b'), DEFAULT_STATE);
    expect(hash).toBe('#ag-map%EF%BF%BD=sel:a%EF%BF%BDb');
    expect(readHashState(hash, stateKey('map\uD800'), DEFAULT_STATE).state.selected).toBe('a\uFFFDb');
  });

  it('reads the first part of a key given twice, and writes one', () => {
    expect(readHashState('#ag=sel:A&ag=sel:B', KEY, DEFAULT_STATE).state.selected).toBe('A');
    expect(writeHashState('#ag=sel:A&x&ag=sel:B', KEY, selected('C'), DEFAULT_STATE)).toBe('#ag=sel:C&x');
  });
});

describe('decoding garbage', () => {
  it('ignores what it does not understand, names it, and keeps the rest', () => {
    const { state, problems } = decodeState(
      'view:map;sel:PRK;cat:alliance,war;colour:red;absent:yes;cmp:alliance,alliance;from:2024-13;to:soon;novalue',
      DEFAULT_STATE,
    );
    expect(state).toEqual(selectedOnly('PRK'));
    expect(problems).toEqual([
      '"view:map": the view must be graph, compare, table',
      '"cat:alliance,war": the categories must be all, none or a list of alliance, transaction, hostility, competition, diplomacy',
      '"colour:red": it is not a field the widget knows',
      '"absent:yes": it must be 1 or 0',
      '"cmp:alliance,alliance": it must name two different categories of alliance, transaction, hostility, competition, diplomacy',
      '"from:2024-13": the date must be YYYY, YYYY-MM or YYYY-MM-DD, on a day its month has',
      '"to:soon": the date must be YYYY, YYYY-MM or YYYY-MM-DD, on a day its month has',
      '"novalue": it has no value',
    ]);
  });

  it('drops a range that ends before it starts, and bad percent-encoding', () => {
    expect(decodeState('from:2024;to:2023-12', DEFAULT_STATE)).toEqual({
      state: DEFAULT_STATE,
      problems: ['"from:2024;to:2023-12": the range ends before it starts'],
    });
    expect(decodeState('from:2024-06;to:2024', DEFAULT_STATE).state.dates).toEqual({ from: '2024-06', to: '2024' });
    expect(decodeState('from:2023-02-29', DEFAULT_STATE).problems).toEqual([
      '"from:2023-02-29": the date must be YYYY, YYYY-MM or YYYY-MM-DD, on a day its month has',
    ]);
    const bad = readHashState('#ag=sel:%E0%A4%A;hide:%', KEY, DEFAULT_STATE);
    expect(bad.state).toEqual(DEFAULT_STATE);
    expect(bad.problems).toHaveLength(2);
    // A key that is not valid percent-encoding belongs to nobody.
    expect(readHashState('#%E0%A4=sel:PRK', KEY, DEFAULT_STATE).present).toBe(false);
  });

  it('never throws, and always gives a usable state, whatever the hash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('#', '#ag=', '#x&ag='), (text, lead) => {
        const read = readHashState(lead + text, KEY, DEFAULT_STATE);
        expect(WIDGET_VIEWS).toContain(read.state.view);
        expect(read.state.compare[0]).not.toBe(read.state.compare[1]);
        for (const category of read.state.categories) expect(TIE_CATEGORIES).toContain(category);
        hashAnchor(lead + text);
        hashWidgetKeys(lead + text);
      }),
      { numRuns: 2000 },
    );
  });
});

function selectedOnly(id: string): WidgetState {
  return { ...DEFAULT_STATE, selected: id };
}

describe('the compare attribute', () => {
  it('reads two different categories, and falls back to alliance and transaction', () => {
    expect(parseComparePair(' hostility  diplomacy ')).toEqual(['hostility', 'diplomacy']);
    expect(parseComparePair('hostility hostility')).toEqual(['alliance', 'transaction']);
    expect(parseComparePair('hostility')).toEqual(['alliance', 'transaction']);
    expect(parseComparePair(undefined)).toEqual(['alliance', 'transaction']);
  });
});

/** Random states, within what the widget can hold: non-empty ids, ordered partial dates. */
const category = fc.constantFrom(...TIE_CATEGORIES);
const date = fc
  .tuple(fc.integer({ min: 1900, max: 2100 }), fc.option(fc.integer({ min: 1, max: 12 })), fc.integer({ min: 1, max: 28 }))
  .chain(([year, month, day]) =>
    fc.constantFrom(
      String(year),
      ...(month === null
        ? []
        : [
            `${year}-${String(month).padStart(2, '0')}`,
            `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          ]),
    ),
  );
const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
const stateArbitrary: fc.Arbitrary<WidgetState> = fc
  .record({
    view: fc.constantFrom(...WIDGET_VIEWS),
    selected: fc.option(id),
    categories: fc.uniqueArray(category),
    hiddenTypes: fc.uniqueArray(id, { maxLength: 4 }),
    showAbsent: fc.boolean(),
    compare: fc.uniqueArray(category, { minLength: 2, maxLength: 2 }),
    from: fc.option(date),
    to: fc.option(date),
  })
  .map(({ categories, hiddenTypes, compare, from, to, ...rest }) => {
    const [start, end] = from !== null && to !== null && from > to ? [to, from] : [from, to];
    return {
      ...rest,
      categories: new Set(categories),
      hiddenTypes: new Set(hiddenTypes),
      compare: compare as unknown as readonly [TieCategory, TieCategory],
      dates: { ...(start === null ? {} : { from: start }), ...(end === null ? {} : { to: end }) },
    };
  });

describe('any state', () => {
  it('comes back as it went in, over any baseline, beside any other parts of the hash', () => {
    fc.assert(
      fc.property(
        stateArbitrary,
        stateArbitrary,
        fc.option(fc.constantFrom('#top', '#section-2&t=30', '#ag-other=sel:X')),
        fc.option(id),
        (state, baseline, host, elementId) => {
          const key = stateKey(elementId);
          const hash = writeHashState(host ?? '', key, state, baseline);
          const read = readHashState(hash, key, baseline);
          expect(read.problems).toEqual([]);
          expect(sameState(read.state, state)).toBe(true);
          expect(read.state).toEqual(state);
          // The host's parts are still there, in their order.
          if (host !== null) expect(hash.startsWith(host)).toBe(true);
          // Written twice, the hash is the same.
          expect(writeHashState(hash, key, state, baseline)).toBe(hash);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
