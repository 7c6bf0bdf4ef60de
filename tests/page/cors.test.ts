/**
 * A dataset on another origin that does not allow the page to read it (no CORS headers): the
 * widget reports it once, naming the URL and the likely cause, with a retry control, and nothing
 * reaches the page's own error handlers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostPage, launchChromium, type PageServer, probeFiles, servePages } from './server.ts';

const PROBE = `
  window.__probe = { errors: [], pageErrors: [] };
  document.addEventListener('ag-error', (event) => { window.__probe.errors.push(event.detail.message); });
  window.addEventListener('error', (event) => { window.__probe.pageErrors.push(event.message); });
  window.addEventListener('unhandledrejection', (event) => { window.__probe.pageErrors.push(String(event.reason)); });
`;

let host: PageServer;
let other: PageServer;
let browser: Browser;
let datasetUrl: string;

beforeAll(async () => {
  // The dataset's server: the files are there, but it sends no Access-Control-Allow-Origin.
  other = await servePages({});
  datasetUrl = `${other.origin}/graph-data/easley-2024-axis-of-transactionalism.json`;
  host = await servePages({
    ...probeFiles(PROBE),
    '/': { body: hostPage('CORS', `<actor-graph src="${datasetUrl}"></actor-graph>`) },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await other?.close();
});

it('reports a dataset that another origin will not share, once, naming the URL and CORS', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${host.origin}/`);
    await page.waitForFunction(() => (window as unknown as { __probe: { errors: string[] } }).__probe.errors.length > 0);
    await page.waitForTimeout(300);
    const probe = await page.evaluate(
      () => (window as unknown as { __probe: { errors: string[]; pageErrors: string[] } }).__probe,
    );
    expect(probe.errors).toHaveLength(1);
    expect(probe.errors[0]).toBe(
      `${datasetUrl} could not be fetched: the network failed, or the server does not allow this page to read it (CORS).`,
    );
    expect(probe.pageErrors).toEqual([]);
    const shown = await page.evaluate(() => {
      const box = document.querySelector('actor-graph')?.shadowRoot?.querySelector('[part="error"]');
      return { text: box?.textContent ?? '', retry: box?.querySelector('button')?.textContent ?? '' };
    });
    expect(shown.text).toContain(datasetUrl);
    expect(shown.retry).toContain('Try again');
  } finally {
    await page.close();
  }
});
