import { useMemo } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import { applyFilter, type FilterResult } from '../../lib/search/facets';
import { buildSearchIndex, createMatcher } from '../../lib/search/match';
import { buildRows, type LibraryRow } from './rows';
import type { LibraryState } from './state';

/**
 * The clips the search and filters let through, and the list rows they make (groups, clips, the open editor).
 * Facet counts are only worked out while the filter panel is open. Results and rows are remembered per matcher
 * result, so erasing back to an earlier query (or to none) costs no regrouping.
 */
export function useShownRows(
  clips: Clip[],
  state: Pick<LibraryState, 'query' | 'filter' | 'filtersOpen' | 'mode' | 'collapsed' | 'editing'>,
): { result: FilterResult; rows: LibraryRow[] } {
  const { query, filter, filtersOpen, mode, collapsed, editing } = state;
  const matcher = useMemo(() => createMatcher(buildSearchIndex(clips)), [clips]);
  const matches = useMemo(() => matcher(query), [matcher, query]);
  const resultCache = useMemo(() => new WeakMap<Uint8Array, { key: unknown[]; result: FilterResult }>(), [clips]);
  const result = useMemo(() => {
    const key = [filter, filtersOpen];
    const hit = resultCache.get(matches);
    if (hit?.key.every((k, i) => k === key[i])) return hit.result;
    const fresh = applyFilter(clips, matches, filter, { counts: filtersOpen });
    resultCache.set(matches, { key, result: fresh });
    return fresh;
  }, [clips, matches, filter, filtersOpen, resultCache]);
  const rowCache = useMemo(() => new WeakMap<FilterResult, { key: unknown[]; rows: LibraryRow[] }>(), [clips]);
  const rows = useMemo(() => {
    const key = [mode, collapsed, editing];
    const hit = rowCache.get(result);
    if (hit?.key.every((k, i) => k === key[i])) return hit.rows;
    const fresh = buildRows(result.clips, mode, collapsed, editing);
    rowCache.set(result, { key, rows: fresh });
    return fresh;
  }, [result, mode, collapsed, editing, rowCache]);
  return { result, rows };
}
