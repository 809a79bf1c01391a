/**
 * Mention rules as data: what Tifa marks in a speech (programs, formulations, documents, meetings, targets),
 * each with a description and the examples / counter-examples the tests run.
 *
 * Example convention: `⟦…⟧` marks the exact text the rule must produce (the test strips the brackets before
 * analysing). An example without brackets only requires the rule to fire. A counter-example must produce no
 * mention from that rule.
 *
 * Speed: each rule is one global regex run once over the text (rules with the same regex object — the quote
 * rules, the two lexicon rules — share one scan in mentions.ts). Regexes are anchored on fairly rare literals
 * (届, a quote, a digit, 工程) and `accept` widens a match to the left where needed, instead of letting the
 * engine try an optional prefix at every position. Overlaps between rules are resolved in mentions.ts by
 * `priority`, then length, then rule order.
 *
 * Split by job: word lists and the curated lexicon in mention-lexicon.ts, the regex-trie builder in
 * regex-trie.ts, the scans (regexes and left contexts) in mention-scans.ts, what accept() calls in
 * mention-predicates.ts, the program, document and meeting rules in program-rules.ts, document-rules.ts and
 * meeting-rules.ts; this file keeps the types and the table.
 */
import type { MentionCategory, RuleDoc } from './types';
import { lexiconEntry } from './mention-lexicon';
import {
  PROGRAM_SHAPE,
  group,
  hasFormulationEvidence,
  isNumberedTerm,
  isQuoted,
  lexiconMatch,
} from './mention-predicates';
import { DOCUMENT_RULES } from './document-rules';
import { MEETING_RULES } from './meeting-rules';
import { PROGRAM_RULES } from './program-rules';
import { QUANTITY_RULES } from './quantity-rules';
import { LEXICON_TERMS, NUMBERED_HEADS, QUOTED } from './mention-scans';

/** A quoted name + 经验 / 精神 / 模式: “浦江经验”, “红船精神”, “安吉模式”. */
const NAMED_MODEL = /^([\u4e00-\u9fff]{2,6})(?:经验|精神|模式)$/;
/** Names that are praise or kinds, not places or things: “好经验”, “成功经验”, “新模式”. */
const GENERIC_MODEL_NAME =
  /^(?:好|新|老|宝贵|成功|先进|典型|有益|实践|工作|管理|发展|创新|服务|治理|经营|运营|商业|合作|传统|基本|有效|成熟|可复制)/;

/** A package of measures named by its count: “30条”, “新十条”, “26条”. */
const POLICY_PACKAGE = /^新?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})条$/;
/** Issued or applied before it (制定实施经济向上向好|“30条”), within its clause. */
const PACKAGE_LEFT = /(?:制定|出台|实施|落实|推出|印发|兑现|用好|推行)[^，。；：\n]{0,12}$/;
/** Or named as policy right after it: “新十条”政策. */
const PACKAGE_RIGHT = /^(?:政策|措施|意见)/;

export { LEXICON, lexiconEntry, type LexiconEntry } from './mention-lexicon';
export { isNumberedTerm } from './mention-predicates';
export { trieRegexSource } from './regex-trie';

export interface MentionSpan {
  start: number;
  end: number;
}

export interface MentionRule extends RuleDoc {
  category: MentionCategory;
  /** Higher wins when two mentions overlap (then the longer one). */
  priority: number;
  /**
   * Global regex run once over the whole text, or several whose matches are pooled (a big alternation split by
   * first character: the engine's fast skip only works while the set of possible first characters is small).
   * Rules that use the same regex object share its scan.
   */
  pattern: RegExp | readonly RegExp[];
  /**
   * Decide on one match; return the span to mark or null to drop it. Default: the whole match. The span must
   * contain the match's first character (it widens or trims a match, never moves away from it): the engine
   * stops scanning where trailing boilerplate starts.
   */
  accept?: (m: RegExpExecArray, text: string) => MentionSpan | null;
}

// ---------------------------------------------------------------------------------------------------------
// The rules

export const MENTION_RULES: readonly MentionRule[] = [
  ...DOCUMENT_RULES,
  ...MEETING_RULES,
  ...PROGRAM_RULES,
  {
    id: 'formulation.lexicon',
    category: 'formulation',
    priority: 30,
    description: {
      zh: '已知的编号提法和固定提法：四个全面、五位一体、两个维护、放管服、十四五、第二个百年奋斗目标……',
      en: 'Known numbered/fixed formulations: 四个全面, 五位一体, 两个维护, 放管服, 十四五 …',
    },
    pattern: LEXICON_TERMS,
    accept: lexiconMatch('formulation'),
    examples: [
      '协调推进⟦“四个全面”⟧战略布局',
      '统筹推进⟦“五位一体”⟧总体布局',
      '坚决做到⟦两个维护⟧',
      '深刻把握⟦五个必由之路⟧，推动⟦第二个结合⟧，激励干部⟦四敢⟧精神',
      '把优秀者推荐为⟦“两代表一委员”⟧',
      '深化⟦放管服⟧改革',
      '向⟦第二个百年奋斗目标⟧进军',
      '实现⟦两个一百年奋斗目标⟧',
      '推行⟦一网通办⟧、⟦最多跑一次⟧改革',
      '一体推进⟦不敢腐、不能腐、不想腐⟧',
    ],
    counterExamples: ['两新组织', '两重性', '三公里'],
  },
  {
    id: 'formulation.quotedNumbered',
    category: 'formulation',
    priority: 30,
    description: {
      zh: '引号中的数字+短语（含未收录的新提法）：“三把尺子”“三强型”“两张皮”“两新”；不含强调用的引号（“破”“虚化”）；未收录的两字提法需有证据（紧跟解释“：…”/“即”，或旁边另有提法），节日、产品、等级、统计类别不算',
      en: 'Numbered formulations in quotes, including unseen ones (“三把尺子”, “三强型”, “两张皮”); not emphasis quotes; an unlisted two-character one needs evidence (an explanation or a neighbouring formulation) — never festivals, products, grades or statistics categories',
    },
    pattern: QUOTED,
    accept(m, text) {
      const inner = group(m, 'quoted');
      if (inner === undefined || inner.length < 2) return null;
      const entry = lexiconEntry(inner);
      if (entry?.category === 'program' || PROGRAM_SHAPE.test(inner)) return null;
      if (!entry && !(isNumberedTerm(inner) && hasFormulationEvidence(inner, text, m.index, m.index + m[0].length)))
        return null;
      return { start: m.index, end: m.index + m[0].length };
    },
    examples: [
      '群众热切期盼这⟦“三把尺子”⟧来衡量',
      '建设一支⟦“三强型”⟧村党组织书记队伍',
      '机关党建与中心工作⟦“两张皮”⟧问题',
      '推进⟦“双随机、一公开”⟧监管',
      '机关、国企、⟦“两新”⟧组织',
      '坚持⟦“枫桥经验”⟧',
      '抓好⟦“三抓”⟧：抓学习、抓落实、抓作风',
      '推进⟦“两改”⟧、⟦“三保”⟧工作',
      '牢牢把握⟦“3个聚焦”⟧：聚焦项目、聚焦产业、聚焦民生',
    ],
    counterExamples: [
      '“破”出来的',
      '“虚化”问题',
      '陷入“一将难求、后继乏人”的困境',
      '书记和主任“一肩挑”',
      '加强“第一书记”管理',
      '女排夺得“十一连冠”',
      '主队取得“五连胜”',
      '健全…“四项”制度',
      '全体“90后”党员',
      '工期“3个月”完成',
      '用“三个月”时间集中整治',
      '粉碎“四人帮”',
      '“九天”无人机首飞成功',
      '欢度“三月三”民族节日',
      '创建“三甲”医院',
      '新增“五上”企业200家',
      '破解发展“两难”',
      '下好“五子”',
    ],
  },
  {
    id: 'formulation.quotedModel',
    category: 'formulation',
    priority: 30,
    description: {
      zh: '引号中以地名或名称命名的经验、精神、模式：“浦江经验”“晋江经验”“红船精神”“塞罕坝精神”（不含“好经验”“新模式”之类泛称）',
      en: 'A named experience, spirit or model in quotes: “浦江经验”, “晋江经验”, “红船精神” (not generic ones like “好经验”)',
    },
    pattern: QUOTED,
    accept(m, text) {
      const inner = group(m, 'quoted');
      if (inner === undefined || lexiconEntry(inner) !== undefined) return null;
      const named = NAMED_MODEL.exec(inner);
      if (!named || GENERIC_MODEL_NAME.test(named[1])) return null;
      return text[m.index + m[0].length] === '式' ? null : { start: m.index, end: m.index + m[0].length };
    },
    examples: [
      '用好⟦“浦江经验”⟧和“枫桥经验”',
      '学习运用⟦“晋江经验”⟧',
      '弘扬⟦“红船精神”⟧和⟦“塞罕坝精神”⟧',
      '推广⟦“安吉模式”⟧',
    ],
    counterExamples: ['总结“好经验”', '探索“新模式”', '这些“成功经验”值得推广', '发扬“钉钉子精神”式的作风'],
  },
  {
    id: 'formulation.policyPackage',
    category: 'formulation',
    priority: 30,
    description: {
      zh: '引号中的“N条”政策措施包：制定实施“30条”、民营经济高质量发展“26条”、“新十条”政策（须有出台、实施等语境）',
      en: 'A policy package named by its count in quotes: 制定实施“30条”, “新十条”政策 (only where it is issued or applied)',
    },
    pattern: QUOTED,
    accept(m, text) {
      const inner = group(m, 'quoted');
      if (inner === undefined || !POLICY_PACKAGE.test(inner)) return null;
      const end = m.index + m[0].length;
      const issued = PACKAGE_LEFT.test(text.slice(Math.max(0, m.index - 16), m.index));
      return issued || PACKAGE_RIGHT.test(text.slice(end, end + 2)) ? { start: m.index, end } : null;
    },
    examples: ['制定实施经济向上向好⟦“30条”⟧', '出台民营经济高质量发展⟦“26条”⟧', '落实好⟦“新十条”⟧政策'],
    counterExamples: ['这“3条”线路已经开通', '他提了“两条”意见'],
  },
  {
    id: 'formulation.numberedHead',
    category: 'formulation',
    priority: 30,
    description: {
      zh: '未加引号的“数字+个+政治术语”（含未收录的）：十个坚持、三个没有变（不含“两个月”“四个特点”之类计数）',
      en: 'Unquoted numeral + 个 + doctrinal head (十个坚持, 三个没有变), not ordinary counting (两个月)',
    },
    pattern: NUMBERED_HEADS,
    accept(m, text) {
      const term = group(m, 'numHead');
      if (term === undefined) return null;
      const end = m.index + term.length;
      return isQuoted(text, m.index, end) ? { start: m.index - 1, end: end + 1 } : { start: m.index, end };
    },
    examples: ['总结⟦十个坚持⟧的历史经验', '⟦三个没有变⟧', '增强⟦“九个意识”⟧'],
    counterExamples: ['主要有四个特点', '用了两个月时间', '从三个方面入手'],
  },
  ...QUANTITY_RULES,
];
