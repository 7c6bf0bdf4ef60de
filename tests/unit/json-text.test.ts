import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../src/validation/json-path.ts';
import { lineAndColumn, parseJsonText } from '../../src/validation/json-text.ts';

describe('formatJsonPath', () => {
  it('writes keys and indexes the way JavaScript does', () => {
    expect(formatJsonPath(['ties', 12, 'evidence', 0, 'exact'])).toBe('ties[12].evidence[0].exact');
    expect(formatJsonPath(['actors', 0, 'names', 'zh-Hant'])).toBe('actors[0].names["zh-Hant"]');
    expect(formatJsonPath([])).toBe('$');
  });
});

describe('parseJsonText', () => {
  it('gives the same value as JSON.parse and locates every value', () => {
    const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c": true\n}';
    const result = parseJsonText(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.json.value).toEqual(JSON.parse(text));
    const b = result.json.locate(['a', 1, 'b']);
    expect(b && text.slice(b.start, b.end)).toBe('"x\\"y"');
    expect(b?.line).toBe(2);
    expect(result.json.locate(['c'])).toMatchObject({ line: 3, column: 8 });
    expect(result.json.locate(['missing'])).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'a property name'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, '"," or "}"'],
    ['[1, 2', 1, 6, '"," or "]"'],
    ['{"a": "open}', 1, 7, 'never closed'],
    ['{"a": tru}', 1, 7, 'a value'],
    ['', 1, 1, 'a value'],
    ['{} x', 1, 4, 'the end of the file'],
  ])('reports %j at line %i, column %i', (text, line, column, words) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line, column });
    expect(result.error.message).toContain(words);
  });

  it('accepts a byte order mark', () => {
    const result = parseJsonText('\ufeff{"a": 1}');
    expect(result.ok && result.json.value).toEqual({ a: 1 });
  });

  it('lists the keys written twice in one object, where JSON.parse silently keeps the last', () => {
    const text = '{\n  "id": "a",\n  "ties": [{"id": "x", "id": "y"}],\n  "ties": []\n}';
    const result = parseJsonText(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.json.value).toEqual({ id: 'a', ties: [] });
    expect(result.json.repeatedKeys).toEqual([
      { path: ['ties', 0, 'id'], firstLine: 3, line: 3 },
      { path: ['ties'], firstLine: 3, line: 4 },
    ]);
    // Written three times: each repeat is placed on its own line.
    const thrice = parseJsonText('{\n"a": 1,\n"a": 2,\n"a": 3\n}');
    expect(thrice.ok && thrice.json.repeatedKeys.map(({ line, firstLine }) => [line, firstLine])).toEqual([
      [3, 2],
      [4, 2],
    ]);
    expect(result.json.locate(['ties'])?.line).toBe(4);
    // The same key in two objects is no repeat.
    const apart = parseJsonText('[{"id": 1}, {"id": 2}]');
    expect(apart.ok && apart.json.repeatedKeys).toEqual([]);
  });

  it('places too deep a nesting as an error, where the scan would overflow the call stack', () => {
    for (const text of [`${'['.repeat(20_000)}${']'.repeat(20_000)}`, `{"id": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`]) {
      const result = parseJsonText(text);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toBe('Invalid JSON: the values are nested more than 1,000 levels deep here');
      expect(result.error.line).toBe(1);
    }
    const deepEnough = `${'['.repeat(1000)}${']'.repeat(1000)}`;
    expect(parseJsonText(deepEnough).ok).toBe(true);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
