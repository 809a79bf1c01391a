import Dexie, { type Table } from 'dexie';
import type { MentionCategory } from '../rules/types';

/**
 * The reading history (issue 12): its own IndexedDB database, apart from the clips (lib/store/db.ts), so the
 * two schemas evolve separately and "erase all" is one call that cannot touch a clip.
 *
 *  v1 — pages by auto id; unique url (reading a page again replaces it), readAt (the list, newest first),
 *       site, date, *mentionKeys (multi-entry: which pages mention a 提法); paragraphs by auto id with pageId
 *       (delete a page's paragraphs); meta (the on/off setting).
 */
export const HISTORY_DB_NAME = 'tifa-history';

export const HISTORY_SCHEMA_V1 = {
  pages: '++id, &url, readAt, site, date, *mentionKeys',
  paragraphs: '++id, pageId',
  meta: 'key',
} as const;

export interface HistoryMention {
  category: MentionCategory;
  key: string;
  /** As first written on the page. */
  text: string;
  count: number;
}

/** A policy page the reader read. */
export interface HistoryPage {
  id?: number;
  url: string;
  title: string;
  speaker?: string;
  /** The speech's own date when recognised (yyyy-mm-dd or yyyy). */
  date?: string;
  site: string;
  /** When the reader opened it (epoch ms). */
  readAt: number;
  /** The extracted text, as analysed (compare works on it). */
  text: string;
  mentions: HistoryMention[];
  /** Mention keys (plain normalised keys, any category) for the multi-entry index. */
  mentionKeys: string[];
  paragraphCount: number;
}

/** One indexed paragraph: its text and its winnowed fingerprints (distinct hashes, ascending). */
export interface HistoryParagraph {
  id?: number;
  pageId: number;
  /** Position among the page's indexed paragraphs, and offsets into the page text. */
  index: number;
  start: number;
  end: number;
  text: string;
  hashes: Uint32Array;
}

export interface HistoryMeta {
  key: string;
  value: unknown;
}

export class HistoryDatabase extends Dexie {
  pages!: Table<HistoryPage, number>;
  paragraphs!: Table<HistoryParagraph, number>;
  meta!: Table<HistoryMeta, string>;

  constructor(name = HISTORY_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(HISTORY_SCHEMA_V1);
  }
}
