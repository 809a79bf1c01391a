import { useEffect, useState } from 'preact/hooks';
import type { ReplyOf } from '../../lib/messages/protocol';
import { sendToBackground } from '../../lib/messages/transport';
import { tl } from '../library/i18n';
import { CompareView } from './CompareView';

type Summary = ReplyOf<'history.list'>['pages'][number];
interface Choice {
  pageId: number;
  title: string;
  date?: string;
  shared: number;
}

/** Most similar first (shared paragraphs), then the rest of the history newest first; never the page itself. */
export function orderChoices(
  suggestions: ReplyOf<'compare.suggest'>['suggestions'],
  pages: readonly Summary[],
  selfUrl?: string,
): Choice[] {
  const out: Choice[] = suggestions.map((s) => ({
    pageId: s.pageId,
    title: s.title,
    date: s.date,
    shared: s.sharedParagraphs,
  }));
  const seen = new Set(out.map((c) => c.pageId));
  for (const p of pages)
    if (!seen.has(p.id) && p.url !== selfUrl) out.push({ pageId: p.id, title: p.title, date: p.date, shared: 0 });
  return out;
}

/**
 * Compare this page with any earlier-read one: pick (most similar suggested first), compare in the background,
 * show added/dropped mentions on top and the aligned paragraphs; copy the comparison as Markdown.
 */
export function CompareTab({ tabId }: { tabId: number }) {
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [result, setResult] = useState<ReplyOf<'compare.run'> | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void Promise.all([sendToBackground('compare.suggest', { tabId }), sendToBackground('history.list', {})]).then(
      ([s, h]) => {
        const list = orderChoices(s.suggestions, h.pages);
        setChoices(list);
        setPicked(list[0]?.pageId ?? null);
      },
      (e: unknown) => setStatus(tl('similar_error', { msg: String(e) })),
    );
  }, [tabId]);
  const run = async () => {
    if (picked === null) return;
    setStatus('…');
    try {
      setResult(await sendToBackground('compare.run', { older: { pageId: picked }, newer: { tabId } }));
      setStatus('');
    } catch (e) {
      setStatus(tl('similar_error', { msg: String(e) }));
    }
  };
  const copy = async () => {
    if (!result) return;
    await navigator.clipboard.writeText(result.markdown).then(
      () => setStatus(tl('similar_copied')),
      (e: unknown) => setStatus(tl('similar_error', { msg: String(e) })),
    );
  };
  if (choices && !choices.length) return <p class="tifa-similar-empty">{tl('similar_noHistory')}</p>;
  return (
    <div class="tifa-similar-compare">
      <label>
        {tl('similar_compareWith')}
        <select
          value={picked ?? ''}
          onChange={(e) => setPicked(Number((e.target as HTMLSelectElement).value))}
          disabled={!choices}
        >
          {choices?.map((c) => (
            <option key={c.pageId} value={c.pageId}>
              {[c.title, c.date, c.shared ? tl('similar_suggested', { n: c.shared }) : ''].filter(Boolean).join(' · ')}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void run()} disabled={picked === null}>
        {tl('similar_compareRun')}
      </button>
      <p role="status">{status}</p>
      {result && <CompareView comparison={result.comparison} onCopyMarkdown={() => void copy()} />}
    </div>
  );
}
