import { type ExtractedText, offsetsOf, rangeFor } from '../extract';
import type { HighlightCategory } from '../highlight/categories';
import { caretAt, maxSpanLength, pointInRange, spanAtOffset } from '../highlight/hitTest';
import type { Painter } from '../highlight/painter';
import type { PageState } from '../messages/page';
import type { Analysis } from '../rules/types';
import { describeSpan } from './describe';
import { buildSpans, countByCategory, type ReadingSpan } from './spans';
import { afterNextFrame, recordMeasure, recordRun } from './timing';
import { defaultToggles, visibleCategories, type ToggleScope, type Toggles } from './toggles';
import { PageUi } from './ui';
import { watchPage, type PageWatch } from './watch';

/** Everything the controller needs from the outside world, injected so that tests can run it in happy-dom. */
export interface ReadingDeps {
  doc: Document;
  /** The shared rule set, here or in the background (then asynchronous). */
  analyze(text: string): Analysis | Promise<Analysis>;
  extract(doc: Document): ExtractedText;
  painter: Painter;
  loadToggles(url: string): Promise<{ toggles: Toggles; scope: ToggleScope }>;
  /** Subscribes to toggle changes in storage; returns the unsubscribe function. */
  watchToggles(onChange: () => void): () => void;
  /** Puts the highlight styles into the page; returns their removal. */
  installStyles(doc: Document): () => void;
  /** Told (debounced) whenever the page state changed, e.g. to update an open side panel. */
  notify?(state: PageState): void;
  /** Where errors go instead of the page (they must never be thrown into it). */
  report(err: unknown, where: string): void;
  debounceMs?: number;
}

/** The last analysis and the extraction it was made from (offsets of the one index into the text of the other). */
export interface ReadingSnapshot {
  extraction: ExtractedText;
  analysis: Analysis;
}

interface Current extends ReadingSnapshot {
  spans: ReadingSpan[];
}

interface VisibleSpan {
  start: number;
  end: number;
  /** Index into Current.spans (and into the painter's items). */
  index: number;
}

const HOVER_DELAY_MS = 120;
/** Re-analyses beyond this many in LOOP_WINDOW_MS mean the page reacts to us or never settles: back off. */
const LOOP_LIMIT = 12;
const LOOP_WINDOW_MS = 10_000;

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
  #visibleSpans: VisibleSpan[] = [];
  #maxVisibleLength = 0;
  #watch: PageWatch | null = null;
  #pointer: AbortController | null = null;
  readonly #ui: PageUi;
  #removeStyles: (() => void) | null = null;
  #unwatchToggles: (() => void) | null = null;
  #timings: PageState['timings'] = null;
  #lastError: string | undefined;
  #notifyTimer: ReturnType<typeof setTimeout> | undefined;
  #hoverTimer: ReturnType<typeof setTimeout> | undefined;
  #hoverIndex = -1;
  #pinned = false;
  #framePending = false;
  #lastPoint = { x: 0, y: 0 };
  #runTimes: number[] = [];
  #togglesLoad = 0;
  /** Incremented per run: a run that finds a newer one started while it waited for the analysis gives way. */
  #runSeq = 0;

  readonly #deps: ReadingDeps;

  constructor(deps: ReadingDeps) {
    this.#deps = deps;
    this.#ui = new PageUi(deps.doc);
    this.#url = deps.doc.location?.href ?? '';
  }

  get #doc(): Document {
    return this.#deps.doc;
  }

  /** The page's address now (SPA navigation changes it without a new document). */
  get #href(): string {
    return this.#doc.location?.href ?? this.#url;
  }

  get #win(): Window & typeof globalThis {
    return this.#doc.defaultView as Window & typeof globalThis;
  }

  /** Loads the toggles, runs the first analysis and starts following the page. Never rejects. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    try {
      this.#unwatchToggles = this.#deps.watchToggles(() => void this.#reloadToggles());
      await this.#reloadToggles(false);
      if (this.#stopped) return;
      this.#removeStyles = this.#deps.installStyles(this.#doc);
      await this.#runSafely({ force: true });
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
      this.#pointer?.abort();
      this.#pointer = null;
      this.#clearPaint();
      this.#ui.destroy();
      this.#removeStyles?.();
      this.#removeStyles = null;
      this.#unwatchToggles?.();
      this.#unwatchToggles = null;
      clearTimeout(this.#notifyTimer);
      clearTimeout(this.#hoverTimer);
      delete this.#doc.documentElement.dataset.tifa;
    });
  }

  /** The last analysis (for the clipping hook: outline path, mentions, anchors). */
  snapshot(): ReadingSnapshot | null {
    return this.#current ? { extraction: this.#current.extraction, analysis: this.#current.analysis } : null;
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
    const analysis = cur?.analysis;
    const counts = countByCategory(cur?.spans ?? []);
    return {
      url: this.#href,
      title: this.#doc.title,
      status: this.#lastError && !cur ? 'error' : !analysis ? 'pending' : analysis.verdict.isPolicy ? 'policy' : 'other',
      verdict: analysis ? analysis.verdict : null,
      ...(analysis?.title ? { speechTitle: analysis.title } : {}),
      ...(analysis?.date ? { date: analysis.date } : {}),
      // An outline entry is an outline item without its section's end.
      outline: (analysis?.verdict.isPolicy ? analysis.outline : []).map(({ end: _end, ...entry }) => entry),
      counts,
      toggles: this.#toggles,
      togglesScope: this.#scope,
      painter: this.#painted ? this.#deps.painter.kind : 'none',
      textLength: cur?.extraction.text.length ?? 0,
      timings: this.#timings,
      ...(this.#lastError ? { error: this.#lastError } : {}),
    };
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

  /** Scrolls to outline item `index`, and flashes its heading. */
  scrollToItem(index: number): { found: boolean } {
    const cur = this.#current;
    const item = cur?.analysis.verdict.isPolicy ? cur.analysis.outline[index] : undefined;
    if (!cur || !item) return { found: false };
    const ex = this.liveExtraction() ?? cur.extraction;
    const range = rangeFor(ex, item.start, Math.max(item.headEnd, Math.min(item.start + 1, ex.text.length)));
    scrollRangeIntoView(this.#win, range);
    const spanIndex = cur.spans.findIndex((s) => s.category === 'section' && s.source === index);
    this.#deps.painter.flash(range, spanIndex);
    return { found: true };
  }

  // ------------------------------------------------------------------------------------------------------------
  // Pipeline

  /** run() with its errors caught and reported: it is called from timers, listeners and messages. */
  async #runSafely(opts: { force: boolean }): Promise<void> {
    if (this.#stopped) return;
    try {
      await this.#run(opts);
    } catch (err) {
      this.#fail(err, 'run');
    }
  }

  async #run(opts: { force: boolean }): Promise<void> {
    const seq = ++this.#runSeq;
    const perf = this.#win.performance;
    const start = perf.now();
    // Fallback marks split the page's text nodes: take them out so the extraction maps onto the page's own nodes.
    const hadMarks = this.#deps.painter.mutatesDom && this.#painted;
    if (hadMarks) this.#clearPaint();
    const extraction = this.#deps.extract(this.#doc);
    const extracted = perf.now();
    const prev = this.#current;
    const sameText = prev !== null && prev.extraction.text === extraction.text;
    if (!opts.force && sameText && sameNodes(prev.extraction, extraction)) {
      // Nothing changed that we care about (a page mutation elsewhere); put back anything taken out.
      if (!this.#painted) this.#paint();
      return;
    }
    const analysis = sameText && !opts.force ? prev.analysis : await this.#deps.analyze(extraction.text);
    if (seq !== this.#runSeq || this.#stopped) return; // a newer run took over while we waited
    const analyzed = perf.now();
    this.#doc.documentElement.dataset.tifa = analysis.verdict.isPolicy ? 'policy' : 'other';
    const spans = analysis === prev?.analysis ? prev.spans : analysis.verdict.isPolicy ? buildSpans(analysis) : [];
    this.#current = { extraction, analysis, spans };
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
    this.#scheduleNotify();
  }

  #paint(): void {
    const cur = this.#current;
    const visible = visibleCategories(this.#toggles);
    if (!cur || cur.spans.length === 0 || visible.size === 0) {
      this.#clearPaint();
      return;
    }
    const ex = cur.extraction;
    const items = cur.spans.map((s) => ({ category: s.category, range: rangeFor(ex, s.start, s.end) }));
    this.#mutate(() => this.#deps.painter.paint(items, visible));
    this.#painted = true;
    this.#updateVisibleSpans(visible);
  }

  #clearPaint(): void {
    if (this.#painted) this.#mutate(() => this.#deps.painter.clear());
    this.#painted = false;
    this.#visibleSpans = [];
    this.#hideTooltip();
  }

  /** Runs a DOM change of ours so that the page watcher does not take it for a page change. */
  #mutate(fn: () => void): void {
    if (this.#watch && this.#deps.painter.mutatesDom) this.#watch.ignore(fn);
    else fn();
  }

  #updateVisibleSpans(visible: ReadonlySet<HighlightCategory>): void {
    const spans = this.#current?.spans ?? [];
    this.#visibleSpans = [];
    spans.forEach((s, index) => {
      if (visible.has(s.category)) this.#visibleSpans.push({ start: s.start, end: s.end, index });
    });
    this.#maxVisibleLength = maxSpanLength(this.#visibleSpans);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Toggles and activity

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
    } else if (this.#painted) {
      this.#mutate(() => this.#deps.painter.setVisible(visible));
      this.#updateVisibleSpans(visible);
      this.#hideTooltip();
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
    if (on && !this.#watch) {
      this.#watch = watchPage(this.#doc, {
        onChange: (reason) => this.#guard('pageChange', () => this.#onPageChange(reason)),
        isOwnNode: (node) => this.#ui.isOwnNode(node),
        report: (err) => this.#fail(err, 'watch'),
        debounceMs: this.#deps.debounceMs,
      });
    } else if (!on && this.#watch) {
      this.#watch.stop();
      this.#watch = null;
    }
    const hover = on && this.#painted && this.#visibleSpans.length > 0;
    if (hover && !this.#pointer) this.#listenPointer();
    else if (!hover && this.#pointer) {
      this.#pointer.abort();
      this.#pointer = null;
      this.#hideTooltip();
    }
  }

  #onPageChange(reason: 'mutation' | 'navigation'): void {
    const now = Date.now();
    this.#runTimes = this.#runTimes.filter((t) => now - t < LOOP_WINDOW_MS);
    if (this.#runTimes.length >= LOOP_LIMIT) {
      // The page keeps changing (or reacts to us): try again once it has been quiet for a while.
      this.#watch?.stop();
      this.#watch = null;
      setTimeout(() => this.#guard('resume', () => this.#syncActivity()), LOOP_WINDOW_MS);
      return;
    }
    this.#runTimes.push(now);
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

  // ------------------------------------------------------------------------------------------------------------
  // Hover and click: highlights get no events, so the pointer is hit-tested against the painted spans.

  #listenPointer(): void {
    const abort = new AbortController();
    this.#pointer = abort;
    const opts = { passive: true, capture: true, signal: abort.signal } as const;
    this.#doc.addEventListener('pointermove', (e) => this.#guard('hover', () => this.#onPointerMove(e)), opts);
    this.#doc.addEventListener('click', (e) => this.#guard('click', () => this.#onClick(e)), opts);
    this.#win.addEventListener('scroll', () => this.#hideTooltip(), opts);
    this.#doc.addEventListener('keydown', (e) => e.key === 'Escape' && this.#hideTooltip(), opts);
  }

  #onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch' || this.#pinned) return;
    this.#lastPoint = { x: e.clientX, y: e.clientY };
    if (this.#framePending) return;
    this.#framePending = true;
    this.#win.requestAnimationFrame(() =>
      this.#guard('hover', () => {
        this.#framePending = false;
        const { x, y } = this.#lastPoint;
        const hit = this.hitTest(x, y);
        if (hit === this.#hoverIndex) return;
        this.#hoverIndex = hit;
        clearTimeout(this.#hoverTimer);
        if (hit < 0) this.#ui.hideTooltip();
        else this.#hoverTimer = setTimeout(() => this.#guard('tooltip', () => this.#showTooltip(hit, x, y)), HOVER_DELAY_MS);
      }),
    );
  }

  #onClick(e: MouseEvent): void {
    const hit = this.hitTest(e.clientX, e.clientY);
    if (hit >= 0) {
      this.#showTooltip(hit, e.clientX, e.clientY);
      this.#pinned = true;
      this.#hoverIndex = hit;
    } else if (this.#pinned || this.#ui.tooltipVisible) {
      this.#hideTooltip();
    }
  }

  #showTooltip(index: number, x: number, y: number): void {
    const cur = this.#current;
    const span = cur?.spans[index];
    if (!cur || !span) return;
    this.#ui.showTooltip(describeSpan(span, cur.analysis), x, y);
  }

  #hideTooltip(): void {
    clearTimeout(this.#hoverTimer);
    this.#pinned = false;
    this.#hoverIndex = -1;
    this.#ui.hideTooltip();
  }

  /** Index into current.spans of the visible span under a viewport point, or -1. */
  hitTest(x: number, y: number): number {
    const cur = this.#current;
    if (!cur || !this.#painted) return -1;
    const painter = this.#deps.painter;
    if (painter.itemAt) return painter.itemAt(x, y) ?? -1;
    const caret = caretAt(this.#doc, x, y);
    if (caret?.node.nodeType !== 3) return -1;
    let offset: number;
    try {
      const at = { startContainer: caret.node, startOffset: caret.offset, endContainer: caret.node, endOffset: caret.offset };
      offset = offsetsOf(cur.extraction, at).start;
    } catch {
      return -1; // outside the extracted text (navigation, our own UI …)
    }
    // The caret sits between two characters: the one under the pointer is on either side of it.
    for (const candidate of [offset, offset - 1]) {
      const v = spanAtOffset(this.#visibleSpans, candidate, this.#maxVisibleLength);
      if (v < 0) continue;
      const span = this.#visibleSpans[v];
      if (pointInRange(rangeFor(cur.extraction, span.start, span.end), x, y)) return span.index;
    }
    return -1;
  }

  // ------------------------------------------------------------------------------------------------------------

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

function sameNodes(a: ExtractedText, b: ExtractedText): boolean {
  if (a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) if (a.segments[i].node !== b.segments[i].node) return false;
  return true;
}

function withoutHash(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

/**
 * Brings a range to the upper third of the view. The window is scrolled when it scrolls at all; pages that
 * scroll inside a container get the container scrolled by scrollIntoView on the range's element.
 */
export function scrollRangeIntoView(win: Window, range: Range): void {
  const behavior: ScrollBehavior = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const el = (range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement) as Element | null;
  const scroller = win.document.scrollingElement;
  const rect = range.getBoundingClientRect();
  const windowScrolls = !!scroller && scroller.scrollHeight > win.innerHeight + 1;
  if (windowScrolls && (rect.top !== 0 || rect.bottom !== 0)) {
    win.scrollTo({ top: Math.max(0, win.scrollY + rect.top - win.innerHeight * 0.3), behavior });
  } else {
    el?.scrollIntoView({ block: 'center', behavior });
  }
}

