import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyOf } from '../../lib/messages/protocol';
import { sendToBackground } from '../../lib/messages/transport';
import { tl } from '../library/i18n';
import { SideBySide } from './SideBySide';

type Recurring = ReplyOf<'similar.forTab'>;

/**
 * This page's paragraphs that recur in an earlier-read speech or a clip, each next to the other text with the
 * differing characters marked. `focus` (a paragraph's start offset, from the page's tooltip) is scrolled to.
 */
export function RecurringView({ tabId, focus }: { tabId: number; focus?: number }) {
  const [data, setData] = useState<Recurring | null>(null);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef<HTMLLIElement>(null);
  useEffect(() => {
    setData(null);
    sendToBackground('similar.forTab', { tabId }).then(setData, (e: unknown) => setError(String(e)));
  }, [tabId, focus]);
  const at = focus ?? data?.focus;
  useEffect(() => focused.current?.scrollIntoView({ block: 'start' }), [data, at]);
  if (error) return <p class="tifa-similar-error">{tl('similar_error', { msg: error })}</p>;
  if (!data) return <p aria-busy="true">…</p>;
  if (!data.paragraphs.length) return <p class="tifa-similar-empty">{tl('similar_noRecurring')}</p>;
  return (
    <div class="tifa-similar-recurring">
      <p>{tl('similar_paragraphCount', { n: data.paragraphs.length })}</p>
      <ol>
        {data.paragraphs.map((p) => (
          <li
            key={p.start}
            ref={p.start === at ? focused : undefined}
            class={p.start === at ? 'tifa-similar-focus' : undefined}
            data-start={p.start}
          >
            {p.pairs.map((pair, i) => (
              <SideBySide key={i} pair={{ ...pair, other: { ...pair.other, pageId: pair.other.pageId ?? -1 } }} />
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
