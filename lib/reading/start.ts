import { extractText, type ExtractedText } from '../extract';
import { HighlightApiPainter, supportsHighlightApi } from '../highlight/highlightApi';
import { MarkPainter } from '../highlight/marks';
import type { Painter } from '../highlight/painter';
import { installPageStyles } from '../highlight/stylesheet';
import { ReadingController } from './controller';
import { startAlone, type ScriptContext } from './live';
import { announce, listenOnPage } from '../messages/content-endpoint';
import { READING_PAGE_CHECKS, readingRoutes } from './pageEndpoint';
import { analyzeInBackground } from './remoteAnalyze';
import { loadToggles, watchToggles } from './toggles';

export type { ScriptContext } from './live';

/** Key of the live controller in the extension's isolated world (shared by every injection of our script). */
const LIVE_KEY = '__tifaReading';

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
 * Starts reading the page: the one entry point content.ts calls. A second injection (the popup's "Analyze this
 * page" on a page where Tifa already runs) replaces the live controller instead of running two side by side.
 */
export function startReading(ctx: ScriptContext, doc: Document = document): ReadingController {
  let controller!: ReadingController;
  startAlone(ctx, LIVE_KEY, () => {
    controller = new ReadingController({
      doc,
      // The rule set runs in the background (see lib/messages/page.ts): the page thread only extracts and paints.
      analyze: analyzeInBackground,
      extract: extractPage,
      painter: createPainter(doc),
      loadToggles,
      watchToggles,
      installStyles: (d) => installPageStyles(d),
      report,
      notify: (state) => announce('readingPageChanged', { url: state.url, status: state.status }),
    });
    const stopListening = listenOnPage(
      READING_PAGE_CHECKS,
      readingRoutes({
        getPageState: () => controller.getPageState(),
        scrollToItem: (index) => controller.scrollToItem(index),
        analyzeNow: (force) => controller.analyzeNow(force),
      }),
    );
    return () => {
      stopListening();
      controller.stop();
    };
  });
  void controller.start();
  return controller;
}
