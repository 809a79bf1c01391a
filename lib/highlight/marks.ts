import { CATEGORY_STYLES, type HighlightCategory } from './categories';
import { liveRange } from '../extract/ranges';
import type { PaintItem, Painter } from './painter';
import { MARK_CLASS, MARK_FLASH_CLASS } from './stylesheet';

/** A stretch of one text node that belongs to one painted item. */
interface NodeInterval {
  node: Text;
  start: number;
  end: number;
  category: HighlightCategory;
  item: number;
}

/** What one <mark> covers: an elementary piece of a text node and the items over it (top priority first). */
interface Piece {
  start: number;
  end: number;
  categories: HighlightCategory[];
  items: number[];
}

const FLASH_MS = 1600;
const TEXT_NODE = 3;

/**
 * Fallback painter for browsers without the CSS Custom Highlight API: wraps highlighted text in
 * `<mark class="tifa-mark tifa-mark-<category>">`. Overlaps (a program inside a section heading) are cut into
 * elementary pieces, one mark each, so marks never nest. Switching off removes every mark and merges the split
 * text nodes back into the original nodes (same node objects, same text), so the page ends exactly as it was.
 *
 * The plan is computed in text-node offsets once, before any DOM change (the items' Ranges would be disturbed by
 * wrapping); re-wrapping after a toggle replays the plan against the restored original nodes.
 */
export class MarkPainter implements Painter {
  readonly kind = 'marks' as const;
  readonly mutatesDom = true;
  private plan: NodeInterval[] = [];
  private counts: Record<string, number> = {};
  private marks: HTMLElement[] = [];
  private markSet = new Set<Element>();
  /** Original text node → the nodes split off it, so unwrapping can merge them back. */
  private splits = new Map<Text, Set<Text>>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {}

  paint(items: readonly PaintItem[], visible: ReadonlySet<HighlightCategory>): void {
    this.clear();
    const plan: NodeInterval[] = [];
    const counts: Record<string, number> = {};
    items.forEach(({ category, range }, item) => {
      counts[category] = (counts[category] ?? 0) + 1;
      for (const [node, start, end] of textNodesIn(liveRange(this.doc, range)))
        plan.push({ node, start, end, category, item });
    });
    this.plan = plan;
    this.counts = counts;
    this.wrap(visible);
  }

  setVisible(visible: ReadonlySet<HighlightCategory>): void {
    this.unwrap();
    this.wrap(visible);
  }

  flash(_range: Range, itemIndex: number): void {
    const flashed = this.marks.filter((m) => (m.dataset.tifaItems ?? '').split(' ').includes(String(itemIndex)));
    for (const mark of flashed) mark.classList.add(MARK_FLASH_CLASS);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => flashed.forEach((m) => m.classList.remove(MARK_FLASH_CLASS)), FLASH_MS);
  }

  itemAt(x: number, y: number): number | null {
    const element = this.doc.elementFromPoint?.(x, y);
    const mark = element?.closest?.(`mark.${MARK_CLASS}`) as HTMLElement | null | undefined;
    if (!mark || !this.markSet.has(mark)) return null;
    const first = Number((mark.dataset.tifaItems ?? '').split(' ')[0]);
    return Number.isInteger(first) ? first : null;
  }

  clear(): void {
    this.unwrap();
    clearTimeout(this.flashTimer);
    this.plan = [];
    this.counts = {};
  }

  sizes(): Record<string, number> {
    return { ...this.counts };
  }

  /** Marks currently in the page (for tests). */
  markCount(): number {
    return this.marks.length;
  }

  private wrap(visible: ReadonlySet<HighlightCategory>): void {
    const byNode = new Map<Text, NodeInterval[]>();
    for (const interval of this.plan) {
      if (!visible.has(interval.category) || !interval.node.isConnected) continue;
      let list = byNode.get(interval.node);
      if (!list) byNode.set(interval.node, (list = []));
      list.push(interval);
    }
    for (const [node, intervals] of byNode) {
      const pieces = elementaryPieces(intervals, node.length);
      // Right to left, so that splitting never shifts the offsets of pieces still to do.
      for (let i = pieces.length - 1; i >= 0; i--) this.wrapPiece(node, pieces[i]);
    }
  }

  private wrapPiece(node: Text, piece: Piece): void {
    let split = this.splits.get(node);
    if (!split) this.splits.set(node, (split = new Set()));
    if (piece.end < node.length) split.add(node.splitText(piece.end));
    const target = piece.start > 0 ? node.splitText(piece.start) : node;
    if (target !== node) split.add(target);
    const mark = this.doc.createElement('mark');
    mark.className = `${MARK_CLASS} ${MARK_CLASS}-${piece.categories[0]}`;
    mark.dataset.tifaItems = piece.items.join(' ');
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    this.marks.push(mark);
    this.markSet.add(mark);
  }

  private unwrap(): void {
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    this.marks = [];
    this.markSet.clear();
    for (const [original, pieces] of this.splits) {
      // After unwrapping, the pieces split off a node follow it as siblings; fold them back into it.
      let next = original.nextSibling;
      while (next && next.nodeType === TEXT_NODE && pieces.has(next as Text)) {
        const following = next.nextSibling;
        original.appendData((next as Text).data);
        next.parentNode!.removeChild(next);
        next = following;
      }
    }
    this.splits.clear();
  }
}

/** Cuts overlapping intervals of one text node into disjoint pieces, each listing the items over it. */
function elementaryPieces(intervals: NodeInterval[], length: number): Piece[] {
  const bounds = new Set<number>();
  for (const { start, end } of intervals) {
    bounds.add(Math.max(0, Math.min(start, length)));
    bounds.add(Math.max(0, Math.min(end, length)));
  }
  const points = [...bounds].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const over = intervals
      .filter((iv) => iv.start <= start && iv.end >= end)
      .sort((a, b) => CATEGORY_STYLES[b.category].priority - CATEGORY_STYLES[a.category].priority);
    if (over.length === 0) continue;
    pieces.push({ start, end, categories: over.map((iv) => iv.category), items: over.map((iv) => iv.item) });
  }
  return pieces;
}

/** The text nodes a range covers, each with the covered offsets. */
export function textNodesIn(range: Range): Array<[Text, number, number]> {
  const { startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo } = range;
  if (sc === ec && sc.nodeType === TEXT_NODE) return so < eo ? [[sc as Text, so, eo]] : [];
  const doc = sc.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Array<[Text, number, number]> = [];
  walker.currentNode = sc;
  let node: Node | null = sc.nodeType === TEXT_NODE ? sc : walker.nextNode();
  while (node) {
    if (node !== sc && range.comparePoint(node, 0) > 0) break;
    const text = node as Text;
    const start = node === sc ? so : 0;
    const end = node === ec ? eo : text.length;
    if (end > start && range.intersectsNode(node)) out.push([text, start, end]);
    if (node === ec) break;
    node = walker.nextNode();
  }
  return out;
}
