import { extractText, type ExtractedText } from '../extract';
import { HighlightApiPainter, supportsHighlightApi } from '../highlight/highlightApi';
import { MarkPainter } from '../highlight/marks';
import type { Painter } from '../highlight/painter';
import { installPageStyles } from '../highlight/stylesheet';
import { ReadingController } from './controller';
import { announce, listenOnPage } from '../messages/content-endpoint';
import { analyzeInBackground } from './remoteAnalyze';
import { afterFirstPaint } from './timing';
import { loadToggles, watchToggles } from './toggles';

export { contentScriptLifetime, type ScriptContext } from './live';

/**
 * The Chrome build needs no <mark> fallback: its minimum_chrome_version (116) has the Highlight API (105+), and
 * leaving MarkPainter out keeps ~3 KB out of the content script (size budget: 60 KB). Other builds keep it.
 */
export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  if (import.meta.env.CHROME || supportsHighlightApi(win)) return new HighlightApiPainter(win);
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
  const controller = new ReadingController({
    doc,
    // The rule set runs in the background (see lib/messages/page.ts): the page thread only extracts and paints.
    analyze: analyzeInBackground,
    extract: extractPage,
    painter: createPainter(doc),
    loadToggles,
    watchToggles,
    installStyles: (d) => installPageStyles(d),
    report,
    notify: (state) => announce('reading.changed', { url: state.url, status: state.status }),
    whenRendered: () => afterFirstPaint((doc.defaultView ?? window) as Window & typeof globalThis),
  });
  listenOnPage(
    {
      'reading.getState': () => controller.getPageState(),
      'reading.scrollTo': ({ index }) => controller.scrollToItem(index),
      'reading.analyzeNow': ({ force }) => controller.analyzeNow(force === true),
    },
    signal,
  );
  signal.addEventListener('abort', () => controller.stop(), { once: true });
  if (!signal.aborted) void controller.start();
  return controller;
}
