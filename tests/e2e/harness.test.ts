/**
 * The harness other e2e tests stand on: the fixture server serves bytes as-is with the right types, honours
 * routes and delays, stays inside its directory; the browser helpers track tabs and can stop the worker.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  PAGES_DIR,
  launchBrowser,
  newTab,
  startServer,
  tabIdOf,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

/** GET over 127.0.0.1 with a raw (un-normalised) path. */
function get(port: number, path: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fixture server', () => {
  let server: FixtureServer;
  let version = 1;
  const gb2312Page = readFileSync(join(CORPUS_DIR, 'html', 'gne__163_9.html'));

  beforeAll(async () => {
    server = await startServer({
      dir: PAGES_DIR,
      routes: {
        '/gb.html': { body: gb2312Page },
        '/late.html': { body: '<p>late</p>', delayMs: 300 },
        '/versioned.html': { body: () => `<p>v${version}</p>` },
        '/teapot': (_req, res) => {
          res.writeHead(418, { 'content-type': 'text/plain' });
          res.end('teapot');
        },
      },
    });
  });
  afterAll(() => server.close());

  it('serves directory files byte for byte, HTML without a charset so <meta charset> applies', async () => {
    const res = await get(server.port, '/seed.html');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.body.equals(readFileSync(join(PAGES_DIR, 'seed.html')))).toBe(true);
  });

  it('serves route bodies as given (a gb2312 page stays gb2312)', async () => {
    const res = await get(server.port, '/gb.html');
    expect(res.body.equals(gb2312Page)).toBe(true);
    expect(res.type).toBe('text/html');
  });

  it('evaluates function bodies per request and accepts routes added later', async () => {
    expect((await get(server.port, '/versioned.html')).body.toString()).toBe('<p>v1</p>');
    version = 2;
    expect((await get(server.port, '/versioned.html')).body.toString()).toBe('<p>v2</p>');
    server.route('/seed.html', { body: 'override', contentType: 'text/plain' });
    expect((await get(server.port, '/seed.html')).body.toString()).toBe('override');
    expect((await get(server.port, '/teapot')).status).toBe(418);
  });

  it('delays responses when asked', async () => {
    const t0 = performance.now();
    const res = await get(server.port, '/late.html');
    expect(res.body.toString()).toBe('<p>late</p>');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('answers 404 for unknown paths and refuses paths outside its directory', async () => {
    expect((await get(server.port, '/nope.html')).status).toBe(404);
    expect((await get(server.port, '/%2e%2e/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await get(server.port, '/favicon.ico')).status).toBe(204);
    expect(server.requests).toContain('/nope.html');
  });

  it('builds URLs under the mapped hosts', () => {
    expect(server.url('/a.html')).toBe(`http://www.gov.cn:${server.port}/a.html`);
    expect(server.url('/a.html', 'www.example.org')).toBe(`http://www.example.org:${server.port}/a.html`);
    expect(() => server.url('a.html')).toThrow(/must start with/);
  });

  it('accepts a bare route table', async () => {
    const bare = await startServer({ '/x.txt': { body: 'x' } });
    try {
      const res = await get(bare.port, '/x.txt');
      expect(res.body.toString()).toBe('x');
      expect(res.type).toBe('text/plain; charset=utf-8');
    } finally {
      await bare.close();
    }
  });
});

describe('browser helpers', () => {
  let server: FixtureServer;
  let tifa: ExtensionBrowser;
  beforeAll(async () => {
    server = await startServer(PAGES_DIR);
    tifa = await launchBrowser();
  });
  afterAll(async () => {
    await tifa?.close();
    await server?.close();
  });

  it('maps www.gov.cn to the local server and blocks every other host', async () => {
    const page = await tifa.context.newPage();
    await page.goto(server.url('/seed.html'));
    expect(await page.locator('h1').textContent()).toContain('讲话');
    await expect(page.goto('http://www.unmapped-host.com/', { timeout: 10_000 })).rejects.toThrow(
      /ERR_NAME_NOT_RESOLVED/,
    );
    await page.close();
  });

  it('newTab() knows the browser tab id of the page it opens', async () => {
    const a = await newTab(tifa, server.url('/seed.html'));
    const b = await newTab(tifa, server.url('/seed.html', 'www.example.org'));
    expect(a.tabId).not.toBe(b.tabId);
    expect(await tabIdOf(tifa, b.page)).toBe(b.tabId);
    const allTabIds = await tifa.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } })
        .chrome;
      return (await api.tabs.query({})).map((t) => t.id);
    });
    expect(allTabIds).toEqual(expect.arrayContaining([a.tabId, b.tabId]));
    await a.page.close();
    await b.page.close();
  });

  it('stopServiceWorker() stops the worker; the next message starts a fresh one', async () => {
    await tifa.serviceWorker.evaluate(() => {
      (globalThis as { harnessMarker?: number }).harnessMarker = 42;
    });
    await tifa.stopServiceWorker();
    const page = await tifa.openExtensionPage('popup.html');
    // Any message wakes the worker, whether or not something answers it.
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
        .sendMessage({ harness: 'wake' })
        .catch(() => undefined),
    );
    expect(
      await tifa.serviceWorker.evaluate(() => (globalThis as { harnessMarker?: number }).harnessMarker ?? null),
    ).toBeNull();
    await page.close();
  });
});
