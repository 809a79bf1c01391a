import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { correctionSchema, hiddenTermSchema, type CustomRules } from '../../lib/rulepacks/schema';
import { termKey } from '../../lib/rules/custom-rules';
import type { MentionCategory } from '../../lib/rules/types';
import { tl } from '../library/i18n';
import { CategorySelect } from './CategorySelect';
import { categoryLabel } from './labels';

interface Props {
  rules: CustomRules;
  onChange(rules: CustomRules, undoLabel?: string): void;
}

/**
 * Hidden terms ("not a 提法") and category corrections ("wrong category"): what the reader told Tifa from a
 * page's tooltip or here. Each can be taken back (with undo).
 */
export function CorrectionsSection({ rules, onChange }: Props) {
  const [hidden, setHidden] = useState('');
  const [text, setText] = useState('');
  const [category, setCategory] = useState<MentionCategory>('formulation');

  const addHidden = (e: Event) => {
    e.preventDefault();
    const parsed = hiddenTermSchema.safeParse(hidden);
    if (!parsed.success) return;
    if (!rules.hidden.some((h) => termKey(h) === termKey(parsed.data))) {
      onChange({ ...rules, hidden: [...rules.hidden, parsed.data] }, tl('options_hiddenAdded', { text: parsed.data }));
    }
    setHidden('');
  };

  const addCorrection = (e: Event) => {
    e.preventDefault();
    const parsed = correctionSchema.safeParse({ text, category });
    if (!parsed.success) return;
    const others = rules.corrections.filter((c) => termKey(c.text) !== termKey(parsed.data.text));
    onChange(
      { ...rules, corrections: [...others, parsed.data] },
      tl('options_correctionAdded', { text: parsed.data.text }),
    );
    setText('');
  };

  return (
    <section id="corrections" class="tifa-options-section" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('options_correctionsTitle')}</h2>
      <p class="tifa-options-hint">{t('options_correctionsHint')}</p>

      <h3>{t('options_hiddenTitle')}</h3>
      <form class="tifa-options-form" onSubmit={addHidden} data-testid="hidden-form">
        <input
          required
          aria-label={t('options_hiddenText')}
          placeholder={t('options_hiddenText')}
          value={hidden}
          onInput={(e) => setHidden(e.currentTarget.value)}
        />
        <button type="submit">{t('options_hide')}</button>
      </form>
      {rules.hidden.length === 0 ? (
        <p class="tifa-options-empty">{t('options_hiddenEmpty')}</p>
      ) : (
        <ul class="tifa-options-chips" aria-label={t('options_hiddenTitle')}>
          {rules.hidden.map((h) => (
            <li key={h} class="tifa-options-chip">
              <span>{h}</span>
              <button
                type="button"
                aria-label={tl('options_unhide', { text: h })}
                title={tl('options_unhide', { text: h })}
                onClick={() =>
                  onChange(
                    { ...rules, hidden: rules.hidden.filter((x) => x !== h) },
                    tl('options_hiddenRemoved', { text: h }),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('options_correctionsListTitle')}</h3>
      <form class="tifa-options-form" onSubmit={addCorrection}>
        <input
          required
          aria-label={t('options_correctionText')}
          placeholder={t('options_correctionText')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <CategorySelect label={t('options_correctionCategory')} value={category} onChange={setCategory} />
        <button type="submit">{t('options_add')}</button>
      </form>
      {rules.corrections.length === 0 ? (
        <p class="tifa-options-empty">{t('options_correctionsEmpty')}</p>
      ) : (
        <ul class="tifa-options-list" aria-label={t('options_correctionsListTitle')}>
          {rules.corrections.map((c) => (
            <li key={c.text} class="tifa-options-item">
              <strong>{c.text}</strong>
              <span class="tifa-options-muted">→</span>
              <span class="tifa-options-badge">{categoryLabel(c.category)}</span>
              <span class="tifa-options-actions">
                <button
                  type="button"
                  onClick={() =>
                    onChange(
                      { ...rules, corrections: rules.corrections.filter((x) => x !== c) },
                      tl('options_correctionRemoved', { text: c.text }),
                    )
                  }
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
