import type { TextSegment } from './types';

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** ASCII whitespace as HTML defines it; U+3000 (full-width space) and U+00A0 are content and stay. */
function isAsciiWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

const HAS_ASCII_WHITESPACE = /[ \t\n\r\f]/;

/** Sentence ends at which a block counts as prose (see TextWriter.countSentenceEnds). */
export const PROSE_SENTENCE_ENDS = 3;

function countNonWhitespace(data: string, from: number): number {
  let visible = 0;
  for (let k = from; k < data.length; k++) if (!isAsciiWhitespace(data.charCodeAt(k))) visible++;
  return visible;
}

/**
 * Sentence-final punctuation (。！？；): prose has it, navigation menus almost never do. Found by the regular-
 * expression engine, not a per-character loop: the walk runs as cold code on every page load (bench/cold.ts).
 */
const SENTENCE_END = /[。！？；]/g;

/** Text statistics of one open block, used to recognise link-dense navigation blocks. */
export interface BlockMark {
  partsLength: number;
  flatLength: number;
  segmentCount: number;
  lastSegmentEnd: number;
  lastChar: number;
  pendingBreak: boolean;
  /** Non-whitespace characters written inside the block. */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  links: number;
  /** Sentence-final punctuation outside links, counted up to PROSE_SENTENCE_ENDS. */
  sentenceEnds: number;
}

/**
 * Builds the flat text and its segment map in one pass. Whitespace is collapsed lazily: a run of whitespace
 * only becomes a pending space, written when more text follows on the same line, so a line never starts or
 * ends with a collapsed space and no single character has to be taken back. The one thing ever taken back is a
 * whole block judged to be navigation when it closes (rollBack), which is a suffix of what was written.
 */
export class TextWriter {
  readonly segments: TextSegment[] = [];
  readonly #parts: string[] = [];
  #length = 0;
  #lastChar = NEWLINE;
  #pendingBreak = false;
  #pendingSpaceNode: Text | null = null;
  #pendingSpaceOffset = 0;
  #linkDepth = 0;
  #preDepth = 0;
  readonly #blocks: BlockMark[] = [];

  constructor(preformatted: boolean) {
    if (preformatted) this.#preDepth = 1;
    this.#blocks.push(this.#mark());
  }

  /** A block boundary or <br>: the next text starts on a new line (repeated boundaries collapse into one). */
  lineBreak(): void {
    this.#pendingSpaceNode = null;
    if (this.#length > 0) this.#pendingBreak = true;
  }

  enterLink(): void {
    this.#linkDepth++;
    this.#blocks[this.#blocks.length - 1].links++;
  }

  leaveLink(): void {
    this.#linkDepth--;
  }

  enterPreformatted(): void {
    this.#preDepth++;
  }

  leavePreformatted(): void {
    this.#preDepth--;
  }

  enterBlock(): void {
    this.lineBreak();
    this.#blocks.push(this.#mark());
  }

  /**
   * Closes the innermost block. When `isChrome` judges its statistics to be navigation, everything it wrote is
   * taken back. Returns whether it was dropped.
   */
  leaveBlock(isChrome: ((b: BlockMark) => boolean) | null): boolean {
    const block = this.#blocks.pop();
    if (block === undefined || this.#blocks.length === 0) throw new Error('TextWriter: unbalanced leaveBlock');
    const parent = this.#blocks[this.#blocks.length - 1];
    if (isChrome !== null && block.chars > 0 && isChrome(block)) {
      this.#rollBack(block);
      this.lineBreak();
      return true;
    }
    parent.chars += block.chars;
    parent.linkChars += block.linkChars;
    parent.links += block.links;
    parent.sentenceEnds += block.sentenceEnds;
    this.lineBreak();
    return false;
  }

  /** Writes the visible part of a text node. */
  text(node: Text): void {
    const data = node.data;
    if (this.#preDepth > 0) {
      // Preformatted text keeps its whitespace, but a new line does not begin with blank lines.
      let from = 0;
      if (this.#pendingBreak || this.#lastChar === NEWLINE) {
        while (from < data.length && (data.charCodeAt(from) === NEWLINE || data.charCodeAt(from) === 0x0d)) from++;
      }
      if (from < data.length) this.#writeMapped(node, from, data.slice(from), countNonWhitespace(data, from));
      this.#countSentenceEnds(data);
      return;
    }
    if (!HAS_ASCII_WHITESPACE.test(data)) {
      // The common case for Chinese text: nothing to collapse, the whole node is one piece.
      if (data.length > 0) this.#writeMapped(node, 0, data, data.length);
      this.#countSentenceEnds(data);
      return;
    }
    const n = data.length;
    let i = 0;
    while (i < n) {
      let j = i;
      while (j < n && isAsciiWhitespace(data.charCodeAt(j))) j++;
      if (j > i) {
        // Only a space between two pieces of text on the same line survives collapsing.
        if (!this.#pendingBreak && this.#lastChar !== NEWLINE) {
          this.#pendingSpaceNode = node;
          this.#pendingSpaceOffset = j - 1;
        }
        i = j;
        continue;
      }
      while (j < n && !isAsciiWhitespace(data.charCodeAt(j))) j++;
      let visible = j - i;
      // A single ' ' between words maps onto itself, so keep it inside the same piece (fewer segments).
      while (j + 1 < n && data.charCodeAt(j) === SPACE && !isAsciiWhitespace(data.charCodeAt(j + 1))) {
        const wordStart = j + 1;
        j = wordStart;
        while (j < n && !isAsciiWhitespace(data.charCodeAt(j))) j++;
        visible += j - wordStart;
      }
      this.#writeMapped(node, i, data.slice(i, j), visible);
      i = j;
    }
    this.#countSentenceEnds(data);
  }

  /** The finished flat text (a trailing pending space or break is dropped, as a browser would). */
  finish(): string {
    return this.#parts.join('');
  }

  #writeMapped(node: Text, nodeOffset: number, piece: string, visible: number): void {
    if (this.#pendingBreak) {
      this.#pendingBreak = false;
      this.#pendingSpaceNode = null;
      if (this.#lastChar !== NEWLINE) this.#writeGap('\n');
    } else if (this.#pendingSpaceNode !== null) {
      const spaceNode = this.#pendingSpaceNode;
      this.#pendingSpaceNode = null;
      this.#appendSegment(spaceNode, this.#pendingSpaceOffset, ' ');
    }
    this.#appendSegment(node, nodeOffset, piece);
    const block = this.#blocks[this.#blocks.length - 1];
    block.chars += visible;
    if (this.#linkDepth > 0) block.linkChars += visible;
  }

  #appendSegment(node: Text, nodeOffset: number, piece: string): void {
    const last = this.segments.length > 0 ? this.segments[this.segments.length - 1] : undefined;
    if (
      last !== undefined &&
      last.node === node &&
      last.end === this.#length &&
      last.nodeOffset + (last.end - last.start) === nodeOffset
    ) {
      last.end += piece.length;
    } else {
      this.segments.push({ node, start: this.#length, end: this.#length + piece.length, nodeOffset });
    }
    this.#parts.push(piece);
    this.#length += piece.length;
    this.#lastChar = piece.charCodeAt(piece.length - 1);
  }

  #writeGap(piece: string): void {
    this.#parts.push(piece);
    this.#length += piece.length;
    this.#lastChar = piece.charCodeAt(piece.length - 1);
  }

  /**
   * Adds the sentence ends of a text outside links to the current block. Only "fewer than three" matters to the
   * link-density test, so counting stops there (prose reaches three quickly; menus are short).
   */
  #countSentenceEnds(data: string): void {
    if (this.#linkDepth > 0) return;
    const block = this.#blocks[this.#blocks.length - 1];
    if (block.sentenceEnds >= PROSE_SENTENCE_ENDS) return;
    SENTENCE_END.lastIndex = 0;
    while (block.sentenceEnds < PROSE_SENTENCE_ENDS && SENTENCE_END.test(data)) block.sentenceEnds++;
  }

  #mark(): BlockMark {
    const last = this.segments.length > 0 ? this.segments[this.segments.length - 1] : undefined;
    return {
      partsLength: this.#parts.length,
      flatLength: this.#length,
      segmentCount: this.segments.length,
      lastSegmentEnd: last === undefined ? 0 : last.end,
      lastChar: this.#lastChar,
      pendingBreak: this.#pendingBreak,
      chars: 0,
      linkChars: 0,
      links: 0,
      sentenceEnds: 0,
    };
  }

  #rollBack(block: BlockMark): void {
    this.#parts.length = block.partsLength;
    this.#length = block.flatLength;
    this.segments.length = block.segmentCount;
    if (block.segmentCount > 0) this.segments[block.segmentCount - 1].end = block.lastSegmentEnd;
    this.#lastChar = block.lastChar;
    this.#pendingBreak = block.pendingBreak;
    this.#pendingSpaceNode = null;
  }
}
