import type { Clip, ClipColor } from '../clips/types';
import type { MentionCategory } from '../rules/types';

/**
 * Library filters. Facets combine with AND; several values of one facet combine with OR (site A or site B).
 * Counts are "faceted": a value's count is how many clips would match if that value were toggled into its
 * facet, given the query and every OTHER facet — so the numbers next to the checkboxes stay meaningful while
 * filtering, instead of collapsing to the current selection.
 */

export const FACETS = ['site', 'speech', 'tag', 'color', 'mention'] as const;
export type Facet = (typeof FACETS)[number];

/** Mention categories offered as filters (quantitative targets are too many and too varied to browse). */
export const FILTERABLE_MENTION_CATEGORIES: readonly MentionCategory[] = [
  'program',
  'formulation',
  'document',
  'meeting',
];

export interface LibraryFilter {
  site: string[];
  /** Speech = page URL. */
  speech: string[];
  tag: string[];
  color: ClipColor[];
  /** `${category}:${key}` as in Clip.mentionKeys. */
  mention: string[];
  /** Inclusive local calendar dates yyyy-mm-dd on the clip's creation time; empty = open. */
  from: string;
  to: string;
}

export function emptyFilter(): LibraryFilter {
  return { site: [], speech: [], tag: [], color: [], mention: [], from: '', to: '' };
}

export function isFilterEmpty(filter: LibraryFilter): boolean {
  return FACETS.every((f) => filter[f].length === 0) && !filter.from && !filter.to;
}

/** Per-clip facet values, computed once per clip object (clips are immutable records; an edit is a new object). */
const valueCache = new WeakMap<Clip, readonly (readonly string[])[]>();

function cachedValues(clip: Clip): readonly (readonly string[])[] {
  let values = valueCache.get(clip);
  if (!values) {
    values = FACETS.map((facet) => {
      const raw = facetValues(clip, facet);
      return raw.length > 1 ? [...new Set(raw)] : raw;
    });
    valueCache.set(clip, values);
  }
  return values;
}

/** A facet's values for one clip. */
export function facetValues(clip: Clip, facet: Facet): readonly string[] {
  switch (facet) {
    case 'site':
      return [clip.site];
    case 'speech':
      return [clip.url];
    case 'tag':
      return clip.tags;
    case 'color':
      return [clip.color];
    case 'mention':
      return clip.mentionKeys.filter(isFilterableMentionKey);
  }
}

function isFilterableMentionKey(key: string): boolean {
  const category = key.slice(0, key.indexOf(':'));
  return (FILTERABLE_MENTION_CATEGORIES as readonly string[]).includes(category);
}

export type FacetCounts = Record<Facet, Map<string, number>>;

export interface FilterResult {
  /** Clips passing query and every filter, in input order. */
  clips: Clip[];
  counts: FacetCounts;
}

/** Converts yyyy-mm-dd bounds to an epoch-ms half-open range [from, to) in local time. */
export function dateBounds(filter: Pick<LibraryFilter, 'from' | 'to'>): { from: number; to: number } {
  const parse = (date: string, nextDay: boolean): number | undefined => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) return undefined;
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (nextDay ? 1 : 0)).getTime();
  };
  return { from: parse(filter.from, false) ?? -Infinity, to: parse(filter.to, true) ?? Infinity };
}

/**
 * Applies the filter to clips that already passed the text query (`queryMatches[i] === 1`), computing faceted
 * counts in the same pass: a clip failing no facet counts for every facet; a clip failing exactly one facet
 * counts only for that facet's values (toggling one of them in would admit it). Counting can be skipped
 * (`counts: false`) when nobody is looking at them.
 */
export function applyFilter(
  clips: readonly Clip[],
  queryMatches: Uint8Array | null,
  filter: LibraryFilter,
  options: { counts?: boolean } = {},
): FilterResult {
  const withCounts = options.counts ?? true;
  const selected = FACETS.map((f) => (filter[f].length ? new Set<string>(filter[f]) : null));
  const anySelected = selected.some(Boolean);
  const { from, to } = dateBounds(filter);
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  const passing: Clip[] = [];
  for (let i = 0; i < clips.length; i++) {
    if (queryMatches && queryMatches[i] !== 1) continue;
    const clip = clips[i];
    if (clip.created < from || clip.created >= to) continue;
    if (!anySelected && !withCounts) {
      passing.push(clip);
      continue;
    }
    const values = cachedValues(clip);
    let failedFacet = -1;
    let failures = 0;
    for (let f = 0; f < FACETS.length && failures < 2; f++) {
      const wanted = selected[f];
      if (!wanted) continue;
      if (!values[f].some((v) => wanted.has(v))) {
        failures++;
        failedFacet = f;
      }
    }
    if (failures >= 2) continue;
    if (failures === 0) {
      passing.push(clip);
      if (withCounts) for (let f = 0; f < FACETS.length; f++) countValues(counts[FACETS[f]], values[f]);
    } else if (withCounts) {
      countValues(counts[FACETS[failedFacet]], values[failedFacet]);
    }
  }
  return { clips: passing, counts };
}

/** Values arrive de-duplicated (a clip mentioning a program twice counts once). */
function countValues(into: Map<string, number>, values: readonly string[]): void {
  for (const v of values) into.set(v, (into.get(v) ?? 0) + 1);
}

/** Toggles one value of one facet, returning a new filter. */
export function toggleFacetValue(filter: LibraryFilter, facet: Facet, value: string): LibraryFilter {
  const current = filter[facet] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filter, [facet]: next };
}
