import { rangeFor } from '../extract';
import { pointInRange } from '../highlight/hitTest';
import type { SimilarMarkReply } from '../messages/history';
import { request } from '../messages/content-endpoint';
import type { ReadingController } from './controller';
import { similarTooltip } from './similar-tooltip';

/**
 * The named highlight of paragraphs that recur in an earlier-read speech or a clip (issue 12); its style is in
 * the page rules (lib/highlight/stylesheet.ts, installed by the reading controller).
 */
export const SIMILAR_HIGHLIGHT = 'tifa-similar';

/**
 * Paints the page's recurring paragraphs. The background finds them (fingerprints and alignment never run on
 * the page's thread); this side gets ranges and the other speeches' names only, after each new analysis of a
 * policy page (which is also when the background records the page in the history).
 */
export function startSimilarMarks(reading: ReadingController, signal: AbortSignal, doc: Document = document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win?.Highlight) return;
  let found: SimilarMarkReply['paragraphs'] = [];
  // The painted ranges, one per paragraph of `found`: built once per answer, hit-tested on every pointer frame.
  let ranges: Range[] = [];
  let label = '';
  const clear = () => {
    win.CSS.highlights.delete(SIMILAR_HIGHLIGHT);
    found = [];
    ranges = [];
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
        if (!found.length) return;
        const ex = reading.liveExtraction() ?? snap.extraction;
        ranges = found.map((p) => rangeFor(ex, p.start, p.end));
        win.CSS.highlights.set(SIMILAR_HIGHLIGHT, new win.Highlight(...ranges));
      },
      () => undefined, // the worker went away: the next analysis asks again
    );
  }, signal);
  // The tooltip: one hover source among the spans' and the clips' (lib/reading/hover.ts); where hits overlap the
  // shorter wins, so a mention inside a recurring paragraph keeps its own tooltip.
  reading.addHoverSource({
    hit(x, y) {
      const key = ranges.findIndex((range) => pointInRange(range, x, y));
      if (key < 0) return null;
      const p = found[key];
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
  signal.addEventListener('abort', clear, { once: true });
}
