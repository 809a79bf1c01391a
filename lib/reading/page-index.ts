import { MENTION_CATEGORIES, type MentionCategory } from '../rules/types';

/** The categories the side panel's page index lists, in its order: every mention category. */
export const INDEX_CATEGORIES: readonly MentionCategory[] = MENTION_CATEGORIES;

export interface IndexEntry {
  category: MentionCategory;
  /** The mention key (normalised name) the entry groups by. */
  key: string;
  /** What the entry shows: the text of its first occurrence. */
  label: string;
  /** Indexes into the mention list, in text order: what clicking cycles through. */
  occurrences: number[];
}

export interface IndexGroup {
  category: MentionCategory;
  entries: IndexEntry[];
  /** Mentions in the group (each occurrence counted). */
  total: number;
}

/**
 * The page index: mentions grouped by category, then by key, each key once with all its occurrences. Entries
 * are in order of first appearance, so the index reads like the speech; categories without mentions are left out.
 */
export function groupMentions(
  mentions: readonly { category: MentionCategory; key: string; text: string; start: number }[],
): IndexGroup[] {
  const order = mentions.map((_m, i) => i).sort((a, b) => mentions[a].start - mentions[b].start || a - b);
  const byCategory = new Map<MentionCategory, Map<string, IndexEntry>>();
  for (const i of order) {
    const m = mentions[i];
    let entries = byCategory.get(m.category);
    if (!entries) byCategory.set(m.category, (entries = new Map()));
    const entry = entries.get(m.key);
    if (entry) entry.occurrences.push(i);
    else entries.set(m.key, { category: m.category, key: m.key, label: m.text, occurrences: [i] });
  }
  return INDEX_CATEGORIES.flatMap((category) => {
    const entries = [...(byCategory.get(category)?.values() ?? [])];
    if (entries.length === 0) return [];
    return [{ category, entries, total: entries.reduce((n, e) => n + e.occurrences.length, 0) }];
  });
}
