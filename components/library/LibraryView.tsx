import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import { emptyFilter, isFilterEmpty } from '../../lib/search/facets';
import { ClipEditor } from './ClipEditor';
import { ClipRow } from './ClipRow';
import { ExportDialog } from './ExportDialog';
import { ActiveFilters, FilterPanel } from './FilterPanel';
import { GroupRow } from './GroupRow';
import { EmptyLibrary, LibraryNotices, NoMatch, UndoToast } from './LibraryMessages';
import { LibraryStatus } from './LibraryStatus';
import { LibraryToolbar } from './LibraryToolbar';
import { SimilarDialog } from './SimilarDialog';
import { useSimilarCounts } from './useSimilarCounts';
import { VirtualList } from './VirtualList';
import { tl } from './i18n';
import { rowHeight, rowKey, type LibraryRow } from './rows';
import { extensionSource, type LibrarySource } from './source';
import { activeFilterCount, initialLibraryState, libraryReducer } from './state';
import { useLibraryActions } from './useLibraryActions';
import { useLibraryData, useSimilarityIndex } from './useLibraryData';
import { useShownRows } from './useShownRows';
import {
  loadMode,
  useFillHeight,
  useFirstRowsMark,
  useRefocusAfterEditor,
  useRememberMode,
  useSlashToSearch,
  useUndoExpiry,
} from './viewHooks';
import './library.css';
import './library-filters.css';
import './library-list.css';
import './library-dialogs.css';

/**
 * The side panel's Library tab: every clip, grouped by speech or listed by date, searchable as you type,
 * filterable with faceted counts, editable inline, exportable and importable. Reads are live (see source.ts).
 * What the user changes lives in one reducer (state.ts); the clips and what is derived from them in hooks.
 */
export function LibraryView(props: { source?: LibrarySource }) {
  const source = useMemo(() => props.source ?? extensionSource(), [props.source]);
  const { loaded, complete, clips, byId, speechLabels, allTags, error: loadError } = useLibraryData(source);
  const [state, dispatch] = useReducer(libraryReducer, undefined, () => initialLibraryState(loadMode()));
  const { query, filter, mode, selected, editing, dialog, undo } = state;
  const actions = useLibraryActions(source, dispatch);
  const { result, rows } = useShownRows(clips, state);

  const root = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useFillHeight(root);
  useSlashToSearch(searchBox);
  useFirstRowsMark(loaded);
  useRememberMode(mode);
  useUndoExpiry(undo, () => dispatch({ type: 'undoDone' }));
  const refocusOnClose = useRefocusAfterEditor(root, editing, rows);

  // Selections and the open editor follow the library: deleted clips drop out.
  const selectedClips = useMemo(
    () => [...selected].map((id) => byId.get(id)).filter((c): c is Clip => !!c),
    [selected, byId],
  );
  useEffect(() => {
    if (editing && complete && !byId.has(editing)) dispatch({ type: 'edit', id: null });
  }, [byId]);

  const similarity = useSimilarityIndex(clips, dialog?.kind === 'similar' && complete);
  const similarCount = useSimilarCounts();
  const similarClip = dialog?.kind === 'similar' ? byId.get(dialog.clipId) : undefined;

  const toggleGroup = (key: string) => dispatch({ type: 'toggleGroup', key });
  const toggleSelect = (id: string) => dispatch({ type: 'toggleSelect', id });
  const edit = (id: string | null) => dispatch({ type: 'edit', id });
  const remove = (ids: string[]) => void actions.remove(ids);
  const showSimilar = (clipId: string) => dispatch({ type: 'dialog', dialog: { kind: 'similar', clipId } });
  const clearFilters = () => dispatch({ type: 'filter', filter: emptyFilter() });
  const allShownSelected = result.clips.length > 0 && result.clips.every((c) => selected.has(c.id));

  const onRowKey = (event: KeyboardEvent, row: LibraryRow) => {
    if (row.kind === 'group') {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        toggleGroup(row.group.key);
      }
      return;
    }
    const id = row.clip.id;
    if (event.key === 'Enter' && row.kind === 'clip') edit(id);
    else if (event.key === ' ') toggleSelect(id);
    else if (event.key === 'Delete') remove([id]);
    else return;
    event.preventDefault();
  };

  const renderRow = (row: LibraryRow, { active }: { index: number; active: boolean }) => {
    if (row.kind === 'group') {
      return (
        <GroupRow group={row.group} collapsed={row.collapsed} query={query} active={active} onToggle={toggleGroup} />
      );
    }
    if (row.kind === 'editor') {
      return (
        <ClipEditor
          clip={row.clip}
          query={query}
          allTags={allTags}
          onSave={actions.save}
          onClose={() => {
            refocusOnClose(row.clip.id);
            edit(null);
          }}
          onDelete={remove}
          onSimilar={showSimilar}
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
        similarCount={similarCount(row.clip)}
        onToggleSelect={toggleSelect}
        onEdit={edit}
        onSimilar={showSimilar}
        onDelete={remove}
      />
    );
  };

  const list =
    complete && clips.length === 0 ? (
      <EmptyLibrary onImport={() => fileInput.current?.click()} />
    ) : complete && result.clips.length === 0 ? (
      <NoMatch
        query={query}
        filtered={!isFilterEmpty(filter)}
        onClearQuery={() => dispatch({ type: 'query', query: '' })}
        onClearFilters={clearFilters}
      />
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
    );

  return (
    <div ref={root} class="tifa-lib" data-loaded={complete ? 'complete' : loaded ? 'partial' : 'no'}>
      <LibraryToolbar
        searchBox={searchBox}
        fileInput={fileInput}
        query={query}
        mode={mode}
        filtersOpen={state.filtersOpen}
        activeFilters={activeFilterCount(filter)}
        canExport={clips.length > 0}
        onQuery={(next) => dispatch({ type: 'query', query: next })}
        onMode={(next) => dispatch({ type: 'mode', mode: next })}
        onToggleFilters={() => dispatch({ type: 'toggleFilters' })}
        onExport={() =>
          dispatch({ type: 'dialog', dialog: { kind: 'export', scope: selected.size ? 'selected' : 'shown' } })
        }
        onImportFile={(file) => void actions.importFile(file)}
      />

      {state.filtersOpen && (
        <div id="tifa-lib-filter-panel">
          <FilterPanel
            filter={filter}
            counts={result.counts}
            labels={speechLabels}
            onToggle={(facet, value) => dispatch({ type: 'toggleFacet', facet, value })}
            onDates={(from, to) => dispatch({ type: 'dates', from, to })}
          />
        </div>
      )}
      <ActiveFilters
        filter={filter}
        labels={speechLabels}
        onToggle={(facet, value) => dispatch({ type: 'toggleFacet', facet, value })}
        onDates={(from, to) => dispatch({ type: 'dates', from, to })}
        onClear={clearFilters}
      />

      <LibraryNotices
        notice={state.notice}
        loadError={loadError}
        onDismiss={() => dispatch({ type: 'notice', notice: null })}
      />

      <LibraryStatus
        complete={complete}
        total={clips.length}
        shown={result.clips.length}
        allShownSelected={allShownSelected}
        selectedCount={selected.size}
        selectedClips={selectedClips}
        bulkTag={state.bulkTag}
        allTags={allTags}
        onToggleSelectShown={() =>
          dispatch({ type: 'select', ids: allShownSelected ? [] : result.clips.map((c) => c.id) })
        }
        onBulkTag={(tag) => dispatch({ type: 'bulkTag', tag })}
        onAddTag={(tag) => void actions.addTag(selectedClips, tag)}
        onExportSelected={() => dispatch({ type: 'dialog', dialog: { kind: 'export', scope: 'selected' } })}
        onDeleteSelected={() => remove(selectedClips.map((c) => c.id))}
        onClearSelection={() => dispatch({ type: 'select', ids: [] })}
      />

      {list}
      <div class="tifa-lib-rendered" hidden data-query={query} data-shown={result.clips.length} />

      {undo && (
        <UndoToast
          count={undo.ids.length}
          onUndo={() => void actions.undoDelete(undo.ids)}
          onDismiss={() => dispatch({ type: 'undoDone' })}
        />
      )}

      {dialog?.kind === 'export' && (
        <ExportDialog
          selected={selectedClips}
          shown={result.clips}
          all={clips}
          initialScope={dialog.scope}
          onClose={() => dispatch({ type: 'dialog', dialog: null })}
        />
      )}
      {similarClip && (
        <SimilarDialog
          clip={similarClip}
          index={similarity}
          onClose={() => dispatch({ type: 'dialog', dialog: null })}
          onShow={(clip) => dispatch({ type: 'showClip', clip })}
        />
      )}
    </div>
  );
}
