/**
 * Outline rules: one entry per numbering style. The engine (outline.ts) compiles the `marker` patterns of all
 * rules into a single global regex, so adding a numbering style means adding an entry here — with examples and
 * counter-examples, which tests/unit/outline.test.ts runs as tests.
 *
 * What every rule shares (and is therefore not repeated in each pattern):
 * - a marker only counts at a boundary: the text start, a line break, a full-width space run ('　', which the
 *   run-together crawls use between paragraphs), a photo credit (…/摄), or — for `inline` rules — right after
 *   。！？；： — never mid-sentence (统一是, 进一步要, “…”一是, 第一书记 are not items);
 * - markers inside “quotes” are not items;
 * - a sequence must start at 1 and go on without gaps; an item with no sibling (a lone 一是) is not an item.
 */
import type { OutlineFamily, RuleDoc } from './types';

/** Chinese numerals 1–99 as written in outlines (一 … 十 … 九十九). */
const CN = '[一二三四五六七八九十]{1,3}';
/** Arabic numbers 1–99, half- or full-width. */
const DIGITS = '[0-9０-９]{1,2}';
const CN_DIGIT = '[一二三四五六七八九十]';

/**
 * - `structure`: official-document headings with a fixed rank (一、 > （一） > 1. > （1）; 第一章 > 第一条).
 * - `point`: speech points (第一，/第一个问题：) — nested by the order in which they open.
 * - `list`: inline enumerations (一要, 一是, 首先) — nested by opening order, closed by any heading.
 */
export type OutlineRuleKind = 'structure' | 'point' | 'list';

export interface OutlineRule extends RuleDoc {
  family: OutlineFamily;
  kind: OutlineRuleKind;
  /** For `structure` rules: smaller = higher level. */
  rank?: number;
  /**
   * Regex source of the marker, without the boundary, with exactly two capture groups:
   * (1) the ordinal token (一, 12, 首先 …) and (2) a variant that keeps different sequences of one family
   * apart (第一个问题 vs 第一，), possibly empty. No other capturing groups.
   */
  marker: string;
  /**
   * `heading`: only at a paragraph start (or after 。！？： inside a run-together paragraph of a text crawled
   * without line breaks), because in laid-out text 一、 after ；/： is a list or a table of contents;
   * `inline`: also right after 。！？；：.
   */
  placement: 'heading' | 'inline';
  /** Reject 一是一、二是二 — the marker's numeral repeated right after it. */
  rejectEcho?: boolean;
  /** Numbering runs on across parents (a law's 第七条 follows 第六条 in the previous chapter). */
  continuesAcrossParents?: boolean;
}

export const OUTLINE_RULES: readonly OutlineRule[] = [
  {
    id: 'outline.zhang',
    family: 'zhang',
    kind: 'structure',
    rank: 0,
    marker: `第(${CN})(章)(?![的中里节程])`,
    placement: 'heading',
    description: {
      zh: '章：第一章 总则（法规、办法的章）',
      en: 'Chapter: 第一章 (chapters of regulations and measures)',
    },
    examples: ['第一章　总则\n第一条　为了加强管理，制定本办法。\n第二章　建设管理\n第二条　本办法适用于本市。'],
    counterExamples: ['本书第一章的内容很多。第二章也是。', '第一章中提到的问题\n第二章里也有'],
  },
  {
    id: 'outline.diPart',
    family: 'di',
    kind: 'structure',
    rank: 0.5,
    marker: `第(${CN})(部分|板块|篇|编)(?![的中里是为])`,
    placement: 'heading',
    description: {
      zh: '部分：第一部分 …（报告或讲话的大部分，位于“一、”之上）',
      en: 'Part: 第一部分 (a report’s major parts, above 一、)',
    },
    examples: ['第一部分　总体要求\n一、指导思想\n二、基本原则\n第二部分　主要任务\n一、稳增长\n二、促改革'],
    counterExamples: ['第一部分的内容是总论。第二部分为分论。', '建议稿分为三大板块。第一板块为总论。第二板块为分论。'],
  },
  {
    id: 'outline.dun',
    family: 'dun',
    kind: 'structure',
    rank: 1,
    // 一、二、三级 / 二、三产业 list numbers, not headings; 一、一年接着一年干 is a heading. Pages converted from
    // Word or typed in a hurry also write 一． 一. and 一 、 (the dot never before a digit: 一.5 is no heading).
    marker: `(${CN})()(?:[ \t　]?、|[.．](?![0-9０-９.．]))(?!${CN}(?:[、，,和至到~—－-]|[产季级类档]))`,
    placement: 'heading',
    description: {
      zh: '一、二、三、（也写作 一． 一. 一 、）：讲话和报告的一级标题，位于行首（或无换行文本中的句号之后）',
      en: 'First-level headings 一、二、三、 (also written 一． 一. 一 、) at a line start (or after 。 in text crawled without line breaks)',
    },
    examples: [
      '一、提高思想站位\n基层党建很重要。\n二、坚持分类施策\n要抓好落实。',
      '下面，我讲几点意见。一、关于疫情防控形势做好疫情防控工作是当前的重点任务，确保取得胜利。二、关于维护社会稳定要加强社会治安管理。',
      '同志们：　　一、我国脱贫攻坚取得决定性成就　　党的十八大以来，我们把脱贫攻坚摆到治国理政突出位置。　　二、高度重视面临的困难挑战　　我多次讲，脱贫攻坚越到最后越难。',
      '一．提高政治站位\n组织工作很重要。\n二．突出工作重点\n要抓好落实。',
      '一. 提高政治站位\n组织工作很重要。\n二. 突出工作重点\n要抓好落实。',
      '一 、提高政治站位\n组织工作很重要。\n二 、突出工作重点\n要抓好落实。',
    ],
    counterExamples: [
      '二、坚持分类施策\n要抓好落实。\n三、强化保障\n要加强领导。',
      '2024年1、2月，全市经济运行平稳。\n要冲破一、二、三级批发的层次。',
      '报告分六个部分：一、三年来的斗争；二、把揭批的斗争进行到底；三、加快社会主义经济建设。\n报告的总题目是团结起来。',
      '各地要统一、协调推进。\n二、三产业比重提高。',
      '十一.五期间，全市经济快速发展。\n十二.五期间继续发展。',
    ],
  },
  {
    id: 'outline.tiao',
    family: 'tiao',
    kind: 'structure',
    rank: 2,
    marker: `第(${CN})(条)(?=[\\s\\u3000，,：:])`,
    placement: 'heading',
    continuesAcrossParents: true,
    description: {
      zh: '条：第一条　…（法规、办法的条文，与讲话的“第一，”不同）',
      en: 'Article: 第一条 (articles of a law or regulation — not the speech point 第一，)',
    },
    examples: ['第一条　为了加强绿色建筑管理，制定本办法。\n第二条　本办法适用于本市行政区域。'],
    counterExamples: [
      '我们对世界大战的态度是：“第一条，反对；第二条，不怕”。',
      '根据该法第一条规定。根据第二条规定，依法处理。',
      '第1.2条规定了适用范围。',
    ],
  },
  {
    id: 'outline.paren',
    family: 'paren',
    kind: 'structure',
    rank: 3,
    marker: `[（(][ \t　]?(${CN})()[ \t　]?[）)]`,
    placement: 'inline',
    description: {
      zh: '（一）（二）：二级标题，也可写作 (一)',
      en: 'Second-level headings （一）（二）, also written (一)',
    },
    examples: [
      '一、2025年工作回顾\n（一）精准施策稳经济。面对复杂形势。\n（二）深化改革扩开放。持续优化环境。',
      '(一)加强组织领导。\n(二)强化督促检查。',
      '（ 一 ）加强干部队伍建设。\n（ 二 ）加强基层组织建设。',
    ],
    counterExamples: ['（二）深化改革扩开放。持续优化环境。\n（三）保障民生。', '市（一）区的情况，（二）区也一样。'],
  },
  {
    id: 'outline.arabic',
    family: 'arabic',
    kind: 'structure',
    rank: 4,
    // Digits right after the dot make a decimal (1.5亿), except a year, a counted amount or a span of months:
    // 20.2026年10件民生实事 is item 20, and so is 1、1至4月经济运行 (a heading on the year so far; 1、2月 is a date).
    marker: `(${DIGITS})()[.．、](?!(?!(?:19|20)[0-9]{2}年|[0-9]{2,4}[件项个条所座批家场]|[0-9]{1,2}[至到—－~～-][0-9]{1,2}月)[0-9０-９])`,
    placement: 'inline',
    description: {
      zh: '1. 1、 1．：三级标题或条目（不含日期和小数，如 1、2月、1.5亿；后接年份、计数或月份区间的仍是条目，如 20.2026年、1.100件、1、1至4月）',
      en: 'Third-level items 1. 1、 1． (not dates or decimals such as 1、2月, 1.5亿; still an item before a year, a count or a span of months: 20.2026年, 1.100件, 1、1至4月)',
    },
    examples: [
      '名词解释\n1.“两重”：是指国家重大战略实施。\n2.“两新”：是指大规模设备更新。',
      '1、医疗卫生方面。提高报销比例。\n2、养老帮困方面。提高养老金。',
      '１．加强领导。\n２．强化保障。',
      '1.提升养老服务。\n2.2026年10件民生实事。\n3.2027年目标。',
      '1.100件实事全部办结。\n2.300项改革任务。',
      '1、1至4月经济运行总体平稳\n2、存在的问题\n3、下步工作安排',
      '1.1-5月份项目建设情况。\n2.下半年重点工作。',
    ],
    counterExamples: [
      '2024年1、2月，全市经济运行平稳。',
      '1、2月份全市经济运行平稳。\n3、4月份有所回落。',
      '1.5亿元投资到位。\n2.3亿元用于民生。',
      '依照第1.2条处理。',
      '1.5亿元投资到位。\n2.2026年目标。',
      '2.“两新”：是指大规模设备更新。\n3.“自审自发”：国务院办公厅印发。',
    ],
  },
  {
    id: 'outline.arabicParen',
    family: 'arabicParen',
    kind: 'structure',
    rank: 5,
    marker: `[（(](${DIGITS})()[）)]`,
    placement: 'inline',
    description: {
      zh: '（1）（2）：四级条目，常在段内连续出现',
      en: 'Fourth-level items （1）（2）, often inline within a paragraph',
    },
    examples: ['今年要继续办好十件民生实事。（1）做好重点群体就业。（2）改善农村学校办学条件。（3）加强医疗服务。'],
    counterExamples: ['这是图（1）所示的情况，（2）图也一样。', '面积达（2）平方公里。'],
  },
  {
    id: 'outline.di',
    family: 'di',
    kind: 'point',
    marker: `第(${CN})()(?:[，,：:]|、(?!${CN_DIGIT}|第))`,
    placement: 'inline',
    description: {
      zh: '第一，第二，：讲话的要点，位于行首或句号之后',
      en: 'Speech points 第一，第二， at a line start or after a full stop',
    },
    examples: [
      '第一，要从政治高度认识。这是根本。\n第二，要从全局维度认识。这是关键。',
      '我讲两点。第一，加强组织领导。第二，强化督促检查。',
    ],
    counterExamples: [
      '加强“第一书记”管理。第一书记、农技员选派不匹配。',
      '有的书记履行“第一责任”仅是发文。',
      '这是第一次会议。第一批试点已经启动。坚持在第一线，第一时间处置，把人民放在第一位。',
      '第一、二轮中央生态环保督察反馈问题全部整改。',
      '第二，要从全局维度认识。第三，要从现状角度认识。',
    ],
  },
  {
    id: 'outline.diDigit',
    family: 'di',
    kind: 'point',
    // 第1， 第2， from document sites that print every numeral as a digit. Only with its comma or colon: 第1要务,
    // 第1名 and 第3、4季度 are no points, and 排名第1， mid-sentence is not at a boundary.
    marker: `第([1-9][0-9]?)()[，,：:]`,
    placement: 'inline',
    description: {
      zh: '第1，第2，：数字写法的讲话要点（须带逗号或冒号）',
      en: 'Speech points written with digits 第1，第2， (only with their comma or colon)',
    },
    examples: ['三、强化保障\n第1，要加强组织领导。第2，要强化督查问责。第3，要严格值班值守。'],
    counterExamples: [
      '发展是第1要务。第2要务是稳定。',
      '全省排名第1，比上年前进2位。第2名是某某县。',
      '第3、4季度经济运行平稳。',
    ],
  },
  {
    id: 'outline.diTopic',
    family: 'di',
    kind: 'point',
    // 第一个字是“实”: a keyword speech names each point in quotes after 是.
    marker: `第(${CN})(个[^\\s，。：；、“”,:;]{1,4}?)(?:[：，:,]|是(?=“))`,
    placement: 'inline',
    description: {
      zh: '第一个问题：第二个问题：（以及 第一个阶段，…）',
      en: 'Topics 第一个问题：第二个问题： (and 第一个阶段， …)',
    },
    examples: [
      '下面，我讲3个问题。第一个问题：深刻认识脱贫攻坚的进展。党的十八大以来成绩显著。第二个问题：清醒把握困难挑战。成绩来之不易。',
      '可以分两个阶段来安排。\n第一个阶段，从二○二○年到二○三五年。\n第二个阶段，从二○三五年到本世纪中叶。',
      '我给大家讲三个字。\n第一个字是“实”。实字为先。\n第二个字是“严”。严是爱。',
    ],
    counterExamples: [
      '实现第一个百年奋斗目标。第二个百年奋斗目标，是建成现代化强国。',
      '第一个问题：深刻认识进展。第二个阶段，从二○三五年开始。',
      '他学写的第一个字是“人”，第二个字是“大”。',
    ],
  },
  {
    id: 'outline.diStep',
    family: 'di',
    kind: 'point',
    marker: `第(${CN})(步)[，,：:]`,
    placement: 'inline',
    description: { zh: '第一步，第二步，', en: 'Steps 第一步，第二步，' },
    examples: ['第一步，摸清底数。第二步，制定方案。'],
    counterExamples: ['迈出第一步，走好第二步。'],
  },
  {
    id: 'outline.yao',
    family: 'yao',
    kind: 'list',
    marker: `(${CN})()要(?![求素件闻员职害旨塞冲])`,
    placement: 'inline',
    rejectEcho: true,
    description: {
      zh: '一要二要三要：段内要求，位于句号、冒号之后或段首',
      en: 'Inline requirements 一要 二要 三要, after 。：； or at a paragraph start',
    },
    examples: [
      '要着重解决“三个问题”：一要着重解决责任落实问题。有的部门站位不高。二要着重解决教育管理问题。三要着重解决两张皮问题。',
    ],
    counterExamples: [
      '这是一要求。一要求是加强管理。',
      '各地要统一要求，进一步要加强管理。',
      '他说“一要稳，二要快”，大家都同意。',
      '领导强调：“同志们：一要加强学习。二要改进作风。”',
    ],
  },
  {
    id: 'outline.shi',
    family: 'shi',
    kind: 'list',
    // 1是 2是: document sites that print every numeral as a digit (1、 and （1） are their headings already).
    marker: `(${CN}|[1-9])()是`,
    placement: 'inline',
    rejectEcho: true,
    description: {
      zh: '一是二是三是：段内列举，位于句号、分号、冒号之后或段首；单独的“一是”不算',
      en: 'Inline enumeration 一是 二是, after 。；： or at a paragraph start; a lone 一是 does not count',
    },
    examples: [
      '主要有四个特点：一是强化党委抓。重视程度提高。二是推动重心下移。基层基础夯实。',
      '注意把握以下几点：一是注重对标对表；二是坚持问题导向；三是强化系统观念。',
      '存在的问题：1是项目储备不足。2是要素保障不够有力。3是部分单位作风不实。',
    ],
    counterExamples: [
      '统一是前提。唯一是标准。',
      '一是加强学习，这是基础。',
      '要做到一是一、二是二，实事求是。',
      '一是一，二是二。实事求是。',
      '这个数的个位是1。3是奇数。',
      '主要有三件大事：一是迎来建党百年，二是进入新时代，三是完成脱贫攻坚。',
      '这就是“一肩挑”。“一将难求”的困境。“两学一做”一是重点，二是难点。',
    ],
  },
  {
    id: 'outline.seq',
    family: 'seq',
    kind: 'list',
    marker: `(首先|其次|再次|最后)()(?:[，,]|(?<=首先|其次)(?=[要是]))`,
    placement: 'inline',
    description: {
      zh: '首先，其次，再次，最后，：须以“首先”开头并有“其次”',
      en: 'Sequence 首先，其次，再次，最后， — must start with 首先 and have 其次',
    },
    examples: ['首先，要提高认识。这是前提。其次，要完善制度。这是保障。最后，要狠抓落实。这是关键。'],
    counterExamples: [
      '只有首先把思想统一起来，其次才能谈落实。',
      '打通“最后一公里”。最后一公里问题突出。',
      '首先，我代表党中央表示祝贺。最后，我要强调的是纪律。',
      '其次，要完善制度。最后，要狠抓落实。',
      '再次强调要加强领导。',
    ],
  },
  {
    id: 'outline.qi',
    family: 'seq',
    kind: 'list',
    // 其一，其二，其三，: its own sequence beside 首先/其次 (the variant 其, captured in a lookbehind, keeps them apart).
    marker: `其(${CN_DIGIT})(?<=(其)${CN_DIGIT})[，,：:]`,
    placement: 'inline',
    description: {
      zh: '其一，其二，其三，：段内列举，位于句号、冒号之后或段首',
      en: 'Inline sequence 其一，其二，其三， after 。： or at a paragraph start',
    },
    examples: ['这里有三层意思。其一，要认清形势。其二，要找准差距。其三，要明确方向。'],
    counterExamples: [
      '两者必居其一，不可偏废。',
      '其二，要找准差距。其三，要明确方向。',
      '其一是认清形势。其二是找准差距。',
    ],
  },
  {
    id: 'outline.circled',
    family: 'circled',
    kind: 'list',
    // ①–⑳, as county documents number the items of a paragraph (做到以下几点：①…；②…；③…).
    marker: '([\u2460-\u2473])()',
    placement: 'inline',
    description: {
      zh: '①②③：段内列举，位于句号、分号、冒号之后或段首',
      en: 'Circled numbers ①②③ enumerating inside a paragraph, after 。；： or at a paragraph start',
    },
    examples: ['我们要做到以下几点：①压实属地责任；②压实部门监管责任；③压实企业主体责任。'],
    counterExamples: ['如图①所示，各乡镇②号线路已经完工。', '见注①。②号楼已交付。', '①压实属地责任。'],
  },
];

/** Ordinal of an ordinal token: 一 → 1, 十二 → 12, １２ → 12, ③ → 3, 首先 → 1; `LAST` for 最后. */
export const LAST = -1;
const SEQ_ORDINALS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: LAST };
const CN_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function ordinalOf(token: string): number {
  const seq = SEQ_ORDINALS[token];
  if (seq !== undefined) return seq;
  const c0 = token.charCodeAt(0);
  if (c0 >= 0x2460 && c0 <= 0x2473) return c0 - 0x2460 + 1; // ① … ⑳
  if ((c0 >= 0x30 && c0 <= 0x39) || (c0 >= 0xff10 && c0 <= 0xff19)) {
    let n = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
    }
    return n;
  }
  // 十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23
  const ten = token.indexOf('十');
  if (ten < 0) return token.length === 1 ? (CN_VALUE[token] ?? 0) : 0;
  const tens = ten === 0 ? 1 : (CN_VALUE[token.slice(0, ten)] ?? 0);
  const units = ten === token.length - 1 ? 0 : (CN_VALUE[token.slice(ten + 1)] ?? 0);
  return tens * 10 + units;
}
