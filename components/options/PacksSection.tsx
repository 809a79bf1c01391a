import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import {
  exportRulePack,
  mergeRulePack,
  parseRulePack,
  RulePackError,
  serializeRulePack,
} from '../../lib/rulepacks/pack';
import type { CustomRules } from '../../lib/rulepacks/schema';
import { tl } from '../library/i18n';

interface Props {
  rules: CustomRules;
  onChange(rules: CustomRules, undoLabel?: string): void;
  download(filename: string, content: string): void;
}

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/** Export the reader's terms, patterns and hidden terms as a rule pack; import one (validated whole, merged). */
export function PacksSection({ rules, onChange, download }: Props) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const exportPack = () => {
    download('tifa-rules.json', serializeRulePack(exportRulePack(rules, 'Tifa')));
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const pack = parseRulePack(await file.text());
      const { rules: merged, added } = mergeRulePack(rules, pack);
      onChange(merged, tl('options_packImportedUndo', { name: pack.name || file.name }));
      setOutcome({
        ok: true,
        text: tl('options_packImported', { terms: added.terms, patterns: added.patterns, hidden: added.hidden }),
      });
    } catch (err) {
      if (!(err instanceof RulePackError)) throw err;
      setOutcome({ ok: false, text: tl('options_packRejected', { file: file.name, reason: err.message }) });
    }
  };

  return (
    <section id="packs" class="tifa-options-section" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('options_packsTitle')}</h2>
      <p class="tifa-options-hint">{t('options_packsHint')}</p>
      <div class="tifa-options-form">
        <button type="button" onClick={exportPack} data-testid="pack-export">
          {t('options_packExport')}
        </button>
        <label class="tifa-options-file">
          {t('options_packImport')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="pack-import"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </div>
      {outcome && (
        <p
          class={outcome.ok ? 'tifa-options-ok' : 'tifa-options-error'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="pack-outcome"
        >
          {outcome.text}
        </p>
      )}
    </section>
  );
}
