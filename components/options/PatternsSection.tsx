import { useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { patternProblemText } from '../../lib/rulepacks/messages';
import { compileUserPattern, type PatternCheck } from '../../lib/rulepacks/pattern';
import { packPatternSchema, type CustomRules } from '../../lib/rulepacks/schema';
import type { MentionCategory } from '../../lib/rules/types';
import { tl } from '../library/i18n';
import { CategorySelect } from './CategorySelect';
import { categoryLabel, inUiLanguage } from './labels';

interface Props {
  rules: CustomRules;
  onChange(rules: CustomRules, undoLabel?: string): void;
}

interface Draft {
  id: string;
  pattern: string;
  flags: string;
  category: MentionCategory;
  description: string;
}

const EMPTY: Draft = { id: '', pattern: '', flags: 'u', category: 'formulation', description: '' };
/** The live tester skips the timing on the long sample (it runs on every keystroke); saving runs it. */
const NO_TIMING = { sample: '' };

function freeId(rules: CustomRules): string {
  for (let n = rules.patterns.length + 1; ; n++) if (!rules.patterns.some((p) => p.id === `p${n}`)) return `p${n}`;
}

/** The sample with each match marked, and how many there are. */
function Tester({ check, sample }: { check: PatternCheck | null; sample: string }) {
  if (!check?.ok || !sample) return null;
  const spans = check.matcher.findAll(sample, sample.length);
  const parts = [];
  let at = 0;
  for (const [start, end] of spans) {
    parts.push(sample.slice(at, start), <mark key={start}>{sample.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(sample.slice(at));
  return (
    <div class="tifa-options-tester" aria-live="polite">
      <p class="tifa-options-muted" data-testid="pattern-count">
        {tl('options_patternMatches', { n: spans.length })}
      </p>
      <pre class="tifa-options-sample">{parts}</pre>
    </div>
  );
}

/** Custom regular expressions, checked (re2js, guards) and tested live on text the reader pastes. */
export function PatternsSection({ rules, onChange }: Props) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // Functional update: several inputs can change before the next render (fast typing, autofill).
  const edit = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const [sample, setSample] = useState('');
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const live = useMemo(
    () => (draft.pattern ? compileUserPattern(draft.pattern, draft.flags, NO_TIMING) : null),
    [draft.pattern, draft.flags],
  );
  const liveProblem = live && !live.ok ? inUiLanguage(patternProblemText(live.problem)) : null;

  const submit = (e: Event) => {
    e.preventDefault();
    const id = draft.id.trim() || freeId(rules);
    const parsed = packPatternSchema.safeParse({
      id,
      pattern: draft.pattern,
      flags: draft.flags || undefined,
      category: draft.category,
      ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    });
    if (!parsed.success) return setSaveProblem(t('options_patternIdInvalid'));
    if (rules.patterns.some((p) => p.id === id)) return setSaveProblem(tl('options_patternIdTaken', { id }));
    const full = compileUserPattern(parsed.data.pattern, parsed.data.flags);
    if (!full.ok) return setSaveProblem(inUiLanguage(patternProblemText(full.problem)));
    onChange({ ...rules, patterns: [...rules.patterns, parsed.data] });
    setDraft(EMPTY);
    setSaveProblem(null);
  };

  const problem = liveProblem ?? saveProblem;
  return (
    <section id="patterns" class="tifa-options-section" aria-labelledby="patterns-title">
      <h2 id="patterns-title">{t('options_patternsTitle')}</h2>
      <p class="tifa-options-hint">{t('options_patternsHint')}</p>
      <form class="tifa-options-form tifa-options-pattern-form" onSubmit={submit} data-testid="pattern-form">
        <input
          name="pattern"
          class="tifa-options-code"
          required
          placeholder={t('options_patternSource')}
          aria-label={t('options_patternSource')}
          aria-invalid={!!problem}
          value={draft.pattern}
          onInput={(e) => {
            edit('pattern', e.currentTarget.value);
            setSaveProblem(null);
          }}
        />
        <input
          name="flags"
          class="tifa-options-code tifa-options-flags"
          placeholder="u"
          aria-label={t('options_patternFlags')}
          value={draft.flags}
          onInput={(e) => {
            edit('flags', e.currentTarget.value);
            setSaveProblem(null);
          }}
        />
        <CategorySelect
          label={t('options_category')}
          name="category"
          value={draft.category}
          onChange={(category) => edit('category', category)}
        />
        <input
          name="id"
          placeholder={t('options_patternId')}
          aria-label={t('options_patternId')}
          value={draft.id}
          onInput={(e) => edit('id', e.currentTarget.value)}
        />
        <input
          name="description"
          placeholder={t('options_patternDescription')}
          aria-label={t('options_patternDescription')}
          value={draft.description}
          onInput={(e) => edit('description', e.currentTarget.value)}
        />
        <button type="submit" disabled={!!liveProblem}>
          {t('options_add')}
        </button>
      </form>
      {problem && (
        <p class="tifa-options-error" role="alert" data-testid="pattern-error">
          {problem}
        </p>
      )}
      <label class="tifa-options-sample-label">
        {t('options_patternSample')}
        <textarea
          rows={4}
          value={sample}
          placeholder={t('options_patternSamplePlaceholder')}
          onInput={(e) => setSample(e.currentTarget.value)}
        />
      </label>
      <Tester check={live} sample={sample} />
      {rules.patterns.length === 0 ? (
        <p class="tifa-options-empty">{t('options_patternsEmpty')}</p>
      ) : (
        <ul class="tifa-options-list" aria-label={t('options_patternsTitle')}>
          {rules.patterns.map((p) => (
            <li key={p.id} class="tifa-options-item" data-pattern={p.id}>
              <code class="tifa-options-code">
                /{p.pattern}/{p.flags ?? 'u'}
              </code>
              <span class="tifa-options-badge">{categoryLabel(p.category)}</span>
              <span class="tifa-options-muted">{p.id}</span>
              {p.description && <span class="tifa-options-gloss">{p.description}</span>}
              <span class="tifa-options-actions">
                <button
                  type="button"
                  onClick={() =>
                    onChange(
                      { ...rules, patterns: rules.patterns.filter((x) => x.id !== p.id) },
                      tl('options_patternRemoved', { id: p.id }),
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
