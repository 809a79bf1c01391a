import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReplyOf } from '../../lib/messages/protocol';
import { sendToBackground } from '../../lib/messages/transport';
import { tl } from '../library/i18n';

/** The reading history: the on/off setting, the pages read (newest first), delete one, erase all. */
export function HistoryView() {
  const [data, setData] = useState<ReplyOf<'history.list'> | null>(null);
  const [error, setError] = useState('');
  const reload = useCallback(
    () => sendToBackground('history.list', {}).then(setData, (e: unknown) => setError(String(e))),
    [],
  );
  useEffect(() => void reload(), [reload]);
  const act = (p: Promise<unknown>) => void p.then(reload, (e: unknown) => setError(String(e)));
  if (!data) return <p aria-busy="true">…</p>;
  return (
    <div class="tifa-similar-history">
      <label>
        <input
          type="checkbox"
          checked={data.enabled}
          onChange={(e) =>
            act(sendToBackground('history.setEnabled', { enabled: (e.target as HTMLInputElement).checked }))
          }
        />
        {tl('similar_historyOn')}
      </label>
      {error && <p role="alert">{tl('similar_error', { msg: error })}</p>}
      {data.pages.length === 0 ? (
        <p class="tifa-similar-empty">{tl('similar_noHistory')}</p>
      ) : (
        <>
          <p>
            {tl('similar_historyCount', { n: data.pages.length })}{' '}
            <button
              type="button"
              class="tifa-similar-erase"
              onClick={() => confirm(tl('similar_eraseConfirm')) && act(sendToBackground('history.erase', {}))}
            >
              {tl('similar_eraseAll')}
            </button>
          </p>
          <ul class="tifa-similar-history-list">
            {data.pages.map((p) => (
              <li key={p.id} data-page-id={p.id}>
                <strong lang="zh">{p.title}</strong>
                <span class="tifa-similar-muted"> · {[p.speaker, p.date, p.site].filter(Boolean).join(' · ')}</span>{' '}
                <button type="button" onClick={() => act(sendToBackground('history.delete', { pageId: p.id }))}>
                  {tl('similar_delete')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
