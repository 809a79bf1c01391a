/**
 * Text extraction shared by the content script and the CLI: the visible DOM text as one flat string, and the
 * map between its offsets and DOM positions.
 *
 *   const ex = extractText(document, { mainContent: true, isHidden: isHiddenByStyle }); // browser
 *   const analysis = analyze(ex.text);                          // offsets in analysis index into ex.text
 *   const range = rangeFor(ex, mention.start, mention.end);     // → DOM Range (e.g. for CSS.highlights)
 *   const { start, end } = offsetsOf(ex, selection.getRangeAt(0)); // DOM Range/StaticRange → offsets
 *
 * In Node (CLI, tests) parse with happy-dom after lib/html/prepare.ts's prepareHtmlForParsing, and omit isHidden.
 */
export type { ExtractOptions, ExtractedText, TextSegment } from './types';
export { extractText } from './extract';
export { findMainContent } from './main-content';
export {
  boundsFor,
  boundsForAll,
  liveRange,
  offsetsOf,
  rangeFor,
  sameSegmentNodes,
  type BoundaryPoints,
} from './ranges';
export { isHiddenByStyle } from './visibility';
