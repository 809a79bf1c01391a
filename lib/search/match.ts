import type { Clip } from '../clips/types';
import { normalizeForSearch, queryTerms } from './normalize';

/**
 * Substring search over clip text, note, speech/page title and tags. Chinese has no spaces, so matching is a
 * plain scan of folded text (no word segmentation: it would lose recall on formulaic compounds). Each term
 * of the query must occur in one of the clip's fields.
 */

/** Separates a clip's fields in its haystack so that a term never matches across two fields. */
const FIELD_SEPARATOR = '\u0000';

export interface SearchIndex {
  /** Folded haystack per clip, in the same order as `clips`. */
  readonly haystacks: readonly string[];
  readonly clips: readonly Clip[];
}

export function buildSearchIndex(clips: readonly Clip[]): SearchIndex {
  const haystacks = clips.map((clip) => normalizeForSearch(searchableText(clip)));
  return { clips, haystacks };
}

function searchableText(clip: Clip): string {
  return [clip.text, clip.note, clip.speechTitle ?? '', clip.title, clip.tags.join(FIELD_SEPARATOR)].join(
    FIELD_SEPARATOR,
  );
}

/**
 * Returns, per clip of the index, whether it matches `query`. An empty query matches everything.
 * A Uint8Array so callers can combine it with filters without allocating per clip.
 */
export function matchQuery(index: SearchIndex, query: string): Uint8Array {
  const terms = queryTerms(query);
  const result = new Uint8Array(index.haystacks.length);
  if (terms.length === 0) return result.fill(1);
  const { haystacks } = index;
  outer: for (let i = 0; i < haystacks.length; i++) {
    const haystack = haystacks[i];
    for (const term of terms) if (!haystack.includes(term)) continue outer;
    result[i] = 1;
  }
  return result;
}

/**
 * A matcher for search-as-you-type over one index. Typing only ever extends the query, and a query that extends
 * the previous one can only match a subset of its clips, so only those are re-scanned; recent results are kept,
 * so erasing a character is a lookup. (Results are the same as matchQuery's.)
 */
export function createMatcher(index: SearchIndex, keep = 24): (query: string) => Uint8Array {
  const recent = new Map<string, Uint8Array>();
  let last: { query: string; result: Uint8Array } | undefined;
  return (query) => {
    const key = queryTerms(query).join(' ');
    const cached = recent.get(key);
    if (cached) {
      last = { query: key, result: cached };
      return cached;
    }
    let result: Uint8Array;
    if (last?.query && key.startsWith(last.query)) {
      result = narrow(index, last.result, queryTerms(key));
    } else {
      result = matchQuery(index, key);
    }
    recent.set(key, result);
    if (recent.size > keep) recent.delete(recent.keys().next().value as string);
    last = { query: key, result };
    return result;
  };
}

function narrow(index: SearchIndex, previous: Uint8Array, terms: string[]): Uint8Array {
  const result = new Uint8Array(previous.length);
  const { haystacks } = index;
  outer: for (let i = 0; i < haystacks.length; i++) {
    if (previous[i] !== 1) continue;
    for (const term of terms) if (!haystacks[i].includes(term)) continue outer;
    result[i] = 1;
  }
  return result;
}

/** Convenience for callers that want the matching clips themselves. */
export function searchClips(clips: readonly Clip[], query: string): Clip[] {
  const index = buildSearchIndex(clips);
  const matches = matchQuery(index, query);
  return clips.filter((_, i) => matches[i] === 1);
}

export interface MatchSegment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into plain and matching segments for the query's terms, so the UI can wrap matches in
 * <mark> elements as text (never as HTML). Overlapping and adjacent matches are merged.
 */
export function highlightSegments(text: string, query: string): MatchSegment[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || text.length === 0) return text ? [{ text, match: false }] : [];
  const folded = normalizeForSearch(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      ranges.push([at, at + term.length]);
    }
  }
  if (ranges.length === 0) return [{ text, match: false }];
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  const segments: MatchSegment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}

/**
 * The part of `text` to show in a clamped preview: from the start, or — when the first match lies further in
 * than `lead` characters — from a little before it, so the match is visible (prefixed with "…").
 */
export function previewAround(text: string, query: string, lead = 48, before = 16): string {
  const terms = queryTerms(query);
  if (terms.length === 0) return text;
  const folded = normalizeForSearch(text);
  let first = -1;
  for (const term of terms) {
    const at = folded.indexOf(term);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  if (first <= lead) return text;
  return `…${text.slice(first - before)}`;
}
