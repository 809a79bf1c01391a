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
 * Goals: the page's own thread (extract + paint) ≤ 0.4× mark.js cold; total to highlights ≤ 1× mark.js cold.
 * Standalone: `npx tsx bench/cold.ts` (needs `.output/chrome-mv3` or TIFA_EXTENSION_DIR).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import {
  CORPUS_DIR,
  OTHER_HOST,
  launchBrowser,
  newTab,
  seedPageHtml,
  speechPageHtml,
  startServer,
  waitForTifa,
  type ExtensionBrowser,
} from '../tests/e2e/harness';
import { compareRow, summarize, type Samples, runAlone } from './measure';
import { LONG_TASK_PROBE, MARK_JS, tifaRun } from './reading';
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

interface ColdRun {
  extract: number;
  analyze: number;
  highlight: number;
  total: number;
  main: number;
  /** Also on the page's thread, inside the round trip: serialising the text into the message, decoding the reply. */
  send: number;
  decode: number;
  /** From navigation start to the content script's run starting (document_idle), for context. */
  startedAt: number;
  /** The content script's wait for the page's first paint (and the toggles) before its run. */
  wait: number;
  /** Longest task that overlapped the round trip (the page's own parsing, layout and paint). */
  busyDuringAnalyze: number;
  /** The page's first contentful paint, from navigation start: a run starting before it competes with it. */
  firstPaint: number;
  /** The round trip's legs: page → worker handler, the handler (analyse + encode), handler → page. */
  toWorker: number;
  inWorker: number;
  toPage: number;
}

/**
 * Says on the console when the content script's first run has recorded tifa:total. The harness waits for that
 * message instead of polling the page (waitForTifa / waitForFunction): its first poll injects Playwright's
 * ~330 KB utility script into the page, and a trace showed that evaluation (and the polls after it) landing on
 * the page's thread in the middle of the cold run, between the message to the worker and its reply. mark.js's
 * samples never had it in their timed part (the script tag is added, and the utility injected, before timing).
 */
const DONE_TEXT = 'tifa-cold:done';
const DONE_PROBE = `
  try {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('tifa:total').length === 0) return;
      observer.disconnect();
      console.debug('${DONE_TEXT}');
    });
    observer.observe({ type: 'measure' });
  } catch {}
`;

/** Loads `url` in `page` and waits for the content script's first run to record tifa:total (DONE_PROBE). */
async function loadUntilFirstRun(page: Page, url: string, probes = ''): Promise<void> {
  await page.addInitScript({ content: probes + DONE_PROBE });
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE_TEXT, timeout: 30_000 });
  await page.goto(url);
  await done;
}

async function tifaCold(tifa: ExtensionBrowser, url: string): Promise<ColdRun> {
  const { page } = await newTab(tifa, undefined);
  try {
    await loadUntilFirstRun(page, url, LONG_TASK_PROBE);
    if ((await waitForTifa(page, 1_000)) !== 'policy') throw new Error(`${url}: Tifa did not see a policy text`);
    // Both clocks count from their own timeOrigin; origin + time puts the page and the worker on one axis.
    const worker = await tifa.serviceWorker.evaluate(() => {
      const m = performance.getEntriesByName('tifa:worker-analyze', 'measure')[0];
      return { start: performance.timeOrigin + (m?.startTime ?? Number.NaN), duration: m?.duration ?? Number.NaN };
    });
    const run = await page.evaluate(() => {
      const m = (name: string) => performance.getEntriesByName(name, 'measure')[0];
      const analyze = m('tifa:analyze');
      const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks;
      const overlapping = tasks.filter(
        (t) => t.start < analyze.startTime + analyze.duration && t.start + t.duration > analyze.startTime,
      );
      return {
        extract: m('tifa:extract').duration,
        analyze: analyze.duration,
        highlight: m('tifa:highlight').duration,
        total: m('tifa:total').duration,
        main: m('tifa:main-thread')?.duration ?? Number.NaN,
        send: m('tifa:send')?.duration ?? Number.NaN,
        decode: m('tifa:decode')?.duration ?? Number.NaN,
        startedAt: m('tifa:total').startTime,
        wait: m('tifa:wait')?.duration ?? Number.NaN,
        busyDuringAnalyze: Math.max(0, ...overlapping.map((t) => t.duration)),
        firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        sent: performance.timeOrigin + analyze.startTime,
        received: performance.timeOrigin + analyze.startTime + analyze.duration,
      };
    });
    const { sent, received, ...times } = run;
    return {
      ...times,
      toWorker: worker.start - sent,
      inWorker: worker.duration,
      toPage: received - (worker.start + worker.duration),
    };
  } finally {
    await page.close();
  }
}

/**
 * A cold page that also finds the worker stopped, as most page loads do (Chromium stops an idle extension worker
 * after 30 s): the worker is stopped before each sample. The content script wakes it as it starts (reading.wake).
 */
async function tifaStoppedWorker(tifa: ExtensionBrowser, url: string): Promise<{ total: number; analyze: number }> {
  await tifa.stopServiceWorker();
  // Not newTab(): it asks the (stopped) worker for the tab ids.
  const page = await tifa.context.newPage();
  try {
    await loadUntilFirstRun(page, url);
    // No helper function inside: tsx would wrap it in a __name() call the page does not have.
    return await page.evaluate(() => ({
      total: performance.getEntriesByName('tifa:total', 'measure')[0]?.duration ?? Number.NaN,
      analyze: performance.getEntriesByName('tifa:analyze', 'measure')[0]?.duration ?? Number.NaN,
    }));
  } finally {
    await page.close();
  }
}

async function markJsCold(tifa: ExtensionBrowser, url: string): Promise<{ script: number; marked: number }> {
  const { page } = await newTab(tifa, undefined);
  try {
    await page.addInitScript({ content: LONG_TASK_PROBE });
    await page.goto(url);
    await page.addScriptTag({ path: MARK_JS });
    return await page.evaluate(async (source) => {
      type MarkCtor = new (ctx: Element) => { markRegExp(re: RegExp, o: { done(n: number): void }): void };
      const Mark = (window as unknown as { Mark: MarkCtor }).Mark;
      const t0 = performance.now();
      let marked = 0;
      await new Promise<void>((resolve) =>
        new Mark(document.body).markRegExp(new RegExp(source, 'g'), {
          done: (n) => {
            marked = n;
            resolve();
          },
        }),
      );
      return { script: performance.now() - t0, marked };
    }, MARK_REGEX_SOURCE);
  } finally {
    await page.close();
  }
}

/**
 * The least any extraction from the DOM does: one TreeWalker over the page's text nodes, reading each node's
 * text, on a fresh page (cold, like mark.js's samples). It bounds the page-thread goal from below: Tifa's
 * extraction also decides what is hidden, chrome or a block boundary, but it cannot touch fewer nodes.
 */
async function bareWalkCold(tifa: ExtensionBrowser, url: string): Promise<number> {
  const { page } = await newTab(tifa, undefined);
  try {
    await page.goto(url);
    return await page.evaluate(() => {
      const t0 = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      while (walker.nextNode()) chars += (walker.currentNode as Text).data.length;
      const ms = performance.now() - t0;
      return chars > 0 ? ms : Number.NaN;
    });
  } finally {
    await page.close();
  }
}

async function tifaWarm(
  tifa: ExtensionBrowser,
  url: string,
): Promise<{ main: Samples; analyze: Samples; total: Samples }> {
  const { page, tabId } = await newTab(tifa, url);
  try {
    await waitForTifa(page, 30_000);
    const runs = [];
    for (let i = 0; i < WARM_RUNS + 2; i++) runs.push(await tifaRun(tifa, page, tabId));
    const warm = runs.slice(2);
    return {
      main: summarize(warm.map((r) => r.extract + r.highlight)),
      analyze: summarize(warm.map((r) => r.analyze)),
      total: summarize(warm.map((r) => r.total)),
    };
  } finally {
    await page.close();
  }
}

/**
 * The messaging floor, timed in an extension page (same path to the worker): an empty message, and the page's
 * text under a kind nobody handles (serialisation and transfer only). reading.analyze itself is served to
 * content scripts only; its legs are measured on the cold runs (to the worker, in it, back).
 */
async function messagingFloor(tifa: ExtensionBrowser, text: string): Promise<{ ping: number; transfer: number }> {
  const panel = await tifa.openExtensionPage('popup.html');
  try {
    // The helper tsx's keepNames adds to functions declared inside evaluate callbacks.
    await panel.evaluate('window.__name = window.__name || ((f) => f)');
    return await panel.evaluate(
      async ({ text, samples }) => {
        const send = (m: unknown) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage(m);
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
        const time = async (fn: (i: number) => Promise<unknown>) => {
          const out: number[] = [];
          for (let i = 0; i < samples + 1; i++) {
            const t0 = performance.now();
            await fn(i).catch(() => undefined);
            if (i > 0) out.push(performance.now() - t0);
          }
          return median(out);
        };
        return {
          ping: await time(() => send({ tifa: 1, kind: 'bench.nobodyHandlesThis', payload: {} })),
          transfer: await time((i) =>
            send({ tifa: 1, kind: 'bench.nobodyHandlesThis', payload: { text: `${text}${i}` } }),
          ),
        };
      },
      { text, samples: 7 },
    );
  } finally {
    await panel.close();
  }
}

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

async function benchPage(tifa: ExtensionBrowser, urls: { tifa: string; plain: string }, label: string) {
  // One load first: the extension's code for this page (and the worker's rule set) is then as warm as a reader's.
  await tifaCold(tifa, urls.tifa);
  const cold: ColdRun[] = [];
  const marks: { script: number; marked: number }[] = [];
  const walks: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    cold.push(await tifaCold(tifa, urls.tifa));
    marks.push(await markJsCold(tifa, urls.plain));
    walks.push(await bareWalkCold(tifa, urls.plain));
  }
  const stopped: { total: number; analyze: number }[] = [];
  for (let i = 0; i < STOPPED_WORKER_SAMPLES; i++) stopped.push(await tifaStoppedWorker(tifa, urls.tifa));
  const warm = await tifaWarm(tifa, urls.tifa);
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
  try {
    const pages = [
      ['/seed.html', 'seed speech'],
      ['/report.html', '60k-char provincial reports'],
    ] as const;
    const rows: BenchRow[] = [];
    for (const [path, label] of pages) {
      rows.push(...(await benchPage(tifa, { tifa: server.url(path), plain: server.url(path, OTHER_HOST) }, label)));
    }
    return rows;
  } finally {
    await tifa.close();
    await server.close();
  }
}

runAlone(import.meta.url, run, fmt);
