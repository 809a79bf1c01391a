import { isBlock, isLineBreak, isLink, isPreformatted, isSkippedByMarkup } from './elements';
import { findMainContent } from './main-content';
import type { ExtractOptions, ExtractedText } from './types';
import { PROSE_SENTENCE_ENDS, TextWriter, type BlockMark } from './writer';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/** What to undo when the walk leaves an element (bit flags keep the per-element cost to one small number). */
const BLOCK = 1;
const LINK = 2;
const PRE = 4;
const CLOSED_DETAILS = 8;

/** A <details> without `open` shows only its <summary>. */
function isClosedDetails(node: Node | null): boolean {
  return node !== null && (node as Element).localName === 'details' && !(node as Element).hasAttribute('open');
}

/**
 * A block is navigation when most of its text is link text spread over several links and it reads like a
 * list rather than prose (prose has sentence-final punctuation outside its links).
 */
function isLinkDense(b: BlockMark): boolean {
  return b.links >= 2 && b.linkChars * 10 >= b.chars * 6 && b.sentenceEnds < PROSE_SENTENCE_ENDS;
}

/**
 * The visible text under `root` as one flat string, with a map from every character back to its DOM text node.
 * Uses only standard DOM traversal (no layout), so it gives the same result in a browser and under happy-dom.
 */
export function extractText(root: Element | Document, opts: ExtractOptions = {}): ExtractedText {
  const start = resolveRoot(root, opts.mainContent === true);
  const skipChrome = opts.skipChrome !== false;
  const isHidden = opts.isHidden;
  const writer = new TextWriter(insidePreformatted(start));
  const chromeTest = skipChrome ? isLinkDense : null;

  // Iterative pre-order walk with an explicit stack, so leaving an element is visible (deep pages cannot
  // overflow the call stack, and no TreeWalker filter callback is paid per node).
  const openElements: Element[] = [];
  const openFlags: number[] = [];
  // Open closed-<details> elements: only while there are any is a node's parent checked.
  let closedDetails = 0;
  let node: Node | null = start.firstChild;
  for (;;) {
    if (node === null) {
      const el = openElements.pop();
      if (el === undefined) break;
      const flags = openFlags.pop() as number;
      if (flags & LINK) writer.leaveLink();
      if (flags & PRE) writer.leavePreformatted();
      if (flags & BLOCK) writer.leaveBlock(chromeTest);
      if (flags & CLOSED_DETAILS) closedDetails--;
      node = el.nextSibling;
      continue;
    }
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      if (closedDetails === 0 || !isClosedDetails(node.parentNode)) writer.text(node as Text);
      node = node.nextSibling;
      continue;
    }
    if (type !== ELEMENT_NODE) {
      node = node.nextSibling;
      continue;
    }
    const el = node as Element;
    if (isLineBreak(el)) {
      writer.lineBreak();
      node = el.nextSibling;
      continue;
    }
    if (
      (closedDetails > 0 && el.localName !== 'summary' && isClosedDetails(el.parentNode)) ||
      isSkippedByMarkup(el, skipChrome) ||
      isHidden?.(el)
    ) {
      node = el.nextSibling;
      continue;
    }
    let flags = 0;
    if (isBlock(el)) {
      flags |= BLOCK;
      writer.enterBlock();
    }
    if (isPreformatted(el)) {
      flags |= PRE;
      writer.enterPreformatted();
    }
    if (isLink(el)) {
      flags |= LINK;
      writer.enterLink();
    }
    if (isClosedDetails(el)) {
      flags |= CLOSED_DETAILS;
      closedDetails++;
    }
    const first: Node | null = el.firstChild;
    if (first === null) {
      if (flags & LINK) writer.leaveLink();
      if (flags & PRE) writer.leavePreformatted();
      if (flags & BLOCK) writer.leaveBlock(null);
      if (flags & CLOSED_DETAILS) closedDetails--;
      node = el.nextSibling;
      continue;
    }
    openElements.push(el);
    openFlags.push(flags);
    node = first;
  }
  return { text: writer.finish(), segments: writer.segments, root: start };
}

/**
 * Whether `el` is or sits in a preformatted element: a walk up the parents instead of closest('pre,…'), whose
 * selector is parsed anew by every fresh content script (a cold page's extraction pays for it).
 */
function insidePreformatted(el: Element): boolean {
  for (let e: Element | null = el; e !== null; e = e.parentElement) if (isPreformatted(e)) return true;
  return false;
}

function resolveRoot(root: Element | Document, mainContent: boolean): Element {
  if (mainContent) return findMainContent(root);
  if (root.nodeType !== DOCUMENT_NODE) return root as Element;
  const doc = root as Document;
  const el = doc.body ?? doc.documentElement;
  if (el === null) throw new Error('extractText: the document has no body or root element');
  return el;
}
