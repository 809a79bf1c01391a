import { createClipHighlighter } from '../clipping/highlights';
import { rangeFor } from '../extract';
import type { SimilarMarkReply } from '../messages/history';
import { request } from '../messages/content-endpoint';
import type { ReadingController } from './controller';
import { similarTooltip } from './similar-tooltip';

/**
 * Paints the page's recurring paragraphs (issue 12). The background finds them (fingerprints and alignment never
 * run on the page's thread); this side gets ranges and the other speeches' names only, after each new analysis of
 * a policy page (which is also when the background records the page in the history).
 *
 * Which paragraphs recur is the reader's history, so they are painted like clips — boxes in Tifa's closed shadow
 * root (lib/clipping/highlights.ts) — never as a named CSS highlight, which the page's scripts could enumerate.
 */
export function startSimilarMarks(reading: ReadingController, signal: AbortSignal, doc: Document = document): void {
  let found: SimilarMarkReply['paragraphs'] = [];
  let label = '';
  const painter = createClipHighlighter(doc, 'similar');
  const clear = () => {
    painter.set([]);
    found = [];
  };
  reading.onAnalysed((snap) => {
    clear();
    if (!snap.textId || !snap.analysis.verdict.isPolicy) return;
    request('similar.mark', { textId: snap.textId }).then(
      (reply) => {
        // A newer analysis (or the end of the script) makes this answer stale.
        if (reading.snapshot()?.textId !== snap.textId || signal.aborted) return;
        const n = snap.extraction.text.length;
        found = reply.paragraphs.filter((p) => p.start < p.end && p.end <= n);
        label = reply.open;
        const ex = reading.liveExtraction() ?? snap.extraction;
        painter.set(found.map((p, i) => ({ id: String(i), range: rangeFor(ex, p.start, p.end) })));
      },
      () => undefined, // the worker went away: the next analysis asks again
    );
  }, signal);
  // The tooltip: one hover source among the spans' and the clips' (lib/reading/hover.ts); where hits overlap the
  // shorter wins, so a mention inside a recurring paragraph keeps its own tooltip. Hit-tested on the painted boxes.
  reading.addHoverSource({
    hit(x, y) {
      const p = found[Number(painter.clipAt(x, y) ?? Number.NaN)];
      if (!p) return null;
      return {
        length: p.end - p.start,
        key: `s${p.start}`,
        // Hovering shows who else has the paragraph; its button comes with a click (the tooltip is pinned then),
        // so a tooltip over a whole paragraph never catches the pointer on its way to a mention.
        content: (_close, clicked) => {
          const tip = similarTooltip(doc, p, label, () => request('similar.open', { start: p.start }));
          return clicked ? tip : { ...tip, extra: undefined };
        },
      };
    },
  });
  signal.addEventListener('abort', () => painter.destroy(), { once: true });
}
