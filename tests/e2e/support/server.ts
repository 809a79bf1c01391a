/** The fixture server: pages served from 127.0.0.1 under gov.cn-style host names (see tests/e2e/harness.ts). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { PAGES_DIR, POLICY_HOST } from './paths';

/** A canned response. `body` as a function is evaluated per request (so tests can change content between loads). */
export interface RouteSpec {
  body: string | Buffer | (() => string | Buffer);
  /** Defaults from the path's extension; HTML is sent without a charset so the page's <meta charset> applies. */
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Wait this long before answering (slow servers, late content). */
  delayMs?: number;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type Route = RouteSpec | RouteHandler;

export interface ServerOptions {
  /** Serve files from this directory (paths are confined to it). */
  dir?: string;
  /** Exact-path routes (query string ignored); they win over files in `dir`. */
  routes?: Record<string, Route>;
  /** Host used by url()/origin() when none is given; default www.gov.cn. */
  host?: string;
}

export interface FixtureServer {
  port: number;
  /** http://<host>:<port> */
  origin(host?: string): string;
  /** http://<host>:<port><path> — path must start with '/'. */
  url(path: string, host?: string): string;
  /** Adds or replaces a route while the server runs. */
  route(path: string, route: Route): void;
  /** Paths requested so far, in order (e.g. to assert the page was fetched). */
  requests: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Waits `ms` (a server's configured delay, never a test's wait for a condition). */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A bare route table: every key is a path. */
function isRouteTable(x: ServerOptions | Record<string, Route>): x is Record<string, Route> {
  const keys = Object.keys(x);
  return keys.length > 0 && keys.every((k) => k.startsWith('/'));
}

/**
 * Starts an HTTP server on 127.0.0.1 on a free port. Pass a directory, a route table `{ '/a.html': … }`, or
 * `{ dir, routes, host }`. Unknown paths get
 * 404; anything outside `dir` is refused.
 */
export async function startServer(
  options: string | ServerOptions | Record<string, Route> = { dir: PAGES_DIR },
): Promise<FixtureServer> {
  const opts: ServerOptions =
    typeof options === 'string' ? { dir: options } : isRouteTable(options) ? { routes: options } : options;
  const routes = new Map<string, Route>(Object.entries(opts.routes ?? {}));
  const root = opts.dir ? resolve(opts.dir) : undefined;
  const defaultHost = opts.host ?? POLICY_HOST;
  const requests: string[] = [];

  const serveSpec = async (spec: RouteSpec, path: string, res: ServerResponse) => {
    if (spec.delayMs) await sleep(spec.delayMs);
    const body = typeof spec.body === 'function' ? spec.body() : spec.body;
    res.writeHead(spec.status ?? 200, {
      'content-type': spec.contentType ?? contentTypeFor(path),
      'cache-control': 'no-store',
      ...spec.headers,
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    void (async () => {
      const route = routes.get(path);
      if (typeof route === 'function') return route(req, res);
      if (route) return serveSpec(route, path, res);
      if (root) {
        const file = normalize(join(root, path === '/' ? 'index.html' : path));
        if ((file === root || file.startsWith(root + sep)) && existsSync(file) && statSync(file).isFile()) {
          return serveSpec({ body: readFileSync(file) }, file, res);
        }
      }
      if (path === '/favicon.ico') {
        // Browsers ask for it on every page; an empty answer keeps 404s out of the console.
        res.writeHead(204);
        return void res.end();
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`not found: ${path}`);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(err));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = (host = defaultHost) => `http://${host}:${port}`;
  return {
    port,
    origin,
    url: (path, host) => {
      if (!path.startsWith('/')) throw new Error(`server.url(): path must start with "/": ${path}`);
      return origin(host) + path;
    },
    route: (path, route) => void routes.set(path, route),
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
