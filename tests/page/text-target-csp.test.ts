/**
 * `text-target` on a host page with a strict Content-Security-Policy: the quotes are marked in the
 * article and styled by the widget's default stylesheet (adopted by the document, not a <style>
 * element) with no CSP violation, and the page's DOM is left as it was.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostPage, launchChromium, type PageServer, probeFiles, servePages } from './server.ts';

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self'";

const PROBE = `
  window.__probe = { violations: [] };
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__probe.violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + (event.sample || ''));
  });
`;

/** Two paragraphs of the commentary, as an article page would hold them. */
function article(): string {
  const text = readFileSync('graph-data/sources/easley-2024-axis-of-transactionalism.txt', 'utf8');
  const paragraphs = text
    .split('\n')
    .filter((line) => line.startsWith('As North Korea (DPRK)') || line.startsWith('It is likely'));
  return `<article id="article"><h1>An article</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>`;
}

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  const body = `${article()}<actor-graph src="/graph-data/easley-2024-axis-of-transactionalism.json" text-target="#article"></actor-graph>`;
  server = await servePages(
    {
      ...probeFiles(PROBE),
      '/': { body: hostPage('text-target under a strict CSP', body), headers: { 'content-security-policy': STRICT } },
    },
    () => ({ 'content-security-policy': STRICT }),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('marks and styles the quotes of the article with no CSP violation and no change to the page', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${server.origin}/`);
    const before = await page.evaluate(() => ({
      head: document.head.innerHTML,
      article: document.querySelector('#article')?.innerHTML,
    }));
    await page.waitForFunction(() => (CSS.highlights.get('ag-evidence')?.size ?? 0) > 0, null, { timeout: 30_000 });
    await page.evaluate(() =>
      (document.querySelector('actor-graph') as unknown as { select(id: string): void }).select('prk-usa-leverage'),
    );
    await page.waitForFunction(() => CSS.highlights.has('ag-evidence-selected'), null, { timeout: 10_000 });
    const after = await page.evaluate(() => {
      const p = document.querySelector('#article p') as Element;
      return {
        head: document.head.innerHTML,
        article: document.querySelector('#article')?.innerHTML,
        marked: CSS.highlights.get('ag-evidence')?.size,
        background: getComputedStyle(p, '::highlight(ag-evidence)').backgroundColor,
        selected: getComputedStyle(p, '::highlight(ag-evidence-selected)').backgroundColor,
        violations: (window as unknown as { __probe: { violations: string[] } }).__probe.violations,
      };
    });
    expect(after.violations).toEqual([]);
    expect(after.marked).toBe(10);
    // The default look applies: neither highlight is transparent.
    expect(after.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(after.selected).not.toBe('rgba(0, 0, 0, 0)');
    expect(after.selected).not.toBe(after.background);
    expect({ head: after.head, article: after.article }).toEqual(before);
  } finally {
    await page.close();
  }
});
