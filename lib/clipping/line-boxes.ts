/** A painted line of a clip, in document coordinates. */
export interface LineBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The boxes of the text a range covers, one per line, in document coordinates (viewport + scroll). Measured per
 * text node: Range.getClientRects on the whole range would also return the border box of every element the
 * range wholly contains (a paragraph's full block), which is not text. Adjacent pieces on the same line merge.
 */
export function lineBoxes(range: Range, scrollX: number, scrollY: number): LineBox[] {
  const doc = range.startContainer.ownerDocument ?? document;
  const root = range.commonAncestorContainer;
  const out: LineBox[] = [];
  const piece = doc.createRange();
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let node: Node | null = root.nodeType === 3 ? root : walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const len = (node as Text).length;
    piece.setStart(node, node === range.startContainer ? range.startOffset : 0);
    piece.setEnd(node, node === range.endContainer ? range.endOffset : len);
    for (const r of piece.getClientRects()) {
      if (!r.width || !r.height) continue;
      const last = out[out.length - 1];
      const top = r.top + scrollY;
      const left = r.left + scrollX;
      if (last && Math.abs(last.top - top) < 3 && left <= last.left + last.width + 2 && left >= last.left) {
        const right = Math.max(last.left + last.width, left + r.width);
        last.width = right - last.left;
        last.height = Math.max(last.height, r.height);
      } else {
        out.push({ left, top, width: r.width, height: r.height });
      }
    }
    if (node === root) break;
  }
  return out;
}
