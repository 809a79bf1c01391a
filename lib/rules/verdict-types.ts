/**
 * What every verdict rule file shares: the context a rule reads, the rule shape, and the match counter.
 * (Kept apart from the rule lists so the lists can live in several files without import cycles.)
 */
import type { Mention, OutlineItem, RuleDoc } from './types';

/** What a verdict rule sees: the text without boilerplate, plus cheap derived views and the other analyses. */
export interface VerdictContext {
  text: string;
  /** The first 3000 characters: where titles, bylines and salutations are, even after page chrome. */
  head: string;
  /** The last 1200 characters: where source notes (“这是…的讲话”) and datelines of reprints are. */
  tail: string;
  /** The first 40% of the text (at least 2000, at most 6000 characters): a news dateline here opens an
   * article; at the end it credits a reprint. */
  front: string;
  /**
   * The first 8000 and the last 1200 characters: what register and reporting-voice rules read. Speeches and
   * news both show their voice early; reading a bounded sample keeps the verdict's cost independent of length.
   */
  sample: string;
  /** The text is longer than `sample`: the counts below are lower bounds. */
  sampled: boolean;
  /** Number of CJK characters in `sample`. */
  cjk: number;
  /** CJK characters on prose lines (≥ 20 CJK and sentence punctuation) in `sample`: the body, not menus. */
  proseCjk: number;
  /** Lines in `sample` with at least one CJK character and fewer than 12 (menu items, list entries). */
  shortLines: number;
  outline: readonly OutlineItem[];
  mentions: readonly Mention[];
}

export type VerdictScope = 'head' | 'tail' | 'front' | 'sample';

export interface VerdictRule extends RuleDoc {
  /** Contribution to the logit when the rule fires; negative argues against. */
  weight: number;
  /** Pattern rules: where to look, what to look for, how many hits are needed (default 1). */
  scope?: VerdictScope;
  pattern?: RegExp;
  minCount?: number;
  /** Measure rules: compute from the context; return evidence text when the rule fires, null otherwise. */
  measure?: (ctx: VerdictContext) => string | null;
  /** Marks the text as a report rather than a speech when it fires. */
  genre?: 'report';
  /**
   * Independent speech cue family this rule belongs to (title, salutation, agenda, occasion, closing,
   * endorse). Two different families firing on a short text is the short-text rule (verdict-speech-cues.ts).
   */
  cueFamily?: CueFamily;
}

export type CueFamily = 'title' | 'salutation' | 'agenda' | 'occasion' | 'closing' | 'endorse' | 'exhort';

export const N = '一二三四五六七八九十〇零';
export const DATE = `(?:\\d{4}年\\d{1,2}月\\d{1,2}日|[${N}]{4}年[${N}]{1,2}月[${N}]{1,3}日)`;

/** Count of matches of a global regex, stopping early once `enough` is reached. */
const globalCache = new WeakMap<RegExp, RegExp>();

/** The global twin of a regex, compiled once (rules are data with plain regexes; scanning needs `g`). */
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = re.flags.includes('g') ? re : new RegExp(re.source, re.flags + 'g');
    globalCache.set(re, g);
  }
  return g;
}

export function countMatches(re: RegExp, text: string, enough = Infinity): { count: number; first?: string } {
  const g = globalOf(re);
  g.lastIndex = 0;
  let count = 0;
  let first: string | undefined;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++;
    if (first === undefined) first = m[0];
    if (++count >= enough) break;
  }
  return { count, first };
}
