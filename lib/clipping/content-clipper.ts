import type { ClipAnchorStatus, ClipOutcome } from '../messages/clips';
import type { ClipColor } from '../clips/types';
import { MAX_TITLE_CHARS } from '../clips/limits';
import { listenOnPage } from '../messages/content-endpoint';
import { startAlone, type ScriptContext } from '../reading/live';
import { ClipRefused, clippableSpan } from './span';
import { describeClipOutcome } from './outcome-message';
import { ClipButtonUi } from './clip-button';
import { announceAnchorsChanged, CLIP_PAGE_CHECKS, clipPageRoutes, runtimeLink, type BackgroundLink } from './content-messages';
import { ClipHighlighter, type HighlightEntry } from './highlights';
import { PageTexts, rangeFor, type GetPage, type PageState } from './page-text';

export type { GetPage, PageState } from './page-text';

export interface ClipperOptions {
  doc?: Document;
  /** How to reach the background (tests route this straight into a router). */
  link?: BackgroundLink;
  /** Listen for messages from the background and side panel (off in unit tests). */
  listenForMessages?: boolean;
  /** How long to wait for the reading controller's analysis before anchoring over the whole body. */
  pageWaitMs?: number;
}

interface AnchorState {
  id: string;
  color: ClipColor;
  range: Range | null;
  start?: number;
  end?: number;
}

const SELECTION_SETTLE_MS = 150;
const REANCHOR_DEBOUNCE_MS = 300;

/**
 * The content-side clipper: the floating button, clipping a selection or an outline section, and
 * re-anchoring this page's saved clips with highlights. Works on any page the content script runs on; outline
 * and mentions come from the reading controller's analysis when there is one.
 */
export class ContentClipper {
  readonly ui: ClipButtonUi;
  readonly highlighter: ClipHighlighter;
  readonly #doc: Document;
  readonly #texts: PageTexts;
  readonly #link: BackgroundLink;
  #anchors = new Map<string, AnchorState>();
  #anchoring: Promise<{ anchored: number; orphans: number }> | null = null;
  #pendingRange: Range | null = null;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #reanchorTimer: ReturnType<typeof setTimeout> | undefined;
  #pointerDown = false;
  /** Settles when the first anchoring after start has run (answers about anchors wait for it). */
  #ready: Promise<void> = Promise.resolve();
  #cleanups: (() => void)[] = [];

  readonly #options: ClipperOptions;

  constructor(getPage: GetPage, options: ClipperOptions = {}) {
    this.#options = options;
    this.#doc = options.doc ?? document;
    this.#texts = new PageTexts(getPage, this.#doc);
    this.#link = options.link ?? runtimeLink;
    this.ui = new ClipButtonUi(this.#doc, () => void this.#clipPending());
    this.highlighter = new ClipHighlighter(this.#doc);
  }

  start(): void {
    const win = this.#doc.defaultView ?? window;
    this.#on(this.#doc, 'selectionchange', () => this.#scheduleSelectionCheck());
    this.#on(this.#doc, 'mousedown', (e) => {
      if (this.ui.owns(e.target)) return;
      this.#pointerDown = true;
      this.ui.hide();
    }, true);
    this.#on(this.#doc, 'mouseup', () => {
      this.#pointerDown = false;
      this.#scheduleSelectionCheck();
    }, true);
    this.#on(this.#doc, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.ui.hide();
    }, true);
    this.#on(win, 'scroll', () => this.ui.hide(), true);
    // The reading controller re-analyses dynamic pages and marks <html data-tifa>; follow it.
    const observer = new MutationObserver(() => this.#scheduleReanchor());
    observer.observe(this.#doc.documentElement, { attributes: true, attributeFilter: ['data-tifa'] });
    this.#cleanups.push(() => observer.disconnect());
    if (this.#options.listenForMessages !== false) this.#cleanups.push(this.#listenForMessages());
    this.#ready = this.#initialAnchoring();
  }

  stop(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    clearTimeout(this.#settleTimer);
    clearTimeout(this.#reanchorTimer);
    this.ui.destroy();
    this.highlighter.destroy();
    this.#anchors.clear();
  }

  /** The page's clips with where they were placed (or not). */
  async anchorStatuses(): Promise<ClipAnchorStatus[]> {
    await this.#ready;
    if (this.#anchoring) await this.#anchoring.catch(() => undefined);
    return [...this.#anchors.values()].map(({ id, range, start, end }) =>
      range ? { id, status: 'anchored' as const, start, end } : { id, status: 'orphan' as const },
    );
  }

  /** Clips the current selection (context menu, keyboard command). */
  async clipSelection(): Promise<ClipOutcome> {
    const sel = this.#doc.getSelection();
    const range = sel?.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0) : this.#pendingRange;
    this.ui.hide();
    return this.#report(await this.clipRange(range));
  }

  /** Clips a whole outline section (from the side panel's outline). */
  async clipSection(itemIndex: number): Promise<ClipOutcome> {
    const page = this.#texts.primary();
    const item = page?.analysis?.outline[itemIndex];
    if (!page || !item) return this.#report({ status: 'error', error: `no outline item ${itemIndex} on this page` });
    return this.#report(await this.#clipSpan(page, item.start, item.end));
  }

  async clipRange(range: Range | null): Promise<ClipOutcome> {
    if (!range || range.collapsed) return { status: 'empty' };
    const span = this.#texts.spanOf(range);
    if (!span) return { status: 'empty' };
    return this.#clipSpan(span.page, span.start, span.end);
  }

  /**
   * Places this page's saved clips again and paints them. The background re-anchors them in the page's text
   * (lib/clipping/place-clips.ts); clips it cannot place in the primary text are tried in the whole body's.
   */
  reanchor(): Promise<{ anchored: number; orphans: number }> {
    const run = (async () => {
      const t0 = performance.now();
      const url = this.#pageUrl();
      const result = url ? await this.#placeAll(url) : this.#setAnchors(new Map());
      measure('tifa:clip-anchor', t0);
      if (url && this.#options.listenForMessages !== false) announceAnchorsChanged(url);
      return result;
    })();
    this.#anchoring = run;
    return run.finally(() => {
      if (this.#anchoring === run) this.#anchoring = null;
    });
  }

  /** Asks the background to place the page's clips in each candidate text in turn, then paints them. */
  async #placeAll(url: string): Promise<{ anchored: number; orphans: number }> {
    const t0 = performance.now();
    const states = new Map<string, AnchorState>();
    // Most pages have no clips: ask first instead of sending the page's whole text on every load.
    if ((await this.#link.countForPage(url)) === 0) return this.#setAnchors(states);
    let unplaced: string[] | undefined;
    for (const page of this.#texts.candidates()) {
      const placements = await this.#link.anchorForPage(url, page.extracted.text, unplaced);
      unplaced = [];
      for (const { id, color, status, start, end } of placements) {
        if (status === 'anchored' && start !== undefined && end !== undefined) {
          states.set(id, { id, color, range: rangeFor(page.extracted, start, end), start, end });
        } else {
          states.set(id, { id, color, range: null });
          unplaced.push(id);
        }
      }
      if (!unplaced.length) break;
    }
    const result = this.#setAnchors(states);
    measure('tifa:clip-place', t0);
    return result;
  }

  #setAnchors(states: Map<string, AnchorState>): { anchored: number; orphans: number } {
    this.#anchors = states;
    this.#paint();
    const orphans = [...states.values()].filter((s) => !s.range).length;
    return { anchored: states.size - orphans, orphans };
  }

  flashClip(id: string): boolean {
    const range = this.#anchors.get(id)?.range;
    if (!range) return false;
    this.highlighter.flash(range);
    return true;
  }

  /**
   * Clips text[start, end) of one of the page's texts. Empty and over-long spans are answered here; the
   * background builds the clip from the span (outline path and mentions from its analysis of the same text).
   */
  async #clipSpan(page: PageState, rawStart: number, rawEnd: number): Promise<ClipOutcome> {
    const t0 = performance.now();
    let span;
    try {
      span = clippableSpan(page.extracted.text, rawStart, rawEnd);
    } catch (err) {
      if (!(err instanceof ClipRefused)) throw err;
      return err.reason === 'empty' ? { status: 'empty' } : { status: 'error', error: `[tooLong] ${err.message}` };
    }
    const { start, end } = span;
    try {
      const { clip, duplicate } = await this.#link.saveSpan({
        text: page.extracted.text,
        start,
        end,
        url: this.#pageUrl() ?? '',
        title: this.#doc.title.trim().slice(0, MAX_TITLE_CHARS),
        analyzed: page.analysis !== null,
      });
      if (!this.#anchors.get(clip.id)?.range) {
        this.#anchors.set(clip.id, { id: clip.id, color: clip.color, range: rangeFor(page.extracted, start, end), start, end });
        this.#paint();
      }
      measure('tifa:clip-save', t0);
      if (this.#options.listenForMessages !== false) announceAnchorsChanged(clip.url);
      return duplicate ? { status: 'duplicate', clip } : { status: 'saved', clip };
    } catch (err) {
      return { status: 'error', error: err instanceof Error ? err.message : String(err) };
    }
  }

  #paint(): void {
    const entries: HighlightEntry[] = [];
    for (const { id, color, range } of this.#anchors.values()) if (range) entries.push({ id, color, range });
    this.highlighter.set(entries);
  }

  async #clipPending(): Promise<void> {
    const range = this.#pendingRange;
    this.ui.hide();
    this.#report(await this.clipRange(range));
  }

  /** Tells the reader what happened, in their language. */
  #report(outcome: ClipOutcome): ClipOutcome {
    this.ui.announce(describeClipOutcome(outcome).text, outcome.status === 'error' ? 'error' : 'info');
    return outcome;
  }

  #scheduleSelectionCheck(): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#checkSelection(), SELECTION_SETTLE_MS);
  }

  /** Shows the button for a settled, non-empty selection in the page's text; hides it otherwise. */
  #checkSelection(): void {
    if (this.#pointerDown) return;
    const sel = this.#doc.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !sel.toString().trim() || this.#inEditable(sel)) {
      this.#pendingRange = null;
      this.ui.hide();
      return;
    }
    const range = sel.getRangeAt(0);
    if (this.ui.owns(range.commonAncestorContainer)) return;
    this.#pendingRange = range.cloneRange();
    this.ui.showFor(range);
  }

  #inEditable(sel: Selection): boolean {
    const active = this.#doc.activeElement;
    if (active && (active.localName === 'input' || active.localName === 'textarea')) return true;
    const node = sel.anchorNode;
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return !!el?.closest('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]');
  }

  async #initialAnchoring(): Promise<void> {
    const wait = this.#options.pageWaitMs ?? 3000;
    for (let waited = 0; !this.#texts.primary() && waited < wait; waited += 100) await sleep(100);
    await this.reanchor().catch((err) => console.debug('[tifa] clips not anchored:', err));
  }

  #scheduleReanchor(): void {
    clearTimeout(this.#reanchorTimer);
    this.#reanchorTimer = setTimeout(() => void this.reanchor().catch(() => undefined), REANCHOR_DEBOUNCE_MS);
  }

  /** The page's URL when clips can belong to it (the background normalises it: tracking parameters, fragment). */
  #pageUrl(): string | null {
    const href = this.#doc.location?.href;
    return href && /^(https?|file):/.test(href) ? href : null;
  }

  #listenForMessages(): () => void {
    return listenOnPage(
      CLIP_PAGE_CHECKS,
      clipPageRoutes({
        clipSelection: () => this.clipSelection(),
        clipSection: (itemIndex) => this.clipSection(itemIndex),
        getAnchors: async () => ({ url: this.#pageUrl() ?? '', anchors: await this.anchorStatuses() }),
        refresh: () => this.reanchor(),
        scrollTo: async (id) => {
          await this.#ready;
          if (this.#anchoring) await this.#anchoring.catch(() => undefined);
          return { found: this.flashClip(id) };
        },
      }),
    );
  }

  #on(target: EventTarget, type: string, fn: (e: Event) => void, capture = false): void {
    const opts = { capture, passive: true };
    target.addEventListener(type, fn, opts);
    this.#cleanups.push(() => target.removeEventListener(type, fn, opts));
  }
}

/**
 * Starts clipping on this page. `getPage` returns the reading controller's current extracted text and analysis
 * (or null before/without analysis). Returns a function that removes every listener, UI element and highlight.
 */
export function startClipper(getPage: GetPage, options?: ClipperOptions): () => void {
  const clipper = new ContentClipper(getPage, options);
  try {
    clipper.start();
  } catch (err) {
    console.debug('[tifa] clipper did not start:', err);
  }
  return () => clipper.stop();
}

function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing L3 unavailable: timing is a nicety.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The reading controller's surface the clipper uses (lib/reading/controller.ts). */
export interface ReadingSource {
  snapshot(): { extraction: PageState['extracted']; analysis: NonNullable<PageState['analysis']> } | null;
  liveExtraction?(): PageState['extracted'] | null;
}

/** Key of the live clipper in the extension's isolated world: a second injection replaces it. */
const LIVE_KEY = '__tifaClipper';

/**
 * The content script's hook: starts clipping on top of the reading controller and stops with the script.
 * On pages that are not policy texts the analysis still supplies mentions, but no outline context.
 */
export function startClipping(ctx: ScriptContext, reading: ReadingSource): () => void {
  return startAlone(ctx, LIVE_KEY, () =>
    startClipper(() => {
      const snap = reading.snapshot();
      if (!snap) return null;
      const extracted = reading.liveExtraction?.() ?? snap.extraction;
      const analysis = snap.analysis.verdict.isPolicy ? snap.analysis : { ...snap.analysis, outline: [] };
      return { extracted, analysis };
    }),
  );
}
