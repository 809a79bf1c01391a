import { extractText, offsetsOf, rangeFor, type ExtractedText } from '../extract';
import type { Analysis } from '../rules/types';

/**
 * One of the page's texts a clip can be taken from: the reading controller's analysed main content (with the
 * id the background keeps it under), or the whole body's text extracted here.
 */
export interface PageText {
  extracted: ExtractedText;
  analysis: Analysis | null;
  /** The background's id for this text (clips.save and clips.place refer to it instead of resending it). */
  textId?: string;
  /** The page's address and title when the text was extracted. */
  url: string;
  title: string;
}

export type GetPage = () => PageText | null;

/** A span of one of the page's texts. */
export interface TextSpanIn {
  page: PageText;
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

  primary(): PageText | null {
    try {
      return this.#getPage();
    } catch {
      return null;
    }
  }

  /** The whole body's text; a fresh extraction (the page may have changed since the last one). */
  fallback(): PageText {
    return {
      extracted: extractText(this.#doc.body ?? this.#doc.documentElement, { skipChrome: false }),
      analysis: null,
      url: this.#doc.location?.href ?? '',
      title: (this.#doc.title ?? '').trim(),
    };
  }

  /** Every text to try, primary first; the fallback is computed only when asked for. */
  *candidates(): Generator<PageText> {
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
