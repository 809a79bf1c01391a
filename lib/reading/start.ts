import { extractText, type ExtractedText } from '../extract';
import { createHighlightApiPainter, supportsHighlightApi } from '../highlight/highlightApi';
import { MarkPainter } from '../highlight/marks';
import type { Painter } from '../highlight/painter';
import { installPageStyles } from '../highlight/stylesheet';
import { createReadingController, type ReadingController } from './controller';
import { announce, listenOnPage, request } from '../messages/content-endpoint';
import { UNKNOWN_TEXT_ID } from './text-registry';
import { mentionActions, type RuleEdits } from './tooltip-actions';
import { analyzeInBackground, wakeBackground } from './remoteAnalyze';
import { afterFirstPaint } from './timing';
import { loadToggles, watchToggles } from './toggles';

export { contentScriptLifetime, type ScriptContext } from './live';

/**
 * The Chrome build needs no <mark> fallback: its minimum_chrome_version (116) has the Highlight API (105+), and
 * leaving MarkPainter out keeps ~3 KB out of the content script (size budget: 60 KB). Other builds keep it.
 */
export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  if (import.meta.env.CHROME || supportsHighlightApi(win)) return createHighlightApiPainter(win);
  return new MarkPainter(doc);
}

/** Visible-text extraction for a real browser: the article's main content, skipping what layout hides. */
export function extractPage(doc: Document): ExtractedText {
  const root = doc.body ?? doc.documentElement;
  return extractText(root, {
    mainContent: true,
    isHidden: (el) => typeof el.checkVisibility === 'function' && !el.checkVisibility(),
  });
}

function report(err: unknown, where: string): void {
  // The extension's log: the content script's console, labelled. Never rethrown into the page.
  console.warn(`[tifa] reading ${where}:`, err);
}

/**
 * Starts reading the page: the one entry point content.ts calls. Everything stops when `signal` aborts (the
 * script's lifetime, lib/reading/live.ts: invalidation, or a second injection taking over).
 */
export function startReading(signal: AbortSignal, doc: Document = document): ReadingController {
  const edits = ruleEdits(() => controller);
  const controller: ReadingController = createReadingController({
    doc,
    // The rule set runs in the background (see lib/messages/page.ts): the page thread only extracts and paints.
    analyze: analyzeInBackground,
    prepareAnalysis: wakeBackground,
    extract: extractPage,
    painter: createPainter(doc),
    loadToggles,
    watchToggles,
    installStyles: (d) => installPageStyles(d),
    report,
    notify: (state) => announce('reading.changed', { url: state.url, status: state.status }),
    mentionActions: (mention, close) => mentionActions(doc, mention, edits, close),
    whenRendered: () => afterFirstPaint((doc.defaultView ?? window) as Window & typeof globalThis),
  });
  listenOnPage(
    {
      'reading.getState': () => controller.getPageState(),
      'reading.scrollTo': ({ index }) => controller.scrollToItem(index),
      'reading.scrollToMention': ({ index }) => controller.scrollToItem(index, true),
      'reading.getIndex': () => {
        const a = controller.snapshot()?.analysis;
        return a?.verdict.isPolicy ? { mentions: a.mentions, speaker: a.speaker } : { mentions: [] };
      },
      'reading.analyzeNow': ({ force }) => controller.analyzeNow(force === true),
    },
    signal,
  );
  signal.addEventListener('abort', () => controller.stop(), { once: true });
  if (!signal.aborted) void controller.start();
  return controller;
}

/**
 * The tooltip's rule edits, sent with the id of the text the background analysed for this page (it checks the
 * term is marked there). A worker that restarted has lost that text: analyse again, then send once more.
 */
function ruleEdits(reading: () => ReadingController): RuleEdits {
  const withText = async (send: (textId: string) => Promise<unknown>) => {
    const textId = () => reading().snapshot()?.textId ?? '';
    try {
      return await send(textId());
    } catch (err) {
      if (!String(err).includes(UNKNOWN_TEXT_ID)) throw err;
      await reading().analyzeNow(true);
      return send(textId());
    }
  };
  return {
    hide: (term) => withText((textId) => request('rules.hideTerm', { textId, term })),
    correct: (term, category) => withText((textId) => request('rules.correctCategory', { textId, term, category })),
    // Sent inside the click (no await before it): the background opens the side panel only within a gesture.
    trail: (term) => request('similar.open', { trail: term }),
  };
}
