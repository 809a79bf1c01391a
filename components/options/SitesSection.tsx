import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { POLICY_HOST_MATCHES } from '../../lib/sites';
import { tl } from '../library/i18n';

/** `*://*.gov.cn/*` → `gov.cn` (and its subdomains); `https://example.org/*` → `example.org`. */
function siteName(pattern: string): string {
  return pattern
    .replace(/^[^:]+:\/\//, '')
    .replace(/\/\*$/, '')
    .replace(/^\*\./, '');
}

/** Where Tifa runs: the built-in sites, and the sites the reader added (with a way to remove them). */
export function SitesSection(props: { listSites(): Promise<string[]>; removeSite(pattern: string): Promise<void> }) {
  const [added, setAdded] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => props.listSites().then(setAdded, (err: unknown) => setError(String(err)));
  useEffect(() => void refresh(), []);

  const remove = async (pattern: string) => {
    try {
      await props.removeSite(pattern);
    } catch (err) {
      setError(String(err));
    }
    await refresh();
  };

  return (
    <section id="sites" class="tifa-options-section" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options_sitesTitle')}</h2>
      <h3>{t('options_sitesDefault')}</h3>
      <p class="tifa-options-hint">{t('options_sitesDefaultHint')}</p>
      <ul class="tifa-options-chips" aria-label={t('options_sitesDefault')}>
        {POLICY_HOST_MATCHES.map((p) => (
          <li key={p} class="tifa-options-chip" title={p}>
            {siteName(p)}
          </li>
        ))}
      </ul>
      <h3>{t('options_sitesAdded')}</h3>
      <p class="tifa-options-hint">{t('options_sitesAddedHint')}</p>
      {error && (
        <p class="tifa-options-error" role="alert">
          {error}
        </p>
      )}
      {added && added.length === 0 && <p class="tifa-options-empty">{t('options_sitesAddedEmpty')}</p>}
      {added && added.length > 0 && (
        <ul class="tifa-options-list" aria-label={t('options_sitesAdded')}>
          {added.map((p) => (
            <li key={p} class="tifa-options-item">
              <strong title={p}>{siteName(p)}</strong>
              <span class="tifa-options-actions">
                <button
                  type="button"
                  aria-label={tl('options_siteRemove', { site: siteName(p) })}
                  onClick={() => void remove(p)}
                >
                  {t('options_remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
