import type { Clip } from '../clips/types';
import { byStoredPosition } from '../clips/position';
import { normalizeUrl } from '../clips/url';
import type { ClipDatabase } from './db';

/**
 * Read-only queries for extension pages that read the clip database directly, e.g. inside Dexie's
 * `liveQuery(() => pageClips(db, url))` so that a view follows changes made anywhere. Writes go through the
 * background (lib/messages/clips.ts).
 */

/** A page's clips in document order (by stored position). */
export async function pageClips(db: ClipDatabase, url: string): Promise<Clip[]> {
  const clips = await db.clips.where('url').equals(normalizeUrl(url)).toArray();
  return clips.sort(byStoredPosition);
}

/** Every clip, newest first. */
export function allClipsNewestFirst(db: ClipDatabase): Promise<Clip[]> {
  return db.clips.orderBy('created').reverse().toArray();
}

/** Number of clips per page URL (e.g. for badges). */
export async function clipCountsByUrl(db: ClipDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const url of (await db.clips.orderBy('url').keys()) as string[]) counts.set(url, (counts.get(url) ?? 0) + 1);
  return counts;
}
