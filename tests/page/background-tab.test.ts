/**
 * A widget in a tab the browser has put aside (frozen, as background tabs are) fits its graph
 * into view within 500 ms of the tab coming back.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostPage, launchChromium, type PageServer, probeFiles, servePages } from './server.ts';

const PROBE = `
  window.__probe = { readyAt: undefined };
  document.addEventListener('ag-ready', () => { window.__probe.readyAt = performance.now(); });
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

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('fits the graph within 500 ms of a frozen background tab coming back', async () => {
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
    await page.waitForTimeout(1000);
    const back = Date.now();
    await session.send('Page.setWebLifecycleState', { state: 'active' });
    await page.waitForFunction(
      () => (window as unknown as { __probe: { readyAt?: number } }).__probe.readyAt !== undefined,
      null,
      {
        timeout: 5000,
      },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const took = Date.now() - back;
    const readyAt = await page.evaluate(() => (window as unknown as { __probe: { readyAt: number } }).__probe.readyAt);
    // The graph was drawn after the freeze, not before it.
    expect(readyAt).toBeGreaterThan(frozenAt);
    expect(took).toBeLessThan(500);
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
