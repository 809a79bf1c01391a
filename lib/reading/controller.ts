import { boundsForAll, type ExtractedText, sameSegmentNodes } from '../extract';
import type { PageState } from '../messages/page';
import { createHoverController, type HoverSource } from './hover';
import { asRemote } from './remoteAnalyze';
import { pageStateOf } from './page-state';
import { serialRuns } from './run-queue';
import { itemTarget, scrollRangeIntoView } from './scroll';
import { buildSpans, showsAll, spansToPaint, type ReadingSpan } from './spans';
import type { ReadingDeps, ReadingSnapshot } from './types';
import { afterNextFrame, LOOP_WINDOW_MS, looping, recordMeasure, recordRun } from './timing';
import { defaultToggles, visibleCategories, type ToggleScope, type Toggles } from './toggles';
import { createPageUi } from './ui';
import { watchPage, withoutHash, type PageWatch } from './watch';

export type { ReadingDeps, ReadingSnapshot } from './types';

interface Current extends ReadingSnapshot {
  /** Every span of the analysis, and those painted: all in full mode, a quiet selection in the others. */
  all: ReadingSpan[];
  spans: ReadingSpan[];
}

/**
 * The page controller: extracts the page's text, analyses it with the shared rule set, paints the result, and
 * keeps it current (DOM changes, SPA navigation, toggles) — without ever throwing into the page or changing its
 * text. "Switched off" (all highlights off) means: nothing painted, and no observer or page listener left.
 */
export interface ReadingController {
  /** Loads the toggles, runs the first analysis and starts following the page. Never rejects. */
  start(): Promise<void>;
  /** Removes everything Tifa added to the page: highlights, UI, styles, observers, listeners, timers. */
  stop(): void;
  /** The last analysis (for the clipping hook: outline path, mentions, anchors, text id). */
  snapshot(): ReadingSnapshot | null;
  /**
   * Calls `listener` after each new analysis (not on repaints of the same one) until `signal` aborts. The
   * clipper re-anchors on it: Tifa's own pipeline says when the text changed, not an attribute the page can write.
   */
  onAnalysed(listener: (snapshot: ReadingSnapshot) => void, signal: AbortSignal): void;
  /**
   * An extraction that matches the DOM as it is now. Same text and offsets as snapshot().extraction, but where
   * the fallback painter has split text nodes the node map is rebuilt, so rangeFor/offsetsOf work on live nodes.
   */
  liveExtraction(): ExtractedText | null;
  getPageState(): PageState;
  /** Re-runs the pipeline now; `force` re-analyses and repaints even when the text did not change. */
  analyzeNow(force: boolean): Promise<PageState>;
  /** Scrolls to outline item `index` (or with `mention`, mention `index`: the page index), and flashes it. */
  scrollToItem(index: number, mention?: boolean): { found: boolean };
  /** Another kind of highlight with a tooltip (clips: lib/clipping/clip-card.ts), hit-tested with the spans. */
  addHoverSource(source: HoverSource): void;
}

/**
 * A closure rather than a class: its state is local variables, which the minifier shortens to one letter, where
 * `this.#field` costs seven bytes a use in a content script loaded with every listed page (size budget).
 */
export function createReadingController(deps: ReadingDeps): ReadingController {
  const doc = deps.doc;
  const painter = deps.painter;
  const win = () => doc.defaultView as Window & typeof globalThis;
  let current: Current | null = null;
  let toggles: Toggles = defaultToggles();
  let scope: ToggleScope = 'global';
  let url = doc.location?.href ?? '';
  let started = false;
  let stopped = false;
  let painted = false;
  let watch: PageWatch | null = null;
  /** Everything started by start() hangs off this signal; stop() aborts it. */
  const life = new AbortController();
  let timings: PageState['timings'] = null;
  let lastError: string | undefined;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  const runTimes: number[] = [];
  let togglesLoad = 0;
  const analysedListeners = new Set<(snapshot: ReadingSnapshot) => void>();
  const ui = createPageUi(doc);
  /** The page's address now (SPA navigation changes it without a new document). */
  const href = () => doc.location?.href ?? url;

  const fail = (err: unknown, where: string): void => {
    lastError = `${where}: ${err instanceof Error ? err.message : String(err)}`;
    try {
      deps.report(err, where);
    } catch {
      // Reporting must not throw either.
    }
  };
  const guard = (where: string, fn: () => void): void => {
    if (stopped && where !== 'stop') return;
    try {
      fn();
    } catch (err) {
      fail(err, where);
    }
  };
  const hover = createHoverController(doc, painter, ui, guard, deps.mentionActions);
  /** run() with its errors caught and reported: it is called from timers, listeners and messages. */
  const runs = serialRuns(
    (opts) => run(opts).catch((err) => fail(err, 'run')),
    () => stopped,
  );

  const snapshot = (): ReadingSnapshot | null => {
    if (!current) return null;
    const { spans: _spans, all: _all, ...snap } = current;
    return snap;
  };

  const liveExtraction = (): ExtractedText | null => {
    if (!current) return null;
    if (!(painter.mutatesDom && painted)) return current.extraction;
    const ex = deps.extract(doc);
    return ex.text === current.extraction.text ? ex : current.extraction;
  };

  const getPageState = (): PageState =>
    pageStateOf({
      url: href(),
      title: doc.title,
      analysis: current?.analysis ?? null,
      spans: current?.all ?? [],
      textLength: current?.extraction.text.length ?? 0,
      toggles,
      scope,
      painter: painted ? painter.kind : 'none',
      timings,
      error: lastError,
    });

  // ------------------------------------------------------------------------------------------------------------
  // Pipeline

  async function run(opts: { force: boolean }): Promise<void> {
    const perf = win().performance;
    const start = perf.now();
    // Fallback marks split the page's text nodes: take them out so the extraction maps onto the page's own nodes.
    if (painter.mutatesDom && painted) clearPaint();
    const pageUrl = href();
    const title = (doc.title ?? '').trim().slice(0, 2000);
    const extraction = deps.extract(doc);
    const extracted = perf.now();
    const prev = current;
    const sameText = prev !== null && prev.extraction.text === extraction.text && prev.url === pageUrl;
    if (!opts.force && sameText && sameSegmentNodes(prev.extraction, extraction)) {
      // Nothing changed that we care about (a page mutation elsewhere): no new analysis, no repaint.
      if (!painted) paint();
      recordMeasure(perf, 'tifa:recheck', start, perf.now());
      return;
    }
    const result = sameText && !opts.force ? prev : asRemote(await deps.analyze(extraction.text, title));
    if (stopped) return;
    // A newer request came in while the text was being analysed: this result is already stale. Skip painting
    // it (the next run follows at once) unless nothing is painted yet.
    if (runs.pending && prev) return;
    const analyzed = perf.now();
    const { analysis } = result;
    doc.documentElement.dataset.tifa = analysis.verdict.isPolicy ? 'policy' : 'other';
    const all = analysis === prev?.analysis ? prev.all : analysis.verdict.isPolicy ? buildSpans(analysis) : [];
    const textId = result.textId ? { textId: result.textId } : {};
    current = { extraction, analysis, all, spans: all, url: pageUrl, title, ...textId };
    lastError = undefined;
    paint();
    const highlighted = perf.now();
    timings = recordRun(perf, { start, extracted, analyzed, highlighted });
    // What the page's own thread paid (the analysis may have run elsewhere, see ReadingDeps.analyze).
    recordMeasure(perf, 'tifa:main-thread', start, start + timings.extract + timings.highlight);
    if (painted) {
      // To the next rendered frame: from the run's start, and from the start of painting (the page's jank).
      void afterNextFrame(win()).then(() => {
        const framed = perf.now();
        recordMeasure(perf, 'tifa:frame', start, framed);
        recordMeasure(perf, 'tifa:paint-frame', analyzed, framed);
      });
    }
    if (analysis !== prev?.analysis) {
      const snap = snapshot()!;
      for (const listener of analysedListeners) guard('analysed', () => listener(snap));
    }
    scheduleNotify();
  }

  function paint(): void {
    const visible = visibleCategories(toggles);
    if (!current || current.all.length === 0 || visible.size === 0) {
      clearPaint();
      return;
    }
    const ex = current.extraction;
    current.spans = spansToPaint(current.all, current.analysis, ex.text, visible);
    const bounds = boundsForAll(ex, current.spans);
    const items = current.spans.map((s, i) => ({ category: s.category, range: bounds[i] }));
    mutate(() => painter.paint(items, visible));
    painted = true;
    hover.setPainted(current, visible);
  }

  function clearPaint(): void {
    if (painted) mutate(() => painter.clear());
    painted = false;
    hover.setPainted(null, new Set());
  }

  /** Runs a DOM change of ours so that the page watcher does not take it for a page change. */
  function mutate(fn: () => void): void {
    if (watch && painter.mutatesDom) watch.ignore(fn);
    else fn();
  }

  // ------------------------------------------------------------------------------------------------------------
  // Toggles and activity

  async function reloadToggles(apply = true): Promise<void> {
    const load = ++togglesLoad;
    try {
      const loaded = await deps.loadToggles(href());
      if (load !== togglesLoad || stopped) return; // a newer load is under way
      toggles = loaded.toggles;
      scope = loaded.scope;
      if (apply) guard('toggles', applyToggles);
    } catch (err) {
      fail(err, 'toggles');
    }
  }

  function applyToggles(): void {
    const visible = visibleCategories(toggles);
    if (!toggles.all || visible.size === 0) {
      clearPaint();
    } else if (painted && showsAll(visible) && current?.spans === current?.all) {
      mutate(() => painter.setVisible(visible));
      hover.setPainted(current, visible);
    } else if (painted) {
      // Outside full mode what is painted depends on the categories shown (spansToPaint): paint again.
      clearPaint();
      paint();
    } else if (current) {
      // Switched back on: the page may have changed while we were not watching.
      void runs.request({ force: false }).then(() => guard('toggles', syncActivity));
    }
    syncActivity();
    scheduleNotify();
  }

  /** Observers and page listeners exist only while Tifa is on for this page, and hover listeners only with spans. */
  function syncActivity(): void {
    if (stopped) return;
    const on = toggles.all;
    // The watcher starts after the first run (it is scoped to the analysed content; before it, every change on
    // the page would count — e.g. a hover source plugged in at start-up must not start it early).
    if (on && !watch && current) {
      watch = watchPage(doc, {
        onChange: (reason) => guard('pageChange', () => onPageChange(reason)),
        isOwnNode: (node) => ui.isOwnNode(node),
        scope: () => current?.extraction.root ?? null,
        report: (err) => fail(err, 'watch'),
        debounceMs: deps.debounceMs,
      });
    } else if (!on && watch) {
      watch.stop();
      watch = null;
    }
    const hoverable = (painted && hover.hasSpans) || hover.hasSources;
    hover.listen(on && hoverable, life.signal);
  }

  function onPageChange(reason: 'mutation' | 'navigation'): void {
    if (looping(runTimes, Date.now())) {
      // The page keeps changing (or reacts to us): try again once it has been quiet for a while.
      watch?.stop();
      watch = null;
      setTimeout(() => guard('resume', syncActivity), LOOP_WINDOW_MS);
      return;
    }
    const nowUrl = href();
    if (reason === 'navigation' || withoutHash(nowUrl) !== withoutHash(url)) {
      url = nowUrl;
      clearPaint();
      void reloadToggles(false)
        .then(() => runs.request({ force: true }))
        .then(() => guard('navigation', syncActivity));
      return;
    }
    void runs.request({ force: false }).then(() => guard('pageChange', syncActivity));
  }

  function scheduleNotify(): void {
    if (!deps.notify) return;
    clearTimeout(notifyTimer);
    notifyTimer = setTimeout(() => guard('notify', () => deps.notify!(getPageState())), 50);
  }

  const controller: ReadingController = {
    async start() {
      if (started) return;
      started = true;
      try {
        deps.prepareAnalysis?.();
        const unwatchToggles = deps.watchToggles(() => void reloadToggles());
        life.signal.addEventListener('abort', unwatchToggles, { once: true });
        // The storage read and the page's first frame overlap: neither waits for the other.
        const perf = win().performance;
        const t0 = perf.now();
        const loading = reloadToggles(false);
        await deps.whenRendered?.();
        await loading;
        if (stopped) return;
        recordMeasure(perf, 'tifa:wait', t0, perf.now());
        await runs.request({ force: true });
        if (stopped) return;
        // After the first run, before the frame that shows its highlights: a new sheet restyles the whole page, and
        // installed earlier it made that run's first visibility check wait for that restyle (bench/cold.ts).
        const removeStyles = deps.installStyles(doc);
        life.signal.addEventListener('abort', removeStyles, { once: true });
        syncActivity();
      } catch (err) {
        fail(err, 'start');
      }
    },

    stop() {
      if (stopped) return;
      stopped = true;
      guard('stop', () => {
        watch?.stop();
        watch = null;
        clearPaint();
        life.abort();
        ui.destroy();
        clearTimeout(notifyTimer);
        analysedListeners.clear();
        delete doc.documentElement.dataset.tifa;
      });
    },

    snapshot,

    onAnalysed(listener, signal) {
      analysedListeners.add(listener);
      signal.addEventListener('abort', () => analysedListeners.delete(listener), { once: true });
    },

    liveExtraction,
    getPageState,

    async analyzeNow(force) {
      if (!started) await controller.start();
      guard('analyzeNow', () => {
        if (force && painted) {
          const perf = win().performance;
          const t0 = perf.now();
          clearPaint();
          recordMeasure(perf, 'tifa:clear', t0, perf.now());
        }
      });
      await runs.request({ force: true });
      guard('analyzeNow', syncActivity);
      if (painted) await afterNextFrame(win());
      return getPageState();
    },

    scrollToItem(index, mention = false) {
      const target = current && itemTarget(current, liveExtraction() ?? current.extraction, index, mention);
      if (!target) return { found: false };
      scrollRangeIntoView(win(), target.range);
      painter.flash(target.range, target.spanIndex);
      return { found: true };
    },

    addHoverSource(source) {
      hover.addSource(source);
      guard('hover', syncActivity);
    },
  };
  return controller;
}
