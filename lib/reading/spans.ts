import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '../highlight/categories';
import type { Analysis } from '../rules/types';

/** One painted span: an outline item's heading (marker + lead) or a mention, in extracted-text offsets. */
export interface ReadingSpan {
  category: HighlightCategory;
  start: number;
  end: number;
  /** Index into analysis.outline (section) or analysis.mentions (everything else). */
  source: number;
}

/**
 * The spans to paint for an analysis, sorted by start (a containing span before the spans inside it).
 * Section headings are marked from the marker to the end of the lead sentence (start..headEnd), never the
 * whole section: the body of a section is ordinary text.
 */
export function buildSpans(analysis: Analysis): ReadingSpan[] {
  const spans: ReadingSpan[] = [];
  analysis.outline.forEach((item, i) => {
    if (item.headEnd > item.start) spans.push({ category: 'section', start: item.start, end: item.headEnd, source: i });
  });
  analysis.mentions.forEach((m, i) => {
    if (m.end > m.start) spans.push({ category: m.category, start: m.start, end: m.end, source: i });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans;
}

/** Where the line holding `at` ends (its newline, or the text's end). */
const lineEnd = (text: string, at: number) => (text.indexOf('\n', at) + 1 || text.length + 1) - 1;

/**
 * The speech's own heading in `text`, [start, end): the line holding the recognised title and the short lines
 * under it (subtitle, date, source, speaker), up to the salutation (`各位代表：`) or the first sentence.
 */
export function headingOf(text: string, title: string | undefined): [number, number] | null {
  const at = title ? text.slice(0, 3000).indexOf(title.slice(0, 12)) : -1;
  if (at < 0) return null;
  let end = lineEnd(text, at);
  for (let n = 0; n < 5 && end < text.length; n++) {
    const next = lineEnd(text, end + 1);
    const line = text.slice(end + 1, next).trim();
    if (line.length > 80 || /[。！？；]|[：:]$/.test(line)) break;
    end = next;
  }
  return [text.lastIndexOf('\n', at) + 1, end];
}

/** Full mode: every category shown. */
export const showsAll = (visible: ReadonlySet<HighlightCategory>) => visible.size === HIGHLIGHT_CATEGORIES.length;

/**
 * The spans to paint with the categories `visible`: every span in full mode (every category shown); in the other
 * modes every outline heading and every program, and of the other mentions neither a meeting or document in the
 * speech's own heading (it names the speech itself), nor a mention inside a shown one (it is marked already), nor
 * a name already painted in the same paragraph. `text` is the analysed text (paragraphs end at newlines).
 */
export function spansToPaint(
  spans: ReadingSpan[],
  analysis: Analysis,
  text: string,
  visible: ReadonlySet<HighlightCategory>,
): ReadingSpan[] {
  if (showsAll(visible)) return spans;
  const heading = headingOf(text, analysis.title);
  const seen = new Set<string>();
  let paragraphEnd = -1;
  let reach = -1; // how far the shown mentions reach (spans come sorted by start)
  return spans.filter((s) => {
    if (s.category === 'section') return true;
    if (s.start > paragraphEnd) {
      seen.clear();
      paragraphEnd = lineEnd(text, s.start);
    }
    if (s.category !== 'program') {
      const key = `${s.category}:${analysis.mentions[s.source]?.key}`;
      const own = /meeting|document/.test(s.category) && heading && s.start >= heading[0] && s.end <= heading[1];
      if (own || s.end <= reach || seen.has(key)) return false;
      seen.add(key);
    }
    if (visible.has(s.category)) reach = Math.max(reach, s.end);
    return true;
  });
}

export function countByCategory(spans: readonly ReadingSpan[]): Record<HighlightCategory, number> {
  const counts: Record<HighlightCategory, number> = {
    section: 0,
    program: 0,
    formulation: 0,
    document: 0,
    meeting: 0,
    target: 0,
    result: 0,
  };
  for (const s of spans) counts[s.category]++;
  return counts;
}
