import type { Clip } from '../clips/types';
import { normalizeForSearch } from '../search/normalize';
import type { HistoryPage } from './db';

/**
 * 提法 across speeches (issue 12): where a program or formulation appears across the reading history and the
 * clips — one entry per speech with how often it says it, newest first, and when it was first seen.
 */
export interface TrailEntry {
  url: string;
  title: string;
  /** The speech's date when known, else the day it was read or clipped (yyyy-mm-dd). */
  date: string;
  /** Occurrences in the speech's stored text (0 when only clips know the speech). */
  count: number;
  /** Clips of this speech containing it. */
  clips: number;
  pageId?: number;
}

export interface MentionTrail {
  query: string;
  firstSeen?: string;
  total: number;
  entries: TrailEntry[];
}

type TrailPage = Pick<HistoryPage, 'id' | 'url' | 'title' | 'date' | 'readAt' | 'text'>;

/** Quotes and spaces do not matter (“千村头雁”工程 = 千村头雁工程); width and traditional forms are folded. */
export function foldMention(text: string): string {
  return normalizeForSearch(text).replace(/[“”‘’「」『』"'《》〈〉\s]/g, '');
}

export function mentionTrail(query: string, pages: readonly TrailPage[], clips: readonly Clip[]): MentionTrail {
  const needle = foldMention(query);
  if (!needle) throw new Error('mentionTrail: empty query');
  const bySpeech = new Map<string, TrailEntry>();
  for (const page of pages) {
    const count = occurrences(foldMention(page.text), needle);
    if (count === 0) continue;
    bySpeech.set(page.url, {
      url: page.url,
      title: page.title,
      date: page.date ?? day(page.readAt),
      count,
      clips: 0,
      pageId: page.id,
    });
  }
  for (const clip of clips) {
    if (!foldMention(clip.text).includes(needle)) continue;
    const entry = bySpeech.get(clip.url);
    if (entry) entry.clips++;
    else
      bySpeech.set(clip.url, {
        url: clip.url,
        title: clip.speechTitle ?? clip.title,
        date: clip.speechDate ?? day(clip.created),
        count: 0,
        clips: 1,
      });
  }
  const entries = [...bySpeech.values()].sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1,
  );
  return {
    query,
    firstSeen: entries.length ? entries[entries.length - 1].date : undefined,
    total: entries.reduce((sum, e) => sum + Math.max(e.count, e.clips), 0),
    entries,
  };
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

function day(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
