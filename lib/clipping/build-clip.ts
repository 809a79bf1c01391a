import type { Analysis, Mention, OutlineItem } from '../rules/types';
import type { ClipMention, OutlineStep } from '../clips/types';
import type { ClipDraft } from '../clips/schema';
import { MAX_TITLE_CHARS } from '../clips/limits';
import { truncateUnits } from '../text/code-points';
import { describeSpan } from '../anchoring/describe';
import { normalizeUrl } from '../clips/url';
import { speakerLabel } from '../rules/speaker';
import { clippableSpan } from './span';

export { ClipRefused, trimSpan } from './span';

export interface ClipSource {
  /** The flat text the offsets refer to (ExtractedText.text). */
  text: string;
  /** The page's analysis of that same text, when there is one (policy or not); null on pages never analysed. */
  analysis: Analysis | null;
  url: string;
  title: string;
}

/** The outline item chain (outermost first) from a given item index. */
function chainOf(outline: readonly OutlineItem[], index: number | null): OutlineItem[] {
  const chain: OutlineItem[] = [];
  for (let i = index; i !== null && i >= 0 && i < outline.length; i = outline[i].parent) chain.unshift(outline[i]);
  return chain;
}

/** Index of the innermost item whose section contains [start, end), or null. */
function innermostContaining(outline: readonly OutlineItem[], start: number, end: number): number | null {
  let best: number | null = null;
  for (let i = 0; i < outline.length; i++) {
    const item = outline[i];
    if (item.start <= start && end <= item.end && (best === null || item.depth > outline[best].depth)) best = i;
  }
  return best;
}

/**
 * The clip's place in the speech: the chain of sections that contain all of it. A clip that spans sections
 * belongs to their common parent; one that straddles top-level sections gets the path of where it starts
 * (a reader looks for it where it begins).
 */
export function outlinePathFor(outline: readonly OutlineItem[], start: number, end: number): OutlineStep[] {
  const whole = innermostContaining(outline, start, end);
  const index = whole ?? innermostContaining(outline, start, start + 1);
  return chainOf(outline, index).map((item) => ({
    marker: item.marker,
    title: truncateUnits(item.title, MAX_TITLE_CHARS),
  }));
}

/** Mentions lying wholly inside [start, end), each (category, key, text) once, in document order. */
export function mentionsWithin(mentions: readonly Mention[], start: number, end: number): ClipMention[] {
  const seen = new Set<string>();
  const out: ClipMention[] = [];
  for (const m of mentions) {
    if (m.start < start || m.end > end) continue;
    const id = `${m.category}\u0000${m.key}\u0000${m.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ category: m.category, key: m.key, text: m.text });
  }
  return out;
}

/**
 * Everything a clip records about text[start, end): the exact text (edges trimmed), W3C selectors over the
 * flat text, outline path, mentions, the speech's title and date, and the normalised page URL and title.
 */
export function buildClipDraft(source: ClipSource, rawStart: number, rawEnd: number): ClipDraft {
  const { start, end } = clippableSpan(source.text, rawStart, rawEnd);
  const a = source.analysis;
  const draft: ClipDraft = {
    text: source.text.slice(start, end),
    url: normalizeUrl(source.url),
    title: truncateUnits(source.title.trim(), MAX_TITLE_CHARS),
    outlinePath: a ? outlinePathFor(a.outline, start, end) : [],
    mentions: a ? mentionsWithin(a.mentions, start, end) : [],
    selectors: describeSpan(source.text, start, end),
  };
  if (a?.title) draft.speechTitle = truncateUnits(a.title, MAX_TITLE_CHARS);
  if (a?.date) draft.speechDate = a.date;
  if (a?.speaker) draft.speechSpeaker = speakerLabel(a.speaker).slice(0, MAX_TITLE_CHARS);
  if (a?.occasion) draft.speechOccasion = a.occasion.slice(0, MAX_TITLE_CHARS);
  return draft;
}
