import { normalizeUrl } from '../clips/url';
import { paragraphHashes } from '../similarity/paragraph-index';
import { confirmReuse, type ReuseMatch } from '../similarity/reuse';
import type { ReuseLabel } from '../similarity/labels';
import type { HistoryStore, PageSummary } from './store';

/** A clip (or any passage) to look up: its text, and its page (whose own paragraphs are not "elsewhere"). */
export interface PassageQuery {
  text: string;
  url?: string;
}

/** A history paragraph resembling a passage, with its speech. */
export interface HistoryPassage {
  pageId: number;
  title: string;
  url: string;
  date?: string;
  text: string;
  label: ReuseLabel;
  score: number;
}

/** Candidates aligned per passage: a count of "20" reads as "many" and costs 20 alignments at most. */
export const PASSAGE_CANDIDATES = 20;

/**
 * The history paragraphs that resemble each passage, best first, for many passages at once (the library's
 * visible rows): one candidate search per passage in the warm index, then ONE IndexedDB read for every
 * candidate's text, then alignment. A passage's own page is left out (the clip's source is not a variant of it).
 */
export async function historyPassages(
  store: HistoryStore,
  queries: readonly PassageQuery[],
): Promise<HistoryPassage[][]> {
  const { index, paragraphIds, pageOf } = await store.index();
  const pages = new Map<number, PageSummary>((await store.list()).map((p) => [p.id, p]));
  const found = queries.map((q) => {
    const own = q.url ? normalizeUrl(q.url) : undefined;
    return index
      .candidates(paragraphHashes(q.text), { limit: PASSAGE_CANDIDATES })
      .filter((c) => !own || pages.get(pageOf[c.paragraph])?.url !== own);
  });
  const ids = [...new Set(found.flatMap((f) => f.map((c) => paragraphIds[c.paragraph])))];
  const texts = new Map((await store.paragraphs(ids)).map((r) => [r.id!, r.text]));
  const textOf = (p: number) => texts.get(paragraphIds[p]) ?? '';
  return queries.map((q, i) =>
    confirmReuse(q.text, found[i], textOf).flatMap((m: ReuseMatch) => {
      const page = pages.get(pageOf[m.paragraph]);
      if (!page) return [];
      return [
        {
          pageId: page.id,
          title: page.title,
          url: page.url,
          ...(page.date ? { date: page.date } : {}),
          text: textOf(m.paragraph),
          label: m.label,
          score: m.score,
        },
      ];
    }),
  );
}

/**
 * Counts per passage text, kept until the history changes (the store's version): the library asks for every row
 * it shows, and scrolling back must not align again.
 */
export class PassageCounts {
  #version = -1;
  #counts = new Map<string, number>();

  constructor(private readonly store: HistoryStore) {}

  async count(queries: readonly PassageQuery[]): Promise<number[]> {
    if (this.#version !== this.store.version) {
      this.#version = this.store.version;
      this.#counts.clear();
    }
    const key = (q: PassageQuery) => `${q.url ?? ''}\u0000${q.text}`;
    const missing = queries.filter((q) => !this.#counts.has(key(q)));
    if (missing.length) {
      const version = this.store.version;
      const found = await historyPassages(this.store, missing);
      // A write meanwhile made these stale: answered, not kept.
      if (version === this.store.version) missing.forEach((q, i) => this.#counts.set(key(q), found[i].length));
      const fresh = new Map(missing.map((q, i) => [key(q), found[i].length]));
      return queries.map((q) => fresh.get(key(q)) ?? this.#counts.get(key(q)) ?? 0);
    }
    return queries.map((q) => this.#counts.get(key(q)) ?? 0);
  }
}
