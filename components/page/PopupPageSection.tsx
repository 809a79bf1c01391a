import { useEffect, useState } from 'preact/hooks';
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
import { HighlightControls } from './HighlightControls';
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
  const [granted, setGranted] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  // "Granted" means Tifa really runs here by the reader's choice: permission and registered script.
  const recheckGranted = () => {
    if (url && !isBuiltInSite(url)) void isSiteAlwaysOn(url).then(setGranted);
  };
  useEffect(recheckGranted, [url]);

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

      {state && state.status === 'policy' && <HighlightControls url={url} state={state} />}

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
