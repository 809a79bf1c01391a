import { Icon } from './icons';
import { tl } from './i18n';
import type { Notice } from './state';

/** The last action's outcome (an error as an alert) and a library that failed to load. */
export function LibraryNotices(props: { notice: Notice; loadError: Error | null; onDismiss(): void }) {
  const { notice, loadError } = props;
  return (
    <>
      {notice && (
        <div class={`tifa-lib-notice is-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" class="tifa-lib-icon" aria-label={tl('library_dismiss')} onClick={props.onDismiss}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {loadError && (
        <div class="tifa-lib-notice is-error" role="alert">
          {tl('library_loadFailed', { reason: loadError.message })}
        </div>
      )}
    </>
  );
}

/** "N clips deleted — Undo", until it is taken, dismissed or expires. */
export function UndoToast(props: { count: number; onUndo(): void; onDismiss(): void }) {
  return (
    <div class="tifa-lib-toast" role="status">
      <span>{tl('library_deleted', { n: props.count })}</span>
      <button type="button" class="tifa-lib-button tifa-lib-primary" onClick={props.onUndo}>
        {tl('library_undo')}
      </button>
      <button type="button" class="tifa-lib-icon" aria-label={tl('library_dismiss')} onClick={props.onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}

/** An empty library: how to clip, or import. */
export function EmptyLibrary(props: { onImport(): void }) {
  return (
    <div class="tifa-lib-empty">
      <h2>{tl('library_emptyTitle')}</h2>
      <p>{tl('library_emptyHowTo')}</p>
      <p>{tl('library_emptyImport')}</p>
      <button type="button" class="tifa-lib-button tifa-lib-primary" onClick={props.onImport}>
        {tl('library_import')}
      </button>
    </div>
  );
}

/** Nothing matches the search or the filters: say which, and offer to clear them. */
export function NoMatch(props: { query: string; filtered: boolean; onClearQuery(): void; onClearFilters(): void }) {
  const query = props.query.trim();
  return (
    <div class="tifa-lib-empty">
      <h2>{tl('library_noMatchTitle')}</h2>
      <p>{query ? tl('library_noMatchQuery', { query }) : tl('library_noMatchFilters')}</p>
      <div class="tifa-lib-empty-actions">
        {props.query && (
          <button type="button" class="tifa-lib-button" onClick={props.onClearQuery}>
            {tl('library_clearSearch')}
          </button>
        )}
        {props.filtered && (
          <button type="button" class="tifa-lib-button" onClick={props.onClearFilters}>
            {tl('library_clearFilters')}
          </button>
        )}
      </div>
    </div>
  );
}
