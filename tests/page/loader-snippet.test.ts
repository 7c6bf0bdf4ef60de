/**
 * The loader snippet (src/embed/loader-snippet.ts) in a host page: the widget's entry is requested
 * only once the page has loaded, the widgets draw, and a strict CSP allows the snippet by its hash.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOADER_SCRIPT, LOADER_SCRIPT_HASH, loaderSnippet } from '../../src/embed/loader-snippet.ts';
import { launchChromium, loadEventAndRequest, type PageServer, probeFiles, servePages } from './server.ts';

const DATASET = '/graph-data/easley-2024-axis-of-transactionalism.json';
const CSP = `default-src 'self'; script-src 'self' ${LOADER_SCRIPT_HASH}; style-src 'self'; img-src 'self' data:; worker-src 'self'`;

/** Records CSP violations and ready widgets (a file: the page's CSP allows no other inline script). */
const PROBE = `
  window.__probe = { violations: [], ready: 0 };
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__probe.violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
  document.addEventListener('ag-ready', () => { window.__probe.ready++; });
`;

const paragraph = `<p>${'An article’s paragraph, long enough to fill some lines of the page. '.repeat(8)}</p>`;
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>loader snippet</title>
<script src="/probe.js"></script>${loaderSnippet('/dist/actor-graph.js')}
<script>window.__unhashed = true;</script></head>
<body>${Array.from({ length: 10 }, () => `${paragraph}<actor-graph src="${DATASET}"></actor-graph>`).join('\n')}</body></html>`;
const LATE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late snippet</title>
<script src="/probe.js"></script></head><body><actor-graph src="${DATASET}"></actor-graph></body></html>`;

let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  server = await servePages({
    ...probeFiles(PROBE),
    '/article.html': { body: ARTICLE, headers: { 'content-security-policy': CSP } },
    '/late.html': { body: LATE },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Probe {
  violations: string[];
  ready: number;
}

it('requests the entry once the load event is over, and the widget draws under a CSP that allows its hash', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const timing = await loadEventAndRequest(page, `${server.origin}/article.html`, '/dist/actor-graph\\.js$');
    // Requested once the load event is over: its handlers do not wait for the request either.
    expect(timing.requestStart).toBeGreaterThanOrEqual(timing.loadEventEnd);
    const drawn = await page.evaluate(
      () => (document.querySelector('actor-graph') as unknown as { cy?: { nodes(): { length: number } } }).cy?.nodes().length,
    );
    expect(drawn).toBe(19);
    // The policy is enforced: an inline script without the hash did not run, and was the only one refused.
    expect(await page.evaluate(() => (window as unknown as { __unhashed?: boolean }).__unhashed)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.violations)).toEqual([
      'script-src-elem inline',
    ]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

it('loads the entry in the next task when it is added to a page that has already loaded', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${server.origin}/late.html`, { waitUntil: 'load' });
    await page.evaluate((script) => {
      const element = document.createElement('script');
      element.dataset.src = '/dist/actor-graph.js';
      element.textContent = script;
      document.head.append(element);
    }, LOADER_SCRIPT);
    await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.ready >= 1, null, {
      timeout: 30_000,
    });
  } finally {
    await page.close();
  }
});

it('says in the console that it has no data-src, and loads nothing', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') messages.push(message.text());
  });
  try {
    await page.goto(`${server.origin}/late.html`, { waitUntil: 'load' });
    await page.evaluate((script) => {
      const element = document.createElement('script');
      element.textContent = script;
      document.head.append(element);
    }, LOADER_SCRIPT);
    await page.waitForTimeout(300);
    expect(messages).toEqual(['actor-graph: the loader snippet has no data-src attribute']);
    const requested = await page.evaluate(() =>
      performance.getEntriesByType('resource').some((entry) => entry.name.includes('/dist/')),
    );
    expect(requested).toBe(false);
  } finally {
    await page.close();
  }
});
