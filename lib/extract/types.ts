/**
 * A stretch of the flat text that maps linearly onto one DOM text node:
 * `text.slice(start, end)` corresponds to `node.data.slice(nodeOffset, nodeOffset + (end - start))`.
 * The characters can differ only where a collapsed whitespace character stands for the one it replaced
 * (a '\n' or '\t' in the source shows as ' '). Segments are in document order, never empty and never overlap;
 * the flat-text characters between two segments are inserted line breaks that belong to no node.
 */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
  nodeOffset: number;
}

export interface ExtractedText {
  /** The visible text: block boundaries as single '\n', whitespace collapsed as the browser renders it. */
  text: string;
  segments: TextSegment[];
  /** The element (or document) the text was taken from; with `mainContent` this is the chosen element. */
  root: Node;
}

export interface ExtractOptions {
  /**
   * Extra visibility test for environments with real layout (the content script passes computed-style or
   * `checkVisibility()` based checks). Called at most once per element; returning true skips its subtree.
   */
  isHidden?: (el: Element) => boolean;
  /** Start from the element that holds the article text (see findMainContent) instead of the whole root. */
  mainContent?: boolean;
  /** Skip navigation chrome (nav/aside/page header+footer, navigation roles, link-dense blocks). Default true. */
  skipChrome?: boolean;
}
