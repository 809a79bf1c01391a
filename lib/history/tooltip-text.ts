import { t } from '../i18n';
import type { SimilarParagraph } from './handlers';

/** The tooltip names at most this many other speeches. */
const TOOLTIP_OTHERS = 3;

const fill = (key: string, vars: Record<string, string | number>) =>
  t(key).replace(/\{(\w+)\}/g, (token, name: string) => (name in vars ? String(vars[name]) : token));

/**
 * What a page's tooltip says of a recurring paragraph, worded here in the background (the reader's language):
 * the other speeches' or clips' names and shares, nothing of their texts. The content script shows it as text.
 */
export function similarTooltipText(p: SimilarParagraph): { start: number; end: number; heading: string; text: string } {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const m of p.matches) {
    if (lines.length >= TOOLTIP_OTHERS || seen.has(m.title)) continue;
    seen.add(m.title);
    lines.push(
      fill(m.clipId ? 'similar_tipClip' : 'similar_tipSpeech', {
        title: m.title,
        date: m.date ? ` · ${m.date}` : '',
        pct: Math.round(Math.min(1, m.score) * 100),
      }),
    );
  }
  const n = lines.length;
  return {
    start: p.start,
    end: p.end,
    heading: fill(n === 1 ? 'similar_tipHeading_one' : 'similar_tipHeading', { n }),
    text: lines.join('；'),
  };
}

export const tooltipButtonLabel = (): string => t('similar_tipOpen');
