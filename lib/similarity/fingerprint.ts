import { normalizeForSearch, searchFoldTable } from '../search/normalize';

/**
 * Fingerprints of a text for finding passages that recur elsewhere: character n-gram shingles over the text
 * folded for search with punctuation and spaces removed (so layout and punctuation differences don't matter),
 * thinned by winnowing (Schleimer et al. 2003): in every window of `window` consecutive shingles the smallest
 * hash is kept. That keeps ~2/(window+1) of the shingles yet guarantees that any shared run of at least
 * n + window − 1 significant characters yields a shared fingerprint.
 */
export const SHINGLE_CHARS = 9;
export const WINNOW_WINDOW = 4;

export interface Fingerprints {
  /** Folded significant characters. */
  compact: string;
  /** compact[i] came from original text offset offsets[i]. */
  offsets: Int32Array;
  /** Selected shingle hashes and their start positions in `compact` (parallel arrays, positions ascending). */
  hashes: Uint32Array;
  positions: Int32Array;
}

/** Letters, digits and CJK ideographs count; punctuation, symbols and spaces do not. */
const SIGNIFICANT = /[\p{L}\p{N}]/u;

function isSignificant(code: number): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x4e00 && code <= 0x9fff) return true; // CJK Unified Ideographs: the bulk of the text
  if (code >= 0x3000 && code <= 0x303f) return code >= 0x3005 && code <= 0x3007; // CJK punctuation (but 々〆〇)
  if (code >= 0xff00 && code <= 0xffef) return false; // full-width forms were folded already; the rest is punctuation
  return SIGNIFICANT.test(String.fromCharCode(code));
}

export function compactText(text: string): { compact: string; offsets: Int32Array } {
  const folded = normalizeForSearch(text);
  const offsets = new Int32Array(folded.length);
  const codes = new Uint16Array(folded.length);
  let length = 0;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (isSignificant(code)) {
      offsets[length] = i;
      codes[length++] = code;
    }
  }
  let compact = '';
  for (let j = 0; j < length; j += 8192) {
    compact += String.fromCharCode.apply(null, codes.subarray(j, Math.min(j + 8192, length)) as unknown as number[]);
  }
  return { compact, offsets: offsets.slice(0, length) };
}

let foldBuffer = new Uint16Array(1024);

/**
 * compactText(text).compact in one pass without the offsets: what alignment needs of every candidate paragraph
 * when a page is marked (folding, then filtering, then a second string per paragraph was a tenth of that time).
 */
export function compactOnly(text: string): string {
  const table = searchFoldTable();
  if (foldBuffer.length < text.length) foldBuffer = new Uint16Array(text.length * 2);
  const codes = foldBuffer;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = table[text.charCodeAt(i)];
    if (isSignificant(code)) codes[length++] = code;
  }
  let compact = '';
  for (let j = 0; j < length; j += 8192) {
    compact += String.fromCharCode.apply(null, codes.subarray(j, Math.min(j + 8192, length)) as unknown as number[]);
  }
  return compact;
}

/** FNV-1a over the shingle's code units: stable across runs, good spread for short strings. */
function hashShingle(s: string, start: number, n: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + n; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function fingerprint(text: string, n = SHINGLE_CHARS, window = WINNOW_WINDOW): Fingerprints {
  const { compact, offsets } = compactText(text);
  const count = compact.length - n + 1;
  if (count <= 0) return { compact, offsets, hashes: new Uint32Array(0), positions: new Int32Array(0) };
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) all[i] = hashShingle(compact, i, n);
  const hashes: number[] = [];
  const positions: number[] = [];
  let lastPicked = -1;
  const windows = Math.max(1, count - window + 1);
  for (let w = 0; w < windows; w++) {
    // Rightmost minimum, as in the paper, so equal hashes in a run are not all picked.
    let best = w;
    for (let i = w; i < Math.min(w + window, count); i++) if (all[i] <= all[best]) best = i;
    if (best !== lastPicked) {
      hashes.push(all[best]);
      positions.push(best);
      lastPicked = best;
    }
  }
  return { compact, offsets, hashes: Uint32Array.from(hashes), positions: Int32Array.from(positions) };
}
