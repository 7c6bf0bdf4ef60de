/**
 * A small static server for page tests that need real response headers (a CSP, say): it serves
 * dist/ and graph-data/, and pages built by the test, each with the headers the test gives.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../setup/chromium.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};

/** A page the server answers with: its body and its response headers. */
export interface ServedPage {
  readonly body: string;
  readonly type?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Answer only after this many milliseconds, as a slow server does. */
  readonly delayMs?: number;
}

export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `/dist/…`, `/graph-data/…` and the given pages (by path) on 127.0.0.1. `fileHeaders` go
 * with the files too (a worker takes its CSP from its own script's response).
 */
export async function servePages(
  pages: Readonly<Record<string, ServedPage>>,
  fileHeaders: (path: string) => Readonly<Record<string, string>> = () => ({}),
): Promise<PageServer> {
  const roots: Record<string, string> = { dist: 'dist', 'graph-data': 'graph-data' };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const page = pages[url.pathname];
    if (page !== undefined) {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': page.type ?? TYPES['.html'], ...page.headers });
        response.end(page.body);
      }, page.delayMs ?? 0);
      return;
    }
    const [, root, ...rest] = url.pathname.split('/');
    const folder = roots[root ?? ''];
    const relative = normalize(rest.join('/'));
    try {
      if (folder === undefined || relative.startsWith('..')) throw new Error('outside');
      const body = readFileSync(join(folder, relative));
      response.writeHead(200, {
        'content-type': TYPES[extname(relative)] ?? 'application/octet-stream',
        ...fileHeaders(url.pathname),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
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
