import { useMemo } from 'preact/hooks';
import type { ReplyOf } from '../../lib/messages/protocol';
import { diffText, type DiffOp } from '../../lib/similarity/align';
import { SafeLink } from '../library/SafeLink';
import { tl } from '../library/i18n';
import { DiffText } from './Diff';

type Passage = ReplyOf<'similar.passages'>['matches'][number];

/**
 * The passage's part that lines up with the clip: a clip is often a few sentences of a longer paragraph, and the
 * rest of that paragraph is not a difference worth marking — it is cut to "…".
 */
function aroundClip(ops: DiffOp[]): DiffOp[] {
  const out = [...ops];
  if (out.length > 1 && out[0][0] === 1) out[0] = [0, '…'];
  const last = out.length - 1;
  if (last > 0 && out[last][0] === 1) out[last] = [0, '…'];
  return out;
}

/**
 * A clip and the reading-history passages that resemble it, as one group (issue 12: the variants of one
 * template passage): each variant under its speech's title and date, with its label and share, and the
 * characters where it differs from the clip marked — the place names and numbers a template user swapped.
 */
export function Variants({ clipText, passages }: { clipText: string; passages: readonly Passage[] }) {
  const diffs = useMemo(() => passages.map((p) => aroundClip(diffText(clipText, p.text))), [clipText, passages]);
  return (
    <section class="tifa-variants" data-count={passages.length} aria-labelledby="tifa-variants-heading">
      <h3 id="tifa-variants-heading">
        {tl('similar_variantsHeading')} <span class="tifa-variants-count">{passages.length}</span>
      </h3>
      <ol class="tifa-variants-list">
        {passages.map((p, i) => (
          <li key={`${p.pageId}:${i}`} data-page-id={p.pageId}>
            <header>
              <SafeLink href={p.url}>{p.title}</SafeLink>
              {p.date && <span> · {p.date}</span>}
              <span class={`tifa-similar-label tifa-similar-label-${p.label}`}>
                {' '}
                · {tl(`similar_label_${p.label}`)}
              </span>
              <span> · {tl('similar_shared', { pct: Math.round(p.score * 100) })}</span>
            </header>
            <p lang="zh">
              <DiffText ops={diffs[i]} side="right" />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
