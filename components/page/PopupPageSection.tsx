import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_STYLES, HIGHLIGHT_CATEGORIES, type HighlightCategory } from '../../lib/highlight/categories';
import { t } from '../../lib/i18n';
import { sendToTab } from '../../lib/messages/transport';
import {
  alwaysRunOnSite,
  analyzeThisPage,
  isBuiltInSite,
  isSiteAlwaysOn,
  revokeSite,
  sitePattern,
} from '../../lib/permissions/sites';
import { categoryLabel } from '../../lib/reading/describe';
import {
  defaultToggles,
  loadToggles,
  saveGlobalToggles,
  savePageToggles,
  watchToggles,
  type ToggleScope,
  type Toggles,
} from '../../lib/reading/toggles';
import { openSidePanel } from './openSidePanel';
import { usePageState } from './usePageState';
import { VerdictLine } from './Verdict';
import './page.css';

/**
 * The popup's page section: verdict, counts by category (doubling as the colour legend), highlight toggles
 * for this page or all pages, "Analyze this page", "Always run on this site" / stop, and "Open side panel".
 */
export function PopupPageSection() {
  const { tab, state, phase, refresh } = usePageState();
  const url = state?.url ?? tab?.url;
  const [toggles, setToggles] = useState<Toggles>(defaultToggles());
  const [scope, setScope] = useState<ToggleScope>('global');
  const [granted, setGranted] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  // The toggles shown are read from storage (and follow it), not from the page's state: the page applies a
  // change a moment later, and a state read in between must not flip a switch the reader just moved.
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

  // "Granted" means Tifa really runs here by the reader's choice: permission and registered script.
  const recheckGranted = () => {
    if (url && !isBuiltInSite(url)) void isSiteAlwaysOn(url).then(setGranted);
  };
  useEffect(recheckGranted, [url]);

  const save = (next: Toggles, nextScope: ToggleScope = scope) => {
    setToggles(next);
    if (!url) return;
    void (nextScope === 'page' ? savePageToggles(url, next) : saveGlobalToggles(next)).then(() =>
      setTimeout(() => void refresh(), 100),
    );
  };

  const changeScope = (nextScope: ToggleScope) => {
    setScope(nextScope);
    if (!url) return;
    // "All pages" drops this page's own toggles; "This page" keeps what is shown now as the page's own.
    void (nextScope === 'page' ? savePageToggles(url, toggles) : savePageToggles(url, null)).then(() =>
      setTimeout(() => void refresh(), 100),
    );
  };

  const analyze = async () => {
    if (!tab) return;
    setBusy(true);
    setMessage('');
    try {
      if (phase === 'ready') await sendToTab(tab.id, 'reading.analyzeNow', { force: true });
      else {
        await analyzeThisPage(tab.id);
        // The injected script analyses on start; give it a moment before asking.
        for (let i = 0; i < 20; i++) {
          await new Promise((r) => setTimeout(r, 100));
          await refresh();
        }
      }
      await refresh();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const always = () => {
    if (!url) return;
    setMessage('');
    // The permission request must be the first thing the click does (user gesture).
    alwaysRunOnSite(url)
      .then((ok) => {
        setGranted(ok);
        if (!ok) setMessage(t('reading_permissionDenied'));
        else if (phase !== 'ready') return analyze();
      })
      .catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)));
  };

  const stop = () => {
    if (!url) return;
    setMessage('');
    // Re-read afterwards even on failure: the script may be gone although giving the permission back failed.
    void revokeSite(url)
      .catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)))
      .finally(recheckGranted);
  };

  const web = !!sitePattern(url);
  const builtIn = isBuiltInSite(url);

  return (
    <section class="tifa-page-popup" aria-label={t('reading_highlights')}>
      {phase === 'notab' || (phase !== 'loading' && !web) ? (
        <p class="tifa-page-muted">{t(phase === 'notab' ? 'reading_noTab' : 'reading_notWebPage')}</p>
      ) : phase === 'absent' ? (
        <p class="tifa-page-muted">{t('reading_notRunning')}</p>
      ) : (
        <VerdictLine state={state} />
      )}

      {state && state.status === 'policy' && (
        <fieldset class="tifa-page-toggles">
          <legend>{t('reading_highlights')}</legend>
          <label class="tifa-page-toggle tifa-page-toggle-all">
            <input
              type="checkbox"
              checked={toggles.all}
              onChange={(e) => save({ ...toggles, all: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>{t('reading_allHighlights')}</span>
          </label>
          <ul class="tifa-page-legend">
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
            <span>{t('reading_applyTo')}:</span>
            <label>
              <input type="radio" name="tifa-scope" checked={scope === 'page'} onChange={() => changeScope('page')} />
              {t('reading_scopePage')}
            </label>
            <label>
              <input
                type="radio"
                name="tifa-scope"
                checked={scope === 'global'}
                onChange={() => changeScope('global')}
              />
              {t('reading_scopeGlobal')}
            </label>
          </div>
        </fieldset>
      )}

      <div class="tifa-page-actions">
        {web && tab && (
          <button type="button" onClick={() => void analyze()} disabled={busy}>
            {phase === 'ready' ? t('reading_reanalyze') : t('reading_analyzeThisPage')}
          </button>
        )}
        {web && !builtIn && !granted && (
          <button type="button" onClick={always}>
            {t('reading_alwaysRun')}
          </button>
        )}
        {web && !builtIn && granted && (
          <button type="button" onClick={stop}>
            {t('reading_stopRunning')}
          </button>
        )}
        <button type="button" onClick={() => openSidePanel(tab)}>
          {t('reading_openSidePanel')}
        </button>
      </div>
      {web && (builtIn || granted) && (
        <p class="tifa-page-muted tifa-page-small">{t(builtIn ? 'reading_builtInSite' : 'reading_grantedSite')}</p>
      )}
      {message && (
        <p class="tifa-page-message" role="status">
          {message}
        </p>
      )}
    </section>
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
