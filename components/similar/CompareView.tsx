import { useState } from 'preact/hooks';
import type { CompareRow, Comparison, MentionChange } from '../../lib/compare/types';
import type { MentionCategory } from '../../lib/rules/types';
import { DiffText } from './Diff';
import { tl } from '../library/i18n';

const CATEGORIES: MentionCategory[] = ['formulation', 'program', 'document', 'meeting', 'target'];

/** Added and dropped mentions, by category, with counts. */
function MentionList({
  title,
  list,
  kind,
}: {
  title: string;
  list: readonly MentionChange[];
  kind: 'added' | 'dropped';
}) {
  return (
    <section class={`tifa-compare-mentions tifa-compare-${kind}`}>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p>{tl('similar_none')}</p>
      ) : (
        <dl>
          {CATEGORIES.filter((c) => list.some((m) => m.category === c)).map((c) => (
            <div key={c}>
              <dt>{tl(`similar_cat_${c}`)}</dt>
              <dd lang="zh">
                {list
                  .filter((m) => m.category === c)
                  .map((m) => (m.count > 1 ? `${m.text}（${m.count}）` : m.text))
                  .join('、')}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Row({ c, row }: { c: Comparison; row: CompareRow }) {
  const where =
    row.kind === 'dropped'
      ? tl('similar_paragraphWas', { n: row.left + 1 })
      : row.kind === 'moved'
        ? `${tl('similar_paragraphWas', { n: row.left + 1 })} → ${tl('similar_paragraphAt', { n: row.right + 1 })}`
        : tl('similar_paragraphAt', { n: row.right + 1 });
  const body =
    row.kind === 'added' ? (
      <ins>{c.right.paragraphs[row.right].text}</ins>
    ) : row.kind === 'dropped' ? (
      <del>{c.left.paragraphs[row.left].text}</del>
    ) : row.kind === 'same' || !row.ops ? (
      c.right.paragraphs[row.right].text
    ) : (
      <DiffText ops={row.ops} side="inline" />
    );
  return (
    <li class={`tifa-compare-row tifa-compare-${row.kind}`} data-kind={row.kind}>
      {row.kind !== 'same' && (
        <span class="tifa-compare-tag">
          {tl(`similar_row_${row.kind}`)} · {where}
        </span>
      )}
      <p lang="zh">{body}</p>
    </li>
  );
}

/**
 * A comparison of two speeches (the `compare.run` reply): added and dropped mentions on top, then the newer
 * text's paragraphs under its sections with changes marked; unchanged paragraphs hidden unless asked for.
 */
export function CompareView({
  comparison: c,
  onCopyMarkdown,
}: {
  comparison: Comparison;
  onCopyMarkdown?: () => void;
}) {
  const [showSame, setShowSame] = useState(false);
  const name = (s: Comparison['left']) => [s.title, s.date].filter(Boolean).join(' · ') || '—';
  let section = -2;
  return (
    <article class="tifa-compare">
      <h2>{tl('similar_compareTitle', { older: name(c.left), newer: name(c.right) })}</h2>
      <p class="tifa-compare-counts">{tl('similar_counts', c.counts)}</p>
      {onCopyMarkdown && (
        <button type="button" onClick={onCopyMarkdown}>
          {tl('similar_copyMarkdown')}
        </button>
      )}
      <MentionList title={tl('similar_added')} list={c.added} kind="added" />
      <MentionList title={tl('similar_dropped')} list={c.dropped} kind="dropped" />
      <label>
        <input
          type="checkbox"
          checked={showSame}
          onChange={(e) => setShowSame((e.target as HTMLInputElement).checked)}
        />
        {tl('similar_showUnchanged')}
      </label>
      <ol class="tifa-compare-rows">
        {c.rows.flatMap((row, i) => {
          if (row.kind === 'same' && !showSame) return [];
          const out = [];
          const s = row.kind === 'dropped' ? section : c.right.sectionOf[row.right];
          if (s !== section) {
            section = s;
            const head =
              s >= 0 ? `${c.right.sections[s].marker}${c.right.sections[s].title}` : tl('similar_beforeSections');
            out.push(
              <li key={`s${i}`} class="tifa-compare-section">
                <h3 lang="zh">{head}</h3>
              </li>,
            );
          }
          out.push(<Row key={i} c={c} row={row} />);
          return out;
        })}
      </ol>
      {c.moved.length > 0 && (
        <section class="tifa-compare-moved">
          <h3>{tl('similar_movedSentences')}</h3>
          <ul>
            {c.moved.map((m, i) => (
              <li key={i} lang="zh">
                “{m.text}” {tl('similar_paragraphWas', { n: m.left + 1 })} →{' '}
                {tl('similar_paragraphAt', { n: m.right + 1 })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
