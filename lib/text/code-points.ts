/**
 * UTF-16 code units versus code points. Inside Tifa every offset is a UTF-16 index (what JavaScript strings and
 * the DOM use); the W3C annotation model counts characters as code points, so rare CJK (Extension B and later,
 * 𠮷) and emoji count once there and twice here. Conversion happens only at the W3C boundary (export and import).
 * Cutting a string at a fixed length must never leave half of a surrogate pair (a lone surrogate, which strict
 * JSON consumers refuse), hence the cut helpers.
 */

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** True when `index` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, index: number): boolean {
  return index > 0 && index < text.length && isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index));
}

/** `index` moved back by one if it would split a pair (so a slice ending there keeps whole characters). */
export function floorToCharBoundary(text: string, index: number): number {
  return splitsPair(text, index) ? index - 1 : index;
}

/** `index` moved forward by one if it would split a pair (so a slice starting there keeps whole characters). */
export function ceilToCharBoundary(text: string, index: number): number {
  return splitsPair(text, index) ? index + 1 : index;
}

/** At most `max` UTF-16 units of `text`, never ending inside a surrogate pair. */
export function truncateUnits(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, floorToCharBoundary(text, max));
}

/** The number of code points in text[0, utf16Index). */
export function codePointIndex(text: string, utf16Index: number): number {
  let points = 0;
  for (let i = 0; i < utf16Index && i < text.length; i++) {
    if (!(isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1)))) points++;
  }
  return points;
}

/** The UTF-16 index of code point number `codePoint` in `text` (text.length when past the end). */
export function utf16Index(text: string, codePoint: number): number {
  let points = 0;
  let i = 0;
  while (i < text.length && points < codePoint) {
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    points++;
  }
  return i;
}

/** A UTF-16 span of `text` counted in code points, as the W3C TextPositionSelector states it. */
export function toCodePointSpan(text: string, start: number, end: number): { start: number; end: number } {
  const cpStart = codePointIndex(text, start);
  return { start: cpStart, end: cpStart + codePointIndex(text.slice(start, end), end - start) };
}

/** A code-point span (as a W3C TextPositionSelector states it) as UTF-16 offsets into `text`. */
export function toUtf16Span(text: string, start: number, end: number): { start: number; end: number } {
  const u16Start = utf16Index(text, start);
  return { start: u16Start, end: u16Start + utf16Index(text.slice(u16Start), end - start) };
}
