import type { ExtractedText } from '../extract';
import type { Painter } from '../highlight/painter';
import type { PageState } from '../messages/page';
import type { Analysis } from '../rules/types';
import type { MentionActions } from './hover';
import type { RemoteAnalysis } from './remoteAnalyze';
import type { ToggleScope, Toggles } from './toggles';

/** Everything the controller needs from the outside world, injected so that tests can run it in happy-dom. */
export interface ReadingDeps {
  doc: Document;
  /**
   * The shared rule set, here or in the background (then asynchronous, with the id the background keeps the
   * text under). `title` is the page's title when the text was extracted.
   */
  analyze(text: string, title: string): Analysis | RemoteAnalysis | Promise<Analysis | RemoteAnalysis>;
  extract(doc: Document): ExtractedText;
  painter: Painter;
  loadToggles(url: string): Promise<{ toggles: Toggles; scope: ToggleScope }>;
  /** Subscribes to toggle changes in storage; returns the unsubscribe function. */
  watchToggles(onChange: () => void): () => void;
  /** Puts the highlight styles into the page; returns their removal. */
  installStyles(doc: Document): () => void;
  /** Told (debounced) whenever the page state changed, e.g. to update an open side panel. */
  notify?(state: PageState): void;
  /** Where errors go instead of the page (they must never be thrown into it). */
  report(err: unknown, where: string): void;
  debounceMs?: number;
  /** The buttons of a mention's tooltip ("hide this term", "wrong category"); none when absent. */
  mentionActions?: MentionActions;
  /**
   * Resolves when the page has shown its first paint (lib/reading/timing.ts afterFirstPaint). The first run
   * waits for it: extracting earlier forces the page's first style and layout pass inside our run.
   */
  whenRendered?(): Promise<void>;
  /** Called once as the controller starts, before that wait: the analyser can get ready meanwhile. */
  prepareAnalysis?(): void;
}

/** The last analysis and the extraction it was made from (offsets of the one index into the text of the other). */
export interface ReadingSnapshot {
  extraction: ExtractedText;
  analysis: Analysis;
  /** The id the background keeps this text under (absent when the rule set ran here). */
  textId?: string;
  /** The page's address when the text was extracted. */
  url: string;
  /** The page's title then. */
  title: string;
}
