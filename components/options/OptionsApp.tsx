import { t } from '../../lib/i18n';
import { CorrectionsSection } from './CorrectionsSection';
import { browserOptionsDeps, type OptionsDeps } from './deps';
import { PacksSection } from './PacksSection';
import { PatternsSection } from './PatternsSection';
import { RulesSection } from './RulesSection';
import { SitesSection } from './SitesSection';
import { TermsSection } from './TermsSection';
import { useRuleSettings } from './useRuleSettings';

const SECTIONS = [
  ['terms', 'options_termsTitle'],
  ['patterns', 'options_patternsTitle'],
  ['corrections', 'options_correctionsTitle'],
  ['rules', 'options_rulesTitle'],
  ['sites', 'options_sitesTitle'],
  ['packs', 'options_packsTitle'],
] as const;

/**
 * The options page: the rule set as the reader's own. Every change is saved at once to extension storage,
 * from where the background recompiles the rule set; changes made elsewhere (a tooltip correction) show up live.
 */
export function OptionsApp({ deps = browserOptionsDeps }: { deps?: OptionsDeps }) {
  const { settings, setRules, setToggles, undo, applyUndo, error } = useRuleSettings(deps);
  return (
    <div class="tifa-options">
      <header class="tifa-options-header">
        <img src="/icon/32.png" width={24} height={24} alt="" />
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('options_sections')}>
          {SECTIONS.map(([id, key]) => (
            <a key={id} href={`#${id}`}>
              {t(key)}
            </a>
          ))}
        </nav>
      </header>
      {error && (
        <p class="tifa-options-error" role="alert">
          {error}
        </p>
      )}
      {!settings ? (
        <p class="tifa-options-empty">{t('options_loading')}</p>
      ) : (
        <main>
          <TermsSection rules={settings.rules} onChange={setRules} />
          <PatternsSection rules={settings.rules} onChange={setRules} />
          <CorrectionsSection rules={settings.rules} onChange={setRules} />
          <RulesSection toggles={settings.toggles} onChange={setToggles} />
          <SitesSection listSites={deps.listSites} removeSite={deps.removeSite} />
          <PacksSection rules={settings.rules} onChange={setRules} download={deps.download} />
        </main>
      )}
      {undo && (
        <div class="tifa-options-undo" role="status">
          <span>{undo.label}</span>
          <button type="button" onClick={() => void applyUndo()}>
            {t('options_undo')}
          </button>
        </div>
      )}
    </div>
  );
}
