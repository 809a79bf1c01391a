import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_STYLES, HIGHLIGHT_CATEGORIES, type HighlightCategory } from '../../lib/highlight/categories';
import { t } from '../../lib/i18n';
import './controls.css';
import type { PageState } from '../../lib/messages/page';
import { categoryLabel } from '../../lib/reading/describe';
import { modeOf, READING_MODES, togglesForMode, type ReadingMode } from '../../lib/reading/modes';
import {
  defaultToggles,
  loadToggles,
  saveGlobalToggles,
  savePageToggles,
  watchToggles,
  type ToggleScope,
  type Toggles,
} from '../../lib/reading/toggles';

/**
 * The highlight controls shared by the popup and the side panel: the reading mode (calm / full), the
 * per-category switches with their counts (the colour legend), and whether they apply to this page or all pages.
 * Everything is stored (lib/reading/toggles.ts) and every tab showing the page applies it live.
 */
export function HighlightControls({ url, state }: { url: string | undefined; state: PageState }) {
  const [toggles, setToggles] = useState<Toggles>(defaultToggles());
  const [scope, setScope] = useState<ToggleScope>('global');

  // The switches follow storage, not the page's state: the page applies a change a moment later, and a state read
  // in between must not flip a switch the reader just moved.
  useEffect(() => {
    if (!url) return;
    const load = () =>
      void loadToggles(url).then(({ toggles: tg, scope: sc }) => {
        setToggles(tg);
        setScope(sc);
      });
    load();
    return watchToggles(load);
  }, [url]);

  const save = (next: Toggles, nextScope: ToggleScope = scope) => {
    setToggles(next);
    if (url) void (nextScope === 'page' ? savePageToggles(url, next) : saveGlobalToggles(next));
  };
  const changeScope = (nextScope: ToggleScope) => {
    setScope(nextScope);
    // "All pages" drops this page's own toggles; "This page" keeps what is shown now as the page's own.
    if (url) void savePageToggles(url, nextScope === 'page' ? toggles : null);
  };
  const mode = modeOf(toggles);

  return (
    <fieldset class="tifa-page-toggles">
      <legend>{t('reading_highlights')}</legend>
      <div class="tifa-page-modes" role="radiogroup" aria-label={t('reading_mode')}>
        {READING_MODES.map((m: ReadingMode) => (
          <label key={m} class={`tifa-page-mode${mode === m ? ' is-on' : ''}`} title={t(`reading_modeHint_${m}`)}>
            <input
              type="radio"
              name="tifa-mode"
              value={m}
              checked={mode === m}
              onChange={() => save(togglesForMode(m))}
            />
            {t(`reading_mode_${m}`)}
          </label>
        ))}
        {mode === 'custom' && <span class="tifa-page-mode-custom">{t('reading_mode_custom')}</span>}
      </div>
      <label class="tifa-page-toggle tifa-page-toggle-all">
        <input
          type="checkbox"
          checked={toggles.all}
          onChange={(e) => save({ ...toggles, all: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t('reading_allHighlights')}</span>
      </label>
      <ul class="tifa-page-legend" aria-label={t('reading_legend')}>
        {HIGHLIGHT_CATEGORIES.map((c) => (
          <CategoryToggle
            key={c}
            category={c}
            count={state.counts[c] ?? 0}
            checked={toggles.categories[c]}
            disabled={!toggles.all}
            onChange={(on) => save({ ...toggles, categories: { ...toggles.categories, [c]: on } })}
          />
        ))}
      </ul>
      <div class="tifa-page-scope" role="radiogroup" aria-label={t('reading_applyTo')}>
        <span>{t('reading_applyTo')}</span>
        {(['page', 'global'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="tifa-scope" checked={scope === s} onChange={() => changeScope(s)} />
            {t(s === 'page' ? 'reading_scopePage' : 'reading_scopeGlobal')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function CategoryToggle(props: {
  category: HighlightCategory;
  count: number;
  checked: boolean;
  disabled: boolean;
  onChange(on: boolean): void;
}) {
  const style = CATEGORY_STYLES[props.category];
  return (
    <li>
      <label class="tifa-page-toggle">
        <input
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          data-category={props.category}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span
          class={`tifa-page-swatch${style.underline ? ' tifa-page-swatch-underline' : ''}`}
          style={{ background: style.tint, borderColor: style.swatch }}
          aria-hidden="true"
        />
        <span class="tifa-page-cat">{categoryLabel(props.category)}</span>
        <span class="tifa-page-count">{props.count}</span>
      </label>
    </li>
  );
}
