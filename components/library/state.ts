import type { Clip } from '../../lib/clips/types';
import { emptyFilter, toggleFacetValue, type Facet, type LibraryFilter } from '../../lib/search/facets';
import type { ExportScope } from './ExportDialog';
import type { LibraryMode } from './rows';

export type DialogState = { kind: 'export'; scope: ExportScope } | { kind: 'similar'; clipId: string } | null;
export type Notice = { kind: 'error' | 'info'; text: string } | null;

/** What the Library tab shows and how: everything the user changes, apart from the clips themselves. */
export interface LibraryState {
  query: string;
  filter: LibraryFilter;
  mode: LibraryMode;
  /** Keys of the speech groups folded shut. */
  collapsed: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  /** The clip whose editor is open, if any. */
  editing: string | null;
  filtersOpen: boolean;
  dialog: DialogState;
  notice: Notice;
  /** The last deletion, undoable until it expires. */
  undo: { ids: string[] } | null;
  /** The tag typed into the selection bar. */
  bulkTag: string;
}

export type LibraryAction =
  | { type: 'query'; query: string }
  | { type: 'filter'; filter: LibraryFilter }
  | { type: 'toggleFacet'; facet: Facet; value: string }
  | { type: 'dates'; from: string; to: string }
  | { type: 'mode'; mode: LibraryMode }
  | { type: 'toggleGroup'; key: string }
  | { type: 'toggleSelect'; id: string }
  | { type: 'select'; ids: Iterable<string> }
  | { type: 'edit'; id: string | null }
  | { type: 'toggleFilters' }
  | { type: 'dialog'; dialog: DialogState }
  | { type: 'notice'; notice: Notice }
  | { type: 'deleted'; ids: string[] }
  | { type: 'undoDone' }
  | { type: 'bulkTag'; tag: string }
  | { type: 'showClip'; clip: Clip };

export function initialLibraryState(mode: LibraryMode): LibraryState {
  return {
    query: '',
    filter: emptyFilter(),
    mode,
    collapsed: new Set(),
    selected: new Set(),
    editing: null,
    filtersOpen: false,
    dialog: null,
    notice: null,
    undo: null,
    bulkTag: '',
  };
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** Changing what is shown closes the open editor: its row may no longer be in the list. */
function withFilter(state: LibraryState, filter: LibraryFilter): LibraryState {
  return { ...state, filter, editing: null };
}

export function libraryReducer(state: LibraryState, action: LibraryAction): LibraryState {
  switch (action.type) {
    case 'query':
      return { ...state, query: action.query };
    case 'filter':
      return withFilter(state, action.filter);
    case 'toggleFacet':
      return withFilter(state, toggleFacetValue(state.filter, action.facet, action.value));
    case 'dates':
      return withFilter(state, { ...state.filter, from: action.from, to: action.to });
    case 'mode':
      return { ...state, mode: action.mode };
    case 'toggleGroup':
      return { ...state, collapsed: toggled(state.collapsed, action.key) };
    case 'toggleSelect':
      return { ...state, selected: toggled(state.selected, action.id) };
    case 'select':
      return { ...state, selected: new Set(action.ids) };
    case 'edit':
      return { ...state, editing: action.id };
    case 'toggleFilters':
      return { ...state, filtersOpen: !state.filtersOpen };
    case 'dialog':
      return { ...state, dialog: action.dialog };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'deleted': {
      const gone = new Set(action.ids);
      return {
        ...state,
        selected: new Set([...state.selected].filter((id) => !gone.has(id))),
        editing: state.editing !== null && gone.has(state.editing) ? null : state.editing,
        undo: { ids: action.ids },
        notice: null,
      };
    }
    case 'undoDone':
      return { ...state, undo: null };
    case 'bulkTag':
      return { ...state, bulkTag: action.tag };
    case 'showClip':
      // "Show in library" from the similar-passages dialog: the clip's speech alone, its editor open.
      return {
        ...state,
        dialog: null,
        query: '',
        mode: 'speech',
        filter: { ...emptyFilter(), speech: [action.clip.url] },
        editing: action.clip.id,
      };
  }
}

/** How many filter chips are active (a date range counts once). */
export function activeFilterCount(filter: LibraryFilter): number {
  const facets = (['site', 'speech', 'tag', 'color', 'mention'] as const).reduce((n, f) => n + filter[f].length, 0);
  return facets + (filter.from || filter.to ? 1 : 0);
}
