/**
 * Turns marker candidates into a tree of consecutive sequences.
 *
 * A stack holds the open sequences, outermost first. For each candidate in text order:
 * - ordinal > 1 (or 最后): it continues the open sequence of the same key if that one stands at ordinal − 1;
 *   deeper sequences are closed. Otherwise it is not an item (a gap, a repeat, or no 一 before it).
 * - ordinal 1 of a key that is already open: a new sequence in the same place (lists restart per parent).
 * - law articles (第七条) continue their numbering under the next chapter instead of restarting.
 * - ordinal 1 of a new key opens deeper than the innermost item, except that headings never open inside
 *   inline lists (一是 …) and 一、 / 第一部分 / 第一章 never open inside speech points (第一，): those close
 *   first. Official headings also respect their ranks: 一、 > （一） > 1. > （1）.
 * A sequence left with a single item is no sequence: that candidate is dropped and the tree rebuilt, so a
 * stray 一是 cannot swallow the real sequence around it.
 */
import { LAST } from './outline-rules';
import type { Candidate } from './outline-scan';

export interface PlacedItem {
  cand: Candidate;
  /** Index into the placed array, or null. */
  parent: number | null;
  /** Sequence number: items with the same seq are siblings of one enumeration. */
  seq: number;
  /** Resolved ordinal (最后 → its real position). */
  ordinal: number;
}

interface OpenSequence {
  key: string;
  kind: Candidate['rule']['kind'];
  rank: number;
  last: number;
  finished: boolean;
  parent: number | null;
  /** Index (in placed) of the latest item of this sequence. */
  lastItem: number;
  seq: number;
}

const MAX_REBUILDS = 8;

export interface TreeBounds {
  /** Sorted offsets where the document starts afresh (an annex after the body): no item before a break is the
   *  parent of an item after it. */
  breaks?: readonly number[];
  /** Sorted offsets of paragraphs that address the audience again (各位代表！ 同志们！): the speaker is back at
   *  the level of the top sections, so a list opened after one belongs to the current top item, not to the
   *  last subsection; the subsection's own numbering may still go on after it. */
  interludes?: readonly number[];
  /** Offsets just after the speaker announced points (下面，我讲三点意见。): a lone 一、 heading right after one,
   *  with nothing numbered after it, is a page cut off after its first heading — an item, not a stray numeral. */
  announcements?: readonly number[];
}

/** How far after an announcement its first heading may stand (the announcement's own paragraph end, blanks). */
const ANNOUNCEMENT_REACH = 6;

export function buildTree(cands: Candidate[], bounds: TreeBounds = {}): PlacedItem[] {
  let banned = new Set<Candidate>();
  let placed = place(cands, banned, bounds);
  for (let round = 0; round < MAX_REBUILDS; round++) {
    const lonely = lonelyItems(placed, bounds.announcements);
    if (lonely.length === 0) return placed;
    banned = new Set([...banned, ...lonely]);
    placed = place(cands, banned, bounds);
  }
  // Still unstable after many rounds (pathological input): drop what is still alone, keeping the rest.
  return withoutLonelyItems(placed, bounds.announcements);
}

/** Removes single-item sequences, re-attaching their children to the nearest kept ancestor. */
function withoutLonelyItems(placed: PlacedItem[], announcements: readonly number[] = []): PlacedItem[] {
  const lonely = new Set(lonelyItems(placed, announcements));
  const newIndex = new Array<number | null>(placed.length).fill(null);
  const kept: PlacedItem[] = [];
  placed.forEach((p, i) => {
    let parent = p.parent;
    while (parent !== null && newIndex[parent] === null) parent = placed[parent].parent;
    if (lonely.has(p.cand)) return;
    newIndex[i] = kept.length;
    kept.push({ ...p, parent: parent === null ? null : newIndex[parent] });
  });
  return kept;
}

/**
 * Items alone in their sequence. A heading 一、 that opens a paragraph and holds a list of its own (一、…（一）…（二）…)
 * is kept: it is a page showing only part of a speech, not a stray numeral.
 */
function lonelyItems(placed: PlacedItem[], announcements: readonly number[] = []): Candidate[] {
  const counts = new Map<number, number>();
  const children = new Array<number>(placed.length).fill(0);
  for (const p of placed) {
    counts.set(p.seq, (counts.get(p.seq) ?? 0) + 1);
    if (p.parent !== null) children[p.parent]++;
  }
  const partialPageHead = (p: PlacedItem, i: number) =>
    p.cand.rule.kind === 'structure' && p.ordinal === 1 && p.cand.atParagraphStart && children[i] >= 2;
  // 下面，我讲三点意见。\n一、认清形势… and the page ends: the first heading right after the announcement, last item.
  const announcedHead = (p: PlacedItem, i: number) =>
    p.cand.rule.kind === 'structure' &&
    p.ordinal === 1 &&
    p.cand.atParagraphStart &&
    i === placed.length - 1 &&
    announcements.some((a) => p.cand.start >= a && p.cand.start - a <= ANNOUNCEMENT_REACH);
  return placed
    .filter((p, i) => counts.get(p.seq) === 1 && !partialPageHead(p, i) && !announcedHead(p, i))
    .map((p) => p.cand);
}

function place(cands: Candidate[], banned: Set<Candidate>, { breaks = [], interludes = [] }: TreeBounds): PlacedItem[] {
  const placed: PlacedItem[] = [];
  let stack: OpenSequence[] = [];
  /** Sequences under the top item set aside by an interlude: their numbering may still go on. */
  let suspended: OpenSequence[] = [];
  let interludeIdx = 0;
  /** Last ordinal and sequence of keys whose numbering runs on across parents (第六条 → 第七条). */
  const runningOn = new Map<string, { last: number; seq: number }>();
  let nextSeq = 0;
  let breakIdx = 0;

  for (const cand of cands) {
    if (banned.has(cand)) continue;
    while (breakIdx < breaks.length && breaks[breakIdx] <= cand.start) {
      stack.length = 0;
      suspended = [];
      runningOn.clear();
      breakIdx++;
    }
    while (interludeIdx < interludes.length && interludes[interludeIdx] <= cand.start) {
      if (stack.length > 1) suspended = stack.splice(1);
      interludeIdx++;
    }
    const rule = cand.rule;
    let openAt = findOpen(stack, cand.key);
    if (openAt < 0 && cand.ordinal !== 1 && suspended.length > 0) {
      const resumed = findOpen(suspended, cand.key);
      if (resumed >= 0 && cand.ordinal === suspended[resumed].last + 1) {
        stack = [...stack.slice(0, 1), ...suspended.slice(0, resumed + 1)];
        openAt = stack.length - 1;
        suspended = [];
      }
    }
    if (openAt === 0) suspended = []; // the next top item: what was set aside is over
    let ordinal = cand.ordinal;
    let seq = -1;

    if (ordinal !== 1) {
      const open = openAt >= 0 ? stack[openAt] : null;
      if (open && !open.finished) {
        if (ordinal === LAST) {
          // 首先 … 最后 without 其次 is an opening and a closing remark, not an enumeration.
          if (open.last < 2) continue;
          ordinal = open.last + 1;
          open.finished = true;
        } else if (ordinal !== open.last + 1) continue;
        stack.length = openAt + 1;
        open.last = ordinal;
        open.lastItem = placed.length;
        placed.push({ cand, parent: open.parent, seq: open.seq, ordinal });
        if (rule.continuesAcrossParents) runningOn.set(cand.key, { last: ordinal, seq: open.seq });
        continue;
      }
      const before = rule.continuesAcrossParents && !open ? runningOn.get(cand.key) : undefined;
      if (!before || before.last !== ordinal - 1) continue;
      seq = before.seq; // the run goes on under a new parent: open it like a first item
    }

    const rank = rule.rank ?? Infinity;
    if (openAt >= 0) {
      stack.length = openAt; // same key again: a new sequence in the same place
    } else if (rule.kind === 'structure') {
      while (stack.length > 0 && closedByHeading(stack[stack.length - 1], rank)) stack.pop();
    } else if (rule.kind === 'point') {
      while (stack.length > 0 && stack[stack.length - 1].kind === 'list') stack.pop();
    }
    while (stack.length > 0 && listClosedBefore(placed[stack[stack.length - 1].lastItem].cand, cand)) stack.pop();
    const top = stack.length > 0 ? stack[stack.length - 1] : null;
    const parent = top ? top.lastItem : null;
    if (seq < 0) seq = nextSeq++;
    stack.push({
      key: cand.key,
      kind: rule.kind,
      rank,
      last: ordinal,
      finished: false,
      parent,
      lastItem: placed.length,
      seq,
    });
    placed.push({ cand, parent, seq, ordinal });
    if (rule.continuesAcrossParents) runningOn.set(cand.key, { last: ordinal, seq });
  }
  return placed;
}

function findOpen(stack: OpenSequence[], key: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].key === key) return i;
  return -1;
}

/**
 * Has a list item's paragraph ended before `next` opens a new sequence? An inline list item (…。二要…) ends with
 * its paragraph, and a list opened inline in a later paragraph (主要措施是：一要…) is not part of any earlier list
 * item: in both cases the new sequence is no child of that item. (A list item that is its own paragraph, followed
 * by a sub-list that starts its own paragraphs — 一要…\n一是…\n二是… — still nests.)
 */
function listClosedBefore(item: Candidate, next: Candidate): boolean {
  if (item.rule.kind !== 'list' || item.paragraphEnd > next.start) return false;
  return !item.atParagraphStart || !next.atParagraphStart;
}

/** Does a heading of this rank close the open sequence? */
function closedByHeading(open: OpenSequence, rank: number): boolean {
  if (open.kind === 'list') return true;
  if (open.kind === 'point') return rank <= 1;
  return open.rank >= rank;
}
