/**
 * The CLI and the content script must see the same text: extractText in Chromium (the browser's own parser and
 * DOM) and under happy-dom (with prepareHtmlForParsing, as the CLI runs it) give identical text, with and
 * without main-content detection, on every corpus HTML page and the seed page. Also checks rangeFor/offsetsOf
 * against Chromium's real Range implementation. Needs no extension build: the library is bundled with esbuild.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../lib/extract/index';
import { decodeHtmlBytes } from '../../lib/html/decode';
import { prepareHtmlForParsing } from '../../lib/html/prepare';
import { CHROMIUM_PATH, CORPUS_DIR, PAGES_DIR } from './harness';
import { bundleExtractor } from '../helpers/bundle-extract';

const FILES = [
  ...readdirSync(join(CORPUS_DIR, 'html'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(CORPUS_DIR, 'html', f)),
  join(PAGES_DIR, 'seed.html'),
];

interface BrowserSide {
  full: string;
  main: string;
  /** Spans whose range text (whitespace removed) differs from the flat text, or whose offsets do not come back. */
  mismatches: string[];
}

/** Runs in the page, after the bundle defined the TifaExtract global. */
const PAGE_CHECK = `(() => {
  const L = TifaExtract;
  const full = L.extractText(document);
  const main = L.extractText(document, { mainContent: true });
  const mismatches = [];
  const covered = new Uint8Array(full.text.length);
  for (const s of full.segments) covered.fill(1, s.start, s.end);
  const strip = (s) => s.replace(/[ \\t\\n\\r\\f]/g, '');
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let k = 0; k < 200; k++) {
    const start = Math.floor(rnd() * (full.text.length + 1));
    const end = Math.min(full.text.length, start + Math.floor(rnd() * 300));
    const range = L.rangeFor(full, start, end);
    let s = start; while (s < covered.length && !covered[s]) s++;
    let e = end; while (e > 0 && !covered[e - 1]) e--;
    const expected = { start: s, end: Math.max(s, e) };
    const got = L.offsetsOf(full, range);
    if (got.start !== expected.start || got.end !== expected.end) mismatches.push('offsets ' + start + '-' + end);
    // Within one segment the range text is the flat text itself.
    const seg = full.segments.find((g) => g.start <= start && end <= g.end);
    if (seg && end > start && range.toString().replace(/[\\t\\n\\r\\f]/g, ' ') !== full.text.slice(start, end)) {
      mismatches.push('text ' + start + '-' + end);
    }
    if (strip(range.toString()).length < strip(full.text.slice(start, end)).length) mismatches.push('short ' + start + '-' + end);
  }
  return { full: full.text, main: main.text, mismatches };
})()`;

let browser: Browser;
let page: Page;
let bundle: string;
const happy = new Window();

beforeAll(async () => {
  bundle = await bundleExtractor();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  // The pages' own scripts stay off (they would rewrite the DOM) and nothing is fetched.
  page = await browser.newPage({ javaScriptEnabled: false });
  await page.route('**/*', (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await happy.happyDOM.close();
});

describe('extraction parity: Chromium vs happy-dom', () => {
  it.each(FILES.map((f) => [f.split('/').pop() as string, f]))('%s', async (_name, file) => {
    const html = decodeHtmlBytes(new Uint8Array(readFileSync(file)));
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    // evaluate() runs even with the page's JavaScript disabled.
    const inBrowser = (await page.evaluate(`${bundle};${PAGE_CHECK}`)) as BrowserSide;
    const doc = new happy.DOMParser().parseFromString(prepareHtmlForParsing(html), 'text/html') as unknown as Document;
    expect(inBrowser.full.length).toBeGreaterThan(0);
    expect(inBrowser.full).toBe(extractText(doc).text);
    expect(inBrowser.main).toBe(extractText(doc, { mainContent: true }).text);
    expect(inBrowser.mismatches).toEqual([]);
  });
});

describe('isHiddenByStyle in Chromium', () => {
  it('skips what stylesheets hide, which markup checks alone cannot see', async () => {
    await page.setContent(
      '<style>.gone{display:none}.ghost{visibility:hidden}</style>' +
        '<p>甲</p><p class="gone">乙</p><p class="ghost">丙</p><details><summary>丁</summary>戊</details><p>己</p>',
    );
    const texts = (await page.evaluate(
      `${bundle};[TifaExtract.extractText(document).text, TifaExtract.extractText(document, { isHidden: TifaExtract.isHiddenByStyle }).text]`,
    )) as [string, string];
    expect(texts).toEqual(['甲\n乙\n丙\n丁\n己', '甲\n丁\n己']);
  });
});
