import { extractText, offsetsOf, rangeFor, type ExtractedText } from '../extract';
import type { Analysis } from '../rules/types';

/** What the reading area's page controller knows about the page: its extracted text and the analysis of it. */
export interface PageState {
  extracted: ExtractedText;
  analysis: Analysis | null;
}

export type GetPage = () => PageState | null;

/** A span of one of the page's texts. */
export interface TextSpanIn {
  page: PageState;
  start: number;
  end: number;
}

/**
 * The texts clips are described over. The primary one is the reading controller's (main content, with its
 * analysis, so clips get outline path and mentions). A selection outside it (or a page the controller did not
 * analyse) falls back to the whole body, extracted here without chrome skipping and without analysis — such a
 * clip simply has no outline context.
 */
export class PageTexts {
  readonly #getPage: GetPage;
  readonly #doc: Document;

  constructor(getPage: GetPage, doc: Document = document) {
    this.#getPage = getPage;
    this.#doc = doc;
  }

  primary(): PageState | null {
    try {
      return this.#getPage();
    } catch {
      return null;
    }
  }

  /** The whole body's text; a fresh extraction (the page may have changed since the last one). */
  fallback(): PageState {
    return { extracted: extractText(this.#doc.body ?? this.#doc.documentElement, { skipChrome: false }), analysis: null };
  }

  /** Every text to try, primary first; the fallback is computed only when asked for. */
  *candidates(): Generator<PageState> {
    const primary = this.primary();
    if (primary) yield primary;
    yield this.fallback();
  }

  /** Flat-text offsets of a DOM range in the first text that contains it. */
  spanOf(range: Range): TextSpanIn | null {
    for (const page of this.candidates()) {
      const root = page.extracted.root;
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) continue;
      const { start, end } = offsetsOf(page.extracted, range);
      if (end > start) return { page, start, end };
    }
    return null;
  }
}

export { rangeFor };
