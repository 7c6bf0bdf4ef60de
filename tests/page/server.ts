/**
 * The static server of the page tests that need real response headers (a CSP, say): the CLI's
 * (src/cli/static-server.ts), serving dist/ and graph-data/, and pages built by the test, each
 * with the headers the test gives.
 */
import { chromium, type Page } from 'playwright-core';
import { type ServedPage, type StaticServer, serveStatic } from '../../src/cli/static-server.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../setup/chromium.ts';

export type { ServedPage };
export type PageServer = StaticServer;

/**
 * Serves `/dist/…`, `/graph-data/…` and the given pages (by path) on 127.0.0.1. `fileHeaders` go
 * with the files too (a worker takes its CSP from its own script's response).
 */
export function servePages(
  pages: Readonly<Record<string, ServedPage>>,
  fileHeaders: (path: string) => Readonly<Record<string, string>> = () => ({}),
): Promise<PageServer> {
  return serveStatic({ folders: { dist: 'dist', 'graph-data': 'graph-data' }, pages, fileHeaders });
}

/** Headless Chromium with the test suite's flags. */
export function launchChromium() {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

/**
 * The files beside every host page: `/probe.js`, which records what the test reads back (a file,
 * since a strict CSP refuses inline scripts), and an empty favicon.
 */
export function probeFiles(probe: string): Record<string, ServedPage> {
  return {
    '/probe.js': { body: probe, type: 'text/javascript' },
    '/favicon.ico': { body: '', type: 'image/x-icon' },
  };
}

/** A host page: the probe first, then the widget's entry, and `body`. */
export function hostPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script src="/probe.js"></script><script type="module" src="/dist/actor-graph.js"></script></head>
<body>${body}</body></html>`;
}

/**
 * Opens `url` in `page`, waits until its first `<actor-graph>` has drawn, and gives the end of the
 * page's load event and the start of the first request whose URL matches `request` (a regular
 * expression's source), if there was one.
 */
export async function loadEventAndRequest(
  page: Page,
  url: string,
  request: string,
): Promise<{ loadEventEnd: number; requestStart: number | undefined }> {
  await page.goto(url);
  await page.waitForFunction(
    () => ((document.querySelector('actor-graph') as unknown as { cy?: { nodes(): unknown[] } }).cy?.nodes().length ?? 0) > 0,
    null,
    { timeout: 30_000 },
  );
  return page.evaluate((source) => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const found = performance.getEntriesByType('resource').find((resource) => new RegExp(source).test(resource.name));
    return { loadEventEnd: navigation.loadEventEnd, requestStart: found?.startTime };
  }, request);
}
