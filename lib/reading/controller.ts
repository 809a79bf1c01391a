import { type ExtractedText, rangeFor, sameSegmentNodes } from '../extract';
import type { PageState } from '../messages/page';
import { HoverController, type HoverSource } from './hover';
import { asRemote } from './remoteAnalyze';
import { pageStateOf } from './page-state';
import { itemTarget, scrollRangeIntoView } from './scroll';
import { buildSpans, showsAll, spansToPaint, type ReadingSpan } from './spans';
import type { ReadingDeps, ReadingSnapshot } from './types';
import { afterNextFrame, LOOP_WINDOW_MS, looping, recordMeasure, recordRun } from './timing';
import { defaultToggles, visibleCategories, type ToggleScope, type Toggles } from './toggles';
import { PageUi } from './ui';
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
export class ReadingController {
  #current: Current | null = null;
  #toggles: Toggles = defaultToggles();
  #scope: ToggleScope = 'global';
  #url: string;
  #started = false;
  #stopped = false;
  #painted = false;
  #watch: PageWatch | null = null;
  readonly #ui: PageUi;
  readonly #hover: HoverController;
  /** Everything started by start() hangs off this signal; stop() aborts it. */
  readonly #life = new AbortController();
  #timings: PageState['timings'] = null;
  #lastError: string | undefined;
  #notifyTimer: ReturnType<typeof setTimeout> | undefined;
  #runTimes: number[] = [];
  #togglesLoad = 0;
  /** A run is under way; requests meanwhile merge into #wanted and run once after it (latest wins). */
  #busy = false;
  #wanted: { force: boolean } | null = null;
  #idleWaiters: (() => void)[] = [];
  readonly #analysedListeners = new Set<(snapshot: ReadingSnapshot) => void>();

  readonly #deps: ReadingDeps;

  constructor(deps: ReadingDeps) {
    this.#deps = deps;
    this.#ui = new PageUi(deps.doc);
    const guard = (where: string, fn: () => void) => this.#guard(where, fn);
    this.#hover = new HoverController(deps.doc, deps.painter, this.#ui, guard, deps.mentionActions);
    this.#url = deps.doc.location?.href ?? '';
  }

  get #doc(): Document {
    return this.#deps.doc;
  }

  /** The page's address now (SPA navigation changes it without a new document). */
  get #href(): string {
    return this.#doc.location?.href ?? this.#url;
  }

  get #win() {
    return this.#doc.defaultView as Window & typeof globalThis;
  }

  /** Loads the toggles, runs the first analysis and starts following the page. Never rejects. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    try {
      const unwatchToggles = this.#deps.watchToggles(() => void this.#reloadToggles());
      this.#life.signal.addEventListener('abort', unwatchToggles, { once: true });
      // The storage read and the page's first frame overlap: neither waits for the other.
      const perf = this.#win.performance;
      const t0 = perf.now();
      const toggles = this.#reloadToggles(false);
      await this.#deps.whenRendered?.();
      await toggles;
      if (this.#stopped) return;
      recordMeasure(perf, 'tifa:wait', t0, perf.now());
      await this.#runSafely({ force: true });
      if (this.#stopped) return;
      // After the first run, before the frame that shows its highlights: a new sheet restyles the whole page, and
      // installed earlier it made that run's first visibility check wait for that restyle (bench/cold.ts).
      const removeStyles = this.#deps.installStyles(this.#doc);
      this.#life.signal.addEventListener('abort', removeStyles, { once: true });
      this.#syncActivity();
    } catch (err) {
      this.#fail(err, 'start');
    }
  }

  /** Removes everything Tifa added to the page: highlights, UI, styles, observers, listeners, timers. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#guard('stop', () => {
      this.#watch?.stop();
      this.#watch = null;
      this.#clearPaint();
      this.#life.abort();
      this.#ui.destroy();
      clearTimeout(this.#notifyTimer);
      this.#analysedListeners.clear();
      delete this.#doc.documentElement.dataset.tifa;
    });
  }

  /** The last analysis (for the clipping hook: outline path, mentions, anchors, text id). */
  snapshot(): ReadingSnapshot | null {
    const cur = this.#current;
    if (!cur) return null;
    const { spans: _spans, all: _all, ...snapshot } = cur;
    return snapshot;
  }

  /**
   * Calls `listener` after each new analysis (not on repaints of the same one) until `signal` aborts. The
   * clipper re-anchors on it: Tifa's own pipeline says when the text changed, not an attribute the page can write.
   */
  onAnalysed(listener: (snapshot: ReadingSnapshot) => void, signal: AbortSignal): void {
    this.#analysedListeners.add(listener);
    signal.addEventListener('abort', () => this.#analysedListeners.delete(listener), { once: true });
  }

  /**
   * An extraction that matches the DOM as it is now. Same text and offsets as snapshot().extraction, but where
   * the fallback painter has split text nodes the node map is rebuilt, so rangeFor/offsetsOf work on live nodes.
   */
  liveExtraction(): ExtractedText | null {
    if (!this.#current) return null;
    if (!(this.#deps.painter.mutatesDom && this.#painted)) return this.#current.extraction;
    const ex = this.#deps.extract(this.#doc);
    return ex.text === this.#current.extraction.text ? ex : this.#current.extraction;
  }

  getPageState(): PageState {
    const cur = this.#current;
    return pageStateOf({
      url: this.#href,
      title: this.#doc.title,
      analysis: cur?.analysis ?? null,
      spans: cur?.all ?? [],
      textLength: cur?.extraction.text.length ?? 0,
      toggles: this.#toggles,
      scope: this.#scope,
      painter: this.#painted ? this.#deps.painter.kind : 'none',
      timings: this.#timings,
      error: this.#lastError,
    });
  }

  /** Re-runs the pipeline now; `force` re-analyses and repaints even when the text did not change. */
  async analyzeNow(force: boolean): Promise<PageState> {
    if (!this.#started) await this.start();
    this.#guard('analyzeNow', () => {
      if (force && this.#painted) {
        const perf = this.#win.performance;
        const t0 = perf.now();
        this.#clearPaint();
        recordMeasure(perf, 'tifa:clear', t0, perf.now());
      }
    });
    await this.#runSafely({ force: true });
    this.#guard('analyzeNow', () => this.#syncActivity());
    if (this.#painted) await afterNextFrame(this.#win);
    return this.getPageState();
  }

  /** Scrolls to outline item `index` (or with `mention`, mention `index`: the page index), and flashes it. */
  scrollToItem(index: number, mention = false): { found: boolean } {
    const cur = this.#current;
    const target = cur && itemTarget(cur, this.liveExtraction() ?? cur.extraction, index, mention);
    if (!target) return { found: false };
    scrollRangeIntoView(this.#win, target.range);
    this.#deps.painter.flash(target.range, target.spanIndex);
    return { found: true };
  }

  // --- Pipeline -----------------------------------------------------------------------------------------------

  /**
   * run() with its errors caught and reported: it is called from timers, listeners and messages. Runs never
   * overlap: a request while one is under way is merged into one more run after it (latest wins), and the
   * caller's promise settles when the page is up to date.
   */
  async #runSafely(opts: { force: boolean }): Promise<void> {
    if (this.#stopped) return;
    if (this.#busy) {
      this.#wanted = { force: (this.#wanted?.force ?? false) || opts.force };
      return new Promise((resolve) => this.#idleWaiters.push(resolve));
    }
    this.#busy = true;
    try {
      for (let next: { force: boolean } | null = opts; next && !this.#stopped; next = this.#wanted) {
        this.#wanted = null;
        try {
          await this.#run(next);
        } catch (err) {
          this.#fail(err, 'run');
        }
      }
    } finally {
      this.#busy = false;
      this.#wanted = null;
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  }

  async #run(opts: { force: boolean }): Promise<void> {
    const perf = this.#win.performance;
    const start = perf.now();
    // Fallback marks split the page's text nodes: take them out so the extraction maps onto the page's own nodes.
    const hadMarks = this.#deps.painter.mutatesDom && this.#painted;
    if (hadMarks) this.#clearPaint();
    const url = this.#href;
    const title = (this.#doc.title ?? '').trim().slice(0, 2000);
    const extraction = this.#deps.extract(this.#doc);
    const extracted = perf.now();
    const prev = this.#current;
    const sameText = prev !== null && prev.extraction.text === extraction.text && prev.url === url;
    if (!opts.force && sameText && sameSegmentNodes(prev.extraction, extraction)) {
      // Nothing changed that we care about (a page mutation elsewhere): no new analysis, no repaint.
      if (!this.#painted) this.#paint();
      recordMeasure(perf, 'tifa:recheck', start, perf.now());
      return;
    }
    const result = sameText && !opts.force ? prev : asRemote(await this.#deps.analyze(extraction.text, title));
    if (this.#stopped) return;
    // A newer request came in while the text was being analysed: this result is already stale. Skip painting
    // it (the next run follows at once) unless nothing is painted yet.
    if (this.#wanted && prev) return;
    const analyzed = perf.now();
    const { analysis } = result;
    this.#doc.documentElement.dataset.tifa = analysis.verdict.isPolicy ? 'policy' : 'other';
    const all = analysis === prev?.analysis ? prev.all : analysis.verdict.isPolicy ? buildSpans(analysis) : [];
    const textId = result.textId ? { textId: result.textId } : {};
    this.#current = { extraction, analysis, all, spans: all, url, title, ...textId };
    this.#lastError = undefined;
    this.#paint();
    const highlighted = perf.now();
    this.#timings = recordRun(perf, { start, extracted, analyzed, highlighted });
    // What the page's own thread paid (the analysis may have run elsewhere, see ReadingDeps.analyze).
    recordMeasure(perf, 'tifa:main-thread', start, start + this.#timings.extract + this.#timings.highlight);
    if (this.#painted) {
      // To the next rendered frame: from the run's start, and from the start of painting (the page's jank).
      void afterNextFrame(this.#win).then(() => {
        const framed = perf.now();
        recordMeasure(perf, 'tifa:frame', start, framed);
        recordMeasure(perf, 'tifa:paint-frame', analyzed, framed);
      });
    }
    if (analysis !== prev?.analysis) {
      const snapshot = this.snapshot()!;
      for (const listener of this.#analysedListeners) this.#guard('analysed', () => listener(snapshot));
    }
    this.#scheduleNotify();
  }

  #paint(): void {
    const cur = this.#current;
    const visible = visibleCategories(this.#toggles);
    if (!cur || cur.all.length === 0 || visible.size === 0) {
      this.#clearPaint();
      return;
    }
    const ex = cur.extraction;
    cur.spans = spansToPaint(cur.all, cur.analysis, ex.text, visible);
    const items = cur.spans.map((s) => ({ category: s.category, range: rangeFor(ex, s.start, s.end) }));
    this.#mutate(() => this.#deps.painter.paint(items, visible));
    this.#painted = true;
    this.#hover.setPainted(cur, visible);
  }

  #clearPaint(): void {
    if (this.#painted) this.#mutate(() => this.#deps.painter.clear());
    this.#painted = false;
    this.#hover.setPainted(null, new Set());
  }

  /** Runs a DOM change of ours so that the page watcher does not take it for a page change. */
  #mutate(fn: () => void): void {
    if (this.#watch && this.#deps.painter.mutatesDom) this.#watch.ignore(fn);
    else fn();
  }

  // --- Toggles and activity -----------------------------------------------------------------------------------

  async #reloadToggles(apply = true): Promise<void> {
    const load = ++this.#togglesLoad;
    try {
      const { toggles, scope } = await this.#deps.loadToggles(this.#href);
      if (load !== this.#togglesLoad || this.#stopped) return; // a newer load is under way
      this.#toggles = toggles;
      this.#scope = scope;
      if (apply) this.#guard('toggles', () => this.#applyToggles());
    } catch (err) {
      this.#fail(err, 'toggles');
    }
  }

  #applyToggles(): void {
    const visible = visibleCategories(this.#toggles);
    if (!this.#toggles.all || visible.size === 0) {
      this.#clearPaint();
    } else if (this.#painted && showsAll(visible) && this.#current?.spans === this.#current?.all) {
      this.#mutate(() => this.#deps.painter.setVisible(visible));
      this.#hover.setPainted(this.#current, visible);
    } else if (this.#painted) {
      // Outside full mode what is painted depends on the categories shown (spansToPaint): paint again.
      this.#clearPaint();
      this.#paint();
    } else if (this.#current) {
      // Switched back on: the page may have changed while we were not watching.
      void this.#runSafely({ force: false }).then(() => this.#guard('toggles', () => this.#syncActivity()));
    }
    this.#syncActivity();
    this.#scheduleNotify();
  }

  /** Observers and page listeners exist only while Tifa is on for this page, and hover listeners only with spans. */
  #syncActivity(): void {
    if (this.#stopped) return;
    const on = this.#toggles.all;
    // The watcher starts after the first run (it is scoped to the analysed content; before it, every change on
    // the page would count — e.g. a hover source plugged in at start-up must not start it early).
    if (on && !this.#watch && this.#current) {
      this.#watch = watchPage(this.#doc, {
        onChange: (reason) => this.#guard('pageChange', () => this.#onPageChange(reason)),
        isOwnNode: (node) => this.#ui.isOwnNode(node),
        scope: () => this.#current?.extraction.root ?? null,
        report: (err) => this.#fail(err, 'watch'),
        debounceMs: this.#deps.debounceMs,
      });
    } else if (!on && this.#watch) {
      this.#watch.stop();
      this.#watch = null;
    }
    const hoverable = (this.#painted && this.#hover.hasSpans) || this.#hover.hasSources;
    this.#hover.listen(on && hoverable, this.#life.signal);
  }

  #onPageChange(reason: 'mutation' | 'navigation'): void {
    if (looping(this.#runTimes, Date.now())) {
      // The page keeps changing (or reacts to us): try again once it has been quiet for a while.
      this.#watch?.stop();
      this.#watch = null;
      setTimeout(() => this.#guard('resume', () => this.#syncActivity()), LOOP_WINDOW_MS);
      return;
    }
    const url = this.#href;
    if (reason === 'navigation' || withoutHash(url) !== withoutHash(this.#url)) {
      this.#url = url;
      this.#clearPaint();
      void this.#reloadToggles(false)
        .then(() => this.#runSafely({ force: true }))
        .then(() => this.#guard('navigation', () => this.#syncActivity()));
      return;
    }
    void this.#runSafely({ force: false }).then(() => this.#guard('pageChange', () => this.#syncActivity()));
  }

  /** Another kind of highlight with a tooltip (clips: lib/clipping/clip-card.ts), hit-tested with the spans. */
  addHoverSource(source: HoverSource): void {
    this.#hover.addSource(source);
    this.#guard('hover', () => this.#syncActivity());
  }

  // --- notification, guard, failure -----------------------------------------------------------------------

  #scheduleNotify(): void {
    if (!this.#deps.notify) return;
    clearTimeout(this.#notifyTimer);
    this.#notifyTimer = setTimeout(() => this.#guard('notify', () => this.#deps.notify!(this.getPageState())), 50);
  }

  #guard(where: string, fn: () => void): void {
    if (this.#stopped && where !== 'stop') return;
    try {
      fn();
    } catch (err) {
      this.#fail(err, where);
    }
  }

  #fail(err: unknown, where: string): void {
    this.#lastError = `${where}: ${err instanceof Error ? err.message : String(err)}`;
    try {
      this.#deps.report(err, where);
    } catch {
      // Reporting must not throw either.
    }
  }
}
