import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import type { ClipPatch } from '../../lib/clips/schema';
import { parseImportFile, ImportError } from '../../lib/import';
import { applyFilter, emptyFilter, isFilterEmpty, toggleFacetValue, type Facet, type FilterResult, type LibraryFilter } from '../../lib/search/facets';
import { speechTitleOf } from '../../lib/search/group';
import { buildSearchIndex, createMatcher } from '../../lib/search/match';
import { buildSimilarityIndexAsync, type SimilarityIndex } from '../../lib/similarity';
import { ClipEditor } from './ClipEditor';
import { ClipRow } from './ClipRow';
import { ExportDialog, type ExportScope } from './ExportDialog';
import { ActiveFilters, FilterPanel } from './FilterPanel';
import { GroupRow } from './GroupRow';
import { SimilarDialog } from './SimilarDialog';
import { VirtualList } from './VirtualList';
import { Icon } from './icons';
import { tl } from './i18n';
import { buildRows, rowHeight, rowKey, type LibraryMode, type LibraryRow } from './rows';
import { extensionSource, type LibrarySnapshot, type LibrarySource } from './source';
import './library.css';

type DialogState = { kind: 'export'; scope: ExportScope } | { kind: 'similar'; clipId: string } | null;
type Notice = { kind: 'error' | 'info'; text: string } | null;

const MODE_KEY = 'tifa.library.mode';
const UNDO_MS = 15_000;

function loadMode(): LibraryMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'date' ? 'date' : 'speech';
  } catch {
    return 'speech';
  }
}

/** The whole library, kept current by the source's live query. */
function useLibrary(source: LibrarySource): { snapshot: LibrarySnapshot | null; error: Error | null } {
  const [snapshot, setSnapshot] = useState<LibrarySnapshot | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => source.subscribe(setSnapshot, setError), [source]);
  return { snapshot, error };
}

/**
 * The similarity index of the current library, built only while someone needs it (the "similar passages"
 * dialog), in slices so the panel stays responsive, and rebuilt incrementally after edits. Null while building.
 */
function useSimilarityIndex(clips: Clip[], wanted: boolean): SimilarityIndex | null {
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

/** Fills the space below the view's top edge, whatever the shell puts above it. */
function useFillHeight(ref: { current: HTMLElement | null }): void {
  useLayoutEffect(() => {
    const fitToViewport = () => {
      const el = ref.current;
      if (!el) return;
      let height = window.innerHeight - el.getBoundingClientRect().top;
      el.style.height = `${Math.max(320, height)}px`;
      // Whatever the shell puts below (margins, padding) must fit too, or the whole panel would scroll.
      const overflow = document.documentElement.scrollHeight - window.innerHeight;
      if (overflow > 0) {
        height -= overflow;
        el.style.height = `${Math.max(320, height)}px`;
      }
    };
    fitToViewport();
    window.addEventListener('resize', fitToViewport);
    return () => window.removeEventListener('resize', fitToViewport);
  }, []);
}

/**
 * The side panel's Library tab: every clip, grouped by speech or listed by date, searchable as you type,
 * filterable with faceted counts, editable inline, exportable and importable. Reads are live (see source.ts).
 */
export function LibraryView(props: { source?: LibrarySource }) {
  const source = useMemo(() => props.source ?? extensionSource(), [props.source]);
  const { snapshot, error: loadError } = useLibrary(source);
  const loaded = snapshot !== null;
  const complete = snapshot?.complete ?? false;
  const clips = useMemo(() => snapshot?.clips ?? [], [snapshot]);

  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>(emptyFilter);
  const [mode, setModeState] = useState<LibraryMode>(loadMode);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<{ ids: string[] } | null>(null);
  const [bulkTag, setBulkTag] = useState('');

  const root = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const composing = useRef(false);
  /** Clip whose editor just closed: its row takes the focus back, so a keyboard user keeps their place. */
  const refocusClip = useRef<string | null>(null);
  useFillHeight(root);

  const matcher = useMemo(() => createMatcher(buildSearchIndex(clips)), [clips]);
  const matches = useMemo(() => matcher(query), [matcher, query]);
  // Facet counts are only worked out while the filter panel is open. Results and rows are remembered per
  // matcher result, so erasing back to an earlier query (or to none) costs no regrouping.
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

  // Selections and the open editor follow the library: deleted clips drop out.
  const selectedClips = useMemo(() => [...selected].map((id) => byId.get(id)).filter((c): c is Clip => !!c), [selected, byId]);
  useEffect(() => {
    if (editing && complete && !byId.has(editing)) setEditing(null);
  }, [byId]);

  const closeEditor = (id: string) => {
    refocusClip.current = id;
    setEditing(null);
  };
  useLayoutEffect(() => {
    const id = refocusClip.current;
    if (id === null || editing !== null) return;
    refocusClip.current = null;
    // Only when the focus went down with the editor (Esc, Done): a click elsewhere keeps its own focus.
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) return;
    const clipRow = [...(root.current?.querySelectorAll<HTMLElement>('.tifa-lib-clip') ?? [])].find((el) => el.dataset.clipId === id);
    clipRow?.closest<HTMLElement>('.tifa-lib-vrow')?.focus({ preventScroll: true });
  }, [editing, rows]);

  const similarity = useSimilarityIndex(clips, dialog?.kind === 'similar' && complete);

  // First useful paint: the first rows (or the empty state) of the loaded library are on screen.
  const painted = useRef(false);
  useEffect(() => {
    if (loaded && !painted.current) {
      painted.current = true;
      requestAnimationFrame(() => performance.mark('tifa:library:first-rows'));
    }
  }, [loaded]);

  // "/" focuses the search box from anywhere in the view (not while typing somewhere else).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      searchBox.current?.focus();
      searchBox.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const fail = (err: unknown) => setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });

  const setMode = (next: LibraryMode) => {
    setModeState(next);
    try {
      localStorage.setItem(MODE_KEY, next);
    } catch {
      // Preference not kept; the view still works.
    }
  };

  const updateFilter = (next: LibraryFilter) => {
    setFilter(next);
    setEditing(null);
  };
  const toggleFacet = (facet: Facet, value: string) => updateFilter(toggleFacetValue(filter, facet, value));
  const setDates = (from: string, to: string) => updateFilter({ ...filter, from, to });

  const save = useCallback(
    async (id: string, patch: ClipPatch) => {
      try {
        await source.update(id, patch);
      } catch (err) {
        fail(err);
      }
    },
    [source],
  );

  const remove = async (ids: string[]) => {
    if (ids.length === 0) return;
    try {
      const deleted = await source.remove(ids);
      setSelected((prev) => new Set([...prev].filter((id) => !deleted.includes(id))));
      if (editing && deleted.includes(editing)) setEditing(null);
      setUndo({ ids: deleted });
      setNotice(null);
    } catch (err) {
      fail(err);
    }
  };

  const undoDelete = async () => {
    if (!undo) return;
    const ids = undo.ids;
    setUndo(null);
    try {
      const { skipped } = await source.restore(ids);
      if (skipped.length) setNotice({ kind: 'info', text: tl('library_restoreSkipped', { n: skipped.length }) });
    } catch (err) {
      fail(err);
    }
  };

  const addBulkTag = async (value = bulkTag) => {
    const tag = value.trim();
    if (!tag || selectedClips.length === 0) return;
    try {
      await source.updateMany(
        selectedClips.map((c) => c.id),
        { addTags: [tag] },
      );
      setBulkTag('');
      setNotice({ kind: 'info', text: tl('library_bulkTagged', { tag, n: selectedClips.length }) });
    } catch (err) {
      fail(err);
    }
  };

  const importFile = async (file: File) => {
    try {
      const { clips: incoming } = parseImportFile(await file.text());
      const { added, skipped } = await source.importClips(incoming);
      setNotice({ kind: 'info', text: tl('library_imported', { added, skipped }) });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setNotice({ kind: 'error', text: tl(err instanceof ImportError ? 'library_importInvalid' : 'library_importFailed', { name: file.name, reason }) });
    }
  };

  const toggleSelect = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShownSelected = result.clips.length > 0 && result.clips.every((c) => selected.has(c.id));
  const toggleSelectShown = () => setSelected(allShownSelected ? new Set() : new Set(result.clips.map((c) => c.id)));

  const toggleGroup = (key: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const showClip = (clip: Clip) => {
    setDialog(null);
    setQuery('');
    setMode('speech');
    setFilter({ ...emptyFilter(), speech: [clip.url] });
    setEditing(clip.id);
  };

  const onRowKey = (event: KeyboardEvent, row: LibraryRow) => {
    if (row.kind === 'group') {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        toggleGroup(row.group.key);
      }
      return;
    }
    const id = row.clip.id;
    if (event.key === 'Enter' && row.kind === 'clip') setEditing(id);
    else if (event.key === ' ') toggleSelect(id);
    else if (event.key === 'Delete') void remove([id]);
    else return;
    event.preventDefault();
  };

  const renderRow = (row: LibraryRow, { active }: { index: number; active: boolean }) => {
    if (row.kind === 'group') return <GroupRow group={row.group} collapsed={row.collapsed} query={query} active={active} onToggle={toggleGroup} />;
    if (row.kind === 'editor') {
      return (
        <ClipEditor
          clip={row.clip}
          query={query}
          allTags={allTags}
          onSave={save}
          onClose={() => closeEditor(row.clip.id)}
          onDelete={(ids) => void remove(ids)}
          onSimilar={(clipId) => setDialog({ kind: 'similar', clipId })}
        />
      );
    }
    return (
      <ClipRow
        clip={row.clip}
        query={query}
        selected={selected.has(row.clip.id)}
        active={active}
        grouped={row.grouped}
        onToggleSelect={toggleSelect}
        onEdit={setEditing}
        onSimilar={(clipId) => setDialog({ kind: 'similar', clipId })}
        onDelete={(ids) => void remove(ids)}
      />
    );
  };

  const activeFilterCount = (['site', 'speech', 'tag', 'color', 'mention'] as const).reduce((n, f) => n + filter[f].length, 0) + (filter.from || filter.to ? 1 : 0);
  const similarClip = dialog?.kind === 'similar' ? byId.get(dialog.clipId) : undefined;

  return (
    <div ref={root} class="tifa-lib" data-loaded={complete ? 'complete' : loaded ? 'partial' : 'no'}>
      <div class="tifa-lib-toolbar">
        <input
          ref={searchBox}
          type="search"
          class="tifa-lib-search"
          value={query}
          placeholder={tl('library_searchPlaceholder')}
          aria-label={tl('library_search')}
          aria-keyshortcuts="/"
          onInput={(e) => {
            // While an input method is composing (pinyin → 汉字) the box holds Latin letters: wait for the result.
            if (!composing.current) setQuery((e.target as HTMLInputElement).value);
          }}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={(e) => {
            composing.current = false;
            setQuery((e.target as HTMLInputElement).value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <div class="tifa-lib-toolbar-row">
          <div class="tifa-lib-segmented" role="group" aria-label={tl('library_viewAs')}>
            <button type="button" aria-pressed={mode === 'speech'} onClick={() => setMode('speech')}>
              {tl('library_bySpeech')}
            </button>
            <button type="button" aria-pressed={mode === 'date'} onClick={() => setMode('date')}>
              {tl('library_byDate')}
            </button>
          </div>
          <button type="button" class="tifa-lib-button" aria-expanded={filtersOpen} aria-controls="tifa-lib-filter-panel" onClick={() => setFiltersOpen(!filtersOpen)}>
            {tl('library_filters')}
            {activeFilterCount > 0 && <span class="tifa-lib-badge">{activeFilterCount}</span>}
          </button>
          <span class="tifa-lib-spacer-x" />
          <button type="button" class="tifa-lib-button" disabled={clips.length === 0} onClick={() => setDialog({ kind: 'export', scope: selected.size ? 'selected' : 'shown' })}>
            {tl('library_export')}
          </button>
          <button type="button" class="tifa-lib-button" onClick={() => fileInput.current?.click()}>
            {tl('library_import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            class="tifa-lib-hidden"
            // Reached through the Import button; as its own (invisible) tab stop it would only confuse.
            tabIndex={-1}
            aria-label={tl('library_importFile')}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
      </div>

      {filtersOpen && (
        <div id="tifa-lib-filter-panel">
          <FilterPanel filter={filter} counts={result.counts} labels={speechLabels} onToggle={toggleFacet} onDates={setDates} />
        </div>
      )}
      <ActiveFilters filter={filter} labels={speechLabels} onToggle={toggleFacet} onDates={setDates} onClear={() => updateFilter(emptyFilter())} />

      {notice && (
        <div class={`tifa-lib-notice is-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" class="tifa-lib-icon" aria-label={tl('library_dismiss')} onClick={() => setNotice(null)}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {loadError && (
        <div class="tifa-lib-notice is-error" role="alert">
          {tl('library_loadFailed', { reason: loadError.message })}
        </div>
      )}

      <div class="tifa-lib-status">
        <label class="tifa-lib-selectall">
          <input type="checkbox" checked={allShownSelected} disabled={result.clips.length === 0} onChange={toggleSelectShown} aria-label={tl('library_selectShown')} />
        </label>
        <span class="tifa-lib-total" aria-live="polite">
          {complete
            ? result.clips.length === clips.length
              ? tl('library_countAll', { n: clips.length })
              : tl('library_countShown', { shown: result.clips.length, n: clips.length })
            : tl('library_loading')}
        </span>
        {selected.size > 0 && (
          <div class="tifa-lib-bulk" role="group" aria-label={tl('library_selection')}>
            <span>{tl('library_selectedCount', { n: selectedClips.length })}</span>
            <input
              type="text"
              class="tifa-lib-tag-input"
              list="tifa-lib-bulk-tags"
              value={bulkTag}
              placeholder={tl('library_addTagPlaceholder')}
              aria-label={tl('library_bulkTag')}
              onInput={(e) => setBulkTag((e.target as HTMLInputElement).value)}
              onKeyDown={(e) => e.key === 'Enter' && void addBulkTag((e.target as HTMLInputElement).value)}
            />
            <datalist id="tifa-lib-bulk-tags">
              {allTags.slice(0, 200).map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
            <button type="button" class="tifa-lib-button" disabled={!bulkTag.trim()} onClick={() => void addBulkTag()}>
              {tl('library_addTag')}
            </button>
            <button type="button" class="tifa-lib-button" onClick={() => setDialog({ kind: 'export', scope: 'selected' })}>
              {tl('library_export')}
            </button>
            <button type="button" class="tifa-lib-button tifa-lib-danger" onClick={() => void remove(selectedClips.map((c) => c.id))}>
              {tl('library_deleteSelected')}
            </button>
            <button type="button" class="tifa-lib-link" onClick={() => setSelected(new Set())}>
              {tl('library_clearSelection')}
            </button>
          </div>
        )}
      </div>

      {complete && clips.length === 0 ? (
        <div class="tifa-lib-empty">
          <h2>{tl('library_emptyTitle')}</h2>
          <p>{tl('library_emptyHowTo')}</p>
          <p>{tl('library_emptyImport')}</p>
          <button type="button" class="tifa-lib-button tifa-lib-primary" onClick={() => fileInput.current?.click()}>
            {tl('library_import')}
          </button>
        </div>
      ) : complete && result.clips.length === 0 ? (
        <div class="tifa-lib-empty">
          <h2>{tl('library_noMatchTitle')}</h2>
          <p>{query.trim() ? tl('library_noMatchQuery', { query: query.trim() }) : tl('library_noMatchFilters')}</p>
          <div class="tifa-lib-empty-actions">
            {query && (
              <button type="button" class="tifa-lib-button" onClick={() => setQuery('')}>
                {tl('library_clearSearch')}
              </button>
            )}
            {!isFilterEmpty(filter) && (
              <button type="button" class="tifa-lib-button" onClick={() => updateFilter(emptyFilter())}>
                {tl('library_clearFilters')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <VirtualList
          items={rows}
          heightOf={rowHeight}
          keyOf={rowKey}
          render={renderRow}
          label={tl('library_listLabel')}
          resetKey={`${query}\u0000${mode}\u0000${JSON.stringify(filter)}`}
          onRowKey={onRowKey}
          class="tifa-lib-list"
        />
      )}
      <div class="tifa-lib-rendered" hidden data-query={query} data-shown={result.clips.length} />

      {undo && (
        <div class="tifa-lib-toast" role="status">
          <span>{tl('library_deleted', { n: undo.ids.length })}</span>
          <button type="button" class="tifa-lib-button tifa-lib-primary" onClick={() => void undoDelete()}>
            {tl('library_undo')}
          </button>
          <button type="button" class="tifa-lib-icon" aria-label={tl('library_dismiss')} onClick={() => setUndo(null)}>
            <Icon name="close" />
          </button>
        </div>
      )}

      {dialog?.kind === 'export' && (
        <ExportDialog selected={selectedClips} shown={result.clips} all={clips} initialScope={dialog.scope} onClose={() => setDialog(null)} />
      )}
      {similarClip && <SimilarDialog clip={similarClip} index={similarity} onClose={() => setDialog(null)} onShow={showClip} />}
    </div>
  );
}
