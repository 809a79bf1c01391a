import { CATEGORY_STYLES, type HighlightCategory } from '../highlight/categories';
import { t } from '../i18n';
import type { Analysis } from '../rules/types';
import type { ReadingSpan } from './spans';
import { shorten } from './dom';
import type { TooltipContent } from './ui';

export function categoryLabel(category: HighlightCategory): string {
  return t(`reading_cat_${category}`);
}

/**
 * What the tooltip says about a span: its category in words, the text, the glossary or outline path. Rule ids are
 * for the side panel's details, not for a reader hovering a word.
 */
export function describeReadingSpan(span: ReadingSpan, analysis: Analysis): TooltipContent {
  const swatch = CATEGORY_STYLES[span.category].swatch;
  if (span.category === 'section') {
    const item = analysis.outline[span.source];
    const path: string[] = [];
    for (let p = item.parent; p !== null && path.length < 6; p = analysis.outline[p]?.parent ?? null) {
      const parent = analysis.outline[p];
      if (!parent) break;
      path.unshift(shorten(parent.marker + parent.title, 14));
    }
    return {
      swatch,
      heading: `${categoryLabel('section')} · ${tf('reading_tooltipLevel', { n: item.depth + 1 })}`,
      text: shorten(item.marker + item.title, 120),
      detail: path.length ? path.join(' › ') : undefined,
    };
  }
  const mention = analysis.mentions[span.source];
  return {
    swatch,
    heading: categoryLabel(span.category),
    text: shorten(mention.text, 120),
    detail: mention.gloss ? shorten(mention.gloss, 240) : undefined,
  };
}

/** `t` with `{name}` tokens filled in as text (chrome.i18n's own `$1` syntax differs between browsers). */
export function tf(key: string, vars: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (token, name: string) => (name in vars ? String(vars[name]) : token));
}
