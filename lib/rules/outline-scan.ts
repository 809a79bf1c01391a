/**
 * Finds outline marker candidates in one global regex pass: a boundary, then any marker of OUTLINE_RULES.
 * Everything the regex cannot express cheaply (quotes, run-together paragraphs, 一是一、二是二) is checked
 * here on the few hundred matches only, never per character of the text.
 */
import { OUTLINE_RULES, ordinalOf, type OutlineRule } from './outline-rules';

export interface Candidate {
  rule: OutlineRule;
  /** Identity of the sequence this marker belongs to: family + variant (第一个问题 ≠ 第一，). */
  key: string;
  /** 1-based ordinal; `LAST` (outline-rules) for 最后. */
  ordinal: number;
  /** The ordinal token as written (一, 12, 首先). */
  token: string;
  start: number;
  markerEnd: number;
  /** At a text/line/paragraph start (as opposed to right after 。！？；：). */
  atParagraphStart: boolean;
  /** End of the paragraph the marker stands in: the next line break or full-width space, or the text end. */
  paragraphEnd: number;
}

/**
 * Group 1: the boundary — a sentence end after which an inline item may start (。！？；：), or a paragraph start:
 * line break, full-width space run, or the end of a photo credit (新华社记者 X/摄). One character class keeps
 * the scan close to a plain regex pass; the kind of boundary is sorted out in code.
 */
const BOUNDARY_CHARS = '。；：！？!?;:\r\n\u3000摄';
const BLANK_CHARS = ' \t\u3000\u00a0';
const BOUNDARY = `([${BOUNDARY_CHARS}])[${BLANK_CHARS}]*`;
const MARKERS = OUTLINE_RULES.map((r) => `(${r.marker})`).join('|');
/** Each rule contributes 3 groups (whole marker, ordinal token, variant) after the boundary group. */
const GROUPS_PER_RULE = 3;

/**
 * Every marker starts with one of these characters. Checking it before trying the 13 alternatives lets the scan
 * leave a sentence end at once when no item follows it — most sentence ends (bench: outline −30%).
 */
const MARKER_FIRST_CHARS = '第一二三四五六七八九十（(0123456789０１２３４５６７８９首其再最①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKER_FIRST = `(?=[${MARKER_FIRST_CHARS}])`;
const SCAN_SOURCE = `${BOUNDARY}${MARKER_FIRST}(?:${MARKERS})`;
/** At the very start of the text; the never-matching group keeps the group numbering of SCAN. */
const START_SOURCE = `(\\uFFFF)?[\\s\\u3000]*(?:${MARKERS})`;
const INLINE_BOUNDARIES = new Set(['。', '；', '：', '！', '？', '!', '?', ';', ':']);

/** Sentence ends after which a `heading` rule may start inside a run-together paragraph (not ；: lists). */
const HEADING_INLINE_OK = new Set(['。', '！', '？', '：', '!', '?', ':']);
/** A paragraph this long is a crawl that lost its line breaks: headings can only be found after 。 there. */
const RUN_TOGETHER_PARAGRAPH = 2000;
/** An unmatched “ this far back is a stray quote, not an open quotation. */
const STRAY_QUOTE_DISTANCE = 400;

const LEFT_DOUBLE_QUOTE = 0x201c; // “
const RIGHT_DOUBLE_QUOTE = 0x201d; // ”
const LEFT_CORNER = 0x300c; // 「
const RIGHT_CORNER = 0x300d; // 」
const LEFT_WHITE_CORNER = 0x300e; // 『
const RIGHT_WHITE_CORNER = 0x300f; // 』

/**
 * Is the position inside “…”? Looks back from it to the nearest quote mark in the same paragraph: an opening
 * one means inside. Only the stretch before each candidate is read, not the whole text. A paragraph break
 * ends the look-back (quotations spanning paragraphs reopen with “ anyway), and so does a stray “ far back.
 */
function insideQuote(text: string, pos: number): boolean {
  const stop = Math.max(0, pos - STRAY_QUOTE_DISTANCE);
  for (let i = pos - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === LEFT_DOUBLE_QUOTE || c === LEFT_CORNER || c === LEFT_WHITE_CORNER) return true;
    if (c === RIGHT_DOUBLE_QUOTE || c === RIGHT_CORNER || c === RIGHT_WHITE_CORNER) return false;
    if (c === 0x0a || c === 0x3000) return false;
  }
  return false;
}

/** Length of the line (between line breaks) around a position, moving forward only. */
class LineState {
  private prevBreak = -1;
  private nextBreak: number;
  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf('\n');
  }
  lineLengthAt(pos: number): number {
    while (this.nextBreak !== -1 && this.nextBreak < pos) {
      this.prevBreak = this.nextBreak;
      this.nextBreak = this.text.indexOf('\n', this.nextBreak + 1);
    }
    const end = this.nextBreak === -1 ? this.text.length : this.nextBreak;
    return end - (this.prevBreak + 1);
  }
  get hasLineBreaks(): boolean {
    return this.text.indexOf('\n') !== -1;
  }
}

/** Sticky: tried only where `nextScanMatch` found a boundary followed by a marker's first character. */
const SCAN = new RegExp(SCAN_SOURCE, 'y');

function tableOf(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}
const IS_BOUNDARY = tableOf(BOUNDARY_CHARS);
const IS_BLANK = tableOf(BLANK_CHARS);
const IS_MARKER_FIRST = tableOf(MARKER_FIRST_CHARS);

/**
 * The next SCAN match at or after `from` and before `until`, as a global SCAN.exec from there would find it. A plain loop finds
 * the boundaries (the regex engine cannot skip ahead on a class of 13 sentence ends and was as slow as a whole
 * pass over the text); the regex runs only where a marker's first character follows one.
 */
function nextScanMatch(text: string, from: number, until: number): RegExpExecArray | null {
  const n = text.length;
  const stop = Math.min(n, until);
  for (let i = from; i < stop; i++) {
    if (IS_BOUNDARY[text.charCodeAt(i)] === 0) continue;
    let j = i + 1;
    while (j < n && IS_BLANK[text.charCodeAt(j)] === 1) j++;
    if (j === n || IS_MARKER_FIRST[text.charCodeAt(j)] === 0) continue;
    SCAN.lastIndex = i;
    const m = SCAN.exec(text);
    if (m) return m;
  }
  return null;
}
const START = new RegExp(START_SOURCE, 'y');

/**
 * All marker candidates that pass the local checks, in text order (not yet checked for sequences), starting
 * before `until` (the body end: what lies after it is never an item).
 */
export function scanCandidates(text: string, until = text.length): Candidate[] {
  const out: Candidate[] = [];
  const lines = new LineState(text);
  const flatText = !lines.hasLineBreaks;

  const paragraphs = new ParagraphEnds(text);
  const consider = (m: RegExpExecArray, boundary: string | undefined) => {
    const cand = toCandidate(m, boundary, paragraphs);
    if (!cand) return;
    if (cand.rule.rejectEcho && isEcho(text, cand)) return;
    if (cand.rule.placement === 'heading' && !cand.atParagraphStart) {
      if (!HEADING_INLINE_OK.has(boundary!)) return;
      if (!flatText && lines.lineLengthAt(cand.start) < RUN_TOGETHER_PARAGRAPH) return;
    }
    if (insideQuote(text, cand.start)) return;
    out.push(cand);
  };

  START.lastIndex = 0;
  const first = START.exec(text);
  if (first) consider(first, undefined);

  let m: RegExpExecArray | null;
  for (
    let from = first ? START.lastIndex : 0;
    (m = nextScanMatch(text, from, until)) !== null;
    from = m.index + m[0].length
  ) {
    const boundary = m[1];
    if (boundary === '摄') {
      // Only the end of a photo credit (…记者 X/摄, … 摄) is a boundary, not 摄 inside a word.
      const before = text.charAt(m.index - 1);
      if (before !== '/' && before !== ' ') continue;
    }
    // After a sentence end, a full-width space run still makes a paragraph start (。　　一、…).
    const inline = INLINE_BOUNDARIES.has(boundary) && !hasFullWidthSpace(text, m.index + 1);
    consider(m, inline ? boundary : undefined);
  }
  return out;
}

function hasFullWidthSpace(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return false;
}

/** `boundary`: the sentence end before an inline marker; undefined at a paragraph start. */
function toCandidate(m: RegExpExecArray, boundary: string | undefined, paragraphs: ParagraphEnds): Candidate | null {
  for (let r = 0; r < OUTLINE_RULES.length; r++) {
    const g = 2 + r * GROUPS_PER_RULE;
    const marker = m[g];
    if (marker === undefined) continue;
    const rule = OUTLINE_RULES[r];
    const token = m[g + 1];
    const ordinal = ordinalOf(token);
    if (ordinal === 0) return null;
    const markerEnd = m.index + m[0].length;
    return {
      rule,
      key: `${rule.family}:${m[g + 2]}`,
      ordinal,
      token,
      start: markerEnd - marker.length,
      markerEnd,
      atParagraphStart: boundary === undefined,
      paragraphEnd: paragraphs.endAfter(markerEnd),
    };
  }
  return null;
}

/** 一是一、二是二: the marker's numeral repeated right after it is an idiom, not an enumeration. */
function isEcho(text: string, cand: Candidate): boolean {
  if (!text.startsWith(cand.token, cand.markerEnd)) return false;
  const next = text.charAt(cand.markerEnd + cand.token.length);
  return next === '、' || next === '，' || next === ',';
}

/** End of the paragraph (line break or full-width space run) containing a position; positions must not decrease. */
class ParagraphEnds {
  private next = -2;
  constructor(private readonly text: string) {}
  endAfter(pos: number): number {
    if (this.next === -1) return this.text.length;
    if (this.next < pos) {
      this.next = -1;
      const text = this.text;
      for (let i = pos; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || c === 0x0d || c === 0x3000) {
          this.next = i;
          break;
        }
      }
      if (this.next === -1) return text.length;
    }
    return this.next;
  }
}
