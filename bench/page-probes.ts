/**
 * What the browser benches run inside a page: corpus pages, the long-task probe, Tifa's re-run and its measures,
 * mark.js marking the same ranges, and the bare scan floor (bench/reading.ts and bench/cold.ts use them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CORPUS_DIR, speechPageHtml, type ExtensionBrowser } from '../tests/e2e/harness';

/** The page's ~300,000-character bench page is cut at this many characters. */
const BIG_PAGE_CHARS = 300_000;

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
export function bigPage(): { html: string; chars: number } {
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

export async function lastMeasures(page: Page): Promise<Record<string, number>> {
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
  // tifa:frame is recorded after the next frame: wait for the one that belongs to this run.
  await page.waitForFunction(() => {
    const total = performance.getEntriesByName('tifa:total', 'measure')[0];
    const frame = performance.getEntriesByName('tifa:frame', 'measure')[0];
    return total !== undefined && frame !== undefined && frame.startTime === total.startTime;
  });
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
export async function rangesForMarkJs(
  page: Page,
): Promise<{ ranges: Array<{ start: number; length: number }>; painted: number }> {
  return page.evaluate(async () => {
    // Tifa registers only the ranges near the viewport: collect them a screen at a time down the page.
    const seen = new Map<string, Set<AbstractRange>>();
    const y0 = scrollY;
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const [name, h] of CSS.highlights) for (const r of h) seen.set(name, (seen.get(name) ?? new Set()).add(r));
    }
    scrollTo(0, y0);
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
    for (const [name, h] of seen) {
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

export interface MarkJsRun {
  script: number;
  frame: number;
  unmark: number;
  marked: number;
}

export async function markJsRun(page: Page, ranges: Array<{ start: number; length: number }>): Promise<MarkJsRun> {
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
export async function scanRun(page: Page): Promise<{ ms: number; matches: number }> {
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

export async function longestTaskSince(page: Page, since: number): Promise<number> {
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
