import type { ClipAnchorStatus } from '../messages/clips';
import type { ClipColor } from '../clips/types';
import { announceAnchorsChanged, looksLikePlacement, placeIn, type BackgroundLink } from './content-messages';
import { ClipHighlighter, type HighlightEntry } from './highlights';
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
 */
export class ClipAnchors {
  readonly highlighter: ClipHighlighter;
  #anchors = new Map<string, AnchorState>();
  #running: Promise<AnchorCounts> | null = null;
  /** The one re-anchoring queued behind the running one (requests meanwhile share it). */
  #again: Promise<AnchorCounts> | null = null;

  constructor(
    readonly doc: Document,
    readonly texts: PageTexts,
    readonly link: BackgroundLink,
    /** Tell open extension pages when anchors change (off in unit tests). */
    readonly announce: boolean,
  ) {
    this.highlighter = new ClipHighlighter(doc);
  }

  /** Settles when no re-anchoring is running. */
  async settled(): Promise<void> {
    if (this.#running) await this.#running.catch(() => undefined);
  }

  statuses(): ClipAnchorStatus[] {
    return [...this.#anchors.values()].map(({ id, range, start, end }) =>
      range ? { id, status: 'anchored' as const, start, end } : { id, status: 'orphan' as const },
    );
  }

  /** The page's URL when clips can belong to it (the background normalises it: tracking parameters, fragment). */
  pageUrl(): string | null {
    const href = this.doc.location?.href;
    return href && /^(https?|file):/.test(href) ? href : null;
  }

  reanchor(): Promise<AnchorCounts> {
    if (this.#running) {
      this.#again ??= this.#running
        .catch(() => undefined)
        .then(() => {
          this.#again = null;
          return this.reanchor();
        });
      return this.#again;
    }
    const run = (async () => {
      const t0 = performance.now();
      const url = this.pageUrl();
      const result = url ? await this.#placeAll() : this.#set(new Map());
      measure('tifa:clip-anchor', t0);
      if (url && this.announce) announceAnchorsChanged(url);
      return result;
    })().finally(() => {
      if (this.#running === run) this.#running = null;
    });
    this.#running = run;
    return run;
  }

  /** A clip just saved from text[start, end) of `page`: painted at once unless it already is. */
  added(id: string, color: ClipColor, page: PageText, start: number, end: number): void {
    if (this.#anchors.get(id)?.range) return;
    this.#anchors.set(id, { id, color, range: rangeFor(page.extracted, start, end), start, end });
    this.#paint();
  }

  flash(id: string): boolean {
    const range = this.#anchors.get(id)?.range;
    if (!range) return false;
    this.highlighter.flash(id, range);
    return true;
  }

  clear(): void {
    this.highlighter.destroy();
    this.#anchors.clear();
  }

  /** Asks the background to place the page's clips in each candidate text in turn, then paints them. */
  async #placeAll(): Promise<AnchorCounts> {
    const t0 = performance.now();
    const states = new Map<string, AnchorState>();
    // Most pages have no clips: ask first instead of sending the page's whole text on every load.
    if ((await this.link.count()) === 0) return this.#set(states);
    let unplaced: string[] | undefined;
    for (const page of this.texts.candidates()) {
      const reply = await placeIn(this.link, page, unplaced);
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
    const result = this.#set(states);
    measure('tifa:clip-place', t0);
    return result;
  }

  #set(states: Map<string, AnchorState>): AnchorCounts {
    this.#anchors = states;
    this.#paint();
    return this.#counts();
  }

  #counts(): AnchorCounts {
    const orphans = [...this.#anchors.values()].filter((s) => !s.range).length;
    return { anchored: this.#anchors.size - orphans, orphans };
  }

  #paint(): void {
    const entries: HighlightEntry[] = [];
    for (const { id, color, range } of this.#anchors.values()) if (range) entries.push({ id, color, range });
    this.highlighter.set(entries);
  }
}
