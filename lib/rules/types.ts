/**
 * The shared rule set's public types. Everything that reads a speech — content script, popup, side panel,
 * CLI, tests — speaks these types. Offsets are UTF-16 code-unit offsets into the analysed text
 * (the same units as JavaScript string indices and DOM Range offsets).
 */

export type Genre = 'speech' | 'report' | 'other';

/** One piece of evidence for or against "this is a policy speech or report", in words a reader understands. */
export interface Reason {
  /** Stable id of the verdict rule that fired, e.g. `title.speech`. */
  id: string;
  /** Contribution to the score; negative values argue against. */
  weight: number;
  /** Human explanation in Chinese and English, e.g. 标题为“在…会议上的讲话”. */
  zh: string;
  en: string;
  /** The text that triggered it, when there is one (shortened). */
  evidence?: string;
}

export interface Verdict {
  isPolicy: boolean;
  genre: Genre;
  /** 0..1 */
  score: number;
  reasons: Reason[];
}

/**
 * Numbering families. `dun` 一、 · `paren` （一） · `di` 第一，/第一个问题/第一部分 · `arabic` 1. / 1、 ·
 * `arabicParen` （1） · `yao` 一要 · `shi` 一是 · `seq` 首先/其次/再次/最后 · `tiao` 第一条 (law/regulation articles) ·
 * `zhang` 第一章.
 */
export type OutlineFamily =
  | 'dun'
  | 'paren'
  | 'di'
  | 'arabic'
  | 'arabicParen'
  | 'yao'
  | 'shi'
  | 'seq'
  | 'circled'
  | 'tiao'
  | 'zhang';

export interface OutlineItem {
  family: OutlineFamily;
  /** 1-based position in its sequence (一 → 1, 首先 → 1, 最后 → n). */
  ordinal: number;
  /** The marker as written, e.g. `一、`, `（二）`, `第一，`, `三要`, `首先，`. */
  marker: string;
  /** The lead sentence (heading) after the marker, without trailing punctuation; may be shortened. */
  title: string;
  /** Offset of the marker's first character. */
  start: number;
  /** End of the lead (marker + title): what is highlighted as the section heading. */
  headEnd: number;
  /** End of the whole section: the start of the next item at the same or a higher level, or the text's end. */
  end: number;
  /** Index into the same outline array of the enclosing item, or null. */
  parent: number | null;
  /** 0 for top-level items. */
  depth: number;
}

export type MentionCategory = 'program' | 'formulation' | 'document' | 'meeting' | 'target' | 'result';

export const MENTION_CATEGORIES: readonly MentionCategory[] = [
  'program',
  'formulation',
  'document',
  'meeting',
  'target',
  'result',
] as const;

export interface Mention {
  category: MentionCategory;
  /** The matched text exactly as in the source (quotes included when part of the name). */
  text: string;
  start: number;
  end: number;
  /** Id of the rule that produced it. */
  ruleId: string;
  /** Normalised key for grouping/filtering (quotes stripped, e.g. `千村头雁培育工程`, `四个全面`). */
  key: string;
  /** Short expansion for well-known formulations (四个全面 → 全面建设社会主义现代化国家、…). */
  gloss?: string;
}

export interface Analysis {
  verdict: Verdict;
  outline: OutlineItem[];
  mentions: Mention[];
  /** Recognised title of the speech/report, when found. */
  title?: string;
  /** Recognised date (ISO yyyy-mm-dd or yyyy) when found. */
  date?: string;
  /** Who gave it (post and/or name), when the title, a byline or a source note says. */
  speaker?: Speaker;
  /** The meeting or occasion (`全市安全生产工作会议`), when the title or its subtitle says. */
  occasion?: string;
  textLength: number;
}

/** A speaker as a citation needs them: `{ post: '省长', name: '罗东川' }`. Placeholder names are left out. */
export interface Speaker {
  name?: string;
  post?: string;
}

/** A declarative rule: data that a reader of the rule file understands, with examples the tests run. */
export interface RuleDoc {
  id: string;
  description: { zh: string; en: string };
  /** Strings on which the rule must fire (for outline rules: an item must be found). */
  examples: string[];
  /** Strings on which it must not fire. */
  counterExamples: string[];
}
