/**
 * A widget in a tab the browser has put aside (frozen, as background tabs are) fits its graph
 * into view within 500 ms of the tab coming back. Where the browser does not freeze a page when
 * CDP asks (the headless Chromium here: no `freeze` event, and frames and timers go on), there is
 * no frozen tab to come back from, and the test says so and is skipped: timing an ordinary first
 * drawing of late data instead would only measure the machine.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostPage, launchChromium, type PageServer, probeFiles, servePages } from './server.ts';

const PROBE = `
  window.__probe = { readyAt: undefined, drawnAt: undefined, resumedAt: undefined };
  document.addEventListener('ag-ready', () => {
    window.__probe.readyAt = performance.now();
    requestAnimationFrame(() => { window.__probe.drawnAt = performance.now(); });
  });
  document.addEventListener('resume', () => { window.__probe.resumedAt = performance.now(); });
`;

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  const dataset = readFileSync('graph-data/easley-2024-axis-of-transactionalism.json', 'utf8');
  const text = readFileSync('graph-data/sources/easley-2024-axis-of-transactionalism.txt', 'utf8');
  server = await servePages({
    // The dataset comes late, so the tab is frozen before the widget can draw.
    '/slow/easley.json': { body: dataset, type: 'application/json', delayMs: 800 },
    '/slow/sources/easley-2024-axis-of-transactionalism.txt': { body: text, type: 'text/plain; charset=utf-8' },
    ...probeFiles(PROBE),
    '/': { body: hostPage('tab', '<actor-graph src="/slow/easley.json"></actor-graph>') },
  });
  browser = await launchChromium();
});

/** Whether this browser freezes a page when CDP asks: the page gets its `freeze` event. */
async function freezesPages(): Promise<boolean> {
  const page = await browser.newPage();
  try {
    await page.setContent('<p>probe</p>');
    await page.evaluate(() => {
      document.addEventListener('freeze', () => document.body.setAttribute('data-froze', ''));
    });
    const session = await page.context().newCDPSession(page);
    await session.send('Page.setWebLifecycleState', { state: 'frozen' });
    await page.waitForTimeout(200);
    await session.send('Page.setWebLifecycleState', { state: 'active' });
    return await page.evaluate(() => document.body.hasAttribute('data-froze'));
  } finally {
    await page.close();
  }
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('fits the graph within 500 ms of a frozen background tab coming back', async ({ skip }) => {
  skip(!(await freezesPages()), 'this browser does not freeze pages through CDP: no frozen tab to come back from');
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  try {
    const session = await page.context().newCDPSession(page);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    // Frozen before the widget has drawn: nothing of it runs until the tab is back.
    const before = await page.evaluate(() => ({
      now: performance.now(),
      ready: (window as unknown as { __probe: { readyAt?: number } }).__probe.readyAt,
    }));
    expect(before.ready).toBeUndefined();
    const frozenAt = before.now;
    await session.send('Page.setWebLifecycleState', { state: 'frozen' });
    // Long enough for the late dataset to have been answered while the tab is frozen.
    await page.waitForTimeout(2000);
    await session.send('Page.setWebLifecycleState', { state: 'active' });
    await page.waitForFunction(
      () => (window as unknown as { __probe: { drawnAt?: number } }).__probe.drawnAt !== undefined,
      null,
      {
        timeout: 5000,
      },
    );
    const { readyAt, drawnAt, resumedAt, arrivedAt } = await page.evaluate(() => {
      const probe = (window as unknown as { __probe: { readyAt: number; drawnAt: number; resumedAt?: number } }).__probe;
      const data = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/slow/easley.json'));
      return { ...probe, arrivedAt: (data as PerformanceResourceTiming).responseEnd };
    });
    // The graph was drawn after the freeze began, not before it.
    expect(readyAt).toBeGreaterThan(frozenAt);
    // From the tab's return (or the data's, if it came later) to the frame after it is drawn.
    expect(resumedAt).toBeDefined();
    expect(drawnAt - Math.max(resumedAt ?? 0, arrivedAt)).toBeLessThan(500);
    const fitted = await page.evaluate(() => {
      const cy = (document.querySelector('actor-graph') as unknown as { cy: import('cytoscape').Core }).cy;
      const view = cy.extent();
      const box = cy.nodes().boundingBox({});
      return cy.width() > 400 && box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
    });
    expect(fitted).toBe(true);
  } finally {
    await page.close();
  }
});
