/**
 * Paragraph segmentation for reuse detection and comparison. A paragraph is a line of the extracted text
 * (extraction writes one block per line). Some sources join a whole speech into one line (the xi2020 crawl),
 * so an over-long line is cut at sentence ends into pieces of about `targetChars`: reuse is found per piece,
 * and a piece is still a readable unit in a side-by-side view.
 */
export interface Paragraph {
  /** Position in the text's paragraph list (0-based). */
  index: number;
  /** Offsets into the segmented text (trimmed of surrounding spaces). */
  start: number;
  end: number;
  text: string;
}

export interface SegmentOptions {
  /** Lines with fewer significant characters (letters, digits, ideographs) are dropped (page chrome, "下载"). */
  minChars?: number;
  /** Lines longer than this are cut at sentence ends. */
  maxChars?: number;
  /** Size aimed at when cutting a long line. */
  targetChars?: number;
}

const SENTENCE_END = /[。！？；!?;]/;
const SIGNIFICANT = /[\p{L}\p{N}]/gu;
const SPACE = /[\s\u3000]/;

export function significantLength(text: string): number {
  return text.match(SIGNIFICANT)?.length ?? 0;
}

export function splitParagraphs(text: string, options: SegmentOptions = {}): Paragraph[] {
  const { minChars = 4, maxChars = 800, targetChars = 300 } = options;
  const out: Paragraph[] = [];
  const push = (start: number, end: number) => {
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    if (end <= start) return;
    const piece = text.slice(start, end);
    if (significantLength(piece) < minChars) return;
    out.push({ index: out.length, start, end, text: piece });
  };
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    if (i - lineStart > maxChars) {
      for (const [s, e] of cutAtSentences(text, lineStart, i, targetChars)) push(s, e);
    } else push(lineStart, i);
    lineStart = i + 1;
  }
  return out;
}

/** Cuts [start, end) after the first sentence end past `target` characters; the rest forms the last piece. */
function cutAtSentences(text: string, start: number, end: number, target: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (i - from >= target && SENTENCE_END.test(text[i])) {
      pieces.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < end) pieces.push([from, end]);
  return pieces;
}

/** Sentences of a paragraph with their offsets (a sentence keeps its closing punctuation). */
export function splitSentences(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.test(text[i])) continue;
    if (i + 1 - from > 0) out.push({ start: from, end: i + 1, text: text.slice(from, i + 1) });
    from = i + 1;
  }
  if (from < text.length && text.slice(from).trim())
    out.push({ start: from, end: text.length, text: text.slice(from) });
  return out;
}
