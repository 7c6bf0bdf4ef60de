import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromUrl, prepareDataset, urlTextLoader } from '../../src/adapters/load-dataset.ts';
import { validateDataset } from '../../src/validation/validate.ts';
import { FIXTURE_TEXT, fixture, memoryLoader } from './helpers.ts';

const FIXTURE = readFileSync('tests/fixtures/valid/sample.json', 'utf8');

/** A fetch that serves fixed answers by URL, and records what was asked. */
function fakeFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const route = routes[url];
    if (route === undefined) return new Response('not here', { status: 404, statusText: 'Not Found' });
    return route();
  }) as typeof fetch;
  return { fetcher, asked };
}

describe('loadDatasetFromUrl', () => {
  it('loads a dataset and fetches its texts relative to its URL', async () => {
    const { fetcher, asked } = fakeFetch({
      'https://example.org/data/sample.json': () => new Response(FIXTURE),
      'https://example.org/data/sample.txt': () => new Response(FIXTURE_TEXT),
    });
    const result = await loadDatasetFromUrl('https://example.org/data/sample.json', { fetch: fetcher });
    expect(result.ok).toBe(true);
    expect(asked).toEqual(['https://example.org/data/sample.json', 'https://example.org/data/sample.txt']);
    if (result.ok) expect(result.value.texts.get('sample')).toBe(FIXTURE_TEXT);
  });

  it.each<[string, () => Response | Promise<Response>, RegExp]>([
    [
      'a 404',
      () => new Response('', { status: 404, statusText: 'Not Found' }),
      /x\.json could not be loaded: the server answered HTTP 404 Not Found\./,
    ],
    ['a 500', () => new Response('', { status: 500 }), /HTTP 500\./],
    [
      'a body that is not JSON',
      () => new Response('<html>oops</html>'),
      /x\.json is not JSON: Invalid JSON: .* at line 1, column 1\./,
    ],
    ['a truncated body', () => new Response(FIXTURE.slice(0, 200)), /is not JSON: .*the end of the file/],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch')), /could not be fetched: the network failed.*CORS/],
  ])('names the URL and the cause for %s', async (_, answer, message) => {
    const { fetcher } = fakeFetch({ 'https://example.org/x.json': answer });
    const result = await loadDatasetFromUrl('https://example.org/x.json', { fetch: fetcher });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('gives up on a slow server after the timeout', async () => {
    const slow = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof fetch;
    const result = await loadDatasetFromUrl('https://example.org/slow.json', { fetch: slow, timeoutMs: 50 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('https://example.org/slow.json did not answer within 0.05 s.');
  });

  it('reports an invalid dataset by the path of its first error', async () => {
    const bad = fixture();
    Object.assign(bad.ties[1] as object, { target: 'NOPE' });
    const error = await failureOf('bad.json', JSON.stringify(bad));
    expect(error?.message).toBe(
      'https://example.org/bad.json is not a valid actor-graph dataset (1 error). First: ties[1].target: The target "NOPE" of tie "atl-cal-pact" is not the id of any actor.',
    );
    expect(error?.issues).toHaveLength(1);
  });
});

/** Loads `body` as the dataset `name` of example.org (with the fixture's text beside it), and gives why it failed. */
async function failureOf(name: string, body: string) {
  const { fetcher } = fakeFetch({
    [`https://example.org/${name}`]: () => new Response(body),
    'https://example.org/sample.txt': () => new Response(FIXTURE_TEXT),
  });
  const result = await loadDatasetFromUrl(`https://example.org/${name}`, { fetch: fetcher });
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.error;
}

describe('loadDatasetFromUrl and keys that JavaScript gives a meaning of its own', () => {
  it('refuses a "__proto__" key that JSON.parse keeps, by its path, where valibot would drop it', async () => {
    const text = FIXTURE.replace('"ko": "아틀란티스"', '"ko": "아틀란티스", "__proto__": {"ko": "북한"}');
    expect(text).not.toBe(FIXTURE);
    expect((await failureOf('proto.json', text))?.message).toBe(
      'https://example.org/proto.json is not a valid actor-graph dataset (1 error). First: actors[0].names.__proto__: "__proto__" is not allowed as a key: JavaScript gives it a meaning of its own, so its value would be lost.',
    );
  });
});

describe('prepareDataset', () => {
  it('draws a dataset whose texts are missing, with a notice', async () => {
    const result = await prepareDataset(fixture(), memoryLoader({}));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.notices.map((n) => n.code)).toEqual(['source-text-missing']);
  });

  it('prefers inline texts to fetching', async () => {
    const { fetcher, asked } = fakeFetch({});
    const loader = urlTextLoader('https://example.org/', { fetch: fetcher }, new Map([['sample.txt', FIXTURE_TEXT]]));
    const result = await prepareDataset(fixture(), loader);
    expect(result.ok).toBe(true);
    expect(asked).toEqual([]);
  });

  it('draws a dataset whose text changed, with its quotes marked unverified rather than refused', async () => {
    // The text changed since the quotes were taken: its hash differs, and its first quote is gone.
    const first = fixture().ties[0]?.evidence[0]?.exact ?? '';
    const changed = FIXTURE_TEXT.replace(first, 'words that are not the quote');
    expect(changed).not.toBe(FIXTURE_TEXT);
    const report = await validateDataset(fixture(), memoryLoader({ 'sample.txt': changed }));
    // The validator (and so the CLI) still refuses it…
    const codes = report.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code);
    expect(codes).toContain('sha256-mismatch');
    expect(codes.some((code) => code.startsWith('evidence-'))).toBe(true);
    // …while the widget draws it, and knows which source cannot be trusted.
    const result = await prepareDataset(fixture(), memoryLoader({ 'sample.txt': changed }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.value.unverified]).toEqual([fixture().sources[0]?.id]);
    expect(result.value.notices.map((notice) => notice.code)).toContain('sha256-mismatch');
  });

  it('still refuses other errors when a text changed', async () => {
    const dataset = fixture();
    (dataset.ties[0] as { target: string }).target = 'nobody';
    const result = await prepareDataset(dataset, memoryLoader({ 'sample.txt': `${FIXTURE_TEXT} ` }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/ties\[0\]\.target/);
  });

  it('refuses a quote whose offset cuts a character in two, as the CLI does', async () => {
    const text = `${FIXTURE_TEXT}Atlantis ships 🌾 grain.\n`;
    const dataset = fixture();
    (dataset.sources[0] as { sha256: string }).sha256 = createHash('sha256').update(text).digest('hex');
    // From the second half of "🌾" (two UTF-16 units) on: the start cuts the character in two.
    const start = text.indexOf('🌾') + 1;
    dataset.ties[1]?.evidence.splice(0, 1, { source: 'sample', exact: text.slice(start, start + 7), start, end: start + 7 });
    const result = await prepareDataset(dataset, memoryLoader({ 'sample.txt': text }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/\(1 error\)\. First: ties\[1\]\.evidence\[0\]\.start: .* cuts it in two\./);
  });

  it('has nothing unverified when every text matches', async () => {
    const result = await prepareDataset(fixture(), memoryLoader());
    expect(result.ok && [...result.value.unverified]).toEqual([]);
  });
});
