import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import { speechTitleOf } from '../../lib/search/group';
import { buildSimilarityIndexAsync, type SimilarityIndex } from '../../lib/similarity';
import type { LibrarySnapshot, LibrarySource } from './source';

export interface LibraryData {
  /** False until the first snapshot arrives; `complete` once the whole table has been read. */
  loaded: boolean;
  complete: boolean;
  clips: Clip[];
  byId: Map<string, Clip>;
  /** Speech titles by page URL, for filter chips and facets. */
  speechLabels: { speech: Map<string, string> };
  /** Every tag in use, most used first. */
  allTags: string[];
  error: Error | null;
}

/** The whole library, kept current by the source's live query, with the lookups the view derives from it. */
export function useLibraryData(source: LibrarySource): LibraryData {
  const [snapshot, setSnapshot] = useState<LibrarySnapshot | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => source.subscribe(setSnapshot, setError), [source]);

  const clips = useMemo(() => snapshot?.clips ?? [], [snapshot]);
  const byId = useMemo(() => new Map(clips.map((c) => [c.id, c])), [clips]);
  const speechLabels = useMemo(() => {
    const labels = new Map<string, string>();
    for (const clip of clips) if (!labels.has(clip.url)) labels.set(clip.url, speechTitleOf(clip));
    return { speech: labels };
  }, [clips]);
  const allTags = useMemo(() => {
    const counts = new Map<string, number>();
    for (const clip of clips) for (const tag of clip.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
  }, [clips]);

  return {
    loaded: snapshot !== null,
    complete: snapshot?.complete ?? false,
    clips,
    byId,
    speechLabels,
    allTags,
    error,
  };
}

/**
 * The similarity index of the current library, built only while someone needs it (the "similar passages"
 * dialog), in slices so the panel stays responsive, and rebuilt incrementally after edits. Null while building.
 */
export function useSimilarityIndex(clips: Clip[], wanted: boolean): SimilarityIndex | null {
  const [index, setIndex] = useState<SimilarityIndex | null>(null);
  const latest = useRef<SimilarityIndex | null>(null);
  useEffect(() => {
    if (!wanted || latest.current?.clips === clips) return;
    let cancelled = false;
    const start = performance.now();
    void buildSimilarityIndexAsync(clips, { previous: latest.current ?? undefined }).then((built) => {
      if (cancelled) return;
      performance.measure('tifa:similarity:build', { start, end: performance.now() });
      latest.current = built;
      setIndex(built);
    });
    return () => {
      cancelled = true;
    };
  }, [clips, wanted]);
  return index && index.clips === clips ? index : latest.current && wanted ? latest.current : null;
}
