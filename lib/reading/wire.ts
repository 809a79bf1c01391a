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
 * words, or null. Pure, so the rule set's tests assert exactly what the content script applies. The words are
 * short on purpose: this runs in the content script, whose every byte is loaded with each page.
 */
export function outlineProblem(outline: readonly OutlineItem[], textLength: number): string | null {
  for (let i = 0; i < outline.length; i++) {
    const fault = itemFault(outline, i, textLength);
    if (fault) return `outline item ${i}: ${fault}`;
  }
  return null;
}

function itemFault(outline: readonly OutlineItem[], i: number, textLength: number): string | undefined {
  const o = outline[i];
  if (!(o.start >= 0 && o.start < o.end && o.end <= textLength)) return 'range';
  if (!(o.headEnd >= o.start && o.headEnd <= o.end)) return 'heading end';
  if (o.parent === null) return o.depth ? 'depth' : undefined;
  const p = outline[o.parent];
  if (!(o.parent >= 0 && o.parent < i)) return 'parent does not come before it';
  if (!(p.start < o.start && o.end <= p.end)) return 'outside its parent';
  if (o.depth !== p.depth + 1) return 'depth';
}

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * Content side: checks the reply by hand (the content script does not bundle zod) and rebuilds the Analysis.
 * Every offset must lie inside the text that was sent, every string reference inside the table, before the
 * painter trusts any of it. The error names the part that failed (verdict, strings, outline, mention), not the
 * field: the sender is Tifa's own background, so a failure is a bug to find, not input to explain.
 */
export function decodeAnalysis(value: unknown, text: string): Analysis {
  let part = 'verdict';
  const fail = (why = part): never => {
    throw new Error(`reading.analyze: bad analysis (${why})`);
  };
  const a = (value && typeof value === 'object' ? value : fail()) as Record<string, unknown>;
  const v = a.verdict as Record<string, unknown> | null | undefined;
  if (
    !v ||
    typeof v.isPolicy !== 'boolean' ||
    !isStr(v.genre) ||
    typeof v.score !== 'number' ||
    !Array.isArray(v.reasons)
  )
    fail();
  part = 'shape';
  const { strings, outline: o, mentions: m } = a;
  const table = Array.isArray(strings) && strings.every(isStr) ? strings : fail();
  const on = Array.isArray(o) && !(o.length % OUTLINE_STRIDE) ? (o as unknown[]) : fail();
  const mn = Array.isArray(m) && !(m.length % MENTION_STRIDE) ? (m as unknown[]) : fail();
  const len = text.length;
  const str = (i: unknown): string => (isInt(i) && i >= 0 && i < table.length ? table[i] : fail());
  const offset = (x: unknown): number => (isInt(x) && x >= 0 && x <= len ? x : fail());

  part = 'outline';
  const outline: OutlineItem[] = [];
  // Indexed reads, not `const [a, b] = on.slice(…)`: destructuring runs the iterator protocol for every field,
  // which on a cold page (this code's first run, in V8's interpreter) made decoding cost several milliseconds.
  for (let k = 0; k < on.length; k += OUTLINE_STRIDE) {
    const ordinal = on[k + 1];
    const parent = on[k + 7];
    const depth = on[k + 8];
    if (!isInt(depth) || typeof ordinal !== 'number' || !(parent === -1 || (isInt(parent) && parent >= 0))) fail();
    outline.push({
      family: str(on[k]) as OutlineItem['family'],
      ordinal: ordinal as number,
      marker: str(on[k + 2]),
      title: str(on[k + 3]),
      start: offset(on[k + 4]),
      headEnd: offset(on[k + 5]),
      end: offset(on[k + 6]),
      parent: parent === -1 ? null : (parent as number),
      depth: depth as number,
    });
  }
  const outlineFault = outlineProblem(outline, len);
  if (outlineFault) fail(outlineFault);

  part = 'mention';
  const mentions: Mention[] = [];
  for (let k = 0; k < mn.length; k += MENTION_STRIDE) {
    const cat = mn[k];
    const t = mn[k + 3];
    const key = mn[k + 5];
    const gloss = mn[k + 6];
    const category = isInt(cat) ? MENTION_CATEGORIES[cat] : undefined;
    const start = offset(mn[k + 1]);
    const end = offset(mn[k + 2]);
    if (!category || end < start) fail();
    const mentionText = t === -1 ? text.slice(start, end) : str(t);
    const mention: Mention = {
      category: category as Mention['category'],
      text: mentionText,
      start,
      end,
      ruleId: str(mn[k + 4]),
      key: key === -1 ? mentionText : str(key),
    };
    if (gloss !== -1) mention.gloss = str(gloss);
    mentions.push(mention);
  }
  const analysis: Analysis = {
    verdict: v as unknown as Verdict,
    outline,
    mentions,
    textLength: isInt(a.textLength) ? a.textLength : len,
  };
  for (const f of ['title', 'date', 'occasion'] as const) if (isStr(a[f])) analysis[f] = a[f];
  // A speaker as the background sent it: only string fields are kept.
  const sp = a.speaker as Record<string, unknown> | undefined;
  const speaker: Speaker = {};
  if (isStr(sp?.name)) speaker.name = sp.name;
  if (isStr(sp?.post)) speaker.post = sp.post;
  if (speaker.name || speaker.post) analysis.speaker = speaker;
  return analysis;
}
