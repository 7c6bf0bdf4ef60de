/**
 * A small static HTTP server on 127.0.0.1, for driving the built widget in a headless browser:
 * it serves folders under one-segment prefixes (`/dist/…`) and pages by path, each with the
 * headers given. The page tests use it, and so does the PNG export of the CLI.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

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

/** A running server: its origin (`http://127.0.0.1:PORT`), and a way to stop it. */
export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** What a {@link serveStatic} server answers with. */
export interface StaticServerOptions {
  /** Folders by URL prefix: `{ dist: 'dist' }` serves `/dist/actor-graph.js` from `dist/actor-graph.js`. */
  readonly folders: Readonly<Record<string, string>>;
  /** Pages by path, answered before any folder is looked in. */
  readonly pages?: Readonly<Record<string, ServedPage>>;
  /** Headers sent with a file, by its URL path (a worker takes its CSP from its own script's response). */
  readonly fileHeaders?: (path: string) => Readonly<Record<string, string>>;
}

/**
 * The file a URL path names inside `folders`, or `undefined` when it names none. Each segment is
 * decoded (file names with spaces or Hangul), and none may climb out of its folder.
 */
function fileOf(pathname: string, folders: Readonly<Record<string, string>>): string | undefined {
  const [, prefix, ...rest] = pathname.split('/');
  const folder = Object.hasOwn(folders, prefix ?? '') ? folders[prefix as string] : undefined;
  if (folder === undefined) return undefined;
  let segments: string[];
  try {
    segments = rest.map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  if (segments.some((segment) => segment === '..' || /[/\\\0]/.test(segment))) return undefined;
  const root = resolve(folder);
  const path = resolve(join(root, ...segments));
  return path.startsWith(root + sep) ? path : undefined;
}

/** Starts a server on a free port of 127.0.0.1. */
export async function serveStatic(options: StaticServerOptions): Promise<StaticServer> {
  const { folders, pages = {}, fileHeaders = () => ({}) } = options;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const page = Object.hasOwn(pages, url.pathname) ? pages[url.pathname] : undefined;
    if (page !== undefined) {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': page.type ?? TYPES['.html'], ...page.headers });
        response.end(page.body);
      }, page.delayMs ?? 0);
      return;
    }
    const notFound = () => {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    };
    const file = fileOf(url.pathname, folders);
    if (file === undefined) return notFound();
    readFile(file).then((body) => {
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...fileHeaders(url.pathname),
      });
      response.end(body);
    }, notFound);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        // A browser that keeps its connections open must not hold the server, or the process, up.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
