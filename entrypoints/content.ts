import { POLICY_HOST_MATCHES } from '../lib/sites';
import { contentScriptLifetime, startReading } from '../lib/reading/start';
import { startClipping } from '../lib/clipping/content-clipper';
import { clipHoverSource } from '../lib/clipping/clip-card';
import { startSimilarMarks } from '../lib/reading/similar-marks';

export default defineContentScript({
  matches: POLICY_HOST_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // One lifetime for every part: aborted on invalidation or when a second injection takes over.
    const life = contentScriptLifetime(ctx);
    // Reading: analyse the page, highlight it, answer the popup and side panel.
    const reading = startReading(life);
    // Clipping: floating button, context menu / shortcut target, saved clips re-anchored and highlighted.
    const clipper = startClipping(life, reading);
    // Hovering a clip shows its note and tags, to edit or delete, in the same tooltip as the highlights'.
    reading.addHoverSource(clipHoverSource(document, clipper.highlighter, () => clipper.reanchor()));
    // Similar texts: paragraphs recurring in an earlier-read speech or a clip, marked from the background's answer.
    startSimilarMarks(reading, life);
  },
});
