/**
 * "Snap" for a clip that ends mid-phrase (`…十八大和十八`): the span grows to whole sentences, and when it
 * already is whole sentences, to whole paragraphs. Pure: offsets into the page's flat text (lib/extract), where
 * paragraphs are separated by line breaks.
 */
const SENTENCE_END = /[。！？；!?;]/;
/** Closing quotes and brackets that belong to the sentence they follow: `……“领头雁”。`, `……工程。”` */
const CLOSER = /[”’」』）)》"'】]/;
const BLANK = /\s/;

export type SnapLevel = 'sentence' | 'paragraph';

/** Whether a sentence may start at i: text start, after a line break, or after an end mark (and its closers). */
function sentenceStartsAt(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && CLOSER.test(text[j])) j--;
  return j < 0 || text[j] === '\n' || SENTENCE_END.test(text[j]);
}

/** The span without blanks at its edges. */
function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && BLANK.test(text[start])) start++;
  while (end > start && BLANK.test(text[end - 1])) end--;
  return { start, end };
}

/** The smallest run of whole sentences containing [start, end). */
export function sentenceSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !sentenceStartsAt(text, s)) s--;
  while (s < end && (BLANK.test(text[s]) || CLOSER.test(text[s]))) s++;
  let e = Math.max(end, s);
  if (!sentenceStartsAt(text, e)) {
    while (e < text.length && !SENTENCE_END.test(text[e - 1]) && text[e] !== '\n') e++;
    while (e < text.length && CLOSER.test(text[e])) e++;
  }
  return trim(text, s, e);
}

/** The smallest run of whole paragraphs (line to line) containing [start, end). */
export function paragraphSpan(text: string, start: number, end: number): { start: number; end: number } {
  const s = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', Math.max(end - 1, s));
  return trim(text, s, next < 0 ? text.length : next);
}

/**
 * One step of snapping: to sentences, or — when the span already is whole sentences — to paragraphs. Returns
 * the span unchanged (trimmed) when it already is whole paragraphs.
 */
export function snapSpan(text: string, start: number, end: number): { start: number; end: number; level: SnapLevel } {
  const now = trim(text, start, end);
  const sentence = sentenceSpan(text, now.start, now.end);
  if (sentence.start !== now.start || sentence.end !== now.end) return { ...sentence, level: 'sentence' };
  return { ...paragraphSpan(text, now.start, now.end), level: 'paragraph' };
}
