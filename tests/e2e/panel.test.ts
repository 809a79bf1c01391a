/**
 * The writer's side panel and popup (issue 11), in a real Chromium, on the seed speech and a provincial report from
 * the corpus — compared with the CLI's analysis of the very same HTML (cli/analyze-file.ts, the rule set under
 * happy-dom: the extract-parity test holds its text equal to the browser's):
 *  - the calm default paints no number and ≤ 8 ranges per 1,000 characters, with every outline item and program;
 *    the full mode (switched from the popup by keyboard) paints the targets;
 *  - the page index lists every mention the CLI finds, grouped by category and counted; an entry scrolls the page
 *    to its mention, and again to the next one;
 *  - the speech identity is edited by keyboard alone, rewrites the page's clips and cites new ones.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile, type FileAnalysis } from '../../cli/analyze-file';
import { HtmlTextExtractor } from '../../cli/html-text';
import { speechCitation } from '../../lib/citation/citation';
import type { Clip } from '../../lib/clips/types';
import { analyze } from '../../lib/rules';
import {
  CORPUS_DIR,
  highlightsOverPage,
  highlightTexts,
  launchBrowser,
  newTab,
  seedPageHtml,
  speechPageHtml,
  startServer,
  waitForTifa,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { storedClips } from './tifa-ui';

const CALM = ['tifa-section', 'tifa-program', 'tifa-formulation', 'tifa-document', 'tifa-meeting'];
const NUMBERS = ['tifa-target', 'tifa-result'];

/** The 2026 Fujian government work report as a portal page: its title, then every line a paragraph. */
function reportHtml(): string {
  const lines = readFileSync(join(CORPUS_DIR, 'pos', 'provgwr2026__fujian.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const at = lines.indexOf('2026年福建省政府工作报告');
  return speechPageHtml({ title: lines[at], paragraphs: lines.slice(at + 1) });
}

const PAGES = { seed: seedPageHtml(), report: reportHtml() } as const;
type PageName = keyof typeof PAGES;

let server: FixtureServer;
let tifa: ExtensionBrowser;
let dir: string;
const cli = {} as Record<PageName, FileAnalysis>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-panel-'));
  const html = new HtmlTextExtractor();
  for (const name of Object.keys(PAGES) as PageName[]) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, PAGES[name]);
    cli[name] = await analyzeFile(file, html, analyze);
  }
  await html.close();
  server = await startServer({
    routes: { '/seed.html': { body: PAGES.seed }, '/report.html': { body: PAGES.report } },
  });
  tifa = await launchBrowser();
});

afterAll(async () => {
  await tifa?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(name: PageName): Promise<{ page: Page; tabId: number }> {
  const opened = await newTab(tifa, server.url(`/${name}.html`));
  await opened.page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await waitForTifa(opened.page)).toBe('policy');
  await opened.page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
  return opened;
}

/** Ranges painted per name over the whole page (only those near the viewport are registered at a time). */
async function sizes(page: Page): Promise<Record<string, number>> {
  const names = [...CALM, ...NUMBERS];
  const painted = await highlightsOverPage(page, names);
  return Object.fromEntries(names.map((n) => [n, painted[n]?.length ?? 0]));
}

/** Presses Tab (only Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${selector} in ${max} presses`);
}

/**
 * Waits until the flashed range (an outline item or index entry just jumped to) holds `text` and is in the
 * viewport; returns its top in document coordinates (where the page scrolled to). One evaluation: the flash
 * lasts 1.6 s, which a loaded machine can spend between two calls.
 */
async function flashed(page: Page, text: string): Promise<number> {
  const handle = await page.waitForFunction(
    (want) => {
      const r = [...(CSS.highlights.get('tifa-flash') ?? [])][0];
      if (!r) return false;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getBoundingClientRect();
      const shown = range.toString() === want && rect.top >= 0 && rect.bottom <= innerHeight && rect.height > 0;
      return shown ? rect.top + scrollY : false;
    },
    text,
    { timeout: 10_000 },
  );
  return (await handle.jsonValue()) as number;
}

describe.each(['seed', 'report'] as const)('%s: reading modes', (name) => {
  it('calm (the default) paints no number, ≤ 8 ranges per 1,000 characters, every outline item and program', async () => {
    const { page } = await open(name);
    const a = cli[name];
    const got = await sizes(page);
    for (const n of NUMBERS) expect(got[n], n).toBe(0);
    // Every range in the page's highlight registry counts, a program inside an outline heading as two.
    const ranges = CALM.reduce((sum, n) => sum + got[n], 0);
    const perThousand = (1000 * ranges) / a.textLength;
    console.log(
      `${name}: calm paints ${ranges} ranges in ${a.textLength} characters (${perThousand.toFixed(2)} per 1,000)`,
    );
    expect(perThousand).toBeLessThanOrEqual(8);
    expect(got['tifa-section']).toBe(a.outline.filter((o) => o.headEnd > o.start).length);
    const programs = a.mentions.filter((m) => m.category === 'program').map((m) => m.text);
    expect((await highlightTexts(page, 'tifa-program')).sort()).toEqual(programs.sort());
    await page.close();
  });

  it('full, chosen in the popup by keyboard, paints the targets; calm again from the side panel', async () => {
    const { page, tabId } = await open(name);
    const targets = cli[name].mentions.filter((m) => m.category === 'target').length;
    expect(targets).toBeGreaterThan(0);
    const calm = await sizes(page);
    const popup = await tifa.openExtensionPage('popup.html', { tabId });
    await popup.locator('input[name=tifa-mode]').first().waitFor();
    await tabTo(popup, 'input[name=tifa-mode]:checked');
    await popup.keyboard.press('ArrowRight');
    expect(await popup.locator('input[name=tifa-mode][value=full]').isChecked()).toBe(true);
    await expect.poll(async () => (await highlightTexts(page, 'tifa-target')).length).toBe(targets);
    // Full paints every mention the CLI finds and every outline heading: nothing of the quiet selection applies.
    const all = { 'tifa-section': cli[name].outline.filter((o) => o.headEnd > o.start).length } as Record<
      string,
      number
    >;
    for (const m of cli[name].mentions) all[`tifa-${m.category}`] = (all[`tifa-${m.category}`] ?? 0) + 1;
    for (const n of [...CALM, ...NUMBERS]) all[n] ??= 0;
    expect(await sizes(page)).toEqual(all);
    await popup.close();

    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    await panel.locator('input[name=tifa-mode][value=full]:checked').waitFor();
    await tabTo(panel, 'input[name=tifa-mode]:checked');
    await panel.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (CSS.highlights.get('tifa-target')?.size ?? 0) === 0);
    expect(await panel.locator('input[name=tifa-mode][value=calm]').isChecked()).toBe(true);
    expect(await sizes(page)).toEqual(calm);
    await panel.close();
    await page.close();
  });
});

describe.each(['seed', 'report'] as const)('%s: page index', (name) => {
  it('lists every mention the CLI finds, by category and name, with its count', async () => {
    const { page, tabId } = await open(name);
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    await panel.locator('.tifa-index-item').first().waitFor();
    const listed = await panel.$$eval('.tifa-index-group', (groups) =>
      groups.flatMap((g) =>
        [...g.querySelectorAll<HTMLElement>('.tifa-index-item')].map(
          (b) => `${g.dataset.category}:${b.dataset.key} ×${b.dataset.count}`,
        ),
      ),
    );
    const expected = new Map<string, number>();
    for (const m of cli[name].mentions)
      expected.set(`${m.category}:${m.key}`, (expected.get(`${m.category}:${m.key}`) ?? 0) + 1);
    expect(listed.sort()).toEqual([...expected].map(([k, n]) => `${k} ×${n}`).sort());
    await panel.close();
    await page.close();
  });
});

describe('page index: jumping', () => {
  it('report: clicking an entry scrolls its mention into view, clicking again the next occurrence', async () => {
    const { page, tabId } = await open('report');
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    const a = cli.report;
    // A formulation named more than once, far down the page.
    const counts = new Map<string, number>();
    for (const m of a.mentions) if (m.category === 'formulation') counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    const key = [...counts].find(([, n]) => n >= 2)![0];
    const occurrences = a.mentions.filter((m) => m.category === 'formulation' && m.key === key);
    const entry = panel.locator(`.tifa-index-group[data-category=formulation] .tifa-index-item[data-key="${key}"]`);
    await entry.click();
    const first = await flashed(page, occurrences[0].text);
    await entry.click();
    expect(await flashed(page, occurrences[1].text)).toBeGreaterThan(first);
    await panel.close();
    await page.close();
  });

  it('seed, keyboard only: Enter on an entry scrolls to its mention, Enter again to the next', async () => {
    const { page, tabId } = await open('seed');
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    await panel.locator('.tifa-index-item').first().waitFor();
    const programs = cli.seed.mentions.filter((m) => m.category === 'program');
    const repeated = programs.find((m) => programs.filter((p) => p.key === m.key).length >= 2)!;
    const occurrences = programs.filter((p) => p.key === repeated.key);
    await tabTo(panel, `.tifa-index-item[data-key="${repeated.key}"]`);
    await panel.keyboard.press('Enter');
    await flashed(page, occurrences[0].text);
    await panel.keyboard.press('Enter');
    await flashed(page, occurrences[1].text);
    await panel.close();
    await page.close();
  });
});

describe('speech identity, keyboard only', () => {
  it('editing the speaker rewrites the page’s clips and cites every new clip', async () => {
    const { page, tabId } = await open('seed');
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    await panel.locator('.tifa-index-item').first().waitFor();
    const [first, second] = [...new Set(cli.seed.mentions.filter((m) => m.category === 'program').map((m) => m.key))];

    // Clips before the edit: every passage that mentions the first program (Tab to its button, Enter).
    await tabTo(panel, `.tifa-index-item[data-key="${first}"] + .tifa-index-clip`);
    await panel.keyboard.press('Enter');
    await panel.getByText(/passages clipped/).waitFor();
    const before = (await storedClips<Clip>(panel)).length;
    expect(before).toBeGreaterThan(0);

    await tabTo(panel, '.tifa-identity .tifa-page-link');
    await panel.keyboard.press('Enter');
    await panel.locator('.tifa-identity-form input[name=title]:focus').waitFor();
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('ControlOrMeta+a');
    await panel.keyboard.type('李明');
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('ControlOrMeta+a');
    await panel.keyboard.type('市委书记');
    expect(await panel.locator('.tifa-identity-form input[type=checkbox]').isChecked()).toBe(true);
    await panel.keyboard.press('Enter');
    await panel.getByText(`Saved, and ${before} clips updated.`).waitFor();
    await expect
      .poll(async () => (await storedClips<Clip>(panel)).map((c) => c.speechSpeaker))
      .toEqual(Array(before).fill('市委书记 李明'));
    expect(await panel.locator('.tifa-page-identity').textContent()).toContain('市委书记 李明');

    // A new clip after the edit cites the edited speaker.
    await tabTo(panel, `.tifa-index-item[data-key="${second}"] + .tifa-index-clip`);
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await storedClips<Clip>(panel)).length).toBeGreaterThan(before);
    const clips = await storedClips<Clip>(panel);
    const fresh = clips.filter((c) => c.mentions.some((m) => m.key === second && m.category === 'program'));
    expect(fresh.length).toBeGreaterThan(0);
    for (const clip of fresh) {
      expect(clip.speechSpeaker).toBe('市委书记 李明');
      const citation = speechCitation(
        { title: clip.speechTitle ?? clip.title, date: clip.speechDate, site: clip.site, clips: [clip] },
        'zh',
      );
      expect(citation.startsWith('市委书记 李明：《')).toBe(true);
    }
    await panel.close();
    await page.close();
  });
});
