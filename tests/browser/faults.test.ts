/**
 * Faults of the network and of the data behind `src`: each gives one `ag-error`, a message that
 * names the URL and the cause, and a way to try again; none reaches the page's error handlers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgErrorDetail } from '../../components/actor-graph/events.ts';
import { collectPageErrors, inside, mount, mountFailing, mountGraph, nextEvent, SEED_URL, unmountAll } from './helpers.ts';

// A real refusal by CORS needs a second origin without CORS headers: see tests/page/cors.test.ts.

/** What reached the page's own error handlers during a test. */
const pageErrors = collectPageErrors();

afterEach(() => {
  vi.restoreAllMocks();
  unmountAll();
});

const realFetch = globalThis.fetch.bind(globalThis);

/** Answers the URLs ending in a key of `routes` by hand; everything else goes to the network. */
function serve(routes: Record<string, (init?: RequestInit) => Response | Promise<Response>>): void {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const route = Object.entries(routes).find(([ending]) => url.endsWith(ending))?.[1];
    return route === undefined ? realFetch(input, init) : route(init);
  });
}

/** A response that never comes, until the request is given up. */
function never(init?: RequestInit): Promise<Response> {
  return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
}

/** Mounts a graph on `src` and collects its `ag-error` events for a while after the first. */
async function failing(src: string, extra = ''): Promise<{ graph: ActorGraph; errors: AgErrorDetail[] }> {
  const { graph, errors } = await mountFailing(`<actor-graph src="${src}" ${extra}></actor-graph>`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { graph, errors };
}

/** The visible error box: it names the URL, and offers to try again. */
function expectShownError(graph: ActorGraph, url: string): void {
  const box = inside(graph, '[part="error"]');
  expect(box.textContent).toContain(url);
  expect(box.querySelector('button')?.textContent).toContain('Try again');
}

describe('a dataset that cannot be loaded', () => {
  const cases: [string, string, () => void, RegExp][] = [
    [
      'a server error',
      '/faults/500.json',
      () => serve({ '/faults/500.json': () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }) }),
      /\/faults\/500\.json could not be loaded: the server answered HTTP 500 Internal Server Error\./,
    ],
    [
      'a truncated body',
      '/faults/truncated.json',
      () => serve({ '/faults/truncated.json': () => new Response('{"id": "x", "actors": [{"id": "A"') }),
      /\/faults\/truncated\.json is not JSON: .*line 1, column \d+\./,
    ],
    [
      'a network error',
      '/faults/network.json',
      () =>
        serve({
          '/faults/network.json': () => {
            throw new TypeError('Failed to fetch');
          },
        }),
      /\/faults\/network\.json could not be fetched: the network failed, or the server does not allow this page to read it \(CORS\)\./,
    ],
  ];

  for (const [name, path, setUp, message] of cases) {
    it(`reports ${name} once, naming the URL and the cause, with a retry control`, async () => {
      setUp();
      const { graph, errors } = await failing(path);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatch(message);
      expectShownError(graph, path);
      expect(pageErrors).toEqual([]);
    });
  }

  it('shows that it is loading, then gives up on a slow server after its timeout', async () => {
    serve({ '/faults/slow.json': never });
    const box = mount('');
    const errors: AgErrorDetail[] = [];
    box.addEventListener('ag-error', (event) => errors.push((event as CustomEvent<AgErrorDetail>).detail));
    const failed = nextEvent(box, 'ag-error');
    box.innerHTML = '<actor-graph src="/faults/slow.json" timeout="0.4"></actor-graph>';
    box.scrollIntoView({ block: 'start' });
    const graph = box.querySelector('actor-graph') as ActorGraph;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await graph.updateComplete;
    expect(inside(graph, '[role="status"].overlay').textContent).toContain('Loading');
    await failed;
    await graph.updateComplete;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/\/faults\/slow\.json did not answer within 0\.4 s\./);
    expectShownError(graph, '/faults/slow.json');
    expect(pageErrors).toEqual([]);
  });

  it('loads when the reader tries again and the server has recovered', async () => {
    let down = true;
    serve({
      '/faults/flaky.json': async (init) =>
        down ? new Response('busy', { status: 503, statusText: 'Service Unavailable' }) : realFetch(SEED_URL, init),
    });
    const { graph } = await failing('/faults/flaky.json');
    down = false;
    const ready = nextEvent(graph, 'ag-ready');
    inside(graph, '[part="error"] button').click();
    await ready;
    expect(graph.cy?.nodes()).toHaveLength(19);
    expect(pageErrors).toEqual([]);
  });
});

describe('a reload', () => {
  it('keeps the last good graph on screen when it fails', async () => {
    const graph = await mountGraph();
    serve({ '/faults/500.json': () => new Response('oops', { status: 500 }) });
    const failed = nextEvent<AgErrorDetail>(graph, 'ag-error');
    graph.src = '/faults/500.json';
    await failed;
    await graph.updateComplete;
    expect(graph.cy?.nodes()).toHaveLength(19);
    expect(graph.shadowRoot?.querySelector('.graph canvas')).not.toBeNull();
    expectShownError(graph, '/faults/500.json');
    expect(pageErrors).toEqual([]);
  });

  it('shows the last of several quick changes of src, never a stale response', async () => {
    const sample = await (await realFetch('/tests/fixtures/valid/sample.json')).text();
    const late = (ms: number) => () => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response(sample)), ms));
    serve({ '/faults/late-a.json': late(400), '/faults/late-b.json': late(250) });
    const graph = await mountGraph();
    const readies: number[] = [];
    graph.addEventListener('ag-ready', (event) => readies.push((event as CustomEvent<{ actors: number }>).detail.actors));
    graph.src = '/faults/late-a.json';
    await new Promise((resolve) => setTimeout(resolve, 30));
    graph.src = '/faults/late-b.json';
    await new Promise((resolve) => setTimeout(resolve, 30));
    const last = nextEvent(graph, 'ag-ready');
    graph.src = `${SEED_URL}?last`;
    await last;
    // Long enough for the stale answers (400 and 250 ms) to arrive, and be ignored.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(graph.cy?.nodes()).toHaveLength(19);
    expect(readies).toEqual([19]);
    expect(pageErrors).toEqual([]);
  });
});
