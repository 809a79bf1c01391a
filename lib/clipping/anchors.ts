import type { ClipAnchorStatus } from '../messages/clips';
import type { ClipColor } from '../clips/types';
import { announceAnchorsChanged, looksLikePlacement, placeIn, type BackgroundLink } from './content-messages';
import { createClipHighlighter, type HighlightEntry } from './highlights';
import { measure } from './measure';
import { rangeFor, type PageText, type PageTexts } from './page-text';

interface AnchorState {
  id: string;
  color: ClipColor;
  range: Range | null;
  start?: number;
  end?: number;
}

export type AnchorCounts = { anchored: number; orphans: number };

/**
 * This page's saved clips, where they were placed (or not), and their painting. The background re-anchors them
 * in the page's text (lib/clipping/place-clips.ts); clips it cannot place in the primary text are tried in the
 * whole body's. Runs never overlap: a request while one runs is served by one more run after it (latest wins).
 * A closure, not a class: its state is in locals, which the minifier shortens (`this.#x` it cannot).
 *
 * `announce`: tell open extension pages when anchors change (off in unit tests).
 */
export function createClipAnchors(doc: Document, texts: PageTexts, link: BackgroundLink, announce: boolean) {
  const highlighter = createClipHighlighter(doc);
  let anchors = new Map<string, AnchorState>();
  let running: Promise<AnchorCounts> | null = null;
  /** The one re-anchoring queued behind the running one (requests meanwhile share it). */
  let again: Promise<AnchorCounts> | null = null;

  /** The page's URL when clips can belong to it (the background normalises it: tracking parameters, fragment). */
  const pageUrl = (): string | null => {
    const href = doc.location?.href;
    return href && /^(https?|file):/.test(href) ? href : null;
  };

  const paint = (): void => {
    const entries: HighlightEntry[] = [];
    for (const { id, color, range } of anchors.values()) if (range) entries.push({ id, color, range });
    highlighter.set(entries);
  };

  const counts = (): AnchorCounts => {
    const orphans = [...anchors.values()].filter((s) => !s.range).length;
    return { anchored: anchors.size - orphans, orphans };
  };

  const set = (states: Map<string, AnchorState>): AnchorCounts => {
    anchors = states;
    paint();
    return counts();
  };

  /** Asks the background to place the page's clips in each candidate text in turn, then paints them. */
  const placeAll = async (): Promise<AnchorCounts> => {
    const t0 = performance.now();
    const states = new Map<string, AnchorState>();
    // Most pages have no clips: ask first instead of sending the page's whole text on every load.
    if ((await link.count()) === 0) return set(states);
    let unplaced: string[] | undefined;
    for (const page of texts.candidates()) {
      const reply = await placeIn(link, page, unplaced);
      // A newer re-anchoring of this page is queued in the background: it answers instead.
      if (reply.superseded) return counts();
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
    const result = set(states);
    measure('tifa:clip-place', t0);
    return result;
  };

  const reanchor = (): Promise<AnchorCounts> => {
    if (running) {
      again ??= running
        .catch(() => undefined)
        .then(() => {
          again = null;
          return reanchor();
        });
      return again;
    }
    const run = (async () => {
      const t0 = performance.now();
      const url = pageUrl();
      const result = url ? await placeAll() : set(new Map());
      measure('tifa:clip-anchor', t0);
      if (url && announce) announceAnchorsChanged(url);
      return result;
    })().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };

  return {
    highlighter,
    pageUrl,
    reanchor,

    /** Settles when no re-anchoring is running. */
    async settled(): Promise<void> {
      if (running) await running.catch(() => undefined);
    },

    statuses: (): ClipAnchorStatus[] =>
      [...anchors.values()].map(({ id, range, start, end }) =>
        range ? { id, status: 'anchored' as const, start, end } : { id, status: 'orphan' as const },
      ),

    /** A clip just saved from text[start, end) of `page`: painted at once unless it already is. */
    added(id: string, color: ClipColor, page: PageText, start: number, end: number): void {
      if (anchors.get(id)?.range) return;
      anchors.set(id, { id, color, range: rangeFor(page.extracted, start, end), start, end });
      paint();
    },

    flash(id: string): boolean {
      const range = anchors.get(id)?.range;
      if (!range) return false;
      highlighter.flash(id, range);
      return true;
    },

    clear(): void {
      highlighter.destroy();
      anchors.clear();
    },
  };
}
