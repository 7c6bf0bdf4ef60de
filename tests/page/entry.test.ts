/**
 * The widget's entry (components/index.ts) embedded by a script tag: it asks for the widget's code
 * only once the page's load event is over, not in the event's handler, and the widgets then draw.
 * The two may be a fraction of a millisecond apart; tests/unit/entry.test.ts checks the order
 * with no clock.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostPage, launchChromium, loadEventAndRequest, type PageServer, probeFiles, servePages } from './server.ts';

const DATASET = '/graph-data/easley-2024-axis-of-transactionalism.json';
const paragraph = `<p>${'An article’s paragraph, long enough to fill some lines of the page. '.repeat(8)}</p>`;

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  server = await servePages({
    ...probeFiles(''),
    '/article.html': {
      body: hostPage(
        'script tag',
        Array.from({ length: 3 }, () => `${paragraph}<actor-graph src="${DATASET}"></actor-graph>`).join('\n'),
      ),
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("requests the widget's code once the load event is over, and the widget draws", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const timing = await loadEventAndRequest(page, `${server.origin}/article.html`, '/dist/widget-[^/]*\\.js$');
    expect(timing.requestStart).toBeDefined();
    // Asked for in the load event's handler, the request would start inside the event (and the
    // event's end would wait for the request to be set up); it starts in a task after it.
    expect(timing.requestStart).toBeGreaterThanOrEqual(timing.loadEventEnd);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
