/**
 * Shared end-to-end harness: serves fixture pages from 127.0.0.1 under gov.cn-style host names and drives the
 * built Chrome extension in Debian's Chromium (playwright-core). Every e2e test, `npm start`, `npm run
 * screenshots` and the browser benches use it, so keep the exported API stable.
 *
 *   const server = await startServer({ dir: PAGES_DIR });          // or startServer(PAGES_DIR) / ({ routes })
 *   const tifa = await launchBrowser();                             // extension loaded, hosts mapped
 *   const page = await tifa.context.newPage();
 *   await page.goto(server.url('/seed.html'));                      // http://www.gov.cn:<port>/seed.html
 *   expect(await waitForTifa(page)).toBe('policy');
 *   const { page: article, tabId } = await newTab(tifa, server.url('/seed.html'));   // when the tab id is needed
 *   const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });         // convention: ?tabId=
 *   await tifa.close(); await server.close();
 *
 * No outside network: `--host-resolver-rules` maps the test hosts to 127.0.0.1 and everything else fails to
 * resolve. The extension is loaded from `.output/chrome-mv3` (built by `npm test` before vitest runs); set
 * TIFA_EXTENSION_DIR to load a private copy instead (useful while others rebuild `.output`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';

// ---------------------------------------------------------------------------------------------------------------
// Paths

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');
export const CORPUS_DIR = join(FIXTURES_DIR, 'corpus');
/** Static pages for e2e tests (seed.html …), served as-is. */
export const PAGES_DIR = join(FIXTURES_DIR, 'pages');
export const SEED_TEXT_FILE = join(CORPUS_DIR, 'seed', 'party-building-speech.txt');
export const CHROMIUM_PATH = process.env.TIFA_CHROMIUM ?? '/usr/bin/chromium';

/** Host the fixture pages are served under by default; matched by the content script's `*://*.gov.cn/*`. */
export const POLICY_HOST = 'www.gov.cn';
/** A host outside the content script's matches (for activeTab / "Always run on this site" tests). */
export const OTHER_HOST = 'www.example.org';
/** Host patterns mapped to 127.0.0.1 unless launchBrowser({ hosts }) says otherwise. */
export const DEFAULT_MAPPED_HOSTS = ['*.gov.cn', '*.example.org'];

// ---------------------------------------------------------------------------------------------------------------
// The built extension

/** Directory of the built Chrome extension that launchBrowser loads. */
export function extensionDir(): string {
  return resolve(process.env.TIFA_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3'));
}

/**
 * Directory of the test-only Chrome build that holds host_permissions for *.example.org (OTHER_HOST), built by
 * `npm run build:test-grant` (`npm test` does). For "Analyze this page" / "Always run on this site" tests, which
 * headless Chromium cannot otherwise drive (no toolbar click for activeTab, no permission prompt to answer).
 * TIFA_TEST_GRANT_EXTENSION_DIR loads a private copy instead. Pass it as launchBrowser({ extensionDir }).
 */
export function testGrantExtensionDir(): string {
  return resolve(process.env.TIFA_TEST_GRANT_EXTENSION_DIR ?? join(ROOT, '.output', 'test-grant', 'chrome-mv3'));
}

/**
 * Checks that the Chrome build exists and returns its directory. Does not build: `npm test` builds before
 * vitest starts (building inside a test would race the other test files and other people's builds).
 */
export function buildOnce(dir = extensionDir()): string {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `No built extension at ${dir} (manifest.json missing). Run \`npm run build:chrome\` first ` +
        '(`npm test` does this), or point TIFA_EXTENSION_DIR at a build.',
    );
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixture server

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

// ---------------------------------------------------------------------------------------------------------------
// Browser with the extension

export interface LaunchOptions {
  /** Host patterns mapped to 127.0.0.1 (Chromium host-resolver-rules syntax); default DEFAULT_MAPPED_HOSTS. */
  hosts?: string[];
  /** Default true. `npm start` passes false when there is a display. */
  headless?: boolean;
  /** Built extension to load; default extensionDir(). */
  extensionDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
  viewport?: { width: number; height: number } | null;
  /** Profile directory to reuse across launches (e.g. to test persistence); default: a fresh temporary one. */
  userDataDir?: string;
  /** Browser UI language, e.g. 'zh-CN' (selects the extension's messages); default 'en-US'. */
  locale?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker (evaluate chrome.* calls in it). */
  serviceWorker: Worker;
  /** chrome-extension://<id>/<page>?<query> opened as a tab. */
  openExtensionPage(page: ExtensionPageName, query?: Record<string, string | number>): Promise<Page>;
  /**
   * Stops the background service worker (as the browser does when it idles); its in-memory state is lost. The
   * next message or event starts it again. Do not evaluate in `serviceWorker` while it is stopped (that waits
   * until something wakes it): send a message first (e.g. from an extension page or a content script).
   */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export type ExtensionPageName = 'sidepanel.html' | 'popup.html' | (string & {});

/** Chromium flags shared by every launch: no sandbox (root), no background traffic, test hosts on 127.0.0.1. */
export function chromiumArgs(dir: string, hosts: string[] = DEFAULT_MAPPED_HOSTS): string[] {
  const rules = [...hosts.map((h) => `MAP ${h} 127.0.0.1`), 'EXCLUDE localhost'].join(', ');
  return [
    '--no-sandbox',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${rules}`,
  ];
}

/** Launches Chromium with a fresh profile and the extension loaded; waits for its service worker. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = buildOnce(options.extensionDir ?? extensionDir());
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    // --lang picks the extension's _locales (getMessage); the locale option sets navigator.language.
    // Note: headless Chromium still reports i18n.getUILanguage() as en-US.
    args: [...chromiumArgs(dir, options.hosts), `--lang=${options.locale ?? 'en-US'}`, ...(options.args ?? [])],
    // Playwright disables all extensions by default; ours is allowed by --disable-extensions-except.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    locale: options.locale ?? 'en-US',
  });
  try {
    let current = await extensionServiceWorker(context, dir);
    const extensionId = new URL(current.url()).host;
    // A stopped worker is started again by the next event; follow it so `serviceWorker` stays usable.
    context.on('serviceworker', (w) => {
      if (w.url().startsWith(`chrome-extension://${extensionId}/`)) current = w;
    });
    const browser: ExtensionBrowser = {
      context,
      extensionId,
      get serviceWorker() {
        return current;
      },
      openExtensionPage: (page, query) => openExtensionPage(context, extensionId, page, query),
      stopServiceWorker: async () => {
        // The ServiceWorker CDP domain is scoped to the page's origin, so drive it from an extension page.
        const page = await context.newPage();
        try {
          await page.goto(`chrome-extension://${extensionId}/manifest.json`);
          const cdp = await context.newCDPSession(page);
          const stopped = new Promise<void>((done) => {
            cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
              if (e.versions.length > 0 && e.versions.every((v) => v.runningStatus === 'stopped')) done();
            });
          });
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await Promise.race([
            stopped,
            sleep(5_000).then(() => Promise.reject(new Error('service worker did not stop within 5 s'))),
          ]);
          await cdp.detach();
        } finally {
          await page.close();
        }
      },
      close: () => context.close(),
    };
    return browser;
  } catch (err) {
    await context.close();
    throw err;
  }
}

async function extensionServiceWorker(context: BrowserContext, dir: string): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  } catch {
    throw new Error(
      `The extension's service worker did not start within 15 s (loaded from ${dir}). ` +
        'Is the build complete and is background.js valid?',
    );
  }
}

/** Opens an extension page (popup.html, sidepanel.html …) in a new tab and waits for it to load. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  page: ExtensionPageName,
  query: Record<string, string | number> = {},
): Promise<Page> {
  const url = new URL(`chrome-extension://${extensionId}/${page}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  const tab = await context.newPage();
  await tab.goto(url.href, { waitUntil: 'load' });
  return tab;
}

type ChromeTab = { id?: number; url?: string; pendingUrl?: string };

async function allTabIds(browser: Pick<ExtensionBrowser, 'serviceWorker'>): Promise<number[]> {
  return browser.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<ChromeTab[]> } } }).chrome;
    return (await api.tabs.query({})).map((t) => t.id).filter((id): id is number => typeof id === 'number');
  });
}

const knownTabIds = new WeakMap<Page, number>();

/**
 * Opens a new tab, remembers its browser tab id (see tabIdOf) and, when `url` is given, navigates to it.
 * Use this instead of context.newPage() when a test needs the tab id (`?tabId=` for popup/side panel pages).
 */
export async function newTab(
  browser: Pick<ExtensionBrowser, 'serviceWorker' | 'context'>,
  url?: string,
): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await allTabIds(browser));
  const page = await browser.context.newPage();
  let tabId: number | undefined;
  for (let i = 0; i < 100 && tabId === undefined; i++) {
    tabId = (await allTabIds(browser)).find((id) => !before.has(id));
    if (tabId === undefined) await sleep(20);
  }
  if (tabId === undefined) throw new Error('newTab(): the new tab did not show up in chrome.tabs');
  knownTabIds.set(page, tabId);
  if (url) await page.goto(url);
  return { page, tabId };
}

/**
 * The browser's tab id for a page (for `?tabId=` on extension pages, or chrome.tabs calls in the service
 * worker). Known for pages opened with newTab(); otherwise found by URL, which the extension can only see on
 * origins it holds a host permission for (content-script matches do NOT grant that).
 */
export async function tabIdOf(browser: Pick<ExtensionBrowser, 'serviceWorker'>, page: Page): Promise<number> {
  const known = knownTabIds.get(page);
  if (known !== undefined) return known;
  const url = page.url();
  const id = await browser.serviceWorker.evaluate(async (u: string) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<ChromeTab[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u || t.pendingUrl === u)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`No tab id known for ${url}: open the page with newTab() to track its id`);
  return id;
}

// ---------------------------------------------------------------------------------------------------------------
// Page helpers

/**
 * Waits until the content script has analysed the page (`document.documentElement.dataset.tifa` is set) and
 * returns the value ('policy' | 'other').
 */
export async function waitForTifa(page: Page, timeoutMs = 15_000): Promise<string> {
  try {
    const handle = await page.waitForFunction(() => document.documentElement.dataset.tifa || null, undefined, {
      timeout: timeoutMs,
      polling: 50,
    });
    return (await handle.jsonValue()) as string;
  } catch (err) {
    throw new Error(
      `Tifa did not mark ${page.url()} within ${timeoutMs} ms (documentElement.dataset.tifa unset): ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

/**
 * Collects console errors and uncaught exceptions of a page from now on. Read `.errors` at the end of a test.
 * Optionally ignore messages matching a pattern (e.g. a deliberately failing request).
 */
export function watchConsole(page: Page, ignore?: RegExp): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error' && !ignore?.test(msg.text())) errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => {
    if (!ignore?.test(err.message)) errors.push(`uncaught: ${err.message}`);
  });
  return { errors };
}

/** User Timing measures the content script recorded (tifa:extract, tifa:analyze, tifa:highlight, tifa:total). */
export async function tifaMeasures(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('tifa:')) out[m.name] = m.duration;
    return out;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Fixture pages

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SpeechPageOptions {
  title: string;
  paragraphs: string[];
  /** Portal chrome around the article (nav, 字号/打印 toolbar, footer) like real gov.cn pages; default true. */
  chrome?: boolean;
  /** Shown under the title, e.g. '2025-06-18 来源：市委组织部'. */
  byline?: string;
}

/**
 * A plausible government-portal article page: title in <h1>, each paragraph in <p>. Text is HTML-escaped, so
 * any string (quotes, 《》, <>) is safe. Used for tests/fixtures/pages/seed.html and for per-test variants
 * (edited passages, late content …).
 */
export function speechPageHtml(opts: SpeechPageOptions): string {
  const chrome = opts.chrome ?? true;
  const paras = opts.paragraphs.map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(opts.title)}_中国政府网</title>
  <style>
    body { font: 16px/1.8 "WenQuanYi Micro Hei", sans-serif; margin: 0; color: #222; background: #fff; }
    .nav, .footer { background: #f3f3f3; padding: 8px 24px; font-size: 14px; }
    .nav a { margin-right: 16px; color: #2b5aa0; text-decoration: none; }
    .article { max-width: 860px; margin: 0 auto; padding: 16px 24px; }
    h1 { font-size: 26px; text-align: center; line-height: 1.4; }
    .byline, .tools { color: #777; font-size: 14px; text-align: center; }
    .article p { text-indent: 2em; margin: 0.6em 0; }
  </style>
</head>
<body>
${chrome ? '  <div class="nav"><a href="/">首页</a><a href="/">要闻</a><a href="/">政策</a><a href="/">互动</a><a href="/">服务</a></div>\n' : ''}  <div class="article">
    <h1>${escapeHtml(opts.title)}</h1>
${opts.byline ? `    <div class="byline">${escapeHtml(opts.byline)}</div>\n` : ''}${chrome ? '    <div class="tools">【字号 大 中 小】 【打印】 【下载】</div>\n' : ''}    <div class="content" id="content">
${paras}
    </div>
  </div>
${chrome ? '  <div class="footer">主办单位：XX市人民政府办公室 版权所有 联系我们 网站地图</div>\n' : ''}</body>
</html>
`;
}

/**
 * The seed speech (tests/fixtures/corpus/seed/party-building-speech.txt) as a page: line 2 is the title, the
 * following lines are paragraphs. Line 1 is the template site's truncated teaser (“…前...”), not part of the
 * speech, so it is left out; the site's footer line stays in, as on the template site.
 */
export function seedPageHtml(): string {
  const lines = readFileSync(SEED_TEXT_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const [, title, ...paragraphs] = lines;
  return speechPageHtml({ title, paragraphs, byline: '2025-06-18 来源：市委组织部' });
}

/**
 * Selects `text` in the page as a reader's drag would (the text must lie inside one text node), scrolling it into
 * view. Throws when the page does not contain it.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(needle);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`text not found on the page: ${needle.slice(0, 20)}`);
  }, text);
}

/** Sends a raw Tifa message (`{ tifa: 1, kind, payload }`) from an extension page and returns the raw reply. */
export async function sendRawMessage(page: Page, kind: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([k, p]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        tifa: 1,
        kind: k,
        payload: p,
      }),
    [kind, payload] as const,
  );
}

/** Like sendRawMessage, but unwraps `{ ok, value }` and throws on an error reply. */
export async function sendMessage<T>(page: Page, kind: string, payload: unknown): Promise<T> {
  const reply = (await sendRawMessage(page, kind, payload)) as { ok: true; value: T } | { ok: false; error: string };
  if (!reply.ok) throw new Error(`${kind}: ${reply.error}`);
  return reply.value;
}

/** The texts painted under one highlight name, read from the page as it shows them. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    return [...h].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, name);
}
