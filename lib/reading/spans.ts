import type { HighlightCategory } from '../highlight/categories';
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

/** Names a reader knows after one sight: a quiet reading paints each of them once per paragraph. */
const ONCE_PER_PARAGRAPH: ReadonlySet<HighlightCategory> = new Set(['formulation', 'document', 'meeting']);

/**
 * The speech's own heading in `text`, [start, end): the line holding the recognised title and the short lines
 * under it (subtitle, date, source, speaker), up to the salutation (`各位代表：`) or the first sentence.
 */
export function headingOf(text: string, title: string | undefined): [number, number] | null {
  const at = title ? text.slice(0, 3000).indexOf(title.slice(0, 12)) : -1;
  if (at < 0) return null;
  const lineEnd = (from: number) => {
    const newline = text.indexOf('\n', from);
    return newline < 0 ? text.length : newline;
  };
  let end = lineEnd(at);
  for (let n = 0; n < 5 && end < text.length; n++) {
    const next = lineEnd(end + 1);
    const line = text.slice(end + 1, next).trim();
    if (line.length > 80 || /[。！？；]|[：:]$/.test(line)) break;
    end = next;
  }
  return [text.lastIndexOf('\n', at) + 1, end];
}

/**
 * What a quiet reading (every mode but full) paints of `spans`: every outline heading and every program, as in
 * full; of the other mentions, neither a meeting or document in the speech's own heading (it names the speech
 * itself), nor a mention inside a shown one (it is marked already), nor a formulation, document or meeting named
 * earlier in the same paragraph. `text` is the analysed text (paragraphs end at newlines); `visible`, the
 * categories shown (a hidden one marks nothing).
 */
export function quietSpans(
  spans: readonly ReadingSpan[],
  analysis: Analysis,
  text: string,
  visible: ReadonlySet<HighlightCategory>,
): ReadingSpan[] {
  const heading = headingOf(text, analysis.title);
  const out: ReadingSpan[] = [];
  const seen = new Set<string>();
  let paragraphEnd = -1;
  let reach = -1; // the end of the painted mention that reaches furthest (spans come sorted by start)
  for (const s of spans) {
    if (s.category === 'section') {
      out.push(s);
      continue;
    }
    if (s.start >= paragraphEnd) {
      seen.clear();
      const newline = text.indexOf('\n', s.start);
      paragraphEnd = newline < 0 ? text.length : newline;
    }
    if (s.category !== 'program') {
      const own = s.category === 'meeting' || s.category === 'document';
      if (own && heading && s.start >= heading[0] && s.end <= heading[1]) continue;
      if (s.end <= reach) continue;
      const key = `${s.category}:${analysis.mentions[s.source]?.key}`;
      if (ONCE_PER_PARAGRAPH.has(s.category) && seen.has(key)) continue;
      seen.add(key);
    }
    out.push(s);
    if (visible.has(s.category)) reach = Math.max(reach, s.end);
  }
  return out;
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
