/**
 * Is a number a forward-looking target (增长5%左右 as this year's goal) or a past result (比上年增长6.5%)? A report
 * spends its first part on the review (过去一年 / 2025年工作回顾) and its second on the plan (2026年工作安排): most
 * numbers in the review are results. The sentence decides first (目标, 力争, 到2027年, 预期, 确保 are forward;
 * 比上年, 同比, 累计, 完成了 are past), then a paragraph that opens by looking back (今年以来，…), then the section the
 * number stands in; outside any section, a plain statement is a result, and a directive (要, 将) or a goal's shape
 * (不少于, 左右) makes a target. 预计 is no cue: a review estimates the year just ended with it (预计全年接待游客9.6亿人次).
 */

export type QuantityTense = 'target' | 'result';

/**
 * Within the sentence: words that make a number a goal. 到2027年 is "by 2027", but 到2025年的 is the far end of a
 * comparison (由2020年的186亿元增加到2025年的265亿元), which says nothing about the future; and 未来工厂, 未来社区,
 * 未来乡村 are names of programs, not the future.
 */
const FORWARD =
  /目标|力争|预期|确保|争取|到20[0-9]{2}年(?!的)|[0-9一二三四五两]年内|今年|明年|今后|未来(?!工厂|社区|乡村|实验室|产业)|要实现|要达到|将达到|不低于|控制在/;
/**
 * Within the sentence: words that make a number an outcome already reached. 以来 and N年来 look back from now
 * (今年以来, 党的十八大以来, 近年来, 五年来): what follows them has happened, even in a sentence that says 今年.
 */
const PAST =
  /比上年|较上年|同比|上年|去年|累计|完成了|实现了|达到了|增长了|下降了|提高了|突破了|以来|(?:[一二两三四五六七八九十几多近]|[0-9]{1,2})年来|过去|已经|已|分别增长|比20[0-9]{2}年/;
/**
 * Outside any review or plan part (a speech rarely heads its parts 工作回顾 / 工作安排), a number stated as a plain
 * fact is one: 全市茶园面积达到45万亩, 向150个国家提供283批抗疫援助, 近几年阵地建设投入就达2.9亿元. A target in a
 * speech comes with a directive (要新建高标准农田5万亩, 将建成…; not the 要 of 主要 or 重要), a FORWARD cue, or the
 * shape of a goal: a bound or an approximation (不少于3人, 控制在3%以内, 增长5%左右). 以上 and 超过 are not enough:
 * 贫困发生率仍在3%以上 is a fact.
 */
const DIRECTIVE = /(?<![主重纲摘概提简])要(?![素求闻点件])|将(?![近军])|拟|计划|必须|应当|应该/;
const TARGET_SHAPE = /左右|以内|之内|年内|个月内|天内|不少于|不低于|不超过|不高于|控制在/;
/**
 * Headings and lead-ins that open a review part. A county speech's first part is often headed by its verdict on the
 * year (充分肯定成绩, 客观看待今年经济发展成绩, 今年以来工作情况) rather than by 回顾; 取得新成效 and 更好成绩 head
 * plans, so only 成绩 that is looked at, affirmed or already taken (取得的成绩) counts.
 */
const REVIEW_SECTION =
  /工作回顾|过去一年|过去五年|过去的一年|回顾过去|一年来|五年来|发展成就|主要成就|取得的成绩|取得的成效|工作成效|主要成效|肯定成绩|(?:看待|认识|总结|盘点)[^，。；\n]{0,10}成绩|成绩来之不易|工作总结|以来[^，。；\n]{0,8}情况/g;
/**
 * Headings and lead-ins that open a plan part: named as such (工作安排, 下一步, 全力抓好明年各项工作), or a speech's
 * task heading that drives toward a new result (推动乡村振兴取得新成效, 奋力争创更好成绩). A review's subheading
 * states the result without the drive (改革开放取得新突破), and is no cue.
 */
const PLAN_SECTION =
  /工作安排|重点工作|主要任务|重点任务|总体要求|目标任务|主要目标|主要考虑|今年工作|做好今年|下一步|下步工作|工作打算|工作思路|工作设想|今后五年|预期目标|明年|新的一年|(?:推动|推进|确保|力争|奋力|努力|促进)[^，。；\n]{0,12}(?:取得|实现|迈上|开创|展现|争创|创造)(?:新|更好|更大)/g;
/** Where a sentence ends (the cue words must be in the same sentence as the number). */
const SENTENCE_END = /[。；！？\n]/;
/**
 * A paragraph that opens by looking back (今年以来，… / 近年来，… / 过去一年，…) tells what has happened in every
 * sentence of it, not only its first: 今年以来，全县上下…。我们新建高标准农田5.2万亩，实施重点项目86个。
 */
const LOOK_BACK_LEAD = /^[^。；！？\n]{0,16}?(?:以来|年来|过去一年|过去五年|过去的一年)[，,]/;
const LOOK_BACK = 80;
const LOOK_AHEAD = 30;

interface SectionCue {
  at: number;
  tense: QuantityTense;
}

/** The section cues of the text last asked about: the rules ask once per number, in order, on one text. */
let cachedText: string | null = null;
let cachedCues: SectionCue[] = [];

function sectionCues(text: string): SectionCue[] {
  if (text === cachedText) {
    // Equal text, maybe another string object (every analysis folds the page anew): keep this one, so the
    // next amounts of this analysis compare by reference instead of character by character.
    cachedText = text;
    return cachedCues;
  }
  const cues: SectionCue[] = [];
  const collect = (re: RegExp, tense: QuantityTense) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text))
      if (isHeadingLike(text, m.index)) cues.push({ at: m.index, tense });
  };
  collect(REVIEW_SECTION, 'result');
  collect(PLAN_SECTION, 'target');
  cues.sort((a, b) => a.at - b.at);
  cachedText = text;
  cachedCues = cues;
  return cues;
}

/** A cue counts for a section when it opens a line or a paragraph-initial sentence, not inside running text. */
function isHeadingLike(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return at - lineStart <= 24;
}

function sectionTense(text: string, pos: number): QuantityTense | null {
  const cues = sectionCues(text);
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].at < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? cues[lo - 1].tense : null;
}

/** The sentence around [start, end): back to the previous sentence end, forward a little. */
function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = Math.max(0, start - LOOK_BACK);
  // Character codes, not a regex per character: this runs for every amount of a report.
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x0a) {
      from = i + 1; // 。；！？ or a line break (SENTENCE_END)
      break;
    }
  }
  let after = text.slice(end, end + LOOK_AHEAD);
  const stop = after.search(SENTENCE_END);
  if (stop >= 0) after = after.slice(0, stop);
  return { before: text.slice(from, start), after };
}

export function quantityTense(text: string, start: number, end: number): QuantityTense {
  const { before, after } = sentenceAround(text, start, end);
  // The clause right before the number weighs most: 比上年增长6.5% is past even in a sentence that says 今年.
  const near = before.slice(-12);
  if (PAST.test(near)) return 'result';
  if (FORWARD.test(near) || FORWARD.test(after.slice(0, 6))) return 'target';
  if (PAST.test(before)) return 'result';
  if (FORWARD.test(before)) return 'target';
  if (LOOK_BACK_LEAD.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) return 'result';
  const section = sectionTense(text, start);
  if (section !== null) return section;
  return DIRECTIVE.test(before) || TARGET_SHAPE.test(text.slice(start, end)) ? 'target' : 'result';
}
