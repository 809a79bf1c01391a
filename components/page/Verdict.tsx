import { useState } from 'preact/hooks';
import { t, uiLang } from '../../lib/i18n';
import type { PageState } from '../../lib/messages/page';
import { tf } from '../../lib/reading/describe';

export function verdictLabel(state: PageState | null): string {
  if (!state || state.status === 'pending') return t('reading_verdictPending');
  if (state.status === 'error') return t('reading_verdictError');
  if (state.status === 'other' || !state.verdict) return t('reading_verdictOther');
  return t(state.verdict.genre === 'report' ? 'reading_verdictPolicyReport' : 'reading_verdictPolicySpeech');
}

/**
 * The score as a word: it is how likely the page is a speech or report, whatever the verdict — so beside "not a
 * speech or report" it reads "likelihood: low", never a "confidence 0.00" that seems to doubt the verdict itself.
 */
export function likelihood(score: number): 'high' | 'medium' | 'low' {
  return score >= 0.75 ? 'high' : score >= 0.4 ? 'medium' : 'low';
}

/** One line: what Tifa thinks the page is, and how likely it is a speech or report. */
export function VerdictLine({ state }: { state: PageState | null }) {
  const policy = state?.status === 'policy';
  return (
    <p class={`tifa-page-verdict ${policy ? 'is-policy' : 'is-other'}`} data-status={state?.status ?? 'pending'}>
      <strong>{verdictLabel(state)}</strong>
      {state?.verdict && (
        <span class="tifa-page-score" title={state.verdict.score.toFixed(2)}>
          {' '}
          · {tf('reading_likelihood', { level: t(`reading_level_${likelihood(state.verdict.score)}`) })}
        </span>
      )}
    </p>
  );
}

/** How many reasons show before "more": enough to explain the verdict, few enough to keep the outline in view. */
const REASONS_SHOWN = 3;

/** The verdict's reasons, strongest first, in the reader's language; evidence quoted as plain text. */
export function VerdictReasons({ state }: { state: PageState }) {
  const [all, setAll] = useState(false);
  if (!state.verdict || state.verdict.reasons.length === 0) return null;
  const lang = uiLang();
  const reasons = [...state.verdict.reasons].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const shown = all ? reasons : reasons.slice(0, REASONS_SHOWN);
  return (
    <div class="tifa-page-reasons">
      <h3>{t('reading_reasons')}</h3>
      <ul>
        {shown.map((r) => (
          <li key={r.id} class={r.weight >= 0 ? 'is-for' : 'is-against'}>
            <span class="tifa-page-weight">{r.weight >= 0 ? '+' : '−'}</span> {lang === 'zh' ? r.zh : r.en}
            {r.evidence && <q class="tifa-page-evidence">{r.evidence}</q>}
          </li>
        ))}
      </ul>
      {reasons.length > REASONS_SHOWN && (
        <button type="button" class="tifa-page-link" onClick={() => setAll(!all)}>
          {all ? t('reading_fewerReasons') : tf('reading_moreReasons', { n: reasons.length - REASONS_SHOWN })}
        </button>
      )}
    </div>
  );
}
