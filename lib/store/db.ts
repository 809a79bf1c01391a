import Dexie, { type Table, type Transaction } from 'dexie';
import type { Clip } from '../clips/types';

/**
 * The clip database (IndexedDB via Dexie), in the extension's origin. The background owns writes; extension
 * pages may read it directly (liveQuery). Pure: no browser-extension API, so Vitest can run it on fake-indexeddb.
 *
 * Schema versions are planned up front, each kept here forever (Dexie needs the history to upgrade old data):
 *  v1 — clips by id; indexes: created, url, site, *tags, *mentionKeys (multi-entry), &dedupeKey (unique).
 *  v2 — adds indexes updated and color, a compound [url+created] (a page's clips in time order), the trash table
 *       (deleted clips kept for undo), and a meta table. Upgrade: every clip gets `updated` (= created when it
 *       was missing) and its tags trimmed and de-duplicated, so the v2 invariants hold for old records too.
 */
export const DB_NAME = 'tifa-clips';

export const SCHEMA_V1 = {
  clips: 'id, created, url, site, *tags, *mentionKeys, &dedupeKey',
} as const;

export const SCHEMA_V2 = {
  clips: 'id, created, updated, url, site, color, *tags, *mentionKeys, &dedupeKey, [url+created]',
  trash: 'id, deletedAt',
  meta: 'key',
} as const;

export const CURRENT_DB_VERSION = 2;

/** A deleted clip, kept so that "undo" can restore it exactly. */
export interface TrashedClip {
  id: string;
  deletedAt: number;
  clip: Clip;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export class ClipDatabase extends Dexie {
  clips!: Table<Clip, string>;
  trash!: Table<TrashedClip, string>;
  meta!: Table<MetaRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('clips')
    .toCollection()
    .modify((clip: Partial<Clip> & Record<string, unknown>) => {
      if (typeof clip.updated !== 'number') clip.updated = typeof clip.created === 'number' ? clip.created : Date.now();
      if (Array.isArray(clip.tags)) clip.tags = normalizeTags(clip.tags);
      else clip.tags = [];
    });
}

/** Trims tags, drops empty ones and duplicates, keeping first-seen order. */
export function normalizeTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    if (typeof t !== 'string') continue;
    const tag = t.trim();
    if (tag && !seen.has(tag)) {
      seen.add(tag);
      out.push(tag);
    }
  }
  return out;
}

export function openClipDatabase(name = DB_NAME): ClipDatabase {
  return new ClipDatabase(name);
}
