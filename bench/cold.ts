/**
 * Cold pages (#10 item 8): every page load runs a fresh content script, so what a reader waits for is the FIRST
 * run on a freshly loaded page, not the warm re-runs bench/reading.ts repeats in one tab. Side by side in one
 * run, on the seed speech and a ~60,000-character provincial report page:
 *
 * - Tifa cold: a new tab per sample (the extension and its service worker stay warm), the content script's own
 *   measures of its first run: tifa:extract, tifa:analyze (the round trip to the worker), tifa:highlight (paint),
 *   tifa:total; medians over the samples, beside the warm medians of re-runs in one tab.
 * - mark.js cold: a new tab per sample on the same page under a host Tifa does not run on, mark.js marking
 *   outline markers and names with one regular expression (markRegExp), script time.
 * - Everything Tifa does on the page's thread: extract and paint, and inside the round trip the text's
 *   serialisation into the message (tifa:send) and the reply's decoding (tifa:decode).
 * - The round trip's legs on each cold run (page → worker, the handler, worker → page), and the messaging
 *   floor from an extension page: an empty message, and the page's text under a kind nobody handles.
 *
 * - The alternative to the round trip: the rule set run in the page itself, cold (its script loaded, and its first
 *   analysis of the page's text), which is what a content script carrying the rules would pay on every load.
 *
 * Goals: the page's own thread (extract + paint) ≤ 0.4× mark.js cold; total to highlights ≤ 1× mark.js cold.
 * Samplers: bench/cold-samples.ts.
 * Standalone: `npx tsx bench/cold.ts` (needs `.output/chrome-mv3` or TIFA_EXTENSION_DIR).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CORPUS_DIR,
  OTHER_HOST,
  launchBrowser,
  newTab,
  seedPageHtml,
  speechPageHtml,
  startServer,
  type ExtensionBrowser,
} from '../tests/e2e/harness';
import {
  bareWalkCold,
  markJsCold,
  messagingFloor,
  rulesInPageCold,
  rulesScript,
  tifaCold,
  tifaStoppedWorker,
  tifaWarm,
  type ColdRun,
} from './cold-samples';
import { compareRow, summarize, runAlone } from './measure';
import type { BenchRow } from './types';

const AREA = 'cold';
const SAMPLES = Number(process.env.TIFA_BENCH_COLD_RUNS ?? 9);
const WARM_RUNS = 9;
const STOPPED_WORKER_SAMPLES = 5;
const MAIN_THREAD_GOAL = 0.4;
const TOTAL_GOAL = 1;
/** Outline markers, quoted names, 《titles》 and numbers with units: what a reader would mark by hand. */
const MARK_REGEX_SOURCE =
  '[一二三四五六七八九十]+[、是要]|第[一二三四五六七八九十]+[，、]|“[^”]{2,14}”|《[^》]{2,40}》|\\d+(?:\\.\\d+)?[%万亿元个]';

/** ~60,000 characters: two provincial government work reports, one after the other, as one portal page. */
function provincialReports(): string {
  const lines = ['pos/provgwr2026__guangdong.txt', 'pos/provgwr2026__sichuan.txt'].flatMap((file) =>
    readFileSync(join(CORPUS_DIR, file), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  return speechPageHtml({ title: lines[0], paragraphs: lines.slice(1) });
}

const fmt = (ms: number) => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const med = (xs: number[]) => summarize(xs.filter(Number.isFinite)).medianMs;

async function benchPage(tifa: ExtensionBrowser, urls: { tifa: string; plain: string }, label: string, rules: string) {
  // One load first: the extension's code for this page (and the worker's rule set) is then as warm as a reader's.
  await tifaCold(tifa, urls.tifa);
  const cold: ColdRun[] = [];
  const marks: { script: number; marked: number }[] = [];
  const walks: number[] = [];
  const inPage: { load: number; analyze: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    cold.push(await tifaCold(tifa, urls.tifa));
    marks.push(await markJsCold(tifa, urls.plain, MARK_REGEX_SOURCE));
    walks.push(await bareWalkCold(tifa, urls.plain));
    inPage.push(await rulesInPageCold(tifa, urls.plain, rules));
  }
  const stopped: { total: number; analyze: number }[] = [];
  for (let i = 0; i < STOPPED_WORKER_SAMPLES; i++) stopped.push(await tifaStoppedWorker(tifa, urls.tifa));
  const warm = await tifaWarm(tifa, urls.tifa, WARM_RUNS);
  const mark = summarize(marks.map((m) => m.script));
  const main = summarize(cold.map((r) => r.extract + r.highlight));
  const total = summarize(cold.map((r) => r.total));
  const allOwn = summarize(cold.map((r) => r.extract + r.send + r.decode + r.highlight));
  const analyze = summarize(cold.map((r) => r.analyze));

  const { page } = await newTab(tifa, urls.tifa);
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  const floor = await messagingFloor(tifa, text);

  const rows: BenchRow[] = [
    compareRow(
      {
        area: AREA,
        case: `${label}: mark.js cold, markRegExp (baseline)`,
        extra: `${marks[0]?.marked ?? 0} marks, ${Math.round(text.length / 1000)}k chars`,
      },
      mark,
      undefined,
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: Tifa cold, page's thread (extract + paint) vs mark.js cold`,
        extra: `extract ${fmt(med(cold.map((r) => r.extract)))} + paint ${fmt(med(cold.map((r) => r.highlight)))} ms; warm ${fmt(warm.main.medianMs)} ms`,
      },
      main,
      mark,
      { maxRatio: MAIN_THREAD_GOAL },
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: a bare walk over the page's text nodes, cold (no extraction logic) vs mark.js cold`,
      },
      summarize(walks),
      mark,
      undefined,
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: Tifa cold, all its work on the page's thread (+ send + decode) vs mark.js cold`,
        extra: `send (serialising the text) ${fmt(med(cold.map((r) => r.send)))} + decode ${fmt(med(cold.map((r) => r.decode)))} ms, inside the round trip`,
      },
      allOwn,
      mark,
      undefined,
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: Tifa cold, round trip (tifa:analyze)`,
        extra:
          `to the worker ${fmt(med(cold.map((r) => r.toWorker)))} + in it ${fmt(med(cold.map((r) => r.inWorker)))} ` +
          `+ back ${fmt(med(cold.map((r) => r.toPage)))} ms; warm ${fmt(warm.analyze.medianMs)} ms; longest page ` +
          `task during it ${fmt(med(cold.map((r) => r.busyDuringAnalyze)))} ms; run starts ` +
          `${fmt(med(cold.map((r) => r.startedAt)))} ms after navigation (after waiting ${fmt(med(cold.map((r) => r.wait)))} ms ` +
          `for the first paint), first paint at ` +
          `${fmt(med(cold.map((r) => r.firstPaint)))} ms`,
      },
      analyze,
      undefined,
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: Tifa cold, the round trip's transport alone (to the worker + back) vs mark.js cold`,
        extra: 'what any analysis in the worker costs before the rules run: the floor of the total',
      },
      summarize(cold.map((r) => r.toWorker + r.toPage)),
      mark,
      undefined,
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: Tifa cold, total to highlights vs mark.js cold`,
        extra: `warm ${fmt(warm.total.medianMs)} ms`,
      },
      total,
      mark,
      { maxRatio: TOTAL_GOAL },
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: the rule set run in the page instead, cold (script load + first analysis) vs mark.js cold`,
        extra:
          `load ${fmt(med(inPage.map((r) => r.load)))} ms (${Math.round(rules.length / 1024)} KB) + first analysis ` +
          `${fmt(med(inPage.map((r) => r.analyze)))} ms, before any extraction or paint`,
      },
      summarize(inPage.map((r) => r.load + r.analyze)),
      mark,
      undefined,
    ),
    compareRow(
      {
        area: AREA,
        case: `${label}: Tifa cold with the worker stopped first, total to highlights vs mark.js cold`,
        extra: `round trip ${fmt(med(stopped.map((r) => r.analyze)))} ms (the worker starts, woken as the script starts)`,
      },
      summarize(stopped.map((r) => r.total)),
      mark,
      undefined,
    ),
    {
      area: AREA,
      case: `${label}: messaging floor (extension page → worker)`,
      medianMs: floor.transfer,
      extra: `empty message ${fmt(floor.ping)} ms, the page's text to a kind nobody handles ${fmt(floor.transfer)} ms`,
    },
  ];
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  const server = await startServer({
    routes: { '/seed.html': { body: seedPageHtml() }, '/report.html': { body: provincialReports() } },
  });
  const tifa = await launchBrowser();
  const rules = await rulesScript();
  try {
    const pages = [
      ['/seed.html', 'seed speech'],
      ['/report.html', '60k-char provincial reports'],
    ] as const;
    const rows: BenchRow[] = [];
    for (const [path, label] of pages) {
      const urls = { tifa: server.url(path), plain: server.url(path, OTHER_HOST) };
      rows.push(...(await benchPage(tifa, urls, label, rules)));
    }
    return rows;
  } finally {
    await tifa.close();
    await server.close();
  }
}

runAlone(import.meta.url, run, fmt);
