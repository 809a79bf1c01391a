/**
 * Reading in a real Chromium: the content script marks up the seed speech with the CSS Custom Highlight API
 * (exactly the gold outline), stays quiet on every corpus negative page, follows toggles live, scrolls to an
 * outline item from the side panel, catches a speech that arrives late, never changes the page's text, and wakes
 * a stopped background worker before it sends the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  highlightsOverPage,
  highlightTexts,
  launchBrowser,
  newTab,
  seedPageHtml,
  speechPageHtml,
  startServer,
  SEED_TEXT_FILE,
  tifaMeasures,
  waitForTifa,
  watchConsole,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { waitForTifaUi } from './tifa-ui';

const CATEGORY_NAMES = [
  'tifa-section',
  'tifa-program',
  'tifa-formulation',
  'tifa-document',
  'tifa-meeting',
  'tifa-target',
  'tifa-result',
];

interface Gold {
  sections: Array<{ marker: string; startsWith: string; parent: number | null }>;
  mustFind: Record<string, string[]>;
}
const gold = JSON.parse(readFileSync(join(CORPUS_DIR, 'gold', 'seed.json'), 'utf8')) as Gold;

/** The seed page with the body's text recorded by the page itself before any content script runs. */
function seedWithTextProbe(): string {
  return seedPageHtml().replace('</body>', '<script>window.__textBefore = document.body.innerText;</script>\n</body>');
}

/** The seed speech's title and paragraphs, for pages built around it. */
function seedParts(): { title: string; paragraphs: string[] } {
  const lines = readFileSync(SEED_TEXT_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const [, title, ...paragraphs] = lines;
  return { title, paragraphs };
}

/** A page that is empty at load and receives the seed speech 2 s later (like a client-rendered article). */
function lateSpeechHtml(): string {
  const { title, paragraphs } = seedParts();
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><div id="app">加载中</div>
<script>
const data = ${JSON.stringify({ title, paragraphs })};
setTimeout(() => {
  const app = document.getElementById('app');
  app.textContent = '';
  const h1 = document.createElement('h1');
  h1.textContent = data.title;
  app.append(h1);
  for (const p of data.paragraphs) { const el = document.createElement('p'); el.textContent = p; app.append(el); }
}, 2000);
</script></body></html>`;
}

/** A one-page app: the seed speech, then "navigates" (pushState) to an unrelated page by swapping the content. */
function spaHtml(): string {
  const { title, paragraphs } = seedParts();
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main id="app"></main>
<script>
const speech = ${JSON.stringify({ title, paragraphs })};
function render(parts) {
  const app = document.getElementById('app');
  app.textContent = '';
  const h1 = document.createElement('h1'); h1.textContent = parts.title; app.append(h1);
  for (const p of parts.paragraphs) { const el = document.createElement('p'); el.textContent = p; app.append(el); }
}
render(speech);
window.goElsewhere = () => {
  history.pushState({}, '', '/spa/weather');
  render({ title: '明日天气', paragraphs: ['明天多云转晴，气温十二到二十度。', '后天有小雨，请出门带伞。'] });
};
</script></body></html>`;
}

/** Ranges painted per registered category name, over the whole page (only those near the viewport are registered). */
async function highlightSizes(page: Page): Promise<Record<string, number>> {
  const texts = await highlightsOverPage(page, [...CATEGORY_NAMES]);
  return Object.fromEntries(Object.entries(texts).map(([name, t]) => [name, t.length]));
}

async function setToggles(tifa: ExtensionBrowser, toggles: unknown): Promise<void> {
  await tifa.serviceWorker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ readingToggles: value });
  }, toggles);
}

/** Highlights on, with the default categories (DEFAULT_VISIBLE_CATEGORIES: targets and results off). */
const allOn = {
  all: true,
  categories: {
    section: true,
    program: true,
    formulation: true,
    document: true,
    meeting: true,
    target: false,
    result: false,
  },
};

let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({
    dir: CORPUS_DIR,
    routes: {
      '/seed.html': { body: seedWithTextProbe() },
      '/late.html': { body: lateSpeechHtml() },
      '/spa/speech': { body: spaHtml(), contentType: 'text/html; charset=utf-8' },
      '/plain.html': { body: speechPageHtml({ title: '天气', paragraphs: ['今天晴。'] }) },
    },
  });
  tifa = await launchBrowser();
});

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

describe('seed speech', () => {
  let page: Page;
  let log: { errors: string[] };

  beforeAll(async () => {
    page = await tifa.context.newPage();
    log = watchConsole(page);
    await page.goto(server.url('/seed.html'));
    expect(await waitForTifa(page)).toBe('policy');
    await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
  });

  it('highlights exactly the gold outline in tifa-section (marker + lead)', async () => {
    const sections = await highlightTexts(page, 'tifa-section');
    expect(sections).toHaveLength(gold.sections.length);
    expect(sections).toHaveLength(24);
    // Highlights hold ranges in no guaranteed order; the gold items, by their opening words, must all be there.
    const opening = (s: string) => s.replace(/\s+/g, '').slice(0, 10);
    expect(sections.map(opening).sort()).toEqual(gold.sections.map((s) => opening(s.startsWith)).sort());
  });

  it('highlights the gold programs and registers every category by name', async () => {
    const programs = (await highlightTexts(page, 'tifa-program')).join('\n');
    const missing = gold.mustFind.program.filter((p) => !programs.includes(p));
    // Report, not hide: the rule set owns recall; the reading side must paint whatever the rules find.
    expect(missing.length, `programs not highlighted: ${missing.join(', ')}`).toBeLessThanOrEqual(2);
    expect(programs).toContain('千村头雁');
    const sizes = await highlightSizes(page);
    for (const name of ['tifa-section', 'tifa-program', 'tifa-formulation', 'tifa-meeting'])
      expect(sizes[name]).toBeGreaterThan(0);
  });

  it('records User Timing measures visible to the page', async () => {
    const m = await tifaMeasures(page);
    for (const name of ['tifa:extract', 'tifa:analyze', 'tifa:highlight', 'tifa:total'])
      expect(m[name]).toBeGreaterThanOrEqual(0);
    expect(m['tifa:total']).toBeGreaterThanOrEqual(m['tifa:analyze']);
  });

  it('shows a tooltip with category, rule and gloss on hover, in one shadow-root host', async () => {
    const target = await page.evaluate(() => {
      const h = CSS.highlights.get('tifa-program')!;
      const r = [...h][0];
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: rect.left + Math.min(8, rect.width / 2), y: rect.top + rect.height / 2, text: range.toString() };
    });
    await page.mouse.move(target.x, target.y);
    const tip = (await waitForTifaUi(page, '.tip', (el) => !el.hidden)).text;
    expect(tip).toContain('Program');
    expect(tip).toContain(target.text.slice(0, 4));
    // One Tifa host outside <body>, its shadow root closed to page scripts.
    expect(
      await page.evaluate(
        () =>
          [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body).length,
      ),
    ).toBe(1);
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length)).toBe(0);
    // Moving away hides it.
    await page.mouse.move(2, 2);
    await waitForTifaUi(page, '.tip', (el) => el.hidden);
  });

  it('never changes the page text and throws nothing into the page', async () => {
    const [before, after] = await page.evaluate(() => [
      (window as unknown as { __textBefore: string }).__textBefore,
      document.body.innerText,
    ]);
    expect(before.length).toBeGreaterThan(5000);
    expect(after).toBe(before);
    expect(log.errors).toEqual([]);
  });
});

describe('toggles', () => {
  it('clear and restore highlights live, per category and all, from storage and from the popup', async () => {
    const { page, tabId } = await newTab(tifa, server.url('/seed.html'));
    expect(await waitForTifa(page)).toBe('policy');
    await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
    const full = await highlightSizes(page);

    await setToggles(tifa, { ...allOn, categories: { ...allOn.categories, program: false } });
    await page.waitForFunction(() => !CSS.highlights.has('tifa-program'));
    expect((await highlightSizes(page))['tifa-section']).toBe(full['tifa-section']);

    await setToggles(tifa, { ...allOn, all: false });
    await page.waitForFunction((names) => names.every((n) => !CSS.highlights.has(n)), CATEGORY_NAMES);

    // Switched off, Tifa no longer watches the page: a content swap is not re-analysed.
    await page.evaluate(() => {
      document.querySelector('#content')!.textContent = '今天天气晴。';
    });
    await page.waitForTimeout(700);
    expect(await page.evaluate(() => document.documentElement.dataset.tifa)).toBe('policy');
    await page.reload();
    await waitForTifa(page);

    await setToggles(tifa, allOn);
    await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
    expect(await highlightSizes(page)).toEqual(full);

    // The popup's "All highlights" switch, for this page only.
    const popup = await tifa.openExtensionPage('popup.html', { tabId });
    await popup.getByRole('radio', { name: 'This page' }).check();
    await popup.getByRole('checkbox', { name: 'All highlights' }).uncheck();
    await page.waitForFunction((names) => names.every((n) => !CSS.highlights.has(n)), CATEGORY_NAMES);
    await popup.getByRole('checkbox', { name: 'All highlights' }).check();
    await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
    expect(await highlightSizes(page)).toEqual(full);
    await popup.close();
    await page.close();
  });
});

describe('side panel outline', () => {
  it('lists the outline as a tree and scrolls the page to a clicked item', async () => {
    const { page, tabId } = await newTab(tifa, server.url('/seed.html'));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await waitForTifa(page)).toBe('policy');
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    const items = panel.locator('.tifa-page-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(24);
    // Nesting: 第一， items sit inside 一、's group.
    expect(
      await panel.locator('[role=tree] > li:nth-child(5) [role=group] .tifa-page-item').first().textContent(),
    ).toMatch(/^第一，/);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await items.nth(21).click();
    // Read while the flash is up (1.6 s): one wait that returns what it saw once the page has scrolled.
    const seen = await page.waitForFunction(() => {
      const flash = CSS.highlights.get('tifa-flash');
      const r = flash && [...flash][0];
      if (!r || window.scrollY <= 500) return null;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, h: innerHeight, text: range.toString() };
    });
    const visible = (await seen.jsonValue()) as { top: number; bottom: number; h: number; text: string } | null;
    expect(visible).not.toBeNull();
    expect(visible!.text.startsWith('一要着重解决责任落实')).toBe(true);
    expect(visible!.top).toBeGreaterThanOrEqual(0);
    expect(visible!.bottom).toBeLessThanOrEqual(visible!.h);

    // "Copy outline": the outline as an indented Markdown list.
    // (Headless Chromium grants no clipboard access to extension pages, so the write is captured instead.)
    await panel.evaluate(() => {
      const w = window as unknown as { __copied: string };
      navigator.clipboard.writeText = async (text: string) => {
        w.__copied = text;
      };
    });
    await panel.getByRole('button', { name: 'Copy outline' }).click();
    await panel.getByText('Copied').waitFor();
    const markdown = await panel.evaluate(() => (window as unknown as { __copied: string }).__copied);
    const lines = markdown.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('  '));
    expect(lines).toHaveLength(24);
    expect(lines[4]).toMatch(/^- 一、提高思想站位抓推进/);
    expect(lines[5]).toMatch(/^ {2}- 第一，要从筑牢党的执政根基/);
    expect(lines[10]).toMatch(/^ {4}- 一要扎扎实实实施“千村头雁”/);
    await panel.close();
    await page.close();
  });
});

describe('dynamic pages', () => {
  it('marks a speech that arrives 2 s after load', async () => {
    const page = await tifa.context.newPage();
    await page.goto(server.url('/late.html'));
    expect(await waitForTifa(page)).toBe('other');
    await page.waitForFunction(() => document.documentElement.dataset.tifa === 'policy', undefined, { timeout: 8000 });
    await expect.poll(async () => (await highlightTexts(page, 'tifa-section')).length, { timeout: 8000 }).toBe(24);
    await page.close();
  });

  it('follows SPA navigation: a pushState to unrelated content clears the marks', async () => {
    const page = await tifa.context.newPage();
    await page.goto(server.url('/spa/speech'));
    expect(await waitForTifa(page)).toBe('policy');
    await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
    await page.evaluate(() => (window as unknown as { goElsewhere(): void }).goElsewhere());
    await page.waitForFunction(() => document.documentElement.dataset.tifa === 'other', undefined, { timeout: 5000 });
    expect(await highlightSizes(page)).toEqual({});
    await page.close();
  });
});

describe('corpus negative pages', () => {
  const files = readdirSync(join(CORPUS_DIR, 'html')).filter((f) => f.endsWith('.html'));

  it('has the corpus pages', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('says other and paints nothing on every one of them', async () => {
    const page = await tifa.context.newPage();
    // Saved pages reference scripts, styles and images on their original hosts: fail those at once (no outside
    // network), and keep the pages' own scripts from running (some redirect to hosts that do not exist here).
    // Content scripts are not subject to the page's CSP, so Tifa runs as on the live page.
    const origin = server.origin();
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    for (const file of files) {
      server.route(`/neg/${file}`, {
        body: readFileSync(join(CORPUS_DIR, 'html', file)),
        contentType: 'text/html',
        headers: { 'content-security-policy': "script-src 'none'" },
      });
    }
    const wrong: string[] = [];
    for (const file of files) {
      await page.goto(server.url(`/neg/${file}`), { waitUntil: 'domcontentloaded' });
      const verdict = await waitForTifa(page);
      const sizes = await highlightSizes(page);
      if (verdict !== 'other' || Object.keys(sizes).length > 0)
        wrong.push(`${file}: ${verdict} ${JSON.stringify(sizes)}`);
    }
    expect(wrong).toEqual([]);
    await page.close();
  }, 240_000);
});

describe('a stopped background worker (Chromium stops it after 30 s idle)', () => {
  it('is woken as the content script starts, before the page sends its text, and the page is read', async () => {
    await tifa.stopServiceWorker();
    const page = await tifa.context.newPage();
    await page.goto(server.url('/seed.html'));
    expect(await waitForTifa(page)).toBe('policy');
    const seen = await tifa.serviceWorker.evaluate(() => ({
      wake: performance.getEntriesByName('tifa:wake', 'mark')[0]?.startTime ?? null,
      analysis: performance.getEntriesByName('tifa:worker-analyze', 'measure')[0]?.startTime ?? null,
    }));
    expect(seen.wake).not.toBeNull();
    expect(seen.analysis).not.toBeNull();
    expect(seen.wake as number).toBeLessThan(seen.analysis as number);
    await page.close();
  });
});
