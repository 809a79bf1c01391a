import { MAX_CLIP_CHARS } from '../clips/types';

/**
 * What makes a span of the page's text clippable, shared by the content script (which answers the reader at once
 * and sends nothing for an empty or over-long selection) and the background (which builds the clip, see
 * build-clip.ts, and never trusts the content script's checks).
 */

/** Thrown when a span cannot become a clip; `reason` is a locale-key suffix for the reader's message. */
export class ClipRefused extends Error {
  constructor(
    readonly reason: 'empty' | 'tooLong',
    message: string,
  ) {
    super(message);
    this.name = 'ClipRefused';
  }
}

/** Narrows [start, end) so that it neither starts nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}

/** The trimmed span, or ClipRefused when nothing is left or it is longer than a clip may be. */
export function clippableSpan(text: string, rawStart: number, rawEnd: number): { start: number; end: number } {
  const { start, end } = trimSpan(text, rawStart, rawEnd);
  if (end <= start) throw new ClipRefused('empty', 'nothing is selected');
  if (end - start > MAX_CLIP_CHARS) {
    throw new ClipRefused('tooLong', `the selection has ${end - start} characters; the maximum is ${MAX_CLIP_CHARS}`);
  }
  return { start, end };
}
