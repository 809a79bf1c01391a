import { TRAD_TO_SIMP } from '../rules/trad-simp';

/**
 * Folds text for matching: full-width ASCII → half-width, ideographic space → space, common traditional
 * characters → simplified, and case-folding. Every step maps one UTF-16 code unit to exactly one, so
 * `normalizeForSearch(s).length === s.length` and an offset found in the folded text is the same offset in
 * the original — which is what lets the UI highlight matches in the text as written.
 *
 * The folding is a 64K-entry code-unit table built once, so folding 10,000 clips is a tight loop rather than
 * a per-character string operation.
 */
let foldTable: Uint16Array | undefined;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogate halves stay as they are
    const lower = String.fromCharCode(code).toLowerCase();
    // Letters whose lower case has another length (e.g. İ) stay as they are.
    if (lower.length === 1) table[code] = lower.charCodeAt(0);
  }
  // Full-width forms FF01–FF5E are ASCII 21–7E shifted by FEE0.
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = table[code - 0xfee0];
  table[0x3000] = 0x20;
  for (const [trad, simp] of TRAD_TO_SIMP) table[trad.charCodeAt(0)] = simp.charCodeAt(0);
  return table;
}

const CHUNK = 8192;

/** The folding as a code-unit table (`table[code]` is `code` folded), for callers that fold inside their own loop. */
export function searchFoldTable(): Uint16Array {
  foldTable ??= buildFoldTable();
  return foldTable;
}

export function normalizeForSearch(text: string): string {
  const table = (foldTable ??= buildFoldTable());
  const n = text.length;
  let i = 0;
  // Fast path: most text needs no change at all.
  while (i < n) {
    const code = text.charCodeAt(i);
    if (table[code] !== code) break;
    i++;
  }
  if (i === n) return text;
  const codes = new Uint16Array(n);
  for (let j = 0; j < n; j++) codes[j] = table[text.charCodeAt(j)];
  let out = '';
  for (let j = 0; j < n; j += CHUNK)
    out += String.fromCharCode.apply(null, codes.subarray(j, j + CHUNK) as unknown as number[]);
  return out;
}

/** Splits a user query into folded terms (whitespace separates terms; all must match). */
export function queryTerms(query: string): string[] {
  return normalizeForSearch(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}
