import { useRef } from 'preact/hooks';
import { tl } from './i18n';
import type { LibraryMode } from './rows';

type ElementRef<T extends HTMLElement> = { current: T | null };

/** Search box, list mode, the filter panel's toggle, export and import. */
export function LibraryToolbar(props: {
  searchBox: ElementRef<HTMLInputElement>;
  fileInput: ElementRef<HTMLInputElement>;
  query: string;
  mode: LibraryMode;
  filtersOpen: boolean;
  activeFilters: number;
  canExport: boolean;
  onQuery(query: string): void;
  onMode(mode: LibraryMode): void;
  onToggleFilters(): void;
  onExport(): void;
  onImportFile(file: File): void;
}) {
  const composing = useRef(false);
  const { query, mode } = props;
  return (
    <div class="tifa-lib-toolbar">
      <input
        ref={props.searchBox}
        type="search"
        class="tifa-lib-search"
        value={query}
        placeholder={tl('library_searchPlaceholder')}
        aria-label={tl('library_search')}
        aria-keyshortcuts="/"
        onInput={(e) => {
          // While an input method is composing (pinyin → 汉字) the box holds Latin letters: wait for the result.
          if (!composing.current) props.onQuery((e.target as HTMLInputElement).value);
        }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={(e) => {
          composing.current = false;
          props.onQuery((e.target as HTMLInputElement).value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            props.onQuery('');
          }
        }}
      />
      <div class="tifa-lib-toolbar-row">
        <div class="tifa-lib-segmented" role="group" aria-label={tl('library_viewAs')}>
          <button type="button" aria-pressed={mode === 'speech'} onClick={() => props.onMode('speech')}>
            {tl('library_bySpeech')}
          </button>
          <button type="button" aria-pressed={mode === 'date'} onClick={() => props.onMode('date')}>
            {tl('library_byDate')}
          </button>
        </div>
        <button
          type="button"
          class="tifa-lib-button"
          aria-expanded={props.filtersOpen}
          aria-controls="tifa-lib-filter-panel"
          onClick={props.onToggleFilters}
        >
          {tl('library_filters')}
          {props.activeFilters > 0 && <span class="tifa-lib-badge">{props.activeFilters}</span>}
        </button>
        <span class="tifa-lib-spacer-x" />
        <button type="button" class="tifa-lib-button" disabled={!props.canExport} onClick={props.onExport}>
          {tl('library_export')}
        </button>
        <button type="button" class="tifa-lib-button" onClick={() => props.fileInput.current?.click()}>
          {tl('library_import')}
        </button>
        <input
          ref={props.fileInput}
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
            if (file) props.onImportFile(file);
          }}
        />
      </div>
    </div>
  );
}
