/**
 * Maps an analysis made on normalised text back onto the original text: every offset through the
 * normalisation map, and every "as written" string (mention text, outline marker) sliced from the original,
 * so highlights and clips land on the page's own characters. Keys, titles and reasons stay folded (simplified,
 * full-width punctuation): they are for grouping and reading, not for locating.
 */
import type { NormalizedText } from './normalize';
import type { Analysis, Mention, OutlineItem } from './types';

function mapItem(item: OutlineItem, norm: NormalizedText, original: string): OutlineItem {
  const start = norm.toOriginal(item.start);
  const markerEnd = norm.toOriginalEnd(item.start + item.marker.length);
  return {
    ...item,
    start,
    marker: original.slice(start, markerEnd),
    headEnd: norm.toOriginalEnd(item.headEnd),
    end: norm.toOriginalEnd(item.end),
  };
}

function mapMention(mention: Mention, norm: NormalizedText, original: string): Mention {
  const start = norm.toOriginal(mention.start);
  const end = norm.toOriginalEnd(mention.end);
  return { ...mention, start, end, text: original.slice(start, end) };
}

export function toOriginalAnalysis(analysis: Analysis, norm: NormalizedText, original: string): Analysis {
  if (norm.identity) return analysis;
  return {
    ...analysis,
    outline: analysis.outline.map((item) => mapItem(item, norm, original)),
    mentions: analysis.mentions.map((m) => mapMention(m, norm, original)),
    textLength: original.length,
  };
}
