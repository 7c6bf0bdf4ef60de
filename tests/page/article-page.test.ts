/**
 * The example article page (demo/article.html) as a reader uses it: the widget marks every quote
 * in the article, selecting a tie in the widget scrolls the article to its passage, and clicking a
 * marked passage selects the tie it supports.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, type PageServer, servePages } from './server.ts';

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  server = await servePages({ '/demo/article.html': { body: readFileSync('demo/article.html', 'utf8') } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** How many passages the `ag-evidence-selected` highlight marks. */
const selectedHighlightSize = (page: Page) => page.evaluate(() => CSS.highlights.get('ag-evidence-selected')?.size ?? 0);

it('marks the quotes, scrolls to a selected tie’s passage, and selects the tie of a clicked passage', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${server.origin}/demo/article.html`);
    await page.waitForFunction(() => (CSS.highlights.get('ag-evidence')?.size ?? 0) > 0, null, { timeout: 30_000 });
    const overview = await page.evaluate(
      () => document.querySelector('actor-graph')?.shadowRoot?.querySelector('ag-evidence-panel')?.shadowRoot?.textContent ?? '',
    );
    // Every quote of the dataset stands in the article.
    expect(overview).toMatch(/All \d+ quotes are marked in the article\./);

    // A tie chosen in the widget brings its passage, far down the article, into view.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.evaluate(() =>
      (document.querySelector('actor-graph') as unknown as { select(id: string): void }).select('us-rok-japan-prk-deterrence'),
    );
    // The page glides there (smooth scrolling): wait until the passage stands in the viewport.
    await page.waitForFunction(
      () =>
        scrollY > 300 &&
        ([...(CSS.highlights.get('ag-evidence-selected') ?? [])] as Range[]).some((range) => {
          const rect = range.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= innerHeight;
        }),
      null,
      { timeout: 5_000 },
    );

    // The glide may still be under way: the passage to click is measured once the page is still.
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let still = 0, last = scrollY, frames = 0; still < 5 && frames < 300; frames++) {
        await frame();
        still = scrollY === last ? still + 1 : 0;
        last = scrollY;
      }
    });
    // A click on another marked passage, with the real mouse, selects the tie it supports.
    const point = await page.evaluate(() => {
      const selected = new Set(CSS.highlights.get('ag-evidence-selected') ?? []);
      const other = ([...(CSS.highlights.get('ag-evidence') ?? [])] as Range[])
        .filter((range) => !selected.has(range))
        .map((range) => range.getClientRects()[0])
        .find((rect) => rect !== undefined && rect.top > 0 && rect.bottom < innerHeight && rect.width > 20);
      return other === undefined ? undefined : { x: other.left + 8, y: other.top + other.height / 2 };
    });
    expect(point).toBeDefined();
    const before = await page.evaluate(() => document.querySelector('actor-graph')?.getAttribute('selected'));
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    await page.waitForFunction(
      (previous) => {
        const now = document.querySelector('actor-graph')?.getAttribute('selected');
        return now !== null && now !== undefined && now !== previous;
      },
      before,
      { timeout: 5_000 },
    );
    const after = await page.evaluate(() => document.querySelector('actor-graph')?.getAttribute('selected'));
    expect(after).toMatch(/^[a-z0-9-]+$/);
    expect(await selectedHighlightSize(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
