import type { Clip } from '../../lib/clips/types';
import { tl } from './i18n';

/** The line above the list: select-all, how many clips are shown, and the selection's bulk actions. */
export function LibraryStatus(props: {
  complete: boolean;
  total: number;
  shown: number;
  allShownSelected: boolean;
  selectedCount: number;
  selectedClips: Clip[];
  bulkTag: string;
  allTags: string[];
  onToggleSelectShown(): void;
  onBulkTag(tag: string): void;
  onAddTag(tag: string): void;
  onExportSelected(): void;
  onDeleteSelected(): void;
  onClearSelection(): void;
}) {
  const { complete, total, shown } = props;
  return (
    <div class="tifa-lib-status">
      <label class="tifa-lib-selectall">
        <input
          type="checkbox"
          checked={props.allShownSelected}
          disabled={shown === 0}
          onChange={props.onToggleSelectShown}
          aria-label={tl('library_selectShown')}
        />
      </label>
      <span class="tifa-lib-total" aria-live="polite">
        {complete
          ? shown === total
            ? tl('library_countAll', { n: total })
            : tl('library_countShown', { shown, n: total })
          : tl('library_loading')}
      </span>
      {props.selectedCount > 0 && <BulkBar {...props} />}
    </div>
  );
}

function BulkBar(props: Parameters<typeof LibraryStatus>[0]) {
  const { bulkTag } = props;
  return (
    <div class="tifa-lib-bulk" role="group" aria-label={tl('library_selection')}>
      <span>{tl('library_selectedCount', { n: props.selectedClips.length })}</span>
      <input
        type="text"
        class="tifa-lib-tag-input"
        list="tifa-lib-bulk-tags"
        value={bulkTag}
        placeholder={tl('library_addTagPlaceholder')}
        aria-label={tl('library_bulkTag')}
        onInput={(e) => props.onBulkTag((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => e.key === 'Enter' && props.onAddTag((e.target as HTMLInputElement).value)}
      />
      <datalist id="tifa-lib-bulk-tags">
        {props.allTags.slice(0, 200).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <button type="button" class="tifa-lib-button" disabled={!bulkTag.trim()} onClick={() => props.onAddTag(bulkTag)}>
        {tl('library_addTag')}
      </button>
      <button type="button" class="tifa-lib-button" onClick={props.onExportSelected}>
        {tl('library_export')}
      </button>
      <button type="button" class="tifa-lib-button tifa-lib-danger" onClick={props.onDeleteSelected}>
        {tl('library_deleteSelected')}
      </button>
      <button type="button" class="tifa-lib-link" onClick={props.onClearSelection}>
        {tl('library_clearSelection')}
      </button>
    </div>
  );
}
