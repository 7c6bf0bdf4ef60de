/**
 * The widget on a host page with a strict Content-Security-Policy, sent as a response header:
 * it draws, opens its panel, switches views and lays out in its worker with no CSP violation and
 * no page error, and adds nothing to the host's head or body.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launchChromium, type PageServer, probeFiles, type ServedPage, servePages } from './server.ts';

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self'";
const POLICIES = {
  strict: STRICT,
  'strict with Trusted Types': `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html`,
  // With the widget's own policy allowed, its layout worker may start under Trusted Types too.
  'strict with Trusted Types for the worker': `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html actor-graph`,
};
const DATASET = '/graph-data/easley-2024-axis-of-transactionalism.json';

/**
 * Runs in the host page (no inline script may run under this CSP, so it is a file): records CSP
 * violations and the widget's events, and what the host's head and body hold before the widget.
 */
const PROBE = `
  window.__probe = { violations: [], ready: 0, errors: [] };
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__probe.violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + (event.sample || ''));
  });
  document.addEventListener('ag-ready', () => { window.__probe.ready++; });
  document.addEventListener('ag-error', (event) => { window.__probe.errors.push(event.detail.message); });
  window.__probe.hostBefore = () => ({
    head: [...document.head.children].map((child) => child.outerHTML),
    body: [...document.body.children].map((child) => child.tagName),
  });
  document.addEventListener('DOMContentLoaded', () => { window.__probe.before = window.__probe.hostBefore(); });
`;

const HOST_PAGE = hostPage(
  'strict CSP host',
  `<h1>An article</h1>
<actor-graph id="stored" src="${DATASET}"></actor-graph>
<actor-graph id="worker" src="${DATASET}" layout-seed="7"></actor-graph>`,
);

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  const pages: Record<string, ServedPage> = probeFiles(PROBE);
  for (const [name, policy] of Object.entries(POLICIES)) {
    pages[`/${encodeURIComponent(name)}`] = { body: HOST_PAGE, headers: { 'content-security-policy': policy } };
  }
  // The layout worker takes its CSP from its own script's response: the strictest one goes with
  // every file, so a worker that needed more would fail, and the page would load its fallback.
  server = await servePages(pages, () => ({ 'content-security-policy': POLICIES['strict with Trusted Types'] }));
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
  before: { head: string[]; body: string[] };
  hostBefore(): { head: string[]; body: string[] };
}

/** The host page's probe (read through the DevTools protocol, which the page's CSP does not govern). */
const readProbe = (page: Page) =>
  page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe;
    return { violations: probe.violations, errors: probe.errors, before: probe.before, after: probe.hostBefore() };
  });
const readyCount = (page: Page, count: number) =>
  page.waitForFunction((count) => (window as unknown as { __probe: Probe }).__probe.ready >= count, count, { timeout: 30_000 });

describe.each(Object.keys(POLICIES))('under a %s CSP', (name) => {
  it('draws, opens the panel and switches views with no violation and no page error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // The widget reads the page's own CSP header with a HEAD request, which the browser answers
      // from its cache and reports as cut short.
      if (request.method() === 'HEAD' && request.url() === page.url()) return;
      problems.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    try {
      await page.goto(`${server.origin}/${encodeURIComponent(name)}`);
      await readyCount(page, 2);
      // The second graph has no stored layout for its seed: it was laid out in the worker.
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll('actor-graph')].map(
          (graph) => (graph as unknown as { cy?: { nodes(): { length: number } } }).cy?.nodes().length,
        ),
      );
      expect(drawn).toEqual([19, 19]);
      // Click the best-connected actor, then use the other views (their code loads lazily).
      const at = await page.evaluate(() => {
        const graph = document.querySelector('actor-graph') as unknown as {
          cy: import('cytoscape').Core;
          shadowRoot: ShadowRoot;
        };
        const node = graph.cy.nodes().max((candidate) => (candidate as import('cytoscape').NodeSingular).degree(false)).ele;
        const box = (graph.shadowRoot.querySelector('.graph') as HTMLElement).getBoundingClientRect();
        return { x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y };
      });
      await page.mouse.click(at.x, at.y);
      const panelShown = await page
        .waitForFunction(
          () =>
            document
              .querySelector('actor-graph')
              ?.shadowRoot?.querySelector('ag-evidence-panel')
              ?.shadowRoot?.querySelector('blockquote mark') !== null,
          null,
          { timeout: 10_000 },
        )
        .then(() => true)
        .catch(async () => {
          console.error(JSON.stringify(await readProbe(page)), problems);
          await page.screenshot({ path: '/tmp/prof/csp-fail.png' });
          return false;
        });
      expect(panelShown).toBe(true);
      for (const view of ['table', 'compare', 'graph']) {
        await page.evaluate((view) => document.querySelector('actor-graph')?.setAttribute('view', view), view);
        await page.waitForTimeout(300);
      }
      const result = await readProbe(page);
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      const usedWorker = loaded.some((name) => name.endsWith('/actor-graph.layout-worker.js'));
      // Under Trusted Types that do not allow the widget's policy, the layout runs in the page.
      expect(usedWorker).toBe(!name.endsWith('Trusted Types'));
      expect(loaded.some((name) => /\/compute-[\w-]+\.js$/.test(name))).toBe(!usedWorker);
      expect(result.violations).toEqual([]);
      expect(result.errors).toEqual([]);
      expect(problems).toEqual([]);
      // Nothing added to the host's head or body outside the widgets themselves.
      expect(result.after).toEqual(result.before);
    } finally {
      await page.close();
    }
  });
});
