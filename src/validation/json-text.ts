/**
 * Parses JSON text while remembering where each value stands in it. The validator uses the
 * positions to give line numbers in its report, and `--fix-offsets` uses them to rewrite single
 * numbers without reformatting the rest of the file. Syntax errors come back with a line and a
 * column, worded the same in every JavaScript engine.
 */
import { formatJsonPath, type JsonPath } from './json-path.ts';

/** Where a value stands in the text: `start` and `end` are string offsets, end exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** A JSON syntax error, placed by line and column (both counted from 1). */
export interface JsonSyntaxError {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A key written twice in one object, of which `JSON.parse` keeps only the last value. */
export interface RepeatedKey {
  /** The path of the key's value. */
  readonly path: JsonPath;
  /** The line (from 1) where the key was first written. */
  readonly firstLine: number;
  /** The line (from 1) where it was written again. */
  readonly line: number;
}

/** The parsed value and a way to find where any of its values was written. */
export interface LocatedJson {
  readonly value: unknown;
  /** Where the value at `path` was written, or `undefined` if the path does not exist. */
  locate(path: JsonPath): TextSpan | undefined;
  /** The keys written more than once in the same object, in the order of the text. */
  readonly repeatedKeys: readonly RepeatedKey[];
}

export type ParseJsonResult = { ok: true; json: LocatedJson } | { ok: false; error: JsonSyntaxError };

/** Finds the line and column (from 1) of a string offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

class SyntaxFault {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Deeper than this, the scan stops: no dataset nests so deep, and the call stack would overflow. */
const MAX_DEPTH = 1000;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function describe(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === '"') return 'a double quote';
  return JSON.stringify(char);
}

/**
 * Walks the text once, recording the span of every value by its formatted path, and each key
 * written again in the same object with the offset where it was first written.
 */
function scan(
  text: string,
  spans: Map<string, [number, number]>,
  repeats: { path: JsonPath; firstOffset: number; offset: number }[],
): void {
  let pos = 0;
  const skip = () => {
    while (pos < text.length && WHITESPACE.has(text[pos] as string)) pos++;
  };
  const fail = (expected: string): never => {
    throw new SyntaxFault(`expected ${expected} but found ${describe(text[pos])}`, pos);
  };
  const readString = (): string => {
    const open = pos;
    pos++;
    let value = '';
    let chunkStart = pos;
    for (;;) {
      const char = text[pos];
      if (char === undefined) throw new SyntaxFault('this text in quotes is never closed', open);
      if (char === '"') break;
      if (char === '\\') {
        value += text.slice(chunkStart, pos);
        const next = text[pos + 1];
        if (next === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFault('"\\u" must be followed by 4 hex digits', pos);
          value += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 6;
        } else if (next !== undefined && ESCAPES.has(next)) {
          value +=
            next === 'b' ? '\b' : next === 'f' ? '\f' : next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next;
          pos += 2;
        } else {
          throw new SyntaxFault(`${describe(next)} cannot follow a backslash`, pos);
        }
        chunkStart = pos;
        continue;
      }
      if (char < ' ') throw new SyntaxFault('a control character (such as a line break) must be escaped inside quotes', pos);
      pos++;
    }
    value += text.slice(chunkStart, pos);
    pos++;
    return value;
  };
  /** After an item of an object or list: `true` at its closing bracket, `false` at a comma. */
  const closesAfterItem = (close: '}' | ']'): boolean => {
    skip();
    const char = text[pos];
    if (char !== ',' && char !== close) fail(`"," or "${close}"`);
    pos++;
    return char === close;
  };
  const readValue = (path: (string | number)[]): void => {
    skip();
    const start = pos;
    const char = text[pos];
    if ((char === '{' || char === '[') && path.length >= MAX_DEPTH) {
      throw new SyntaxFault(`the values are nested more than ${MAX_DEPTH.toLocaleString('en')} levels deep here`, pos);
    }
    if (char === '{') {
      pos++;
      skip();
      const keys = new Map<string, number>();
      if (text[pos] === '}') pos++;
      else
        for (;;) {
          skip();
          if (text[pos] !== '"') fail('a property name in double quotes');
          const keyStart = pos;
          const key = readString();
          const first = keys.get(key);
          if (first === undefined) keys.set(key, keyStart);
          else repeats.push({ path: [...path, key], firstOffset: first, offset: keyStart });
          skip();
          if (text[pos] !== ':') fail('":" after the property name');
          pos++;
          path.push(key);
          readValue(path);
          path.pop();
          if (closesAfterItem('}')) break;
        }
    } else if (char === '[') {
      pos++;
      skip();
      if (text[pos] === ']') pos++;
      else
        for (let index = 0; ; index++) {
          path.push(index);
          readValue(path);
          path.pop();
          if (closesAfterItem(']')) break;
        }
    } else if (char === '"') {
      readString();
    } else if (text.startsWith('true', pos) || text.startsWith('null', pos)) {
      pos += 4;
    } else if (text.startsWith('false', pos)) {
      pos += 5;
    } else {
      NUMBER.lastIndex = pos;
      if (!NUMBER.test(text)) fail('a value (text in double quotes, a number, true, false, null, an object or a list)');
      pos = NUMBER.lastIndex;
    }
    spans.set(formatJsonPath(path), [start, pos]);
  };
  readValue([]);
  skip();
  if (pos < text.length) fail('the end of the file after the value');
}

/**
 * Parses `text` as JSON. On success the value is exactly what `JSON.parse` gives; on failure the
 * error says what was expected, and where.
 */
export function parseJsonText(text: string): ParseJsonResult {
  // A byte order mark is not JSON, but editors write it; skip it rather than fail on it.
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const spans = new Map<string, [number, number]>();
  const repeats: { path: JsonPath; firstOffset: number; offset: number }[] = [];
  try {
    scan(body, spans, repeats);
  } catch (fault) {
    if (!(fault instanceof SyntaxFault)) throw fault;
    const { line, column } = lineAndColumn(body, fault.offset);
    return { ok: false, error: { message: `Invalid JSON: ${fault.message}`, offset: fault.offset, line, column } };
  }
  const value: unknown = JSON.parse(body);
  return {
    ok: true,
    json: {
      value,
      repeatedKeys: repeats.map(({ path, firstOffset, offset }) => ({
        path,
        firstLine: lineAndColumn(body, firstOffset).line,
        line: lineAndColumn(body, offset).line,
      })),
      locate(path) {
        const span = spans.get(formatJsonPath(path));
        if (span === undefined) return undefined;
        const { line, column } = lineAndColumn(body, span[0]);
        return { start: span[0], end: span[1], line, column };
      },
    },
  };
}
