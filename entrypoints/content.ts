import { POLICY_HOST_MATCHES } from '../lib/sites';
import { startReading } from '../lib/reading/start';
import { startClipping } from '../lib/clipping/content-clipper';

export default defineContentScript({
  matches: POLICY_HOST_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Reading: analyse the page, highlight it, answer the popup and side panel.
    const reading = startReading(ctx);
    // Clipping: floating button, context menu / shortcut target, saved clips re-anchored and highlighted.
    startClipping(ctx, reading);
  },
});
