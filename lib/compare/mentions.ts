import type { Mention } from '../rules/types';
import type { MentionChange } from './types';

/**
 * Mentions in one text and not the other, by normalised key (so “千村头雁”工程 and 千村头雁工程 are one).
 * Targets are compared as written: a target whose number changed (增长5%左右 → 增长5.5%左右) is one dropped and
 * one added, which is exactly what readers of year-over-year reports look for.
 */
export function mentionChanges(
  older: readonly Mention[],
  newer: readonly Mention[],
): { added: MentionChange[]; dropped: MentionChange[] } {
  const a = tally(older);
  const b = tally(newer);
  return { added: onlyIn(b, a), dropped: onlyIn(a, b) };
}

const CATEGORY_ORDER = ['formulation', 'program', 'document', 'meeting', 'target'];

function tally(mentions: readonly Mention[]): Map<string, MentionChange> {
  const out = new Map<string, MentionChange>();
  for (const m of mentions) {
    const id = `${m.category}\u0000${m.key}`;
    const seen = out.get(id);
    if (seen) seen.count++;
    else out.set(id, { category: m.category, key: m.key, text: m.text, count: 1 });
  }
  return out;
}

function onlyIn(these: Map<string, MentionChange>, those: Map<string, MentionChange>): MentionChange[] {
  return [...these]
    .filter(([id]) => !those.has(id))
    .map(([, change]) => change)
    .sort(
      (x, y) =>
        CATEGORY_ORDER.indexOf(x.category) - CATEGORY_ORDER.indexOf(y.category) ||
        y.count - x.count ||
        (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
    );
}
