import { cleanPageTitle } from '../citation/page-title';
import { storedStart } from '../clips/position';
import type { Clip } from '../clips/types';

/** A speech (page) and its clips in document order. */
export interface SpeechGroup {
  /** The page URL: one speech per page. */
  key: string;
  title: string;
  site: string;
  url: string;
  date?: string;
  clips: Clip[];
  /** Newest clip time, for ordering groups. */
  latest: number;
}

export function speechTitleOf(clip: Clip): string {
  // A page title without the portal's suffix (`…_青海省人民政府`): the library lists speeches, not sites.
  return clip.speechTitle?.trim() || cleanPageTitle(clip.title).title || clip.url;
}

/** Position of the clip in its page, for document order (falls back to time). */
function positionOf(clip: Clip): number {
  return storedStart(clip);
}

/** Groups clips by page, groups ordered newest activity first, clips in reading order. */
export function groupBySpeech(clips: readonly Clip[]): SpeechGroup[] {
  const groups = new Map<string, SpeechGroup>();
  for (const clip of clips) {
    let group = groups.get(clip.url);
    if (!group) {
      group = {
        key: clip.url,
        url: clip.url,
        title: speechTitleOf(clip),
        site: clip.site,
        date: clip.speechDate,
        clips: [],
        latest: 0,
      };
      groups.set(clip.url, group);
    }
    group.clips.push(clip);
    if (clip.created > group.latest) group.latest = clip.created;
    if (!group.date && clip.speechDate) group.date = clip.speechDate;
  }
  const list = [...groups.values()];
  for (const group of list) group.clips.sort((a, b) => positionOf(a) - positionOf(b) || a.created - b.created);
  list.sort((a, b) => b.latest - a.latest || a.title.localeCompare(b.title));
  return list;
}

/** Newest first. */
export function sortByDate(clips: readonly Clip[]): Clip[] {
  return [...clips].sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
}
