/**
 * Clipping benches: clip save round trip (selection → stored) and re-anchoring 200 clips on a 100,000-character
 * page, both in Chromium with the built extension; plus the string-level anchoring in Node for the three ways a
 * clip is found (position, exact search after a shift, fuzzy after edits inside quotes).
 *
 * Standalone: `npx tsx bench/clipping.ts` (needs `.output/chrome-mv3` or TIFA_EXTENSION_DIR).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { anchorSelectors, describeSpan, type ClipSelectors } from '../lib/anchoring';
import {
  CORPUS_DIR,
  launchBrowser,
  newTab,
  selectText,
  speechPageHtml,
  startServer,
  waitForTifa,
} from '../tests/e2e/harness';
import { compareRow, measure, summarize } from './measure';
import { tifaUiCount } from '../tests/e2e/tifa-ui';
import type { BenchRow } from './types';

const AREA = 'clipping';
const CLIPS = 200;
const PAGE_CHARS = 100_000;
const RELOADS = 9;

/** ~100,000 characters of real report text (three Party congress reports, then the seed speech). */
function longParagraphs(): string[] {
  const files = [
    'pos/cpccongress__20.txt',
    'pos/cpccongress__19.txt',
    'pos/cpccongress__18.txt',
    'seed/party-building-speech.txt',
  ];
  const out: string[] = [];
  let chars = 0;
  for (const f of files) {
    for (const line of readFileSync(join(CORPUS_DIR, f), 'utf8').split('\n')) {
      const p = line.trim();
      if (p.length < 20) continue;
      out.push(p);
      chars += p.length + 1;
      if (chars >= PAGE_CHARS) return out;
    }
  }
  return out;
}

/** `count` passages of 40–120 characters spread evenly over the paragraphs, each inside one paragraph. */
function passages(paragraphs: string[], count: number): string[] {
  const out: string[] = [];
  const step = paragraphs.length / count;
  for (let i = 0; i < count; i++) {
    const p = paragraphs[Math.floor(i * step)];
    const len = Math.min(p.length - 1, 40 + ((i * 37) % 80));
    const start = Math.max(0, Math.floor((p.length - len) / 2));
    out.push(p.slice(start, start + len));
  }
  return out;
}

/** String-level anchoring of 200 clips over 100k characters, in Node. */
async function stringRows(): Promise<BenchRow[]> {
  const text = longParagraphs().join('\n');
  const quotes = passages(text.split('\n'), CLIPS);
  const selectors: ClipSelectors[] = quotes.map((q) => {
    const at = text.indexOf(q);
    return describeSpan(text, at, at + q.length);
  });
  const shifted = '（根据录音整理，有删节）\n' + text;
  // Every tenth quote edited inside (two characters replaced), the page shifted too.
  let edited = shifted;
  quotes.forEach((q, i) => {
    if (i % 10 === 0) edited = edited.replace(q, q.slice(0, 10) + '某某' + q.slice(12));
  });
  const placeAll = (t: string) => {
    let placed = 0;
    for (const s of selectors) if (anchorSelectors(t, s)) placed++;
    return placed;
  };
  const counts = { same: placeAll(text), shifted: placeAll(shifted), edited: placeAll(edited) };
  const floor = await measure(() => quotes.forEach((q) => text.indexOf(q)), { runs: 21 });
  const row = (name: string, t: string, placed: number) =>
    measure(() => placeAll(t), { runs: 21 }).then((s) =>
      compareRow(
        {
          area: AREA,
          case: `anchor ${CLIPS} clips / ${Math.round(t.length / 1000)}k chars, ${name} (Node)`,
          extra: `${placed}/${CLIPS} placed`,
        },
        s,
        floor,
        { maxMs: 50 },
      ),
    );
  return [
    await row('unchanged', text, counts.same),
    await row('shifted page', shifted, counts.shifted),
    await row('10% edited inside', edited, counts.edited),
  ];
}

async function measuresNamed(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((m) => m.duration), name);
}

/** In Chromium: clip 200 passages (save round trip), then reload and time re-anchoring. */
async function browserRows(): Promise<BenchRow[]> {
  const paragraphs = longParagraphs();
  const html = speechPageHtml({ title: '在中国共产党全国代表大会上的报告', paragraphs, byline: '2022-10-16' });
  const server = await startServer({ routes: { '/long.html': { body: html } } });
  const tifa = await launchBrowser();
  try {
    const { page, tabId } = await newTab(tifa, server.url('/long.html'));
    await waitForTifa(page, 30_000);
    const chars = await page.evaluate(() => document.body.innerText.length);
    const clipSelection = () =>
      tifa.serviceWorker.evaluate(async (id: number) => {
        const api = (
          globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }
        ).chrome;
        return api.tabs.sendMessage(id, { tifa: 1, kind: 'clipping.clipSelection', payload: {} });
      }, tabId) as Promise<{ ok: boolean; value?: { status: string }; error?: string }>;
    const wall: number[] = [];
    const statuses = new Map<string, number>();
    for (const q of passages(paragraphs, CLIPS)) {
      await selectText(page, q);
      const t0 = performance.now();
      const reply = await clipSelection();
      wall.push(performance.now() - t0);
      const status = reply.ok ? (reply.value?.status ?? '?') : 'error';
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const save = summarize(await measuresNamed(page, 'tifa:clip-save'));
    const rows: BenchRow[] = [
      {
        area: AREA,
        case: `clip save round trip, selection → stored (Chromium, ${Math.round(chars / 1000)}k-char page)`,
        medianMs: save.medianMs,
        p95Ms: save.p95Ms,
        maxMs: save.maxMs,
        extra: `${[...statuses].map(([k, v]) => `${v} ${k}`).join(', ')} (a repeated formula is one clip); with the command message from the background: median ${summarize(wall).medianMs.toFixed(1)} ms`,
      },
    ];
    const place: number[] = [];
    const total: number[] = [];
    let placed = '';
    for (let i = 0; i < RELOADS; i++) {
      await page.reload();
      await waitForTifa(page, 30_000);
      await page.waitForFunction(
        () => performance.getEntriesByName('tifa:clip-anchor', 'measure').length > 0,
        undefined,
        { timeout: 30_000 },
      );
      place.push(...(await measuresNamed(page, 'tifa:clip-place')));
      total.push(...(await measuresNamed(page, 'tifa:clip-anchor')));
      // Clips are painted as boxes in Tifa's closed root (one margin mark per clip), not CSS highlights.
      placed = String(await tifaUiCount(page, '.tifa-clips .m'));
    }
    rows.push(
      compareRow(
        {
          area: AREA,
          case: `re-anchor ${CLIPS} clips on a ${Math.round(chars / 1000)}k-char page: place + highlight (Chromium)`,
          extra: `${placed}/${CLIPS} highlighted`,
        },
        summarize(place),
        undefined,
        { maxMs: 50 },
      ),
      compareRow(
        { area: AREA, case: `re-anchor ${CLIPS} clips incl. fetching them from the background (Chromium)` },
        summarize(total),
        undefined,
      ),
    );
    return rows;
  } finally {
    await tifa.close();
    await server.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  return [...(await stringRows()), ...(await browserRows())];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (rows) =>
      console.table(
        rows.map((r) => ({
          case: r.case,
          median: r.medianMs.toFixed(2),
          p95: r.p95Ms?.toFixed(2),
          extra: r.extra,
          pass: r.pass,
        })),
      ),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
