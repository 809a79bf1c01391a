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
 * mention-predicates.ts, the program rules in program-rules.ts; this file keeps the types and the table.
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
  widenLeft,
} from './mention-predicates';
import { DOCUMENT_RULES } from './document-rules';
import { PROGRAM_RULES } from './program-rules';
import { QUANTITY_RULES } from './quantity-rules';
import {
  CONGRESS_LEFT,
  LEXICON_TERMS,
  LOCAL_CONGRESSES,
  LOCAL_CONGRESS_LEFT,
  NAMED_MEETINGS,
  NAMED_MEETING_LEFT,
  WHOLE_AREA_LEFT,
  NUMBERED_HEADS,
  PARTY_CONGRESS,
  PARTY_CONGRESSES,
  PARTY_CONGRESS_LEFT,
  PLENUMS,
  PLENUM_LEFT,
  NUMBERED_SITTINGS,
  CPPCC_LEFT,
  CPPCC_SESSIONS,
  ORGAN_BEFORE_SITTING,
  POLITBURO_LEFT,
  QUOTED,
  SESSIONS,
} from './mention-scans';

/** A quoted name + 经验 / 精神 / 模式: “浦江经验”, “红船精神”, “安吉模式”. */
const NAMED_MODEL = /^([\u4e00-\u9fff]{2,6})(?:经验|精神|模式)$/;
/** Names that are praise or kinds, not places or things: “好经验”, “成功经验”, “新模式”. */
const GENERIC_MODEL_NAME =
  /^(?:好|新|老|宝贵|成功|先进|典型|有益|实践|工作|管理|发展|创新|服务|治理|经营|运营|商业|合作|传统|基本|有效|成熟|可复制)/;

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
  {
    id: 'meeting.partyCongress',
    category: 'meeting',
    priority: 35,
    description: {
      zh: '党的全国代表大会：党的十九大、二十大、中国共产党第二十次全国代表大会',
      en: 'National Party Congress: 党的十九大, 二十大, 中国共产党第二十次全国代表大会',
    },
    pattern: PARTY_CONGRESSES,
    accept(m, text) {
      if (group(m, 'partyCongress') === undefined) return null;
      const start = widenLeft(text, m.index, PARTY_CONGRESS_LEFT);
      const end = m.index + m[0].length;
      return PARTY_CONGRESS.test(text.slice(start, end)) ? { start, end } : null;
    },
    examples: ['在⟦党的十九大⟧即将开幕', '⟦十九大⟧即将开幕', '⟦中国共产党第二十次全国代表大会⟧'],
    counterExamples: ['实施十大工程', '三大攻坚战', '二十大类产品'],
  },
  {
    id: 'meeting.plenum',
    category: 'meeting',
    priority: 35,
    description: {
      zh: '中央/地方全会：二十届四中全会、十一届三中全会、省委十一届三次全会',
      en: 'Plenary sessions (中全会 / 次全会)',
    },
    pattern: PLENUMS,
    accept(m, text) {
      if (group(m, 'plenum') === undefined) return null;
      const start = widenLeft(text, m.index, PLENUM_LEFT);
      return start < m.index ? { start, end: m.index + m[0].length } : null;
    },
    examples: [
      '⟦党的二十届三中全会⟧胜利召开',
      '⟦十九届五中全会⟧',
      '⟦十一届三中全会⟧',
      '⟦十九届一中、二中、三中全会⟧精神',
      '⟦省委十一届三次全会⟧',
    ],
    counterExamples: ['全会审议通过了决定'],
  },
  {
    id: 'meeting.localCongress',
    category: 'meeting',
    priority: 35,
    description: { zh: '地方党代会：省第十一次党代会、市第四次党代会', en: 'Local Party congresses' },
    pattern: LOCAL_CONGRESSES,
    accept(m, text) {
      if (group(m, 'localCongress') === undefined) return null;
      const start = widenLeft(text, m.index, LOCAL_CONGRESS_LEFT);
      return start < m.index ? { start, end: m.index + m[0].length } : null;
    },
    examples: ['深入贯彻⟦省第十一次党代会⟧、⟦市第四次党代会⟧精神'],
    counterExamples: ['第四次会议', '第十一次集体学习'],
  },
  {
    id: 'meeting.congressSession',
    category: 'meeting',
    priority: 35,
    description: {
      zh: '人民代表大会会议：第十四届全国人民代表大会第三次会议、省十四届人大五次会议、全国两会',
      en: "People's Congress sessions, 全国两会",
    },
    pattern: SESSIONS,
    accept(m, text) {
      const session = group(m, 'session');
      if (session === undefined) return null;
      // 十四届全国人大常委会 without a session is an institution, not a meeting: keep sessions and 人民代表大会.
      if (!/次会议$|人民代表大会|两会/.test(session)) return null;
      if (!session.startsWith('届')) return { start: m.index, end: m.index + m[0].length };
      const start = widenLeft(text, m.index, CONGRESS_LEFT);
      return start < m.index ? { start, end: m.index + m[0].length } : null;
    },
    examples: [
      '2026年2月5日在⟦安徽省第十四届人民代表大会第四次会议⟧上',
      '在⟦省十四届人大五次会议⟧上作政府工作报告',
      '⟦第十三届全国人民代表大会第四次会议⟧',
      '⟦全国两会⟧期间',
      '⟦全县“两会”⟧相继召开',
    ],
    counterExamples: ['人大代表', '十四届全国人大常委会'],
  },
  {
    id: 'meeting.cppccSession',
    category: 'meeting',
    priority: 35,
    description: {
      zh: '政协会议：市政协十五届五次会议、政协第十四届全国委员会第三次会议',
      en: 'CPPCC sessions: 市政协十五届五次会议, 政协第十四届全国委员会第三次会议',
    },
    pattern: CPPCC_SESSIONS,
    accept: (m, text) => ({ start: widenLeft(text, m.index, CPPCC_LEFT, 2), end: m.index + m[0].length }),
    examples: [
      '⟦市政协十五届五次会议⟧胜利闭幕',
      '⟦政协第十四届全国委员会第三次会议⟧',
      '在⟦政协某某县第十届委员会第五次会议⟧上',
    ],
    counterExamples: ['政协委员', '县政协十届委员会'],
  },
  {
    id: 'meeting.named',
    category: 'meeting',
    priority: 35,
    description: {
      zh: '有名称的会议：中央经济工作会议、中央政治局会议、全省基层党建工作视频会、（召开）科学家座谈会',
      en: 'Named meetings: 中央经济工作会议, 中央政治局会议, 全省…工作会议, (召开)…座谈会',
    },
    pattern: NAMED_MEETINGS,
    accept(m, text) {
      const end = m.index + m[0].length;
      if (group(m, 'politburo') !== undefined) return { start: widenLeft(text, m.index, POLITBURO_LEFT, 4), end };
      const head = group(m, 'named');
      if (head === undefined) return null;
      const before = text.slice(Math.max(0, m.index - 18), m.index);
      // 全县干部大会: the whole county's cadres are the name, with nothing between.
      const cadres = head === '干部大会' ? WHOLE_AREA_LEFT.exec(before) : null;
      if (cadres) return { start: m.index - cadres[0].length, end };
      const left = NAMED_MEETING_LEFT.exec(before);
      if (!left) return null;
      if (left[0].startsWith('中央') && head !== '工作会议') return null;
      const name = left.groups?.convened ?? left[0];
      if (/^(?:今天|昨天|明天|本次|此次|上次|今年|去年|明年)/.test(name)) return null; // 出席今天座谈会的…
      return { start: m.index - name.length, end };
    },
    examples: [
      '⟦中央经济工作会议⟧强调',
      '省上相继召开的⟦全省基层党建工作视频会⟧',
      '今天，我们召开⟦科学家座谈会⟧',
      '我主持召开⟦中央政治局常委会会议⟧时',
      '⟦中央全面深化改革委员会第十二次会议⟧',
      '⟦全国抗击新冠肺炎疫情表彰大会⟧',
      '今天召开⟦全县三级干部大会⟧',
      '在⟦全市领导干部大会⟧上',
      '参加⟦全县干部大会⟧的同志',
      '这次⟦全县经济高质量发展大会⟧',
      '落实⟦全县优化营商环境大会⟧部署',
      '⟦全市重点项目建设推进大会⟧',
      '⟦全县安全生产警示教育大会⟧',
      '召开⟦全省经济形势分析调度会⟧',
      '⟦县委常委会会议⟧、⟦县政府常务会议⟧先后传达学习',
      '⟦市委常委会（扩大）会议⟧对全市工作作了部署',
      '在⟦县委理论学习中心组学习会⟧上的讲话',
      '⟦全县乡科级领导干部会议⟧已召开',
      '在⟦县委全委（扩大）会⟧暨⟦全县经济工作会议⟧上的讲话',
      '⟦市委全委会⟧审议通过了',
    ],
    counterExamples: [
      '会议强调',
      '召开会议',
      '中央领导同志出席座谈会',
      '出席今天座谈会的科学家',
      '全县上下要开好这次大会',
      '开好干部大会',
      '常务会议研究决定',
      '全委会研究决定',
    ],
  },
  {
    id: 'meeting.sitting',
    category: 'meeting',
    priority: 35,
    description: {
      zh: '机关的第几次会议：县委常委会第45次会议、县政府第28次常务会议、县委理论学习中心组第12次集体学习',
      en: "An organ's numbered sitting: 县委常委会第45次会议, 县政府第28次常务会议, 县委理论学习中心组第12次集体学习",
    },
    pattern: NUMBERED_SITTINGS,
    accept(m, text) {
      const organ = ORGAN_BEFORE_SITTING.exec(text.slice(Math.max(0, m.index - 12), m.index));
      return organ ? { start: m.index - organ[0].length, end: m.index + m[0].length } : null;
    },
    examples: [
      '⟦县委常委会第45次会议⟧、⟦县政府第28次常务会议⟧研究决定',
      '⟦县委理论学习中心组第12次集体学习⟧',
      '⟦国务院第十五次常务会议⟧审议通过',
      '在⟦六届人大常委会第三次会议⟧上',
    ],
    counterExamples: ['这是第3次会议', '召开第二次全体会议', '大会第三次全体会议'],
  },
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
