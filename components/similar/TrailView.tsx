import { useEffect, useState } from 'preact/hooks';
import type { ReplyOf } from '../../lib/messages/protocol';
import { sendToBackground } from '../../lib/messages/transport';
import { tl } from '../library/i18n';

/**
 * 提法 across speeches: where a formulation or program appears in the reading history and the clips — first
 * seen, and per speech how often, newest first.
 */
export function TrailView({ initial = '' }: { initial?: string }) {
  const [query, setQuery] = useState(initial);
  const [trail, setTrail] = useState<ReplyOf<'mentions.trail'> | null>(null);
  const [error, setError] = useState('');
  const find = async (e?: Event, q = query) => {
    e?.preventDefault();
    if (!q.trim()) return;
    try {
      setTrail(await sendToBackground('mentions.trail', { query: q }));
      setError('');
    } catch (err) {
      setError(tl('similar_error', { msg: String(err) }));
    }
  };
  // Opened on a term (a tooltip's or the page index's "across speeches"): searched at once.
  // Once per mount: the parent remounts (a new key) for a new term.
  useEffect(() => {
    if (initial) void find(undefined, initial);
  }, []);
  return (
    <div class="tifa-similar-trail">
      <form onSubmit={(e) => void find(e)}>
        <input
          type="search"
          lang="zh"
          aria-label={tl('similar_trailQuery')}
          placeholder={tl('similar_trailQuery')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{tl('similar_trailFind')}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {trail &&
        (trail.entries.length === 0 ? (
          <p class="tifa-similar-empty">{tl('similar_trailNone')}</p>
        ) : (
          <>
            <p>{tl('similar_trailFirst', { date: trail.firstSeen ?? '—', total: trail.total })}</p>
            <ol class="tifa-similar-trail-list">
              {trail.entries.map((e) => (
                <li key={e.url}>
                  <span class="tifa-similar-date">{e.date}</span> <strong lang="zh">{e.title}</strong>
                  <span class="tifa-similar-muted">
                    {' '}
                    · {tl('similar_trailCount', { count: e.count, clips: e.clips })}
                  </span>
                </li>
              ))}
            </ol>
          </>
        ))}
    </div>
  );
}
