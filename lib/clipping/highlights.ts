import type { ClipColor } from '../clips/types';
import { el } from '../reading/dom';
import { mountInTifaUi } from '../reading/uiHost';
import { measure } from './measure';
import { lineBoxes, type LineBox } from './line-boxes';

/**
 * The clip palette: deep tones no reading category uses (lib/highlight/categories.ts tints are light and bright),
 * drawn as a double underline with a faint wash and a bar in the margin (sections have a single solid underline,
 * mentions a tint only) — a clip never looks like a rule hit.
 */
export const CLIP_PALETTE: Record<ClipColor, string> = {
  yellow: '#9a6a00',
  green: '#1b5e20',
  blue: '#1a3a8f',
  pink: '#a0165a',
  purple: '#4a1a8c',
};
const FLASH_MS = 1200;
/** Most scroll frames recorded as tifa:clip-scroll (enough to measure, never a growing buffer). */
const MAX_SCROLL_MEASURES = 200;

export interface HighlightEntry {
  id: string;
  /** A clip's colour; recurring paragraphs have none (the layer's kind styles them). */
  color?: ClipColor;
  range: Range;
}

/**
 * Paints anchored clips as boxes inside Tifa's closed shadow root (lib/reading/uiHost.ts), measured from each
 * clip's text with Range.getClientRects. Not CSS Custom Highlights: `CSS.highlights` is shared with the page's
 * own scripts, which could list the passages the reader clipped; boxes in a closed root cannot be enumerated by
 * the page. The same code paints recurring paragraphs (kind `similar`): which of a page's paragraphs the reader
 * read elsewhere is reading history, as private as a clip. The layer holds document coordinates and follows the page's scroll with one transform per frame;
 * a scroll inside an element, a resize or a reflow lays the boxes out again (batched in one animation frame).
 */
export type ClipHighlighter = ReturnType<typeof createClipHighlighter>;

/** A closure, not a class: its state is in locals, which the minifier shortens (`this.#x` it cannot). */
export function createClipHighlighter(doc: Document, kind: 'clip' | 'similar' = 'clip') {
  let entries: readonly HighlightEntry[] = [];
  const boxes = new Map<string, { lines: LineBox[]; els: HTMLElement[] }>();
  let layer: HTMLElement | null = null;
  let unmount: (() => void) | null = null;
  let frame = 0;
  let relayout = false;
  let scrollMeasures = 0;
  let life: AbortController | null = null;
  let observer: ResizeObserver | null = null;
  const win = doc.defaultView;
  const isClip = kind === 'clip';

  /** One transform keeps the layer's document coordinates under the page's scroll position. */
  const follow = (): void => {
    if (layer) layer.style.transform = `translate(${-(win?.scrollX ?? 0)}px,${-(win?.scrollY ?? 0)}px)`;
  };

  const schedule = (again: boolean): void => {
    relayout ||= again;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const t0 = performance.now();
      if (relayout) layout();
      else follow();
      relayout = false;
      if (isClip && scrollMeasures++ < MAX_SCROLL_MEASURES) measure('tifa:clip-scroll', t0);
    });
  };

  const ensureLayer = (): HTMLElement => {
    if (layer?.isConnected) return layer;
    unmount?.();
    const l = (layer = el(doc, 'div', `tifa-${kind}s`));
    l.setAttribute('aria-hidden', 'true');
    unmount = mountInTifaUi(doc, l);
    life?.abort();
    life = new AbortController();
    const opts = { capture: true, passive: true, signal: life.signal };
    // The document's own scroll moves the layer; a scroll inside an element moves text under it: lay out again.
    doc.addEventListener('scroll', (e) => schedule(e.target !== doc), opts);
    win?.addEventListener('resize', () => schedule(true), opts);
    const RO = win?.ResizeObserver;
    if (RO) {
      let first = true;
      observer = new RO(() => {
        // The first callback reports the size at observe(): nothing moved yet.
        if (!first) schedule(true);
        first = false;
      });
      observer.observe(doc.body ?? doc.documentElement);
    }
    return l;
  };

  /** Measures every clip's lines and rebuilds the boxes (tifa:clip-paint). */
  const layout = (): void => {
    const t0 = performance.now();
    const l = ensureLayer();
    const sx = win?.scrollX ?? 0;
    const sy = win?.scrollY ?? 0;
    const frag = doc.createDocumentFragment();
    boxes.clear();
    for (const { id, color, range } of entries) {
      const lines = lineBoxes(range, sx, sy);
      if (!lines.length) continue;
      const els: HTMLElement[] = [];
      const add = (cls: string, b: LineBox) => {
        const d = el(doc, 'div', cls);
        d.dataset.id = id;
        d.style.cssText = `${color ? `--c:${CLIP_PALETTE[color]};` : ''}left:${b.left}px;top:${b.top}px;width:${b.width}px;height:${b.height}px`;
        frag.append(d);
        els.push(d);
      };
      for (const line of lines) add('l', line);
      const top = lines[0].top;
      const left = isClip
        ? Math.min(...lines.map((l) => l.left)) - 10
        : Math.max(...lines.map((l) => l.left + l.width)) + 8;
      add('m', {
        left: Math.max(0, left),
        top,
        width: 4,
        height: lines[lines.length - 1].top + lines[lines.length - 1].height - top,
      });
      boxes.set(id, { lines, els });
    }
    l.replaceChildren(frag);
    follow();
    // User Timing entries are readable by the page: a similar-paint measure would tell it the reader has history.
    if (isClip) measure('tifa:clip-paint', t0);
  };

  /** The clip painted under a viewport point, if any (for a hover card: the layer itself takes no pointer events). */
  const clipAt = (x: number, y: number): string | null => {
    const dx = x + (win?.scrollX ?? 0);
    const dy = y + (win?.scrollY ?? 0);
    for (const [id, { lines }] of boxes)
      if (lines.some((b) => dx >= b.left && dx <= b.left + b.width && dy >= b.top && dy <= b.top + b.height)) return id;
    return null;
  };

  return {
    /** Paints exactly these clips (replacing what was painted). */
    set(next: readonly HighlightEntry[]): void {
      entries = next;
      if (!next.length && !layer) return;
      layout();
    },

    /** The painted clip entry under a viewport point (the clip hover card, lib/clipping/clip-card.ts), or null. */
    entryAt(x: number, y: number): HighlightEntry | null {
      const id = clipAt(x, y);
      return id === null ? null : (entries.find((e) => e.id === id) ?? null);
    },

    clipAt,

    /** Scrolls to a clip and flashes it briefly. */
    flash(id: string, range: Range): void {
      const start = range.startContainer;
      const target = start.nodeType === 1 ? (start as Element) : start.parentElement;
      target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const lit = boxes.get(id)?.els.filter((e) => e.className === 'l') ?? [];
      for (const b of lit) b.setAttribute('data-f', '');
      setTimeout(() => {
        for (const b of lit) b.removeAttribute('data-f');
      }, FLASH_MS);
    },

    destroy(): void {
      life?.abort();
      observer?.disconnect();
      cancelAnimationFrame(frame);
      frame = 0;
      unmount?.();
      unmount = layer = life = observer = null;
      boxes.clear();
      entries = [];
    },
  };
}
