import { MENTION_CATEGORIES, type MentionCategory } from '../rules/types';

/**
 * What Tifa paints on a page: section headings (marker + lead sentence) and the five mention categories.
 * Each category is one named highlight in `CSS.highlights` (`tifa-<category>`), so a page, a test or the
 * reader's own stylesheet can address it by name.
 */
export type HighlightCategory = 'section' | MentionCategory;

export const HIGHLIGHT_CATEGORIES: readonly HighlightCategory[] = ['section', ...MENTION_CATEGORIES];

/**
 * The calm default: what a reader sees before switching anything. Numbers are many in a report (targets and past
 * results), so both start off; outline, programs, formulations, documents and meetings stay on. The reading view's
 * default toggles and any later "calm / full" mode read this one list.
 */
export const DEFAULT_VISIBLE_CATEGORIES: readonly HighlightCategory[] = [
  'section',
  'program',
  'formulation',
  'document',
  'meeting',
];

export function isHighlightCategory(value: unknown): value is HighlightCategory {
  return typeof value === 'string' && (HIGHLIGHT_CATEGORIES as readonly string[]).includes(value);
}

export function highlightName(category: HighlightCategory): string {
  return `tifa-${category}`;
}

/** Name of the short-lived highlight that flashes an outline item after "scroll to". */
export const FLASH_HIGHLIGHT = 'tifa-flash';

/**
 * Colours are translucent tints over the page's own text colour (which is never changed): a tint reads on a white
 * page and on a dark one alike, while an opaque background or a forced text colour would break one of them.
 * Hues are far apart so that the categories stay distinguishable for most colour-vision types; sections also
 * get an underline so they differ by more than hue.
 */
export interface CategoryStyle {
  /** Translucent tint, as an rgba() colour. */
  tint: string;
  /** Solid swatch colour for the legend and the tooltip. */
  swatch: string;
  underline?: string;
  /** Higher paints on top where highlights overlap (a program inside a section heading). */
  priority: number;
}

export const CATEGORY_STYLES: Record<HighlightCategory, CategoryStyle> = {
  section: { tint: 'rgba(255, 170, 0, 0.30)', swatch: '#f0a000', underline: 'rgba(230, 120, 0, 0.9)', priority: 1 },
  program: { tint: 'rgba(0, 190, 100, 0.30)', swatch: '#1fae5b', priority: 3 },
  formulation: { tint: 'rgba(170, 80, 255, 0.30)', swatch: '#9a55f0', priority: 4 },
  document: { tint: 'rgba(40, 130, 255, 0.30)', swatch: '#2f7fee', priority: 3 },
  meeting: { tint: 'rgba(255, 60, 110, 0.28)', swatch: '#e8406e', priority: 3 },
  target: { tint: 'rgba(0, 200, 220, 0.32)', swatch: '#12aebf', priority: 2 },
  result: { tint: 'rgba(120, 130, 150, 0.26)', swatch: '#7a8496', priority: 2 },
};
