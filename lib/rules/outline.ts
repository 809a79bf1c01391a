/**
 * The outline engine: every enumerated item of a speech or report (一、 （一） 第一， 一要 一是 首先 …), in
 * document order, as a tree. The numbering styles are data (outline-rules.ts); this module ties the steps
 * together: scan candidates → keep consecutive sequences and nest them → lead and section extents.
 */
import { findBodyBounds } from './outline-body';
import { scanCandidates } from './outline-scan';
import { buildTree, type PlacedItem } from './outline-tree';
import type { OutlineItem } from './types';

/** Titles longer than this are shortened with an ellipsis. */
export const TITLE_MAX = 60;
/** A lead without sentence punctuation (a heading run into its body) is cut here. */
const LEAD_MAX = 150;

/** The lead: up to the first sentence end, colon, line break or paragraph space. */
const LEAD = new RegExp(`[^。；！？：!?;:\\n\\r\\u3000]{0,${LEAD_MAX}}`, 'y');
const LEAD_END_PUNCT = '。；！？：!?;:';

export function extractOutline(text: string): OutlineItem[] {
  if (text.length === 0) return [];
  const { bodyEnd, annexStarts } = findBodyBounds(text);
  const candidates = scanCandidates(text, bodyEnd).filter((c) => c.start < bodyEnd);
  const placed = buildTree(candidates, {
    breaks: annexStarts,
    interludes: findInterludes(text, bodyEnd),
    announcements: findAnnouncements(text, candidates),
  });
  if (placed.length === 0) return [];

  const ends = sectionEnds(placed, bodyEnd, annexStarts);
  const items: OutlineItem[] = new Array(placed.length);
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    const nextStart = i + 1 < placed.length ? placed[i + 1].cand.start : ends[i];
    const head = leadOf(text, p, Math.min(nextStart, ends[i]));
    items[i] = {
      family: p.cand.rule.family,
      ordinal: p.ordinal,
      marker: text.slice(p.cand.start, p.cand.markerEnd),
      title: head.title,
      start: p.cand.start,
      headEnd: head.end,
      end: ends[i],
      parent: p.parent,
      depth: p.parent === null ? 0 : items[p.parent].depth + 1,
    };
  }
  return items;
}

/** A paragraph that addresses the audience again: 各位代表！ 同志们！ (not 同志们： opening the speech). */
const INTERLUDE = /(?:各位代表|同志们|各位委员)[！!]/g;
/** What may stand before the interlude on its line: nothing but blanks after a paragraph start. */
const INTERLUDE_LEFT = /(?:^|[\n\r\u3000])[ \t\u3000]*$/;

/** Anchored on the words themselves (a literal scan) and checked leftwards, not tried at every position. */
/** 下面，我讲三点意见。 · 我着重讲两个问题： — the speaker's announcement of numbered points, at a paragraph end. */
const ANNOUNCEMENT =
  /(?:讲|谈|提|强调)[^。！？\n]{0,4}?(?:[一二两三四五六七八九十几]|\d{1,2})(?:点|个方面|个问题)[^。！？\n]{0,12}?[：。][ \t　]*(?=\n)/g;

/** Ends of announcements, looked for only when a page's last candidate could be a lone first heading. */
function findAnnouncements(text: string, candidates: readonly { start: number }[]): number[] {
  const last = candidates[candidates.length - 1];
  if (!last) return [];
  const out: number[] = [];
  ANNOUNCEMENT.lastIndex = 0;
  const from = Math.max(0, last.start - 200);
  const stretch = text.slice(from, last.start + 1);
  for (let m = ANNOUNCEMENT.exec(stretch); m; m = ANNOUNCEMENT.exec(stretch)) out.push(from + m.index + m[0].length);
  return out;
}

function findInterludes(text: string, until: number): number[] {
  const out: number[] = [];
  INTERLUDE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INTERLUDE.exec(text)) !== null && m.index < until) {
    const left = INTERLUDE_LEFT.exec(text.slice(Math.max(0, m.index - 8), m.index));
    if (!left) continue;
    // The match starts at the paragraph break (as before), or at the text start.
    const breakAt = m.index - left[0].length;
    out.push(left[0].length > 0 && /[\n\r\u3000]/.test(left[0][0]) ? breakAt : Math.max(0, breakAt));
  }
  return out;
}

/**
 * A section ends where the next item at the same or a higher level starts, at an annex, or at the body end.
 * A child never outlives its parent, and an inline list item (…。二是…) that closes its list ends with its
 * paragraph: the next paragraph is no longer part of “二是”.
 */
function sectionEnds(placed: PlacedItem[], bodyEnd: number, annexStarts: number[]): number[] {
  const ends = new Array<number>(placed.length).fill(bodyEnd);
  const depth = new Array<number>(placed.length);
  const open: number[] = [];
  let breakIdx = 0;
  const regionEndAfter = (pos: number): number => {
    while (breakIdx < annexStarts.length && annexStarts[breakIdx] <= pos) breakIdx++;
    return breakIdx < annexStarts.length ? annexStarts[breakIdx] : bodyEnd;
  };

  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    depth[i] = p.parent === null ? 0 : depth[p.parent] + 1;
    const start = p.cand.start;
    while (open.length > 0) {
      const j = open[open.length - 1];
      if (depth[j] < depth[i] && ends[j] > start) break;
      if (ends[j] > start) ends[j] = start;
      open.pop();
    }
    ends[i] = regionEndAfter(start);
    open.push(i);
  }

  // An inline item ends with its paragraph unless its list goes on under it in the next one (…最后，…：一要…\n二要…):
  // the tree decides what belongs to an item, and an item's range holds all of it.
  const lastDescendantStart = placed.map((p) => p.cand.start);
  for (let i = placed.length - 1; i >= 0; i--) {
    const parent = placed[i].parent;
    if (parent !== null && lastDescendantStart[i] > lastDescendantStart[parent])
      lastDescendantStart[parent] = lastDescendantStart[i];
  }
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    if (p.parent !== null && ends[i] > ends[p.parent]) ends[i] = ends[p.parent];
    const paragraphEnd = p.cand.paragraphEnd;
    if (
      p.cand.rule.kind === 'list' &&
      !p.cand.atParagraphStart &&
      paragraphEnd < ends[i] &&
      lastDescendantStart[i] < paragraphEnd
    ) {
      ends[i] = paragraphEnd;
    }
  }
  return ends;
}

function leadOf(text: string, p: PlacedItem, limit: number): { title: string; end: number } {
  let from = skipSpaces(text, p.cand.markerEnd, false);
  LEAD.lastIndex = from;
  let lead = LEAD.exec(text)?.[0] ?? '';
  if (lead.length === 0) {
    // 第一章\n总则, or 一是 set in bold and extracted as its own line: the lead is on the next line.
    from = skipSpaces(text, from, true);
    LEAD.lastIndex = from;
    lead = LEAD.exec(text)?.[0] ?? '';
  }
  let leadEnd = from + lead.length;
  // 第一章　总　则: single characters between single spaces are one spaced-out heading, not paragraphs.
  let spacedOut = false;
  if (lead.length === 1) {
    while (isSpacedOut(text, leadEnd)) {
      leadEnd += 2;
      spacedOut = true;
    }
  }
  let end = leadEnd;
  if (end < text.length && LEAD_END_PUNCT.includes(text.charAt(end))) end++;
  if (end > limit) end = Math.max(p.cand.markerEnd, limit);
  if (leadEnd > end) leadEnd = end;
  const raw = text.slice(from, leadEnd);
  return { title: shortTitle(spacedOut ? raw.replace(/[ \u3000]/g, '') : raw), end };
}

/** At `i`: one space, one character, then a break — the rest of a spaced-out heading (总　则). */
function isSpacedOut(text: string, i: number): boolean {
  const isBreak = (c: number) => Number.isNaN(c) || c === 0x3000 || c === 0x20 || c === 0x0a || c === 0x0d;
  const c = text.charCodeAt(i);
  return (c === 0x3000 || c === 0x20) && !isBreak(text.charCodeAt(i + 1)) && isBreak(text.charCodeAt(i + 2));
}

function skipSpaces(text: string, i: number, acrossLines: boolean): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || (acrossLines && (c === 0x0a || c === 0x0d))) i++;
    else break;
  }
  return i;
}

const TRAILING = /[\s\u3000，、,]+$/;

function shortTitle(raw: string): string {
  const title = raw.replace(TRAILING, '');
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}
