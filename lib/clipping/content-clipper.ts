import type { ClipAnchorStatus, ClipOutcome } from '../messages/clips';
import type { ClipColor } from '../clips/types';
import { listenOnPage } from '../messages/content-endpoint';
import type { ReadingSnapshot } from '../reading/controller';
import { ClipRefused, clippableSpan } from './span';
import { describeClipOutcome } from './outcome-message';
import { ClipButtonUi } from './clip-button';
import {
  announceAnchorsChanged,
  looksLikePlacement,
  placeIn,
  runtimeLink,
  saveSpan,
  type BackgroundLink,
} from './content-messages';
import { ClipHighlighter, type HighlightEntry } from './highlights';
import { PageTexts, rangeFor, type GetPage, type PageText } from './page-text';
import { movedSince, sameRange, spotOf, type ScreenSpot } from './selection-geometry';

export type { GetPage, PageText } from './page-text';

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
  /** The one re-anchoring queued behind the running one (requests meanwhile share it: latest wins). */
  #anchoringAgain: Promise<{ anchored: number; orphans: number }> | null = null;
  #pendingRange: Range | null = null;
  /** The selection last clipped with the button: the button does not come back for it. */
  #clippedRange: Range | null = null;
  /** Where the pending selection was when the button was shown for it. */
  #shownAt: ScreenSpot | null = null;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #reanchorTimer: ReturnType<typeof setTimeout> | undefined;
  #pointerDown = false;
  /** Settles when the first anchoring after start has run (answers about anchors wait for it). */
  #ready: Promise<void> = Promise.resolve();
  #initialDone = false;
  /** Everything start() sets up hangs off this signal; stop() aborts it. */
  readonly #life = new AbortController();

  readonly #options: ClipperOptions;

  constructor(getPage: GetPage, options: ClipperOptions = {}) {
    this.#options = options;
    this.#doc = options.doc ?? document;
    this.#texts = new PageTexts(getPage, this.#doc);
    this.#link = options.link ?? runtimeLink;
    this.ui = new ClipButtonUi(this.#doc, () => void this.#clipPending());
    this.highlighter = new ClipHighlighter(this.#doc);
  }

  get signal(): AbortSignal {
    return this.#life.signal;
  }

  start(): void {
    const win = this.#doc.defaultView ?? window;
    this.#on(this.#doc, 'selectionchange', () => this.#scheduleSelectionCheck());
    this.#on(
      this.#doc,
      'mousedown',
      (e) => {
        if (this.ui.owns(e.target)) return;
        this.#pointerDown = true;
        this.ui.hide();
      },
      true,
    );
    this.#on(
      this.#doc,
      'mouseup',
      (e) => {
        this.#pointerDown = false;
        if (this.ui.owns(e.target)) return;
        this.#scheduleSelectionCheck();
      },
      true,
    );
    this.#on(
      this.#doc,
      'keydown',
      (e) => {
        if ((e as KeyboardEvent).key === 'Escape') this.ui.hide();
      },
      true,
    );
    this.#on(win, 'scroll', () => this.#hideIfSelectionMoved(), true);
    // Re-anchoring follows the reading controller's new analyses (ContentClipper.textChanged), never an
    // attribute or event the page could fire itself.
    if (this.#options.listenForMessages !== false) this.#listenForMessages();
    this.#ready = this.#initialAnchoring();
  }

  /** The page's analysed text changed (the reading controller re-analysed it): place the clips again, debounced. */
  textChanged(): void {
    // The first anchoring waits for the first analysis itself: no second run for it.
    if (this.#initialDone) this.#scheduleReanchor();
  }

  stop(): void {
    this.#life.abort();
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
    const range = sel?.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0).cloneRange() : this.#pendingRange;
    this.ui.hide();
    // A script injected on demand (shortcut or menu on a page outside the site list) is asked to clip at once:
    // let the reading controller analyse the page first, so the clip gets its outline path, title and date.
    await this.#pageAnalysed();
    return this.#report(await this.clipRange(range));
  }

  /** Clips a whole outline section (from the side panel's outline). */
  async clipSection(itemIndex: number): Promise<ClipOutcome> {
    const page = this.#texts.primary();
    const item = page?.analysis?.outline[itemIndex];
    if (!page || !item) return this.#report({ status: 'error', error: `no outline item ${itemIndex} on this page` });
    return this.#report(await this.#clipSpan(page, item.start, item.end));
  }

  /** Clips the paragraph holding mention `index` (side panel: "clip every passage that mentions X"). */
  async clipParagraph(index: number): Promise<ClipOutcome> {
    const page = this.#texts.primary();
    const m = page?.analysis?.mentions[index];
    if (!page || !m) return { status: 'error', error: `no mention ${index} on this page` };
    const text = page.extracted.text;
    const end = text.indexOf('\n', m.end);
    return this.#clipSpan(page, text.lastIndexOf('\n', m.start) + 1, end < 0 ? text.length : end);
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
    // Never two at once: a request while one runs is served by one more run after it (latest wins).
    if (this.#anchoring) {
      this.#anchoringAgain ??= this.#anchoring
        .catch(() => undefined)
        .then(() => {
          this.#anchoringAgain = null;
          return this.reanchor();
        });
      return this.#anchoringAgain;
    }
    const run = (async () => {
      const t0 = performance.now();
      const url = this.#pageUrl();
      const result = url ? await this.#placeAll() : this.#setAnchors(new Map());
      measure('tifa:clip-anchor', t0);
      if (url && this.#options.listenForMessages !== false) announceAnchorsChanged(url);
      return result;
    })().finally(() => {
      if (this.#anchoring === run) this.#anchoring = null;
    });
    this.#anchoring = run;
    return run;
  }

  /** Asks the background to place the page's clips in each candidate text in turn, then paints them. */
  async #placeAll(): Promise<{ anchored: number; orphans: number }> {
    const t0 = performance.now();
    const states = new Map<string, AnchorState>();
    // Most pages have no clips: ask first instead of sending the page's whole text on every load.
    if ((await this.#link.count()) === 0) return this.#setAnchors(states);
    let unplaced: string[] | undefined;
    for (const page of this.#texts.candidates()) {
      const reply = await placeIn(this.#link, page, unplaced);
      // A newer re-anchoring of this page is queued in the background: it answers instead.
      if (reply.superseded) return this.#counts();
      const placements = reply.placements.filter((p) => looksLikePlacement(p, page.extracted.text.length));
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
    return this.#counts();
  }

  #counts(): { anchored: number; orphans: number } {
    const states = this.#anchors;
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
  async #clipSpan(page: PageText, rawStart: number, rawEnd: number): Promise<ClipOutcome> {
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
      const { clip, duplicate } = await saveSpan(this.#link, page, start, end);
      if (!this.#anchors.get(clip.id)?.range) {
        this.#anchors.set(clip.id, {
          id: clip.id,
          color: clip.color,
          range: rangeFor(page.extracted, start, end),
          start,
          end,
        });
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

  /** The button was clicked (a trusted click: ClipButtonUi ignores synthetic ones). */
  async #clipPending(): Promise<void> {
    const range = this.#pendingRange;
    this.#clippedRange = range;
    this.#pendingRange = null;
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
    // Just clipped: the button stays away until the reader selects something else.
    if (this.#clippedRange && sameRange(this.#clippedRange, range)) return;
    this.#clippedRange = null;
    this.#pendingRange = range.cloneRange();
    this.ui.showFor(range);
    this.#shownAt = spotOf(range);
  }

  /**
   * Hides the button when a scroll moved the selection it points at (by more than SCROLL_SLACK_PX): Firefox
   * fires a sub-pixel scroll when Tifa's UI is first appended, which must not hide a button just shown.
   */
  #hideIfSelectionMoved(): void {
    const range = this.#pendingRange;
    if (range && this.#shownAt && this.ui.visible && !movedSince(range, this.#shownAt)) return;
    this.ui.hide();
  }

  #inEditable(sel: Selection): boolean {
    const active = this.#doc.activeElement;
    if (active && (active.localName === 'input' || active.localName === 'textarea')) return true;
    const node = sel.anchorNode;
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return !!el?.closest('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]');
  }

  async #initialAnchoring(): Promise<void> {
    await this.#pageAnalysed();
    this.#initialDone = true;
    await this.reanchor().catch((err) => console.debug('[tifa] clips not anchored:', err));
  }

  /** Resolves once the reading controller has analysed the page, or after pageWaitMs without an analysis. */
  async #pageAnalysed(): Promise<void> {
    const wait = this.#options.pageWaitMs ?? 3000;
    for (let waited = 0; !this.#texts.primary() && waited < wait; waited += 100) await sleep(100);
  }

  #scheduleReanchor(): void {
    if (this.#life.signal.aborted) return;
    clearTimeout(this.#reanchorTimer);
    this.#reanchorTimer = setTimeout(() => void this.reanchor().catch(() => undefined), REANCHOR_DEBOUNCE_MS);
  }

  /** The page's URL when clips can belong to it (the background normalises it: tracking parameters, fragment). */
  #pageUrl(): string | null {
    const href = this.#doc.location?.href;
    return href && /^(https?|file):/.test(href) ? href : null;
  }

  #listenForMessages(): void {
    const settled = async () => {
      await this.#ready;
      if (this.#anchoring) await this.#anchoring.catch(() => undefined);
    };
    listenOnPage(
      {
        'clipping.clipSelection': () => this.clipSelection(),
        'clipping.clipSection': ({ itemIndex }) => this.clipSection(itemIndex),
        'clipping.clipParagraph': ({ index }) => this.clipParagraph(index),
        'clipping.getAnchors': async () => ({ url: this.#pageUrl() ?? '', anchors: await this.anchorStatuses() }),
        'clipping.refresh': () => this.reanchor(),
        'clipping.scrollTo': async ({ id }) => {
          await settled();
          return { found: this.flashClip(id) };
        },
      },
      this.#life.signal,
    );
  }

  #on(target: EventTarget, type: string, fn: (e: Event) => void, capture = false): void {
    target.addEventListener(type, fn, { capture, passive: true, signal: this.#life.signal });
  }
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
  snapshot(): ReadingSnapshot | null;
  liveExtraction?(): ReadingSnapshot['extraction'] | null;
  /** Calls back after each new analysis until the signal aborts. */
  onAnalysed?(listener: () => void, signal: AbortSignal): void;
}

/**
 * The content script's hook: starts clipping on top of the reading controller and stops with the script's
 * lifetime. On pages that are not policy texts the analysis still supplies mentions, but no outline context.
 */
export function startClipping(signal: AbortSignal, reading: ReadingSource): ContentClipper {
  const clipper = new ContentClipper(() => {
    const snap = reading.snapshot();
    if (!snap) return null;
    const extracted = reading.liveExtraction?.() ?? snap.extraction;
    const analysis = snap.analysis.verdict.isPolicy ? snap.analysis : { ...snap.analysis, outline: [] };
    return { extracted, analysis, url: snap.url, title: snap.title, ...(snap.textId ? { textId: snap.textId } : {}) };
  });
  signal.addEventListener('abort', () => clipper.stop(), { once: true });
  if (signal.aborted) return clipper;
  try {
    clipper.start();
    reading.onAnalysed?.(() => clipper.textChanged(), clipper.signal);
  } catch (err) {
    console.debug('[tifa] clipper did not start:', err);
  }
  return clipper;
}
