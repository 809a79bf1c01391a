import type { ClipAnchorStatus, ClipOutcome } from '../messages/clips';
import { listenOnPage } from '../messages/content-endpoint';
import type { ReadingSnapshot } from '../reading/controller';
import { ClipRefused, clippableSpan } from './span';
import { describeClipOutcome } from './outcome-message';
import { createClipButtonUi } from './clip-button';
import { runtimeLink, saveSpan, announceAnchorsChanged, type BackgroundLink } from './content-messages';
import { createClipAnchors, type AnchorCounts } from './anchors';
import { measure } from './measure';
import { PageTexts, type GetPage, type PageText } from './page-text';
import { createSelectionTracker } from './selection-tracker';
import { createSelectionActions } from './selection-actions';

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

/** The content-side clipper (see createContentClipper). */
export type ContentClipper = ReturnType<typeof createContentClipper>;

/**
 * The content-side clipper: the floating button (selection-tracker.ts), clipping a selection or an outline
 * section, and this page's saved clips re-anchored and painted (anchors.ts). Works on any page the content
 * script runs on; outline and mentions come from the reading controller's analysis when there is one. A
 * closure, not a class: locals minify to one letter where `this.#field` costs seven bytes a use (size budget).
 */
export function createContentClipper(getPage: GetPage, options: ClipperOptions = {}) {
  const doc = options.doc ?? document;
  const texts = new PageTexts(getPage, doc);
  const link = options.link ?? runtimeLink;
  const listening = options.listenForMessages !== false;
  /** Citation lines the background gave with each clip saved here (for "copy with citation"). */
  const citations = new Map<string, string>();
  let reanchorTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when the first anchoring after start has run (answers about anchors wait for it). */
  let ready: Promise<void> = Promise.resolve();
  let initialDone = false;
  /** Everything start() sets up hangs off this signal; stop() aborts it. */
  const life = new AbortController();
  const ui = createClipButtonUi(doc, {
    clip: (snap) => (snap ? snapPending() : void clipPending()),
    term: () => {
      ui.hide();
      // take(): the same selection does not bring the bar back (nor close the form) while the form is open.
      actions.addTerm(selection.take());
    },
  });
  const actions = createSelectionActions(doc, ui, texts, link);
  const selection = createSelectionTracker(doc, ui, actions);
  const anchors = createClipAnchors(doc, texts, link, listening);

  /** Places this page's saved clips again and paints them (anchors.ts; never two runs at once). */
  const reanchor = (): Promise<AnchorCounts> => anchors.reanchor();

  /** The page's clips with where they were placed (or not). */
  async function anchorStatuses(): Promise<ClipAnchorStatus[]> {
    await settled();
    return anchors.statuses();
  }

  async function clipRange(range: Range | null): Promise<ClipOutcome> {
    if (!range || range.collapsed) return { status: 'empty' };
    const span = texts.spanOf(range);
    if (!span) return { status: 'empty' };
    return clipSpan(span.page, span.start, span.end);
  }

  /**
   * Clips text[start, end) of one of the page's texts. Empty and over-long spans are answered here; the
   * background builds the clip from the span (outline path and mentions from its analysis of the same text).
   */
  async function clipSpan(page: PageText, rawStart: number, rawEnd: number): Promise<ClipOutcome> {
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
      const { clip, duplicate, citation } = await saveSpan(link, page, start, end);
      if (citation) citations.set(clip.id, citation);
      anchors.added(clip.id, clip.color, page, start, end);
      measure('tifa:clip-save', t0);
      if (listening) announceAnchorsChanged(clip.url);
      return duplicate ? { status: 'duplicate', clip } : { status: 'saved', clip };
    } catch (err) {
      return { status: 'error', error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The button was clicked (a trusted click: the bar ignores synthetic ones). */
  async function clipPending(): Promise<void> {
    const range = selection.take();
    ui.hide();
    afterClip(await clipRange(range), range);
  }

  /** Alt- or Shift-click on Clip: the selection grows to whole sentences, then to the paragraph (snap.ts). */
  function snapPending(): void {
    const range = actions.snap(selection.pending);
    if (!range) return;
    selection.pending = range.cloneRange();
    ui.showFor(range);
  }

  /** Reports the outcome; a saved clip opens the note editor (optional: Escape keeps the clip as it is). */
  function afterClip(outcome: ClipOutcome, range: Range | null): ClipOutcome {
    report(outcome);
    if (outcome.status === 'saved' || outcome.status === 'duplicate')
      actions.editNote(outcome.clip, citations.get(outcome.clip.id), range);
    return outcome;
  }

  /** Tells the reader what happened, in their language. */
  function report(outcome: ClipOutcome): ClipOutcome {
    ui.announce(describeClipOutcome(outcome).text, outcome.status === 'error' ? 'error' : 'info');
    return outcome;
  }

  async function settled(): Promise<void> {
    await ready;
    await anchors.settled();
  }

  /** Resolves once the reading controller has analysed the page, or after pageWaitMs without an analysis. */
  async function pageAnalysed(): Promise<void> {
    const wait = options.pageWaitMs ?? 3000;
    for (let waited = 0; !texts.primary() && waited < wait; waited += 100) await sleep(100);
  }

  const clipper = {
    ui,
    signal: life.signal,
    get highlighter() {
      return anchors.highlighter;
    },

    start(): void {
      selection.start(life.signal);
      if (listening) {
        listenOnPage(
          {
            'clipping.clipSelection': () => clipper.clipSelection(),
            'clipping.clipSection': ({ itemIndex }) => clipper.clipSection(itemIndex),
            'clipping.clipParagraph': ({ index }) => clipper.clipParagraph(index),
            'clipping.getAnchors': async () => ({ url: anchors.pageUrl() ?? '', anchors: await anchorStatuses() }),
            'clipping.refresh': reanchor,
            'clipping.scrollTo': async ({ id }) => {
              await settled();
              return { found: anchors.flash(id) };
            },
          },
          life.signal,
        );
      }
      // Re-anchoring follows the reading controller's new analyses (textChanged), never an attribute or event
      // the page could fire itself. The first anchoring waits for the first analysis itself: no second run for it.
      ready = (async () => {
        await pageAnalysed();
        initialDone = true;
        await reanchor().catch((err) => console.debug('[tifa] clips not anchored:', err));
      })();
    },

    /** The page's analysed text changed (the reading controller re-analysed it): place the clips again, debounced. */
    textChanged(): void {
      if (!initialDone || life.signal.aborted) return;
      clearTimeout(reanchorTimer);
      reanchorTimer = setTimeout(() => void reanchor().catch(() => undefined), REANCHOR_DEBOUNCE_MS);
    },

    stop(): void {
      life.abort();
      clearTimeout(reanchorTimer);
      actions.close();
      ui.destroy();
      anchors.clear();
    },

    anchorStatuses,

    /** Clips the current selection (context menu, keyboard command). */
    async clipSelection(): Promise<ClipOutcome> {
      const sel = doc.getSelection();
      const range = sel?.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0).cloneRange() : selection.pending;
      ui.hide();
      selection.clipped(range);
      // A script injected on demand (shortcut or menu on a page outside the site list) is asked to clip at once:
      // let the reading controller analyse the page first, so the clip gets its outline path, title and date.
      await pageAnalysed();
      return afterClip(await clipRange(range), range);
    },

    /** The clip painted under a viewport point (a hover card asks; clips are not CSS highlights a page can read). */
    clipAt: (x: number, y: number): string | null => anchors.highlighter.clipAt(x, y),

    /** Clips a whole outline section (from the side panel's outline). */
    async clipSection(itemIndex: number): Promise<ClipOutcome> {
      const page = texts.primary();
      const item = page?.analysis?.outline[itemIndex];
      if (!page || !item) return report({ status: 'error', error: `no outline item ${itemIndex} on this page` });
      return report(await clipSpan(page, item.start, item.end));
    },

    /** Clips the paragraph holding mention `index` (side panel: "clip every passage that mentions X"). */
    async clipParagraph(index: number): Promise<ClipOutcome> {
      const page = texts.primary();
      const m = page?.analysis?.mentions[index];
      if (!page || !m) return { status: 'error', error: `no mention ${index} on this page` };
      const text = page.extracted.text;
      const end = text.indexOf('\n', m.end);
      return clipSpan(page, text.lastIndexOf('\n', m.start) + 1, end < 0 ? text.length : end);
    },

    clipRange,
    reanchor,
    flashClip: (id: string): boolean => anchors.flash(id),
  };
  return clipper;
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
  const clipper = createContentClipper(() => {
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
