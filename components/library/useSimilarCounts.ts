import { useEffect, useRef, useState } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import { sendToBackground } from '../../lib/messages/transport';

/** Rows asked about in one message at most (the protocol's bound). */
const BATCH = 200;

/**
 * How many reading-history passages resemble each shown clip (issue 12), for the rows' badges. Rows ask while
 * rendering (`countOf`); after the render the ones not known yet go to the background in ONE `similar.counts`
 * message, so a screenful costs one round trip, and the answers are kept for the view's lifetime (keyed by the
 * clip's text: an edited clip is asked again). The background keeps its own cache until the history changes.
 */
export function useSimilarCounts(): (clip: Clip) => number | undefined {
  const known = useRef(new Map<string, { text: string; count: number | null }>());
  const wanted = useRef(new Map<string, Clip>());
  const busy = useRef(false);
  const [, setVersion] = useState(0);

  useEffect(() => {
    if (busy.current || wanted.current.size === 0) return;
    const batch = [...wanted.current.values()].slice(0, BATCH);
    for (const clip of batch) wanted.current.delete(clip.id);
    busy.current = true;
    sendToBackground('similar.counts', { clips: batch.map((c) => ({ id: c.id, text: c.text, url: c.url })) })
      .then(
        ({ counts }) => {
          const byId = new Map(counts.map((c) => [c.id, c.count]));
          for (const c of batch) known.current.set(c.id, { text: c.text, count: byId.get(c.id) ?? 0 });
        },
        // Unknown, and not asked again in this view (no retry loop): the row shows no badge.
        () => {
          for (const c of batch) known.current.set(c.id, { text: c.text, count: null });
        },
      )
      .finally(() => {
        busy.current = false;
        setVersion((v) => v + 1);
      });
  });

  return (clip) => {
    const k = known.current.get(clip.id);
    if (k && k.text === clip.text) return k.count ?? undefined;
    // A clip without text (unplaced, no words yet) has nothing to compare.
    if (clip.text.trim()) wanted.current.set(clip.id, clip);
    return undefined;
  };
}
