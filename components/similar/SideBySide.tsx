import type { SideBySide as SideBySideData } from '../../lib/history/handlers';
import { DiffText } from './Diff';
import { tl } from '../library/i18n';

/**
 * A page paragraph next to the earlier-read paragraph it reuses (the `similar.pair` reply): the other speech
 * named, the label and share, and in each column what the other does not have marked — what a template user
 * changed (place names, numbers, an inserted sentence).
 */
export function SideBySide({ pair }: { pair: SideBySideData }) {
  return (
    <section class="tifa-similar-pair" aria-label={pair.other.title}>
      <header>
        <strong>{pair.other.title}</strong>
        {pair.other.date && <span> · {pair.other.date}</span>}
        {pair.label && (
          <span class={`tifa-similar-label tifa-similar-label-${pair.label}`}>
            {' '}
            · {tl(`similar_label_${pair.label}`)}
          </span>
        )}
        <span> · {tl('similar_shared', { pct: Math.round(pair.score * 100) })}</span>
      </header>
      <div class="tifa-similar-columns">
        <span class="tifa-similar-colhead">{tl('similar_other')}</span>
        <span class="tifa-similar-colhead">{tl('similar_thisPage')}</span>
        <p lang="zh" data-side="other">
          <DiffText ops={pair.ops} side="left" />
        </p>
        <p lang="zh" data-side="page">
          <DiffText ops={pair.ops} side="right" />
        </p>
      </div>
    </section>
  );
}
