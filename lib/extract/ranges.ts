import type { ExtractedText, TextSegment } from './types';

/** The four boundary fields shared by Range and StaticRange. */
export interface BoundaryPoints {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
}

const DOCUMENT_NODE = 9;

function documentOf(ex: ExtractedText): Document {
  const doc = ex.root.nodeType === DOCUMENT_NODE ? (ex.root as Document) : ex.root.ownerDocument;
  if (doc === null) throw new Error('extracted root is not attached to a document');
  return doc;
}

/** Index of the first segment with `end > offset` (segments.length if none). */
function firstEndingAfter(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last segment with `start < offset` (-1 if none). */
function lastStartingBefore(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * A DOM Range covering flat-text offsets [start, end). Ends that fall on inserted line breaks (which belong to no
 * node) snap inwards to the neighbouring text; a span holding no text at all gives a collapsed range at the next
 * text. Throws a RangeError for offsets outside the text.
 */
export function rangeFor(ex: ExtractedText, start: number, end: number): Range {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start || end > ex.text.length) {
    throw new RangeError(`rangeFor: [${start}, ${end}) is not a span of the ${ex.text.length}-character text`);
  }
  const segments = ex.segments;
  const range = documentOf(ex).createRange();
  const first = firstEndingAfter(segments, start);
  const last = lastStartingBefore(segments, end);
  if (first >= segments.length) {
    if (segments.length === 0) {
      range.selectNodeContents(ex.root);
      range.collapse(false);
    } else {
      const tail = segments[segments.length - 1];
      range.setStart(tail.node, tail.nodeOffset + (tail.end - tail.start));
    }
    return range;
  }
  const head = segments[first];
  const startOffset = head.nodeOffset + Math.max(0, start - head.start);
  range.setStart(head.node, startOffset);
  if (last < first) return range; // collapsed where the next text begins
  const tail = segments[last];
  range.setEnd(tail.node, tail.nodeOffset + (Math.min(end, tail.end) - tail.start));
  return range;
}

/**
 * The flat-text span of a DOM range: the inverse of rangeFor. Boundaries inside text the extraction left out
 * (hidden elements, collapsed whitespace, chrome) snap to the nearest extracted text inside the range.
 * Throws when the range does not lie within the extracted root.
 */
export function offsetsOf(ex: ExtractedText, range: BoundaryPoints): { start: number; end: number } {
  const root = ex.root;
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) {
    throw new Error('offsetsOf: the range is outside the extracted text');
  }
  const doc = documentOf(ex);
  const start = flatStart(ex.segments, pointProbe(doc, range.startContainer, range.startOffset), range);
  const end = flatEnd(ex.segments, pointProbe(doc, range.endContainer, range.endOffset), range);
  return { start, end: Math.max(start, end) };
}

/** A collapsed live Range at a boundary point; its comparePoint orders any other point against it. */
function pointProbe(doc: Document, container: Node, offset: number): Range {
  const probe = doc.createRange();
  probe.setStart(container, offset);
  probe.collapse(true);
  return probe;
}

function segmentEnd(seg: TextSegment): number {
  return seg.nodeOffset + (seg.end - seg.start);
}

/** Start boundary → the offset of the first extracted character at or after it. */
function flatStart(segments: TextSegment[], probe: Range, range: BoundaryPoints): number {
  // First segment whose end lies strictly after the point.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (probe.comparePoint(segments[mid].node, segmentEnd(segments[mid])) > 0) hi = mid;
    else lo = mid + 1;
  }
  if (lo === segments.length) return segments.length === 0 ? 0 : segments[segments.length - 1].end;
  const seg = segments[lo];
  if (probe.comparePoint(seg.node, seg.nodeOffset) >= 0) return seg.start;
  // The point lies strictly inside this segment, so its container is the segment's text node.
  return seg.start + (range.startOffset - seg.nodeOffset);
}

/** End boundary → the offset just after the last extracted character before it. */
function flatEnd(segments: TextSegment[], probe: Range, range: BoundaryPoints): number {
  // Last segment whose start lies strictly before the point.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (probe.comparePoint(segments[mid].node, segments[mid].nodeOffset) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  const seg = segments[lo - 1];
  if (probe.comparePoint(seg.node, segmentEnd(seg)) <= 0) return seg.end;
  return seg.start + (range.endOffset - seg.nodeOffset);
}

/** Whether two extractions map their text onto the very same DOM nodes (a repaint can reuse the old ranges). */
export function sameSegmentNodes(a: ExtractedText, b: ExtractedText): boolean {
  if (a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) if (a.segments[i].node !== b.segments[i].node) return false;
  return true;
}
