/**
 * The PNG export of the CLI: the built widget (dist/actor-graph.js) draws the dataset in headless
 * Chromium, served from 127.0.0.1, and the legend's own Export menu makes the file, so the CLI
 * writes exactly what a reader's click on "PNG image" would save.
 */
import { access, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { escapeXmlAttr } from '../export/xml.ts';
import type { Dataset } from '../model/schema.ts';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from './chromium.ts';
import type { PngOptions } from './export-png-options.ts';
import { displayPath } from './node-text-loader.ts';
import { serveStatic } from './static-server.ts';

/** The widget's built entry, beside this checkout's sources. */
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ENTRY = 'actor-graph.js';

/** A large dataset's layout takes long on a busy machine; a widget that never gets ready does not hang the CLI. */
const READY_TIMEOUT_MS = 180_000;
const EXPORT_TIMEOUT_MS = 60_000;

/**
 * Two device pixels per CSS pixel, as on a high-density screen: the Export menu's image is twice
 * the graph box's CSS size whatever the screen (it divides the pixel ratio out), and the graph is
 * drawn as sharply as that image needs.
 */
const DEVICE_SCALE_FACTOR = 2;

/**
 * Runs in the page: records `ag-ready` and `ag-error`, and exports through the legend's Export
 * menu, answering with the `ag-export` detail or the widget's notice of a failed export. Plain
 * JavaScript served as a file, since functions handed to the page from Node lose their helpers.
 */
const PAGE_SCRIPT = `
window.agCli = { ready: false, error: null, pageErrors: [] };
document.addEventListener('ag-ready', () => { window.agCli.ready = true; });
document.addEventListener('ag-error', (event) => { window.agCli.error = event.detail.message; });
window.addEventListener('error', (event) => { window.agCli.pageErrors.push(event.message); });
window.agCli.settle = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));
window.agCli.exportPng = () => new Promise((done) => {
  const widget = document.querySelector('actor-graph');
  const legend = widget.shadowRoot.querySelector('ag-tie-legend');
  const item = legend && legend.shadowRoot.querySelector('details.export button[data-format="png"]');
  if (!item || item.disabled) {
    done({ error: 'the legend offers no PNG export' });
    return;
  }
  const started = Date.now();
  const watch = setInterval(() => {
    const notice = widget.shadowRoot.querySelector('.notice[role="alert"]');
    if (notice) {
      clearInterval(watch);
      done({ error: notice.textContent.trim() });
    } else if (Date.now() - started > ${EXPORT_TIMEOUT_MS}) {
      clearInterval(watch);
      done({ error: 'it made no file within ${EXPORT_TIMEOUT_MS / 1000} s' });
    }
  }, 100);
  widget.addEventListener('ag-export', (event) => {
    clearInterval(watch);
    done({ bytes: event.detail.bytes });
  }, { once: true });
  item.click();
});
`;

/** What `window.agCli` tells Node. */
interface PageState {
  readonly ready: boolean;
  readonly error: string | null;
  readonly pageErrors: readonly string[];
}

type ExportAnswer = { readonly bytes: number } | { readonly error: string };

/**
 * The folder served as `/data/`: the deepest one that holds the dataset and every source text it
 * names, so that the texts resolve against the dataset's URL as they do on disk.
 */
function dataFolder(datasetPath: string, dataset: Dataset): string {
  const folder = dirname(datasetPath);
  const paths = dataset.sources.filter((source) => !source.text.startsWith('/')).map((source) => resolve(folder, source.text));
  let root = folder;
  for (const path of paths) {
    while (root !== dirname(root) && !path.startsWith(root + sep)) root = dirname(root);
  }
  return root;
}

/**
 * The host element's width: wide enough that the graph column (beside the evidence panel, which
 * takes 36% and at least 300 px) or each compare pane is at least the graph box, and for the
 * compare view at least the 760 px at which its panes stand side by side.
 */
function hostWidth(options: PngOptions): number {
  const slack = 8;
  if (options.view === 'compare') return Math.max(2 * options.width + slack, 760);
  return Math.max(Math.ceil(options.width / 0.64), options.width + 300) + slack;
}

/** The page that hosts the widget; the graph box is pinned to the size asked for. */
function hostPage(src: string, options: PngOptions): string {
  const attributes = [
    `src="${escapeXmlAttr(src)}"`,
    `view="${options.view}"`,
    options.seed === undefined ? '' : `layout-seed="${options.seed}"`,
    options.lang === undefined ? '' : `lang="${escapeXmlAttr(options.lang)}"`,
    options.showAbsent ? 'show-absent' : '',
  ].filter((attribute) => attribute !== '');
  return `<!doctype html><html lang="${escapeXmlAttr(options.lang ?? 'en')}"><head><meta charset="utf-8">
<title>actor-graph PNG export</title>
<style>
  body { margin: 0; padding: 8px; }
  actor-graph { width: ${hostWidth(options)}px; --ag-graph-height: ${options.height}px; }
  actor-graph::part(graph) { right: auto; bottom: auto; width: ${options.width}px; height: ${options.height}px; }
</style>
<script src="/cli.js"></script><script type="module" src="/dist/${ENTRY}"></script></head>
<body><actor-graph ${attributes.join(' ')}></actor-graph></body></html>`;
}

/**
 * The Chromium to draw with. Throws the one-line reason why no PNG can be drawn here: the widget
 * is not built, or there is no browser.
 */
export async function pngBrowser(): Promise<string> {
  const entry = join(DIST, ENTRY);
  try {
    await access(entry);
  } catch {
    throw new Error(`${displayPath(entry)} is missing: run npm run build first.`);
  }
  const browser = findChromium();
  if (browser === undefined) throw new Error(NO_CHROMIUM);
  return browser;
}

/** Waits for `ag-ready`; throws the widget's error, or what the page said when it never came. */
async function waitForReady(page: Page): Promise<void> {
  const state = () =>
    page.evaluate<PageState>('({ ready: window.agCli.ready, error: window.agCli.error, pageErrors: window.agCli.pageErrors })');
  try {
    await page.waitForFunction('window.agCli.ready || window.agCli.error !== null', null, { timeout: READY_TIMEOUT_MS });
  } catch {
    const { pageErrors } = await state();
    const why = pageErrors.length > 0 ? `; the page said: ${pageErrors.join(' ')}` : '';
    throw new Error(`the widget did not draw the graph within ${READY_TIMEOUT_MS / 1000} s${why}`);
  }
  const { error } = await state();
  if (error !== null) throw new Error(`the widget could not show it: ${error}`);
}

/**
 * Draws the dataset at `datasetPath` (already validated as `dataset`) with the built widget in
 * headless Chromium, and returns the PNG that its Export menu makes.
 */
export async function renderPng(datasetPath: string, dataset: Dataset, options: PngOptions): Promise<Uint8Array> {
  const executablePath = await pngBrowser();
  const absolute = resolve(datasetPath);
  const root = dataFolder(absolute, dataset);
  const src = `/data/${relative(root, absolute).split(sep).map(encodeURIComponent).join('/')}`;
  const server = await serveStatic({
    folders: { dist: DIST, data: root },
    pages: {
      '/': { body: hostPage(src, options) },
      '/cli.js': { body: PAGE_SCRIPT, type: 'text/javascript' },
      '/favicon.ico': { body: '', type: 'image/x-icon' },
    },
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const width = hostWidth(options) + 16;
    // Tall enough that the graph's height (at most 70% of the viewport) is not cut.
    const height = Math.max(800, Math.ceil(options.height / 0.7) + 400);
    const page = await browser.newPage({
      viewport: { width, height },
      deviceScaleFactor: DEVICE_SCALE_FACTOR,
      acceptDownloads: true,
    });
    await page.goto(`${server.origin}/`);
    await waitForReady(page);
    await page.evaluate('window.agCli.settle()');
    const downloading = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT_MS });
    // Handled below; a failed export never starts a download.
    downloading.catch(() => undefined);
    const answer = await page.evaluate<ExportAnswer>('window.agCli.exportPng()');
    if ('error' in answer) throw new Error(`the widget could not export it: ${answer.error}`);
    const download = await downloading;
    const bytes = await readFile(await download.path());
    if (bytes.byteLength !== answer.bytes) {
      throw new Error(`the download has ${bytes.byteLength} bytes where the widget made ${answer.bytes}`);
    }
    return bytes;
  } finally {
    await browser?.close();
    await server.close();
  }
}
