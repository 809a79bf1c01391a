import {
  MENTION_CATEGORIES,
  type Analysis,
  type Mention,
  type OutlineItem,
  type Speaker,
  type Verdict,
} from '../rules/types';

/**
 * The wire form of an Analysis for reading.analyze's reply (schema in lib/messages/page.ts, kind in lib/messages/protocol.ts).
 *
 * Why not the Analysis itself: Chrome's extension messaging costs time in proportion to the bytes it carries
 * (JSON, UTF-8), on the page's side too, and on a 300,000-character page an Analysis is ~180 KB — mostly
 * repeated strings (rule ids, keys, glossary entries) and mention texts the content script already has (they are
 * slices of the text it sent). Here every string goes once into a table, numbers go into flat arrays, and a
 * mention's text is left out when it is the text's own slice. The content script decodes it back into exactly the
 * Analysis the rule set returned (tests/unit/reading-messages.test.ts checks the round trip).
 */
export interface WireAnalysis {
  verdict: Verdict;
  title?: string;
  date?: string;
  speaker?: Speaker;
  occasion?: string;
  textLength: number;
  /** Every string the outline and mentions use, once. */
  strings: string[];
  /** OUTLINE_STRIDE numbers per item: family, ordinal, marker, title, start, headEnd, end, parent (-1: none), depth. */
  outline: number[];
  /** MENTION_STRIDE numbers per mention: category, start, end, text (-1: the slice), ruleId, key (-1: = text), gloss (-1: none). */
  mentions: number[];
}

export const OUTLINE_STRIDE = 9;
export const MENTION_STRIDE = 7;

/** Background side: the compact form of `analysis`, made from the `text` it was made of. */
export function encodeAnalysis(analysis: Analysis, text: string): WireAnalysis {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const outline: number[] = [];
  for (const o of analysis.outline) {
    outline.push(
      ref(o.family),
      o.ordinal,
      ref(o.marker),
      ref(o.title),
      o.start,
      o.headEnd,
      o.end,
      o.parent ?? -1,
      o.depth,
    );
  }
  const mentions: number[] = [];
  for (const m of analysis.mentions) {
    const ownSlice = text.slice(m.start, m.end) === m.text;
    mentions.push(
      MENTION_CATEGORIES.indexOf(m.category),
      m.start,
      m.end,
      ownSlice ? -1 : ref(m.text),
      ref(m.ruleId),
      m.key === m.text ? -1 : ref(m.key),
      m.gloss === undefined ? -1 : ref(m.gloss),
    );
  }
  return {
    verdict: analysis.verdict,
    ...(analysis.title !== undefined ? { title: analysis.title } : {}),
    ...(analysis.date !== undefined ? { date: analysis.date } : {}),
    ...(analysis.speaker !== undefined ? { speaker: analysis.speaker } : {}),
    ...(analysis.occasion !== undefined ? { occasion: analysis.occasion } : {}),
    textLength: analysis.textLength,
    strings,
    outline,
    mentions,
  };
}

/**
 * The outline's invariants, which the painter and the side panel's tree rely on: every item is a non-empty range
 * inside the text with its heading inside it (start < end, start ≤ headEnd ≤ end), its parent comes before it,
 * starts before it and contains it, and its depth is one more than its parent's. Returns the first violation in
 * words, or null. Pure, so the rule set's tests assert exactly what the content script applies.
 */
export function outlineProblem(outline: readonly OutlineItem[], textLength: number): string | null {
  for (let i = 0; i < outline.length; i++) {
    const o = outline[i];
    const what = `outline item ${i}`;
    if (!(o.start >= 0 && o.start < o.end && o.end <= textLength)) return `${what}: range ${o.start}–${o.end}`;
    if (!(o.headEnd >= o.start && o.headEnd <= o.end))
      return `${what}: heading end ${o.headEnd} outside ${o.start}–${o.end}`;
    if (o.parent === null) {
      if (o.depth !== 0) return `${what}: depth ${o.depth} without a parent`;
      continue;
    }
    if (o.parent < 0 || o.parent >= i) return `${what}: parent ${o.parent} does not come before it`;
    const p = outline[o.parent];
    if (!(p.start < o.start && o.end <= p.end))
      return `${what}: ${o.start}–${o.end} outside its parent ${p.start}–${p.end}`;
    if (o.depth !== p.depth + 1) return `${what}: depth ${o.depth} under a parent of depth ${p.depth}`;
  }
  return null;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * Content side: checks the reply by hand (the content script does not bundle zod) and rebuilds the Analysis.
 * Every offset must lie inside the text that was sent, every string reference inside the table, before the
 * painter trusts any of it.
 */
export function decodeAnalysis(value: unknown, text: string): Analysis {
  const fail = (what: string): never => {
    throw new Error(`reading.analyze: bad analysis (${what})`);
  };
  if (!value || typeof value !== 'object') fail('not an object');
  const a = value as Record<string, unknown>;
  const v = a.verdict as Record<string, unknown> | undefined;
  if (
    !v ||
    typeof v.isPolicy !== 'boolean' ||
    !isStr(v.genre) ||
    typeof v.score !== 'number' ||
    !Array.isArray(v.reasons)
  ) {
    fail('verdict');
  }
  const { strings, outline: o, mentions: m } = a;
  if (!Array.isArray(strings) || !strings.every(isStr)) fail('strings');
  if (!Array.isArray(o) || o.length % OUTLINE_STRIDE || !Array.isArray(m) || m.length % MENTION_STRIDE)
    fail('outline/mentions');
  const table = strings as string[];
  const len = text.length;
  const str = (i: unknown, what: string): string => (isInt(i) && i >= 0 && i < table.length ? table[i] : fail(what));
  const offset = (x: unknown, what: string): number => (isInt(x) && x >= 0 && x <= len ? x : fail(what));

  const outline: OutlineItem[] = [];
  const on = o as unknown[];
  for (let k = 0; k < on.length; k += OUTLINE_STRIDE) {
    const i = k / OUTLINE_STRIDE;
    const what = `outline item ${i}`;
    const start = offset(on[k + 4], what);
    const headEnd = offset(on[k + 5], what);
    const end = offset(on[k + 6], what);
    const parent = on[k + 7];
    const depth = on[k + 8];
    const ordinal = on[k + 1];
    if (!isInt(depth) || typeof ordinal !== 'number') fail(what);
    if (!(parent === -1 || (isInt(parent) && parent >= 0))) fail(what);
    outline.push({
      family: str(on[k], what) as OutlineItem['family'],
      ordinal: ordinal as number,
      marker: str(on[k + 2], what),
      title: str(on[k + 3], what),
      start,
      headEnd,
      end,
      parent: parent === -1 ? null : (parent as number),
      depth: depth as number,
    });
  }

  const outlineFault = outlineProblem(outline, len);
  if (outlineFault) fail(outlineFault);

  const mentions: Mention[] = [];
  const mn = m as unknown[];
  for (let k = 0; k < mn.length; k += MENTION_STRIDE) {
    const what = `mention ${k / MENTION_STRIDE}`;
    const category = MENTION_CATEGORIES[mn[k] as number];
    const start = offset(mn[k + 1], what);
    const end = offset(mn[k + 2], what);
    if (!isInt(mn[k]) || !category || end < start) fail(what);
    const mentionText = mn[k + 3] === -1 ? text.slice(start, end) : str(mn[k + 3], what);
    const mention: Mention = {
      category,
      text: mentionText,
      start,
      end,
      ruleId: str(mn[k + 4], what),
      key: mn[k + 5] === -1 ? mentionText : str(mn[k + 5], what),
    };
    if (mn[k + 6] !== -1) mention.gloss = str(mn[k + 6], what);
    mentions.push(mention);
  }
  return {
    verdict: v as unknown as Verdict,
    outline,
    mentions,
    ...(isStr(a.title) ? { title: a.title } : {}),
    ...(isStr(a.date) ? { date: a.date } : {}),
    ...(speakerOf(a.speaker) ?? {}),
    ...(isStr(a.occasion) ? { occasion: a.occasion } : {}),
    textLength: isInt(a.textLength) ? a.textLength : len,
  };
}

/** A speaker as the background sent it: only string fields are kept. */
function speakerOf(x: unknown): { speaker: Speaker } | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const { name, post } = x as Record<string, unknown>;
  const speaker: Speaker = {};
  if (isStr(name)) speaker.name = name;
  if (isStr(post)) speaker.post = post;
  return speaker.name || speaker.post ? { speaker } : undefined;
}
