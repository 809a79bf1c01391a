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
