/**
 * The same passage clipped twice on the same page is one clip. The key is a hash of the normalised URL and the
 * clip text with width variants folded (NFKC) and all whitespace removed, so a selection that differs only in
 * line breaks or full-width spaces is recognised as the same passage.
 */
export function normalizeClipText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

export function computeDedupeKey(url: string, text: string): string {
  const input = `${url}\n${normalizeClipText(text)}`;
  return `v1:${fnv1a(input, 0x811c9dc5)}${fnv1a(input, 0x01000193 ^ 0x5bd1e995)}:${input.length.toString(36)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, hex; two seeds give a 64-bit key. */
function fnv1a(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The dedupe key of a stored clip. A clip not yet placed has no text: its key is its page and imported position
 * (prefixed so it can never equal a text key), so two position-only annotations on one page stay two clips and
 * importing the same file twice adds nothing.
 */
export function dedupeKeyOf(url: string, text: string, importedPosition?: { start: number; end: number }): string {
  if (text === '' && importedPosition)
    return `at:${computeDedupeKey(url, `${importedPosition.start}-${importedPosition.end}`)}`;
  return computeDedupeKey(url, text);
}
