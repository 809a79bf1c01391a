import type { ClipAnchorStatus, ClipOutcome } from '../messages/clips';
import { listenOnPage } from '../messages/content-endpoint';
import type { ReadingSnapshot } from '../reading/controller';
import { ClipRefused, clippableSpan } from './span';
import { describeClipOutcome } from './outcome-message';
import { ClipButtonUi } from './clip-button';
import { runtimeLink, saveSpan, announceAnchorsChanged, type BackgroundLink } from './content-messages';
import { ClipAnchors, type AnchorCounts } from './anchors';
import { measure } from './measure';
import { PageTexts, type GetPage, type PageText } from './page-text';
import { SelectionTracker } from './selection-tracker';
import { SelectionActions } from './selection-actions';

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

const REANCHOR_DEBOUNCE_MS = 300;

/**
 * The content-side clipper: the floating button (selection-tracker.ts), clipping a selection or an outline
 * section, and this page's saved clips re-anchored and painted (anchors.ts). Works on any page the content
 * script runs on; outline and mentions come from the reading controller's analysis when there is one.
 */
export class ContentClipper {
  readonly ui: ClipButtonUi;
  readonly #doc: Document;
  readonly #texts: PageTexts;
  readonly #link: BackgroundLink;
  readonly #anchors: ClipAnchors;
  readonly #selection: SelectionTracker;
  readonly #actions: SelectionActions;
  /** Citation lines the background gave with each clip saved here (for "copy with citation"). */
  readonly #citations = new Map<string, string>();
  #reanchorTimer: ReturnType<typeof setTimeout> | undefined;
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
    this.ui = new ClipButtonUi(this.#doc, {
      clip: (snap) => (snap ? this.#snapPending() : void this.#clipPending()),
      term: () => {
        this.ui.hide();
        // take(): the same selection does not bring the bar back (nor close the form) while the form is open.
        this.#actions.addTerm(this.#selection.take());
      },
    });
    this.#actions = new SelectionActions(this.#doc, this.ui, this.#texts, this.#link);
    this.#selection = new SelectionTracker(this.#doc, this.ui, this.#actions);
    this.#anchors = new ClipAnchors(this.#doc, this.#texts, this.#link, options.listenForMessages !== false);
  }

  get signal(): AbortSignal {
    return this.#life.signal;
  }

  get highlighter() {
    return this.#anchors.highlighter;
  }

  start(): void {
    this.#selection.start(this.#life.signal);
    // Re-anchoring follows the reading controller's new analyses (ContentClipper.textChanged), never an
    // attribute or event the page could fire itself.
    if (this.#options.listenForMessages !== false) this.#listenForMessages();
    this.#ready = this.#initialAnchoring();
  }

  /** The page's analysed text changed (the reading controller re-analysed it): place the clips again, debounced. */
  textChanged(): void {
    // The first anchoring waits for the first analysis itself: no second run for it.
    if (!this.#initialDone || this.#life.signal.aborted) return;
    clearTimeout(this.#reanchorTimer);
    this.#reanchorTimer = setTimeout(() => void this.reanchor().catch(() => undefined), REANCHOR_DEBOUNCE_MS);
  }

  stop(): void {
    this.#life.abort();
    clearTimeout(this.#reanchorTimer);
    this.#actions.close();
    this.ui.destroy();
    this.#anchors.clear();
  }

  /** The page's clips with where they were placed (or not). */
  async anchorStatuses(): Promise<ClipAnchorStatus[]> {
    await this.#settled();
    return this.#anchors.statuses();
  }

  /** Clips the current selection (context menu, keyboard command). */
  async clipSelection(): Promise<ClipOutcome> {
    const sel = this.#doc.getSelection();
    const range = sel?.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0).cloneRange() : this.#selection.pending;
    this.ui.hide();
    this.#selection.clipped(range);
    // A script injected on demand (shortcut or menu on a page outside the site list) is asked to clip at once:
    // let the reading controller analyse the page first, so the clip gets its outline path, title and date.
    await this.#pageAnalysed();
    return this.#afterClip(await this.clipRange(range), range);
  }

  /** The clip painted under a viewport point (a hover card asks; clips are not CSS highlights a page can read). */
  clipAt(x: number, y: number): string | null {
    return this.#anchors.highlighter.clipAt(x, y);
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

  /** Places this page's saved clips again and paints them (anchors.ts; never two runs at once). */
  reanchor(): Promise<AnchorCounts> {
    return this.#anchors.reanchor();
  }

  flashClip(id: string): boolean {
    return this.#anchors.flash(id);
  }

  /**
   * Clips text[start, end) of one of the page's texts. Empty and over-long spans are answered here; the
   * background builds the clip from the span (outline path and mentions from its analysis of the same text).
   */
  async #clipSpan(page: PageText, rawStart: number, rawEnd: number): Promise<ClipOutcome> {
    const t0 = performance.now();
    let span: { start: number; end: number };
    try {
      span = clippableSpan(page.extracted.text, rawStart, rawEnd);
    } catch (err) {
      if (!(err instanceof ClipRefused)) throw err;
      return err.reason === 'empty' ? { status: 'empty' } : { status: 'error', error: `[tooLong] ${err.message}` };
    }
    const { start, end } = span;
    try {
      const { clip, duplicate, citation } = await saveSpan(this.#link, page, start, end);
      if (citation) this.#citations.set(clip.id, citation);
      this.#anchors.added(clip.id, clip.color, page, start, end);
      measure('tifa:clip-save', t0);
      if (this.#options.listenForMessages !== false) announceAnchorsChanged(clip.url);
      return duplicate ? { status: 'duplicate', clip } : { status: 'saved', clip };
    } catch (err) {
      return { status: 'error', error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The button was clicked (a trusted click: ClipButtonUi ignores synthetic ones). */
  async #clipPending(): Promise<void> {
    const range = this.#selection.take();
    this.ui.hide();
    this.#afterClip(await this.clipRange(range), range);
  }

  /** Alt- or Shift-click on Clip: the selection grows to whole sentences, then to the paragraph (snap.ts). */
  #snapPending(): void {
    const range = this.#actions.snap(this.#selection.pending);
    if (!range) return;
    this.#selection.pending = range.cloneRange();
    this.ui.showFor(range);
  }

  /** Reports the outcome; a saved clip opens the note editor (optional: Escape keeps the clip as it is). */
  #afterClip(outcome: ClipOutcome, range: Range | null): ClipOutcome {
    this.#report(outcome);
    if (outcome.status === 'saved' || outcome.status === 'duplicate')
      this.#actions.editNote(outcome.clip, this.#citations.get(outcome.clip.id), range);
    return outcome;
  }

  /** Tells the reader what happened, in their language. */
  #report(outcome: ClipOutcome): ClipOutcome {
    this.ui.announce(describeClipOutcome(outcome).text, outcome.status === 'error' ? 'error' : 'info');
    return outcome;
  }

  async #settled(): Promise<void> {
    await this.#ready;
    await this.#anchors.settled();
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

  #listenForMessages(): void {
    listenOnPage(
      {
        'clipping.clipSelection': () => this.clipSelection(),
        'clipping.clipSection': ({ itemIndex }) => this.clipSection(itemIndex),
        'clipping.clipParagraph': ({ index }) => this.clipParagraph(index),
        'clipping.getAnchors': async () => ({
          url: this.#anchors.pageUrl() ?? '',
          anchors: await this.anchorStatuses(),
        }),
        'clipping.refresh': () => this.reanchor(),
        'clipping.scrollTo': async ({ id }) => {
          await this.#settled();
          return { found: this.flashClip(id) };
        },
      },
      this.#life.signal,
    );
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
