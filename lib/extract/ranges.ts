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
 * The boundary points covering flat-text offsets [start, end), as a plain object: no live Range is made (the
 * document tracks every live Range on each mutation, and a cold page paints hundreds). Ends that fall on inserted
 * line breaks (which belong to no node) snap inwards to the neighbouring text; a span holding no text at all is
 * collapsed at the next text. Throws a RangeError for offsets outside the text.
 */
export function boundsFor(ex: ExtractedText, start: number, end: number): BoundaryPoints {
  checkSpan(ex, start, end);
  const segments = ex.segments;
  return boundsBetween(ex, start, end, firstEndingAfter(segments, start), lastStartingBefore(segments, end));
}

/**
 * boundsFor for many spans at once. Spans sorted by start (the painter's are) take one sweep over the segments
 * instead of two binary searches each: on a cold page this code runs once, in V8's interpreter, for every span
 * painted. A span that starts before the one before it restarts the sweep, so any order gives the same answer.
 */
export function boundsForAll(ex: ExtractedText, spans: readonly { start: number; end: number }[]): BoundaryPoints[] {
  const segments = ex.segments;
  let first = 0;
  let previous = 0;
  return spans.map(({ start, end }) => {
    checkSpan(ex, start, end);
    if (start < previous) first = 0;
    previous = start;
    while (first < segments.length && segments[first].end <= start) first++;
    // The last segment starting before `end`: near `first`, since a span covers few segments.
    let last = first - 1;
    while (last >= 0 && segments[last].start >= end) last--;
    while (last + 1 < segments.length && segments[last + 1].start < end) last++;
    return boundsBetween(ex, start, end, first, last);
  });
}

function checkSpan(ex: ExtractedText, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start || end > ex.text.length) {
    throw new RangeError(`boundsFor: [${start}, ${end}) is not a span of the ${ex.text.length}-character text`);
  }
}

/** The boundary points of [start, end), given the first segment ending after start and the last starting before end. */
function boundsBetween(ex: ExtractedText, start: number, end: number, first: number, last: number): BoundaryPoints {
  const segments = ex.segments;
  // The start: inside the first segment ending after it; past the end of the text; or, with no text at all, at
  // the end of the root.
  const head = segments[first] ?? segments[segments.length - 1];
  const node: Node = head ? head.node : ex.root;
  const offset = !head
    ? node.childNodes.length
    : head.nodeOffset + (first < segments.length ? Math.max(0, start - head.start) : head.end - head.start);
  // The end: collapsed onto the start when the span holds no text (it lies where the next text begins).
  const tail = last >= first ? segments[last] : undefined;
  return {
    startContainer: node,
    startOffset: offset,
    endContainer: tail ? tail.node : node,
    endOffset: tail ? tail.nodeOffset + (Math.min(end, tail.end) - tail.start) : offset,
  };
}

/** A live DOM Range over the given boundary points. */
export function liveRange(doc: Document, b: BoundaryPoints): Range {
  const range = doc.createRange();
  range.setStart(b.startContainer, b.startOffset);
  range.setEnd(b.endContainer, b.endOffset);
  return range;
}

/** A live DOM Range covering flat-text offsets [start, end), as boundsFor places its ends. */
export function rangeFor(ex: ExtractedText, start: number, end: number): Range {
  return liveRange(documentOf(ex), boundsFor(ex, start, end));
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
