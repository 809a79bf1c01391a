import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { packTermSchema, type CustomRules, type PackTerm } from '../../lib/rulepacks/schema';
import { termKey } from '../../lib/rules/custom-rules';
import type { MentionCategory } from '../../lib/rules/types';
import { tl } from '../library/i18n';
import { CategorySelect } from './CategorySelect';
import { categoryLabel } from './labels';

interface Props {
  rules: CustomRules;
  onChange(rules: CustomRules, undoLabel?: string): void;
}

interface Draft {
  text: string;
  category: MentionCategory;
  gloss: string;
  aliases: string;
}

const EMPTY: Draft = { text: '', category: 'program', gloss: '', aliases: '' };

function draftOf(term: PackTerm): Draft {
  return {
    text: term.text,
    category: term.category,
    gloss: term.gloss ?? '',
    aliases: (term.aliases ?? []).join('，'),
  };
}

function termOf(draft: Draft): PackTerm {
  const aliases = draft.aliases
    .split(/[,，、;；\n]/)
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    text: draft.text.trim(),
    category: draft.category,
    ...(draft.gloss.trim() ? { gloss: draft.gloss.trim() } : {}),
    ...(aliases.length ? { aliases } : {}),
  };
}

/** Custom terms: add, edit and remove (removal can be undone). */
export function TermsSection({ rules, onChange }: Props) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // Functional update: several inputs can change before the next render (fast typing, autofill).
  const edit = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const [editing, setEditing] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = packTermSchema.safeParse(termOf(draft));
    if (!parsed.success) return setProblem(t('options_termInvalid'));
    const term = parsed.data;
    const clash = rules.terms.findIndex((x, i) => i !== editing && termKey(x.text) === termKey(term.text));
    if (clash !== -1) return setProblem(tl('options_termDuplicate', { text: term.text }));
    const terms = editing === null ? [...rules.terms, term] : rules.terms.map((x, i) => (i === editing ? term : x));
    onChange({ ...rules, terms });
    setDraft(EMPTY);
    setEditing(null);
    setProblem(null);
  };

  const remove = (index: number) => {
    const removed = rules.terms[index];
    onChange(
      { ...rules, terms: rules.terms.filter((_, i) => i !== index) },
      tl('options_termRemoved', { text: removed.text }),
    );
    if (editing === index) {
      setEditing(null);
      setDraft(EMPTY);
    }
  };

  return (
    <section id="terms" class="tifa-options-section" aria-labelledby="terms-title">
      <h2 id="terms-title">{t('options_termsTitle')}</h2>
      <p class="tifa-options-hint">{t('options_termsHint')}</p>
      <form class="tifa-options-form" onSubmit={submit} data-testid="term-form">
        <input
          name="text"
          required
          placeholder={t('options_termText')}
          aria-label={t('options_termText')}
          value={draft.text}
          onInput={(e) => edit('text', e.currentTarget.value)}
        />
        <CategorySelect
          label={t('options_category')}
          name="category"
          value={draft.category}
          onChange={(category) => edit('category', category)}
        />
        <input
          name="gloss"
          placeholder={t('options_termGloss')}
          aria-label={t('options_termGloss')}
          value={draft.gloss}
          onInput={(e) => edit('gloss', e.currentTarget.value)}
        />
        <input
          name="aliases"
          placeholder={t('options_termAliases')}
          aria-label={t('options_termAliases')}
          value={draft.aliases}
          onInput={(e) => edit('aliases', e.currentTarget.value)}
        />
        <button type="submit">{editing === null ? t('options_add') : t('options_save')}</button>
        {editing !== null && (
          <button
            type="button"
            onClick={() => {
              setEditing(null);
              setDraft(EMPTY);
              setProblem(null);
            }}
          >
            {t('options_cancel')}
          </button>
        )}
      </form>
      {problem && (
        <p class="tifa-options-error" role="alert">
          {problem}
        </p>
      )}
      {rules.terms.length === 0 ? (
        <p class="tifa-options-empty">{t('options_termsEmpty')}</p>
      ) : (
        <ul class="tifa-options-list" aria-label={t('options_termsTitle')}>
          {rules.terms.map((term, i) => (
            <li key={term.text} class="tifa-options-item" data-term={term.text}>
              <strong>{term.text}</strong>
              <span class="tifa-options-badge">{categoryLabel(term.category)}</span>
              {term.aliases?.length ? <span class="tifa-options-muted">{term.aliases.join('，')}</span> : null}
              {term.gloss && <span class="tifa-options-gloss">{term.gloss}</span>}
              <span class="tifa-options-actions">
                <button
                  type="button"
                  onClick={() => {
                    setEditing(i);
                    setDraft(draftOf(term));
                    setProblem(null);
                  }}
                >
                  {t('options_edit')}
                </button>
                <button type="button" onClick={() => remove(i)}>
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
