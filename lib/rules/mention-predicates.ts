/** Predicates the mention rules call on a match: numbered terms, quoted programs, widening to the left. */
import {
  CJK,
  GENERIC_PROGRAM_NAMES,
  HEAD_BLOCKERS,
  INNER_NAME_CHARS,
  NAME_CHAR,
  NAME_LEFT_BOUNDARY,
  NOT_A_PROGRAM_AFTER,
  NOT_A_PROGRAM_BETWEEN,
  NOT_FORMULATIONS,
  NUMERALS,
  NUMERAL_CHARS,
  PEJORATIVE_NAMES,
  PROGRAM_HEADS,
  PROGRAM_VERBS,
  lexiconEntry,
  type LexiconEntry,
} from './mention-lexicon';
import type { MentionSpan } from './mention-rules';

// Helpers used by accept()

export const NUMBERED_START = new RegExp(`^[${NUMERAL_CHARS}]`);
export const SECOND_NUMERAL = new RegExp(`^.[^${NUMERAL_CHARS}]*[${NUMERAL_CHARS}]`);
export const ALL_CJK = new RegExp(`^[${CJK}]+$`);
export const MEASURE_ONLY = new RegExp(`^[${NUMERAL_CHARS}]+[个项大条把张种类位批次件点方面]?$`);
/** A run of wins or moves (“十一连冠”, “五连胜”, “三连涨”): a record, not a formulation. */
export const STREAK = new RegExp(`^[${NUMERAL_CHARS}]+连[冠胜败涨跌升降增减霸]`);

/** A length of time in quotes (“三个月”, “两年”, “七天”) is emphasis, not a formulation. */
const DURATION = /^[一二两三四五六七八九十百]+(?:个月|个小时|个工作日|小时|分钟|天|日|周|年|岁)$/;

/**
 * A numbered formulation as written in quotes: starts with a numeral (两/三/…/双/百/千/万) and has a head
 * after it (“三把尺子”, “三强型”, “两张皮”); 一 only counts with a second numeral (“一带一路”, “一老一小”), since
 * “一刀切”, “一肩挑”, “一将难求” are idioms. Parts joined by 、 must each start with a numeral (“双随机、一公开”).
 */
export function isNumberedTerm(inner: string): boolean {
  if (inner.includes('、')) {
    // Every part starts with a numeral and one is a numbered term by itself: “双随机、一公开”, “五统一、一开放”.
    const parts = inner.split('、');
    return (
      parts.length <= 3 &&
      parts.every((part) => part.length >= 2 && NUMBERED_START.test(part)) &&
      parts.some((part) => isNumberedTerm(part))
    );
  }
  // Some document sites print every numeral as a digit (“3个聚焦”, “5大行动”): read it as the numeral it was.
  const digit = /^[1-9](?=[个大项条种张])/.exec(inner);
  if (digit) return isNumberedTerm(NUMERALS[Number(digit[0]) - 1] + inner.slice(1));
  if (inner.length < 2 || inner.length > 8 || NOT_FORMULATIONS.has(inner)) return false;
  if (!ALL_CJK.test(inner) || DURATION.test(inner)) return false;
  if (inner.includes('的')) return false;
  if (!NUMBERED_START.test(inner)) return false;
  if (STREAK.test(inner)) return false;
  if (inner[0] === '一' && !SECOND_NUMERAL.test(inner)) return false;
  if (inner[0] === '千' || inner[0] === '百' || inner[0] === '万') {
    // 千方百计-like idioms are rarely quoted; still require a second numeral or a short coinage.
    if (!SECOND_NUMERAL.test(inner) && inner.length > 4) return false;
  }
  return !MEASURE_ONLY.test(inner);
}

export const PROGRAM_HEAD_AT_END = new RegExp(`(?:${PROGRAM_HEADS}|活动)$`);
export const HEAD_AFTER_QUOTE = new RegExp(`^${NAME_CHAR}{0,8}?(?:${PROGRAM_HEADS}|活动)(?![${HEAD_BLOCKERS}])`);
export const MODIFIER_BEFORE = new RegExp(`(?:${PROGRAM_VERBS})好?(${NAME_CHAR}{2,6})$`);
export const PROGRAM_SHAPE = new RegExp(
  `^[${NUMERALS}两]个一批$|^[${NUMERALS}两][大项](?:攻坚战|专项行动|行动|工程|战略|活动)$`,
);

/** Widen a quoted program to the left over a short modifier after its verb: 实施集体经济“破零工程”. */
export function withModifier(text: string, start: number): number {
  const window = text.slice(Math.max(0, start - 10), start);
  const m = MODIFIER_BEFORE.exec(window);
  if (!m) return start;
  const modifier = stripLeadingVerbs(m[1]);
  return modifier.length >= 2 ? start - modifier.length : start;
}

/** 我们要深入贯彻三大攻坚战 → 三大攻坚战: a name starts after the last left-boundary word inside it. */
export function afterLeftBoundary(name: string): string {
  let cut = 0;
  NAME_LEFT_BOUNDARY.lastIndex = 0;
  for (let m = NAME_LEFT_BOUNDARY.exec(name); m; m = NAME_LEFT_BOUNDARY.exec(name)) cut = m.index + m[0].length;
  return cut ? name.slice(cut) : name;
}

/** 推进实施X → X: the leftmost verb match may be followed by more verbs that belong before the name. */
export function stripLeadingVerbs(name: string): string {
  let rest = name;
  for (let lead = LEADING_VERB.exec(rest); lead && lead[0].length > 0; lead = LEADING_VERB.exec(rest)) {
    rest = rest.slice(lead[0].length);
  }
  return rest;
}

/** The quoted inner text classified as a program: followed by a head (“走基层”活动) or ending in one. */
export function quotedProgram(m: RegExpExecArray, text: string): MentionSpan | null {
  const inner = m.groups?.quoted;
  if (inner === undefined) return null;
  const start = m.index;
  const quoteEnd = start + m[0].length;
  // A quoted slogan or criticism is not a program name: “…有部署，重庆见行动”, “胡子”工程.
  if (/[，,；;：:！!？?。]/.test(inner) || PEJORATIVE_NAMES.test(inner)) return null;
  // A day or a festival (“中国航天日”主场活动, “三月三”活动) hosts events; it is not a program.
  if (/[日节]$/.test(inner)) return null;
  if (NOT_A_PROGRAM_AFTER.test(text.slice(quoteEnd, quoteEnd + 2))) return null;
  const after = HEAD_AFTER_QUOTE.exec(text.slice(quoteEnd, quoteEnd + 14));
  if (after && !NOT_A_PROGRAM_BETWEEN.test(after[0])) {
    return { start: withModifier(text, start), end: quoteEnd + after[0].length };
  }
  if (PROGRAM_HEAD_AT_END.test(inner) && inner.length >= 4 && !GENERIC_PROGRAM_NAMES.has(inner)) {
    return { start: withModifier(text, start), end: quoteEnd };
  }
  if (lexiconEntry(inner)?.category === 'program' || PROGRAM_SHAPE.test(inner)) return { start, end: quoteEnd };
  // A year-long campaign named for its drive: “作风建设提升年”, “项目攻坚年”, “营商环境优化年”.
  if (CAMPAIGN_YEAR.test(inner)) return { start: withModifier(text, start), end: quoteEnd };
  // A named initiative being built: “双一流”建设, “无废城市”建设, “海上福建”建设. A numbered formulation built up
  // (“五个中心”建设) stays a formulation, and so does a listed one (“两重”建设).
  if (text.startsWith('建设', quoteEnd) && !isNumberedTerm(inner) && lexiconEntry(inner) === undefined)
    return { start: withModifier(text, start), end: quoteEnd + 2 };
  return null;
}

const CAMPAIGN_YEAR =
  /^[\u4e00-\u9fff]{2,10}(?:提升|攻坚|突破|落实|推进|优化|巩固|深化|建设|能力|效能|服务|质量|创新|招商|项目)年$/;

/**
 * Rules anchor their regex on a rare literal (届, a digit) and widen the match to the left here, so the regex
 * engine does not try an optional prefix at every position of the text.
 */
export function widenLeft(text: string, start: number, tail: RegExp, window = 16): number {
  const m = tail.exec(text.slice(Math.max(0, start - window), start));
  return m ? start - m[0].length : start;
}

export function isQuoted(text: string, start: number, end: number): boolean {
  return text[start - 1] === '“' && text[end] === '”';
}

/** A lexicon match of the rule's category, widened to its quotes when quoted. */
export function lexiconMatch(category: LexiconEntry['category']) {
  return (m: RegExpExecArray, text: string): MentionSpan | null => {
    const term = m.groups?.lex;
    if (term === undefined || lexiconEntry(term)?.category !== category) return null;
    const start = m.index;
    const end = start + term.length;
    return isQuoted(text, start, end) ? { start: start - 1, end: end + 1 } : { start, end };
  };
}

/** The verb and name before a program head: 实施|党员精准扶贫|示范工程. */
export const NAMED_LEFT = new RegExp(
  `(?:${PROGRAM_VERBS})好?(${NAME_CHAR}(?:${NAME_CHAR}|[${INNER_NAME_CHARS}](?=${NAME_CHAR})){1,17})$`,
);
/** Heads that only name programs, so a name listed without a verb (、…提升行动、) still counts. */
export const SPECIFIC_HEAD = /(?:专项行动|三年行动|提升行动|攻坚行动|整治行动|示范工程|培育工程|攻坚战)$/;
/** A name of at least 4 characters right after a list separator: 、…专项行动. */
export const LISTED_LEFT = new RegExp(
  `[、，；：和及](${NAME_CHAR}(?:${NAME_CHAR}|[${INNER_NAME_CHARS}](?=${NAME_CHAR})){3,17})$`,
);
export const LEADING_VERB = new RegExp(`^(?:${PROGRAM_VERBS})好?`);

export function group(m: RegExpExecArray, name: string): string | undefined {
  return m.groups?.[name];
}

export function wholeIf(name: string) {
  return (m: RegExpExecArray): MentionSpan | null =>
    group(m, name) === undefined ? null : { start: m.index, end: m.index + m[0].length };
}

/** Festivals and dates written as numerals (“三月三”, “五一”), hospital grades (“三甲”), statistics categories (“四上”). */
const NOT_A_FORMULATION_SHAPE = new RegExp(
  `^[${NUMERAL_CHARS}]月[${NUMERAL_CHARS}]|^[${NUMERAL_CHARS}][甲乙丙]$|^[${NUMERAL_CHARS}][上下]$`,
);
/** An explanation right after the quote: “三抓”：抓学习…, “两改”即…, “三通”（…）. */
const EXPLAINED_AFTER = /^[^。；“]{0,4}?(?:[：:（(]|即|是指|指的是|包括)/;
/** Another quoted numbered term nearby: an enumeration of formulations (“两新”“两重”). */
const NEIGHBOUR_QUOTE = new RegExp(`“[${NUMERAL_CHARS}][^“”]{1,7}”`);

/**
 * Is a quoted numbered term (isNumberedTerm) a formulation, not a name that merely starts with a numeral? Three or
 * more characters are (“三把尺子”); a two-character one not in the lexicon needs evidence: an explanation right
 * after it or another quoted numbered term within a few characters. Never a festival, grade or statistics class.
 */
export function hasFormulationEvidence(inner: string, text: string, start: number, end: number): boolean {
  if (NOT_A_FORMULATION_SHAPE.test(inner)) return false;
  if (inner.length >= 3) return true;
  if (EXPLAINED_AFTER.test(text.slice(end, end + 8))) return true;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  return NEIGHBOUR_QUOTE.test(before) || NEIGHBOUR_QUOTE.test(after);
}
