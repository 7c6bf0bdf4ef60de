/**
 * The built iframe page, dist/embed.html, inside an `<iframe>` of a host page, both served with a
 * strict Content-Security-Policy: it shows the state its query string asks for, fills the frame,
 * refuses a dataset URL that is not http(s), and causes no violation and no page error. And a
 * `sync-url` widget scrolls to the host's anchor that its state shares the hash with.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launchChromium, type PageServer, probeFiles, type ServedPage, servePages } from './server.ts';

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self'";
const TRUSTED_TYPES = `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html`;
const DATASET = '/graph-data/easley-2024-axis-of-transactionalism.json';

/** Runs first in every frame (injected by the browser, so no CSP governs it): what the test reads back. */
const INIT_PROBE = () => {
  const probe = { violations: [] as string[], ready: 0, errors: [] as string[] };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  document.addEventListener('securitypolicyviolation', (event) => {
    probe.violations.push(`${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
  document.addEventListener('ag-ready', () => probe.ready++);
  document.addEventListener('ag-error', (event) => probe.errors.push((event as CustomEvent<{ message: string }>).detail.message));
};

/** A host page holding only the iframe, written as the README tells editors (without inline style, which this CSP refuses). */
const frameHost = (query: string): ServedPage => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>
<h1>An article</h1>
<iframe src="/dist/embed.html?${query}" title="Actors and ties in the article" loading="lazy" width="100%" height="640"></iframe>
</body></html>`,
  headers: { 'content-security-policy': STRICT },
});

const paragraphs = Array.from({ length: 120 }, (_, index) => `<p>Paragraph ${index + 1} of the article.</p>`).join('\n');

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  server = await servePages(
    {
      ...probeFiles(''),
      '/table': frameHost(`src=${encodeURIComponent(DATASET)}&selected=PRK&view=table&filter=transaction&utm_source=cms`),
      '/graph': frameHost(`src=${encodeURIComponent(DATASET)}&selected=RUS&view=graph&show-absent=1&lang=ko&view=map`),
      '/unsafe': frameHost('src=javascript:alert(document.domain)&view=table'),
      '/missing': frameHost('view=table'),
      '/notices': frameHost(`src=${encodeURIComponent(DATASET)}&view=map&compare=alliance`),
      '/anchors': {
        body: hostPage(
          'anchors',
          `<actor-graph src="${DATASET}" sync-url></actor-graph>\n${paragraphs}\n<h2 id="notes">Notes</h2>\n${paragraphs}`,
        ),
        headers: { 'content-security-policy': STRICT },
      },
      '/anchors-without-sync': {
        body: hostPage(
          'anchors',
          `<actor-graph src="${DATASET}"></actor-graph>\n${paragraphs}\n<h2 id="notes">Notes</h2>\n${paragraphs}`,
        ),
        headers: { 'content-security-policy': STRICT },
      },
    },
    // The iframe page, and every file of the widget, under a strict policy with Trusted Types.
    () => ({ 'content-security-policy': TRUSTED_TYPES }),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Probe {
  violations: string[];
  ready: number;
  errors: string[];
}

/** Opens a page, collecting what goes wrong anywhere in it (frames included). */
async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(INIT_PROBE);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(`${server.origin}${path}`);
  return { page, problems };
}

/** The iframe's document, once it has loaded. */
async function embedFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe');
  await page.waitForFunction(() => document.querySelector('iframe')?.contentWindow?.location.pathname === '/dist/embed.html');
  const frame = await element.contentFrame();
  if (frame === null) throw new Error('the iframe has no document');
  await frame.waitForLoadState('load');
  return frame;
}

/** The embed's frame once its graph is ready and its timeline, whose element loads on first use, is drawn. */
async function drawnEmbedFrame(page: Page): Promise<Frame> {
  const frame = await embedFrame(page);
  await frame.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.ready > 0, null, { timeout: 30_000 });
  await frame.waitForFunction(
    () =>
      (document.querySelector('actor-graph')?.shadowRoot?.querySelector('ag-tie-timeline')?.shadowRoot?.childElementCount ?? 0) >
      0,
    null,
    { timeout: 10_000 },
  );
  return frame;
}

const probeOf = (frame: Frame | Page) => frame.evaluate(() => (window as unknown as { __probe: Probe }).__probe);

describe('embed.html in an iframe', () => {
  it('shows the selection, view and filter of its query string, with no violation or error', async () => {
    const { page, problems } = await open('/table');
    try {
      const frame = await embedFrame(page);
      await frame.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.ready > 0, null, { timeout: 30_000 });
      // The table's rows come with its code, which loads on demand.
      await frame.waitForFunction(
        () =>
          (document
            .querySelector('actor-graph')
            ?.shadowRoot?.querySelector('ag-tie-table')
            ?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0,
      );
      const shown = await frame.evaluate(() => {
        const graph = document.querySelector('actor-graph') as HTMLElement & {
          selected?: string;
          view?: string;
          filter?: string;
        };
        const root = graph.shadowRoot as ShadowRoot;
        const table = root.querySelector('ag-tie-table')?.shadowRoot;
        return {
          attributes: Object.fromEntries([...graph.attributes].map((attribute) => [attribute.name, attribute.value])),
          pressed: root.querySelector('.views button[aria-pressed="true"]')?.textContent?.trim(),
          rows: table?.querySelectorAll('tbody tr').length,
          categories: [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => row.children[2]?.textContent?.trim()),
          panel: root.querySelector('ag-evidence-panel')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '',
          notices: document.querySelectorAll('.notice').length,
          title: document.title,
          lang: document.documentElement.lang,
        };
      });
      expect(shown.attributes).toEqual({
        src: `${server.origin}${DATASET}`,
        selected: 'PRK',
        view: 'table',
        filter: 'transaction',
      });
      expect(shown.pressed).toBe('Table');
      expect(shown.rows).toBe(10);
      expect(new Set(shown.categories)).toEqual(new Set(['Transaction']));
      expect(shown.panel).toContain('North Korea');
      expect(shown.notices).toBe(0);
      expect(shown.title).toBe('Actor graph');
      expect(shown.lang).toBe('en');
      expect((await probeOf(frame)).violations).toEqual([]);
      expect((await probeOf(frame)).errors).toEqual([]);
      expect((await probeOf(page)).violations).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fills the frame: the whole width, and the height with the graph and its panel beside it', async () => {
    const { page, problems } = await open('/graph');
    try {
      // The timeline's element loads on first use, a moment after the graph is ready; measure once it is drawn.
      const frame = await drawnEmbedFrame(page);
      const box = await frame.evaluate(() => {
        const graph = document.querySelector('actor-graph') as HTMLElement & { selected?: string; showAbsent?: boolean };
        const rect = graph.getBoundingClientRect();
        const canvas = graph.shadowRoot?.querySelector('.graph')?.getBoundingClientRect();
        return {
          viewport: [innerWidth, innerHeight],
          left: rect.left,
          width: rect.width,
          top: rect.top,
          bottom: rect.bottom,
          graphHeight: canvas?.height ?? 0,
          scrolls: document.documentElement.scrollHeight > innerHeight,
          selected: graph.selected,
          showAbsent: graph.showAbsent,
          lang: graph.getAttribute('lang'),
          view: graph.getAttribute('view'),
          notice: document.querySelector('.notice')?.textContent,
        };
      });
      expect(box.viewport[1]).toBe(640);
      expect(box.left).toBe(0);
      expect(box.width).toBe(box.viewport[0]);
      expect(box.bottom).toBeLessThanOrEqual(640);
      expect(box.bottom - box.top).toBeGreaterThan(0.9 * 640);
      expect(box.graphHeight).toBeGreaterThan(400);
      expect(box.scrolls).toBe(false);
      expect({ selected: box.selected, showAbsent: box.showAbsent, lang: box.lang, view: box.view }).toEqual({
        selected: 'RUS',
        showAbsent: true,
        lang: 'ko',
        view: 'graph',
      });
      // The first `view` counts; the second, bad one is not looked at.
      expect(box.notice).toBeUndefined();
      expect((await probeOf(frame)).violations).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fits the graph and its panel in the frame where the bars above the graph wrap, 1,000 px wide', async () => {
    const { page, problems } = await open('/graph', 1000);
    try {
      const frame = await drawnEmbedFrame(page);
      // The legend and the timeline take two lines each here: with 8.5rem left for them, the frame
      // scrolled by some 50 px, and the graph's foot, with its zoom buttons, was out of sight.
      await frame.waitForFunction(() => document.documentElement.scrollHeight <= innerHeight, null, { timeout: 5_000 });
      const graphBox = await frame.evaluate(() => {
        const box = document.querySelector('actor-graph')?.shadowRoot?.querySelector('[part="graph"]')?.getBoundingClientRect();
        return { top: box?.top ?? 0, bottom: box?.bottom ?? 0 };
      });
      expect(graphBox.top).toBeGreaterThan(200);
      expect(graphBox.bottom).toBeLessThanOrEqual(640);
      expect(graphBox.bottom - graphBox.top).toBeGreaterThan(350);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses a src that is not a relative or http(s) URL, naming the parameter, and loads nothing', async () => {
    const { page, problems } = await open('/unsafe');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    try {
      const frame = await embedFrame(page);
      await frame.waitForSelector('[role="alert"]');
      const shown = await frame.evaluate(() => ({
        alert: document.querySelector('[role="alert"]')?.textContent,
        graphs: document.querySelectorAll('actor-graph').length,
      }));
      expect(shown.alert).toBe(
        'This graph cannot be shown' +
          'The src parameter "javascript:alert(document.domain)" is not a relative URL or an http(s) URL, so it is not loaded.',
      );
      expect(shown.graphs).toBe(0);
      expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
      expect((await probeOf(frame)).violations).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says that src is missing, and shows the graph with a note about parameters it cannot use', async () => {
    const missing = await open('/missing');
    try {
      const frame = await embedFrame(missing.page);
      await frame.waitForSelector('[role="alert"]');
      expect(await frame.textContent('[role="alert"] p')).toContain('has no src parameter');
    } finally {
      await missing.page.close();
    }
    const { page } = await open('/notices');
    try {
      const frame = await embedFrame(page);
      await frame.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.ready > 0, null, { timeout: 30_000 });
      const notes = await frame.evaluate(() => [...document.querySelectorAll('[role="note"]')].map((note) => note.textContent));
      expect(notes).toEqual([
        'The view parameter "map" is not graph, compare or table; the graph view is shown.',
        'The compare parameter "alliance" does not name two different categories of alliance, transaction, hostility, competition, diplomacy; alliance and transaction are compared.',
      ]);
    } finally {
      await page.close();
    }
  });
});

describe('a sync-url widget on an article with anchors', () => {
  it("scrolls to the article's anchor, which the browser cannot find beside the widget's state", async () => {
    const { page, problems } = await open('/anchors#notes&ag=sel:PRK');
    try {
      await page.waitForFunction(
        () => (document.querySelector('actor-graph') as { selected?: string } | null)?.selected === 'PRK',
      );
      await page.waitForFunction(() => window.scrollY > 0);
      const where = await page.evaluate(() => ({
        notes: document.getElementById('notes')?.getBoundingClientRect().top,
        hash: location.hash,
      }));
      expect(Math.abs(where.notes ?? Number.NaN)).toBeLessThan(2);
      expect(where.hash).toBe('#notes&ag=sel:PRK');
      expect((await probeOf(page)).violations).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
    // Without sync-url nothing scrolls: the browser looks for an element with the whole hash as its id.
    const plain = await open('/anchors-without-sync#notes&ag=sel:PRK');
    try {
      await plain.page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.ready > 0, null, {
        timeout: 30_000,
      });
      expect(await plain.page.evaluate(() => window.scrollY)).toBe(0);
    } finally {
      await plain.page.close();
    }
  });
});
