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
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  CORPUS_DIR,
  extensionDir,
  launchBrowser,
  newTab,
  seedPageHtml,
  speechPageHtml,
  startServer,
  waitForTifa,
  type ExtensionBrowser,
} from '../tests/e2e/harness';
import { compareRow, summarize } from './measure';
import type { BenchRow } from './types';

const AREA = 'reading';
const RUNS = 11;
const WARMUP = 2;
const BIG_PAGE_CHARS = 300_000;
const BUNDLE_GOAL_KB = 60;

export const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');

/** A corpus text as a portal page: first line the title, the other lines paragraphs. */
export function textPage(file: string): string {
  const lines = readFileSync(join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const [title, ...paragraphs] = lines;
  return speechPageHtml({ title, paragraphs });
}

/** ~300,000 characters: whole national work reports and congress reports, one after another, on one page. */
function bigPage(): { html: string; chars: number } {
  const files = [
    'pos/cpccongress__20.txt',
    'pos/natgwr__2025.txt',
    'pos/cpccongress__19.txt',
    'pos/natgwr__2023.txt',
    'pos/cpccongress__18.txt',
    'pos/natgwr__2021.txt',
    'pos/natgwr__2018.txt',
    'pos/natgwr__2015.txt',
    'pos/natgwr__2012.txt',
    'pos/natgwr__2010.txt',
    'pos/natgwr__2005.txt',
    'pos/natgwr__2000.txt',
    'pos/natgwr__1994.txt',
    'pos/provgwr2026__guangdong.txt',
    'pos/provgwr2026__zhejiang.txt',
  ];
  const paragraphs: string[] = [];
  let chars = 0;
  let title = '';
  for (const f of files) {
    const lines = readFileSync(join(CORPUS_DIR, f), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!title) title = lines[0];
    for (const line of lines) {
      paragraphs.push(line);
      chars += line.length + 1;
      if (chars >= BIG_PAGE_CHARS) return { html: speechPageHtml({ title, paragraphs }), chars };
    }
  }
  return { html: speechPageHtml({ title, paragraphs }), chars };
}

/**
 * Long tasks are only reported to observers that exist before them: register one at document start. Also a
 * next-frame helper, and the `__name` helper that the TypeScript loader (tsx, keepNames) calls from functions
 * declared inside page.evaluate callbacks.
 */
export const LONG_TASK_PROBE = `
  window.__name = window.__name || ((f) => f);
  window.__nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  }));
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

export interface TifaRun {
  total: number;
  main: number;
  frame: number;
  paintFrame: number;
  clear: number;
  extract: number;
  analyze: number;
  highlight: number;
}

async function lastMeasures(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('tifa:')) out[m.name] = m.duration;
    return out;
  });
}

/** Re-runs Tifa's pipeline in the tab (clear, extract, analyse, highlight) and returns its own measures. */
export async function tifaRun(tifa: ExtensionBrowser, page: Page, tabId: number): Promise<TifaRun> {
  await tifa.serviceWorker.evaluate(async (id: number) => {
    const api = (
      globalThis as unknown as {
        chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<{ ok: boolean; error?: string }> } };
      }
    ).chrome;
    const reply = await api.tabs.sendMessage(id, { tifa: 1, kind: 'reading.analyzeNow', payload: { force: true } });
    if (!reply?.ok) throw new Error(`reading.analyzeNow failed: ${reply?.error}`);
  }, tabId);
  // tifa:frame is recorded after the next frame; the reply comes after that frame too, so give it a moment.
  await page.waitForTimeout(30);
  const m = await lastMeasures(page);
  return {
    total: m['tifa:total'],
    main: m['tifa:main-thread'],
    frame: m['tifa:frame'],
    paintFrame: m['tifa:paint-frame'],
    clear: m['tifa:clear'] ?? NaN,
    extract: m['tifa:extract'],
    analyze: m['tifa:analyze'],
    highlight: m['tifa:highlight'],
  };
}

/**
 * The ranges Tifa painted, in mark.js's coordinates (offsets into the concatenation of all text nodes outside
 * script/style), overlaps dropped — mark.js cannot nest marks, so a program inside a heading is left out.
 */
async function rangesForMarkJs(
  page: Page,
): Promise<{ ranges: Array<{ start: number; length: number }>; painted: number }> {
  return page.evaluate(() => {
    const starts = new Map<Node, number>();
    let offset = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('script, style, title, head')) continue;
      starts.set(n, offset);
      offset += (n as Text).data.length;
    }
    const all: Array<{ start: number; end: number }> = [];
    let painted = 0;
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('tifa-') || name === 'tifa-clip' || name === 'tifa-flash') continue;
      for (const r of h) {
        painted++;
        const s = starts.get(r.startContainer);
        const e = starts.get(r.endContainer);
        if (s === undefined || e === undefined) continue;
        all.push({ start: s + r.startOffset, end: e + r.endOffset });
      }
    }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const ranges: Array<{ start: number; length: number }> = [];
    let last = -1;
    for (const r of all) {
      if (r.start < last || r.end <= r.start) continue;
      ranges.push({ start: r.start, length: r.end - r.start });
      last = r.end;
    }
    return { ranges, painted };
  });
}

interface MarkJsRun {
  script: number;
  frame: number;
  unmark: number;
  marked: number;
}

async function markJsRun(page: Page, ranges: Array<{ start: number; length: number }>): Promise<MarkJsRun> {
  return page.evaluate(async (rs) => {
    const nextFrame = (window as unknown as { __nextFrame(): Promise<void> }).__nextFrame;
    type MarkCtor = new (
      ctx: Element,
    ) => {
      markRanges(r: unknown[], o: { done(n: number): void }): void;
      unmark(o: { done(): void }): void;
    };
    const Mark = (window as unknown as { Mark: MarkCtor }).Mark;
    await nextFrame();
    const t0 = performance.now();
    let marked = 0;
    const instance = new Mark(document.body);
    await new Promise<void>((resolve) =>
      instance.markRanges(
        rs.map((r) => ({ ...r })),
        {
          done: (n) => {
            marked = n;
            resolve();
          },
        },
      ),
    );
    const t1 = performance.now();
    await nextFrame();
    const t2 = performance.now();
    await nextFrame();
    const t3 = performance.now();
    await new Promise<void>((resolve) => instance.unmark({ done: resolve }));
    const t4 = performance.now();
    await nextFrame();
    return { script: t1 - t0, frame: t2 - t0, unmark: t4 - t3, marked };
  }, ranges);
}

/**
 * The floor: a bare TreeWalker over the text nodes collecting the text, and one regex pass over it (outline
 * markers, quoted terms, 《titles》, numbers with units) — the least any extract-and-find pipeline must do.
 * Repeated inside one task because the page's clock is coarsened to 0.1 ms.
 */
async function scanRun(page: Page): Promise<{ ms: number; matches: number }> {
  return page.evaluate(() => {
    const re =
      /[一二三四五六七八九十]+[、是要]|第[一二三四五六七八九十]+[，、]|“[^”]{2,14}”|《[^》]{2,40}》|\d+(?:\.\d+)?[%万亿元个]/g;
    const REPEAT = 10;
    let matches = 0;
    const t0 = performance.now();
    for (let k = 0; k < REPEAT; k++) {
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
      const text = parts.join('');
      matches = 0;
      re.lastIndex = 0;
      while (re.exec(text)) matches++;
    }
    return { ms: (performance.now() - t0) / REPEAT, matches };
  });
}

async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (t) =>
      Math.max(
        0,
        ...(window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks
          .filter((e) => e.start >= t)
          .map((e) => e.duration),
      ),
    since,
  );
}

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
    await page.waitForTimeout(100);
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (rows) => {
      for (const r of rows) {
        const ms = Number.isFinite(r.medianMs) ? fmt(r.medianMs) : '';
        const base = r.baselineMs !== undefined ? ` | base ${fmt(r.baselineMs)} | ×${r.ratio?.toFixed(2)}` : '';
        console.log(
          `${r.case} | ${ms}${base} | ${r.extra ?? ''} | ${r.goal ?? ''} ${r.pass === undefined ? '' : r.pass ? 'ok' : 'NO'}`,
        );
      }
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
