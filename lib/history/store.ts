import { normalizeUrl, siteOf } from '../clips/url';
import { paragraphHashes } from '../similarity/paragraph-index';
import { splitParagraphs } from '../similarity/paragraphs';
import type { Analysis } from '../rules/types';
import type { HistoryDatabase, HistoryMention, HistoryPage, HistoryParagraph } from './db';
import { LiveIndex } from './live-index';

/** Paragraphs with fewer significant characters are not indexed: headings and stock lines are not reuse. */
export const MIN_INDEXED_CHARS = 20;
const ENABLED_KEY = 'enabled';

export interface PageInput {
  url: string;
  title: string;
  text: string;
  analysis: Analysis;
  speaker?: string;
  readAt?: number;
}

export type RecordResult =
  | { stored: true; pageId: number; paragraphs: number }
  | { stored: false; reason: 'disabled' | 'empty' };

export type PageSummary = Omit<HistoryPage, 'text' | 'mentions' | 'mentionKeys'> & { id: number };

/** The in-memory side of the history: the inverted index over every paragraph and who each belongs to. */
export interface LoadedIndex {
  index: LiveIndex;
  paragraphIds: Int32Array;
  pageOf: Int32Array;
}

/** Recorded pages appended to a warm index before the next lookup rebuilds it in one piece. */
const MAX_SEGMENTS = 16;

/**
 * The reading history's store: writes respect the on/off setting; the paragraph index is built lazily from the
 * stored fingerprints (no re-fingerprinting), kept warm across recorded pages (appended) and dropped when a page
 * is replaced, deleted or erased.
 */
export class HistoryStore {
  private loaded?: Promise<LoadedIndex>;
  /** Bumped when a write of pages starts and when it ends: what was computed from the history before is stale. */
  version = 0;

  constructor(readonly db: HistoryDatabase) {}

  async isEnabled(): Promise<boolean> {
    const row = await this.db.meta.get(ENABLED_KEY);
    return row ? row.value !== false : true;
  }

  async setEnabled(enabled: boolean): Promise<void> {
    await this.db.meta.put({ key: ENABLED_KEY, value: enabled });
  }

  /** Keeps a policy page; reading the same URL again replaces the earlier copy. Nothing is written when off. */
  async recordPage(input: PageInput): Promise<RecordResult> {
    if (!(await this.isEnabled())) return { stored: false, reason: 'disabled' };
    const paragraphs = splitParagraphs(input.text, { minChars: MIN_INDEXED_CHARS });
    if (paragraphs.length === 0) return { stored: false, reason: 'empty' };
    const url = normalizeUrl(input.url);
    const mentions = tallyMentions(input.analysis);
    const page: HistoryPage = {
      url,
      title: input.title || input.analysis.title || url,
      site: siteOf(url),
      readAt: input.readAt ?? Date.now(),
      text: input.text,
      mentions,
      mentionKeys: [...new Set(mentions.map((m) => m.key))],
      paragraphCount: paragraphs.length,
    };
    if (input.speaker) page.speaker = input.speaker;
    if (input.analysis.date) page.date = input.analysis.date;
    this.version++;
    let replaced = false;
    const { pageId, rows, ids } = await this.db.transaction('rw', this.db.pages, this.db.paragraphs, async () => {
      const old = await this.db.pages.where('url').equals(url).first();
      if (old?.id !== undefined) {
        replaced = true;
        await this.removePage(old.id);
      }
      const id = await this.db.pages.add(page);
      const rows: HistoryParagraph[] = paragraphs.map((p) => ({
        pageId: id,
        index: p.index,
        start: p.start,
        end: p.end,
        text: p.text,
        hashes: paragraphHashes(p.text),
      }));
      const ids = await this.db.paragraphs.bulkAdd(rows, { allKeys: true });
      return { pageId: id, rows, ids };
    });
    this.version++;
    const warm = this.loaded;
    this.loaded =
      replaced || !warm
        ? undefined
        : warm
            .then((l) => {
              if (l.index.segmentTotal >= MAX_SEGMENTS) return this.buildIndex();
              // A build still under way when this page was written may have read its rows already (ids ascend).
              if (l.paragraphIds.some((id) => id >= ids[0])) return l;
              const index = l.index.withPage(
                pageId,
                ids,
                rows.map((r) => r.hashes),
              );
              return { index, paragraphIds: index.paragraphIds, pageOf: index.pageOf };
            })
            .catch(() => this.buildIndex());
    return { stored: true, pageId, paragraphs: paragraphs.length };
  }

  /** Newest first, without texts. */
  async list(): Promise<PageSummary[]> {
    const pages = await this.db.pages.orderBy('readAt').reverse().toArray();
    return pages.map(({ text: _text, mentions: _mentions, mentionKeys: _keys, ...rest }) => rest as PageSummary);
  }

  async getPage(id: number): Promise<HistoryPage | undefined> {
    return this.db.pages.get(id);
  }

  async pagesByUrl(url: string): Promise<HistoryPage | undefined> {
    return this.db.pages.where('url').equals(normalizeUrl(url)).first();
  }

  async deletePage(id: number): Promise<void> {
    this.version++;
    await this.db.transaction('rw', this.db.pages, this.db.paragraphs, () => this.removePage(id));
    this.version++;
    this.loaded = undefined;
  }

  /** Every page and paragraph gone; the on/off setting stays as the reader set it. */
  async eraseAll(): Promise<void> {
    this.version++;
    await this.db.transaction('rw', this.db.pages, this.db.paragraphs, async () => {
      await this.db.pages.clear();
      await this.db.paragraphs.clear();
    });
    this.version++;
    this.loaded = undefined;
  }

  async paragraphs(ids: readonly number[]): Promise<HistoryParagraph[]> {
    const rows = await this.db.paragraphs.bulkGet([...ids]);
    return rows.filter((r): r is HistoryParagraph => r !== undefined);
  }

  async pagesWithMention(key: string): Promise<HistoryPage[]> {
    return this.db.pages.where('mentionKeys').equals(key).toArray();
  }

  /** The index over every stored paragraph, built once per change of the history. */
  index(): Promise<LoadedIndex> {
    this.loaded ??= this.buildIndex();
    return this.loaded;
  }

  private async buildIndex(): Promise<LoadedIndex> {
    const hashes: Uint32Array[] = [];
    const ids: number[] = [];
    const pages: number[] = [];
    await this.db.paragraphs.each((p) => {
      hashes.push(p.hashes);
      ids.push(p.id!);
      pages.push(p.pageId);
    });
    const index = LiveIndex.build(hashes, Int32Array.from(ids), Int32Array.from(pages));
    return { index, paragraphIds: index.paragraphIds, pageOf: index.pageOf };
  }

  private async removePage(id: number): Promise<void> {
    await this.db.paragraphs.where('pageId').equals(id).delete();
    await this.db.pages.delete(id);
  }
}

function tallyMentions(analysis: Analysis): HistoryMention[] {
  const out = new Map<string, HistoryMention>();
  for (const m of analysis.mentions) {
    const id = `${m.category}\u0000${m.key}`;
    const seen = out.get(id);
    if (seen) seen.count++;
    else out.set(id, { category: m.category, key: m.key, text: m.text, count: 1 });
  }
  return [...out.values()];
}
