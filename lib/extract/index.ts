/** Text extraction shared by the content script and the CLI: visible DOM text ↔ flat text offsets. */
export type { ExtractOptions, ExtractedText, TextSegment } from './types';
export { extractText } from './extract';
export { findMainContent } from './main-content';
export { offsetsOf, rangeFor, type BoundaryPoints } from './ranges';
