/**
 * The samples bench/cold.ts sets side by side, each on a freshly loaded page (a new tab per sample): Tifa's first
 * run, mark.js, a bare text-node walk, the rule set run in the page itself, and the messaging floor.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newTab, ROOT, waitForTifa, type ExtensionBrowser } from '../tests/e2e/harness';
import { summarize, type Samples } from './measure';
import { LONG_TASK_PROBE, MARK_JS, tifaRun } from './reading';

export interface ColdRun {
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

export async function tifaCold(tifa: ExtensionBrowser, url: string): Promise<ColdRun> {
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
export async function tifaStoppedWorker(
  tifa: ExtensionBrowser,
  url: string,
): Promise<{ total: number; analyze: number }> {
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

export async function markJsCold(
  tifa: ExtensionBrowser,
  url: string,
  regexSource: string,
): Promise<{ script: number; marked: number }> {
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
    }, regexSource);
  } finally {
    await page.close();
  }
}

/**
 * The least any extraction from the DOM does: one TreeWalker over the page's text nodes, reading each node's
 * text, on a fresh page (cold, like mark.js's samples). It bounds the page-thread goal from below: Tifa's
 * extraction also decides what is hidden, chrome or a block boundary, but it cannot touch fewer nodes.
 */
export async function bareWalkCold(tifa: ExtensionBrowser, url: string): Promise<number> {
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

export async function tifaWarm(
  tifa: ExtensionBrowser,
  url: string,
  count = 9,
): Promise<{ main: Samples; analyze: Samples; total: Samples }> {
  const { page, tabId } = await newTab(tifa, url);
  try {
    await waitForTifa(page, 30_000);
    const results = [];
    for (let i = 0; i < count + 2; i++) results.push(await tifaRun(tifa, page, tabId));
    const warm = results.slice(2);
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
export async function messagingFloor(
  tifa: ExtensionBrowser,
  text: string,
): Promise<{ ping: number; transfer: number }> {
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

/**
 * The rule set bundled as one classic script: what running it in the content script (no round trip to the worker)
 * would load on every page. Built from lib/rules with the same target as the extension.
 */
export async function rulesScript(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'lib', 'rules', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__tifaRules',
    minify: true,
    target: 'chrome116',
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

/**
 * The alternative to the round trip, cold: on a fresh page, the rule set's script evaluated (parse, compile,
 * module body) and its first analysis of the page's text (innerText, read before timing). Every page load would
 * pay both, in cold code, on the page's own thread.
 */
export async function rulesInPageCold(
  tifa: ExtensionBrowser,
  url: string,
  script: string,
): Promise<{ load: number; analyze: number }> {
  const { page } = await newTab(tifa, undefined);
  try {
    await page.goto(url);
    return await page.evaluate((source) => {
      const text = document.body.innerText;
      const t0 = performance.now();
      const tag = document.createElement('script');
      tag.textContent = source;
      document.head.append(tag);
      const t1 = performance.now();
      const rules = (window as unknown as { __tifaRules?: { analyze(text: string): unknown } }).__tifaRules;
      if (!rules) throw new Error('the rule set script did not load');
      rules.analyze(text);
      return { load: t1 - t0, analyze: performance.now() - t1 };
    }, script);
  } finally {
    await page.close();
  }
}
