/**
 * Reading benches, in Chromium with the built extension, side by side in one run, on three pages: the seed
 * speech, the longest corpus report (cpccongress__20, ~33,000 characters) and a ~300,000-character page.
 *
 * - Tifa: the content script's whole pipeline (extract + analyse + highlight), re-run on demand through the
 *   reading.analyzeNow message, timed by its own User Timing measures (tifa:total; tifa:frame = to the next
 *   rendered frame; tifa:clear = removing all highlights).
 * - mark.js marking the same ranges (<mark> wrapping, the classic way), script time and time to the next frame,
 *   and its unmark time.
 * - The floor: a bare TreeWalker + regex scan of the page's text nodes.
 * - The longest task seen while the pipeline re-ran (Long Tasks API), and the content script's bundle size.
 *
 * Standalone: `npx tsx bench/reading.ts` (needs `.output/chrome-mv3` or TIFA_EXTENSION_DIR).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  extensionDir,
  launchBrowser,
  newTab,
  seedPageHtml,
  startServer,
  waitForTifa,
  type ExtensionBrowser,
} from '../tests/e2e/harness';
import { compareRow, summarize, runAlone } from './measure';
import {
  bigPage,
  LONG_TASK_PROBE,
  lastMeasures,
  longestTaskSince,
  markJsRun,
  MARK_JS,
  rangesForMarkJs,
  scanRun,
  textPage,
  tifaRun,
  type MarkJsRun,
  type TifaRun,
} from './page-probes';
import type { BenchRow } from './types';

export { LONG_TASK_PROBE, MARK_JS, textPage, tifaRun, type TifaRun } from './page-probes';

const AREA = 'reading';
const RUNS = 11;
const WARMUP = 2;
const BUNDLE_GOAL_KB = 60;

const fmt = (ms: number) => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const med = (xs: number[]) => summarize(xs.filter((x) => Number.isFinite(x))).medianMs;

async function benchPage(
  tifa: ExtensionBrowser,
  url: string,
  label: string,
  goals: { pipelineMs?: number; frameMs?: number; vsMarkJs?: number },
): Promise<BenchRow[]> {
  const { page, tabId } = await newTab(tifa, undefined);
  try {
    await page.addInitScript({ content: LONG_TASK_PROBE });
    await page.goto(url);
    const verdict = await waitForTifa(page, 30_000);
    if (verdict !== 'policy') throw new Error(`${label}: Tifa says ${verdict}, expected policy`);
    await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
    const chars = await page.evaluate(() => document.body.innerText.length);
    // The first run's measures are complete once its next-frame measure is in.
    await page.waitForFunction(() => performance.getEntriesByName('tifa:frame', 'measure').length > 0);
    const firstLoad = await lastMeasures(page);
    // Long tasks during the first run (cold code), counted from the run's start (page parsing comes before).
    const firstLoadLongest = await page.evaluate(() => {
      const m = performance.getEntriesByName('tifa:total', 'measure')[0];
      const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks;
      return m
        ? Math.max(
            0,
            ...tasks
              .filter((t) => t.start + t.duration > m.startTime && t.start < m.startTime + m.duration)
              .map((t) => t.duration),
          )
        : NaN;
    });

    // Tifa, warm: repeated re-runs in the tab.
    const sinceTifa = await page.evaluate(() => performance.now());
    const runs: TifaRun[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const r = await tifaRun(tifa, page, tabId);
      if (i >= WARMUP) runs.push(r);
    }
    const longest = await longestTaskSince(page, sinceTifa);
    const { ranges, painted } = await rangesForMarkJs(page);

    // The floor, then mark.js on the same ranges with Tifa's highlights out of the way.
    const scans: number[] = [];
    let scanMatches = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const s = await scanRun(page);
      if (i >= WARMUP) scans.push(s.ms);
      scanMatches = s.matches;
    }
    await page.evaluate(() => CSS.highlights.clear());
    await page.addScriptTag({ path: MARK_JS });
    const marks: MarkJsRun[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const r = await markJsRun(page, ranges);
      if (i >= WARMUP) marks.push(r);
    }

    const scan = summarize(scans);
    const wall = summarize(runs.map((r) => r.total));
    const main = summarize(runs.map((r) => r.main));
    const tifaFrame = summarize(runs.map((r) => r.frame));
    const paintFrame = summarize(runs.map((r) => r.paintFrame));
    const markScript = summarize(marks.map((r) => r.script));
    const markFrame = summarize(marks.map((r) => r.frame));
    const clear = summarize(runs.map((r) => r.clear).filter(Number.isFinite));
    const unmark = summarize(marks.map((r) => r.unmark));
    const kchars = `${Math.round(chars / 1000)}k chars`;
    const extract = med(runs.map((r) => r.extract));
    const analyse = med(runs.map((r) => r.analyze));
    const highlight = med(runs.map((r) => r.highlight));

    const rows: BenchRow[] = [
      compareRow(
        {
          area: AREA,
          case: `${label}: bare TreeWalker+regex scan (floor)`,
          extra: `${kchars}, ${scanMatches} matches`,
        },
        scan,
        undefined,
      ),
      compareRow(
        {
          area: AREA,
          case: `${label}: Tifa on the page's thread (vs scan)`,
          extra: `extract ${fmt(extract)} + highlight ${fmt(highlight)} ms; ${painted} ranges`,
        },
        main,
        scan,
        { maxRatio: 5, ...(goals.pipelineMs ? { maxMs: goals.pipelineMs } : {}) },
      ),
      compareRow(
        {
          area: AREA,
          case: `${label}: Tifa whole pipeline, wall (vs scan)`,
          extra: `extract ${fmt(extract)} + analyse in background ${fmt(analyse)} + highlight ${fmt(highlight)} ms; first load ${fmt(firstLoad['tifa:total'] ?? NaN)} ms wall, ${fmt(firstLoad['tifa:main-thread'] ?? NaN)} ms on the page`,
        },
        wall,
        scan,
        { maxRatio: 5, ...(goals.pipelineMs ? { maxMs: goals.pipelineMs } : {}) },
      ),
      compareRow(
        {
          area: AREA,
          case: `${label}: mark.js markRanges script (vs scan)`,
          extra: `${marks[0]?.marked ?? 0} of ${ranges.length} ranges marked (no overlaps)`,
        },
        markScript,
        scan,
      ),
      compareRow(
        {
          area: AREA,
          case: `${label}: Tifa paint to next frame (vs mark.js, same ranges)`,
          extra: `mark.js to next frame ${fmt(markFrame.medianMs)} ms`,
        },
        paintFrame,
        markFrame,
        goals.vsMarkJs ? { maxRatio: goals.vsMarkJs } : {},
      ),
      compareRow(
        { area: AREA, case: `${label}: Tifa whole pipeline to next frame (vs mark.js)` },
        tifaFrame,
        markFrame,
        goals.frameMs ? { maxMs: goals.frameMs } : {},
      ),
      compareRow({ area: AREA, case: `${label}: clear all highlights (vs mark.js unmark)` }, clear, unmark, {
        maxMs: 1,
      }),
      {
        area: AREA,
        case: `${label}: longest task (first load / re-runs)`,
        medianMs: Math.max(longest, Number.isFinite(firstLoadLongest) ? firstLoadLongest : 0),
        extra: `first load ${firstLoadLongest > 0 ? fmt(firstLoadLongest) + ' ms' : 'none over 50 ms'}, re-runs ${longest > 0 ? fmt(longest) + ' ms' : 'none over 50 ms'} (Long Tasks API)`,
        goal: '≤ 50 ms',
        pass: longest <= 50 && !(firstLoadLongest > 50),
      },
    ];
    return rows;
  } finally {
    await page.close();
  }
}

function bundleRow(): BenchRow {
  const file = join(extensionDir(), 'content-scripts', 'content.js');
  const kb = statSync(file).size / 1024;
  return {
    area: AREA,
    case: 'content script bundle (minified)',
    medianMs: NaN,
    extra: `${kb.toFixed(1)} KB (content-scripts/content.js)`,
    goal: `< ${BUNDLE_GOAL_KB} KB`,
    pass: kb < BUNDLE_GOAL_KB,
  };
}

export async function run(): Promise<BenchRow[]> {
  const big = bigPage();
  const server = await startServer({
    routes: {
      '/seed.html': { body: seedPageHtml() },
      '/report.html': { body: textPage('pos/cpccongress__20.txt') },
      '/big.html': { body: big.html },
    },
  });
  const tifa = await launchBrowser();
  try {
    const rows: BenchRow[] = [];
    rows.push(...(await benchPage(tifa, server.url('/seed.html'), 'seed speech', {})));
    rows.push(...(await benchPage(tifa, server.url('/report.html'), 'cpccongress__20 report', { pipelineMs: 15 })));
    rows.push(
      ...(await benchPage(tifa, server.url('/big.html'), `${Math.round(big.chars / 1000)}k-char page`, {
        frameMs: 35,
        vsMarkJs: 0.4,
      })),
    );
    rows.push(bundleRow());
    return rows;
  } finally {
    await tifa.close();
    await server.close();
  }
}

runAlone(import.meta.url, run, fmt);
