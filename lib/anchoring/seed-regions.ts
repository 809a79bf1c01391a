/**
 * Where in a long text an approximate match of a quote could be, found cheaply (a pigeonhole filter): split the
 * quote into maxErrors + 1 disjoint pieces; a match with at most maxErrors edits leaves at least one piece
 * intact, so every match lies around an exact occurrence of some piece. Only those regions then need the costly
 * bit-parallel search. With fewer pieces than maxErrors + 1 (when the budget cannot pay for all of them) the
 * filter is no longer exhaustive: a match whose edits touch every chosen piece is missed — an unplaced clip,
 * never a wrong placement.
 */

export interface Region {
  from: number;
  to: number;
}

/** More occurrences than this and the pieces do not narrow the search: the caller gets the whole range. */
const MAX_SEED_HITS = 5_000;

/** `count` disjoint pieces of the quote, spread evenly, each with its offset in the quote. */
export function seedPieces(
  quote: string,
  maxErrors: number,
  count = maxErrors + 1,
): { offset: number; piece: string }[] {
  const slots = maxErrors + 1;
  const size = Math.floor(quote.length / slots);
  if (size < 1) return [];
  const chosen = Math.min(slots, Math.max(1, count));
  const pieces: { offset: number; piece: string }[] = [];
  for (let i = 0; i < chosen; i++) {
    const slot = Math.floor((i * slots) / chosen);
    const offset = slot * size;
    pieces.push({ offset, piece: quote.slice(offset, offset + size) });
  }
  return pieces;
}

/**
 * Merged regions of text[from, to) that may hold a match of a quote of `quoteLength` characters with at most
 * `maxErrors` edits, given the pieces to look for.
 */
export function seedRegions(
  text: string,
  quoteLength: number,
  maxErrors: number,
  pieces: readonly { offset: number; piece: string }[],
  from = 0,
  to = text.length,
): Region[] {
  const found: Region[] = [];
  for (const { offset, piece } of pieces) {
    for (let at = text.indexOf(piece, from); at !== -1 && at + piece.length <= to; at = text.indexOf(piece, at + 1)) {
      if (found.length >= MAX_SEED_HITS) return [{ from, to }];
      const start = at - offset;
      found.push({ from: Math.max(from, start - maxErrors), to: Math.min(to, start + quoteLength + 2 * maxErrors) });
    }
  }
  found.sort((a, b) => a.from - b.from);
  const merged: Region[] = [];
  for (const region of found) {
    const last = merged[merged.length - 1];
    if (last && region.from <= last.to) last.to = Math.max(last.to, region.to);
    else merged.push({ ...region });
  }
  return merged;
}
