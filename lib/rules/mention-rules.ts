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
 */
import type { MentionCategory, RuleDoc } from './types';

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
// Character classes and small lexicons shared by the rules

const CJK = '\\u4e00-\\u9fff';
/** Chinese numerals that start numbered formulations (一 needs a second numeral, see isNumberedTerm). */
const NUMERAL_CHARS = '一二两三四五六七八九十百千万双';
const NUMERALS = '一二三四五六七八九十';
/** Function words that cannot be inside a program name (they mark a clause, not a name). */
const NOT_IN_NAME = '的地得和与及或等是在了着把被将对为从以并向';
/** A name character: a CJK character that is not a function word. */
const NAME_CHAR = `(?:(?![${NOT_IN_NAME}])[${CJK}])`;
/** Verbs that introduce a program by name: 实施…工程, 开展…行动. */
const PROGRAM_VERBS = '组织实施|深入实施|实施|开展|推进|推动|启动|深化|打好|打赢|打响|推行|创建|抓好|落实';
/** Head nouns of named programs and campaigns. */
const PROGRAM_HEADS = '示范工程|培育工程|工程|专项行动|行动|攻坚战|保卫战|战略|计划|示范区|先行区|试验区|主题教育|学习教育';
/** Heads that continue into a different word (工程师, 工程科技, 行动者, 计划生育, 战略性, 战略布局, 行动方案). */
const HEAD_BLOCKERS = '师院者生单性家学部局布全目高机任思意地支重举安方眼定主科技';
/** "工程" etc. used as ordinary nouns, not names: 一项系统工程, 不搞“形象工程”. */
const GENERIC_PROGRAM_NAMES = new Set([
  '系统工程', '形象工程', '政绩工程', '面子工程', '豆腐渣工程', '民心工程', '头号工程', '一号工程', '一把手工程',
  '基础工程', '德政工程', '良心工程', '重大工程', '重点工程', '行动计划', '专项行动', '发展战略', '国家战略',
]);
/** Two-character "names" that are only a verb or adjective (改革深化提升行动 read from 深化 leaves 提升). */
const GENERIC_SHORT_NAMES = new Set([
  '提升', '提质', '整治', '攻坚', '示范', '建设', '改造', '保护', '培育', '振兴', '治理', '帮扶', '提高', '推进', '专项',
  '重点', '重大', '深化', '改革', '创新', '发展', '巩固', '强化', '优化', '升级', '三年', '五年', '全面', '各项',
]);
/** Words between a quoted term and 活动/行动 that make it a hostile or illegal activity, not a program. */
const NOT_A_PROGRAM_BETWEEN = /分裂|违法|犯罪|恐怖|邪教|渗透|破坏|颠覆|非法|阴谋|反动|重大|重点|规划|一批|相关/;
/** Quoted nicknames for bad projects (“胡子”工程 drags on, “半拉子”工程 is left unfinished): criticism, not names. */
const PEJORATIVE_NAMES = /^(?:胡子|半拉子|豆腐渣|面子|形象|政绩|花架子|样子|盆景)/;
/** Policy-document heads: what a 《…》 title ends with when it names a policy, law or plan. */
const DOCUMENT_HEAD =
  /(?:法|条例|规定|办法|细则|决定|决议|意见|通知|纲要|规划|计划|方案|建议|报告|协定|公约|条约|宪法|章程|准则|措施|白皮书|宣言|声明|指南|指引|目录|清单|标准|规则|规范|制度|战略|行动|工程|议定书|备忘录|守则|文件|讲话|论述|摘编|文选|选集|文集|谈治国理政|公报|议程|批复|函|令)$/;
/** Name prefixes that make "X工程" a generic phrase (一批重大工程, 各项行动). */
const GENERIC_NAME_START =
  /^(?:一批|一系列|一些|若干|各项|各类|多项|重大|重点|相关|有关|这些|这项|此项|该项|新一轮|新一批|一项|各种|行动|专项|国家|发展|系统|这个|这一|我国|我省|我市|我区|我县)/;

/** Left contexts for the rules anchored on a literal (see widenLeft). */
const PLENUM_LEFT = new RegExp(`(?:省委|市委|县委|区委|党的|中共)?[${NUMERALS}]{1,3}$`);
/** Comparatives that belong to a target's text: 增长5.5%, 不少于3人. */
const TARGET_VERB_LEFT =
  /(?:年均增长|增长|下降|提高|降低|减少|增加|新增|达到|超过|突破|控制在|不少于|不低于|不超过|不高于)了?$/;
/** Verbs that make a bare count a target without being part of it: 培养储备|5000名以上, 增配|1名. */
const TARGET_CONTEXT_LEFT = /(?:储备|培养|增配|完成|实现|建成|新建|培训|引进|带动|吸纳|安置|招录|选派)$/;

const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔';

const CONGRESS_LEFT = new RegExp(`(?:(?:${PROVINCES})(?:省|市|自治区)|[省市])?第?[${NUMERALS}]{1,3}$`);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------
// Lexicons (curated from tests/fixtures/corpus/quoted-terms.tsv and general knowledge; data, not code)

export interface LexiconEntry {
  term: string;
  category: 'program' | 'formulation';
  /** Only when written in quotes: the bare characters are too ambiguous (三公里, 两重性, 九五之尊). */
  quotedOnly?: boolean;
}

const f = (term: string, quotedOnly = false): LexiconEntry => ({ term, category: 'formulation', quotedOnly });
const p = (term: string, quotedOnly = false): LexiconEntry => ({ term, category: 'program', quotedOnly });

export const LEXICON: readonly LexiconEntry[] = [
  // National numbered formulations (safe bare)
  f('四个全面'), f('五位一体'), f('两个维护'), f('两个确立'), f('四个意识'), f('四个自信'), f('八项规定'),
  f('三严三实'), f('两学一做'), f('放管服'), f('六稳六保'), f('六稳'), f('六保'), f('三个代表'), f('两个一百年'),
  f('一国两制'), f('一带一路'), f('两个毫不动摇'), f('三农'), f('四风'), f('两不愁三保障'), f('三去一降一补'),
  f('两代表一委员'), f('两个大局'), f('四个伟大'), f('两个结合'), f('两个务必'), f('三个务必'),
  f('四项基本原则'), f('五大发展理念'), f('新发展理念'), f('新发展格局'), f('五篇大文章'), f('九二共识'),
  f('三位一体'), f('三区三州'), f('四个不摘'), f('三个区分开来'), f('两手抓、两手都要硬'), f('双随机、一公开'),
  f('一个中心、两个基本点'), f('三步走'), f('三不腐'), f('五个必须'), f('六个坚持'), f('两个确保'),
  f('三药三方'), f('三医协同'), f('平急两用'), f('四水四定'), f('三改联动'), f('六链五群'), f('五大安全'),
  f('五个中心'), f('一老一小'), f('双一流'), f('双碳'), f('高效办成一件事'), f('三保障'), f('十一五'), f('十二五'),
  f('十三五'), f('十四五'), f('十五五'), f('十六五'), f('两个一百年奋斗目标'), f('第一个百年奋斗目标'),
  f('第二个百年奋斗目标'),
  // Numbered formulations whose bare characters are ambiguous in running text
  f('两新', true), f('两重', true), f('三保', true), f('新三样', true), f('两山', true), f('三公', true),
  f('三资', true), f('三北', true), f('两高', true), f('一企一策', true), f('四链', true), f('两癌', true),
  f('两委', true), f('三医', true), f('三通', true), f('四化', true), f('四新', true), f('两创', true),
  f('两区', true), f('五型', true), f('两基', true), f('三权', true), f('四梁八柱', true), f('多规合一', true),
  f('四下基层', true), f('九五', true), f('八五', true), f('枫桥经验', true), f('三大球', true),
  // Programs: things one implements, builds or runs (a system of meetings, a set of facilities, a project)
  p('三会一课'), p('六站一平台'), p('千万工程'), p('百千万工程'), p('五个一工程'), p('百千工程'), p('双百工程'),
  p('万企兴万村'), p('四好农村路'), p('中国制造2025'), p('互联网+', true), p('人工智能+', true),
];

const LEXICON_BY_TERM = new Map(LEXICON.map((e) => [e.term, e]));

export function lexiconEntry(term: string): LexiconEntry | undefined {
  return LEXICON_BY_TERM.get(term);
}


// ---------------------------------------------------------------------------------------------------------
// Helpers used by accept()

/** Numbered names that are not formulations: a historical clique, idioms. */
const NOT_FORMULATIONS = new Set(['四人帮', '四两拨千斤', '十年磨一剑', '一方水土养活不了一方人', '三心二意', '七上八下', '千方百计', '万无一失']);

const NUMBERED_START = new RegExp(`^[${NUMERAL_CHARS}]`);
const SECOND_NUMERAL = new RegExp(`^.[^${NUMERAL_CHARS}]*[${NUMERAL_CHARS}]`);
const ALL_CJK = new RegExp(`^[${CJK}]+$`);
const MEASURE_ONLY = new RegExp(`^[${NUMERAL_CHARS}]+[个项大条把张种类位批次件点方面]?$`);
/** A run of wins or moves (“十一连冠”, “五连胜”, “三连涨”): a record, not a formulation. */
const STREAK = new RegExp(`^[${NUMERAL_CHARS}]+连[冠胜败涨跌升降增减霸]`);

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
  if (inner.length < 2 || inner.length > 8 || NOT_FORMULATIONS.has(inner)) return false;
  if (!ALL_CJK.test(inner)) return false;
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

const PROGRAM_HEAD_AT_END = new RegExp(`(?:${PROGRAM_HEADS}|活动)$`);
const HEAD_AFTER_QUOTE = new RegExp(`^${NAME_CHAR}{0,8}?(?:${PROGRAM_HEADS}|活动)(?![${HEAD_BLOCKERS}])`);
const MODIFIER_BEFORE = new RegExp(`(?:${PROGRAM_VERBS})好?(${NAME_CHAR}{2,6})$`);
const PROGRAM_SHAPE = new RegExp(`^[${NUMERALS}两]个一批$|^[${NUMERALS}两][大项](?:攻坚战|专项行动|行动|工程|战略|活动)$`);

/** Widen a quoted program to the left over a short modifier after its verb: 实施集体经济“破零工程”. */
function withModifier(text: string, start: number): number {
  const window = text.slice(Math.max(0, start - 10), start);
  const m = MODIFIER_BEFORE.exec(window);
  if (!m) return start;
  const modifier = stripLeadingVerbs(m[1]);
  return modifier.length >= 2 ? start - modifier.length : start;
}

/** 推进实施X → X: the leftmost verb match may be followed by more verbs that belong before the name. */
function stripLeadingVerbs(name: string): string {
  let rest = name;
  for (let lead = LEADING_VERB.exec(rest); lead && lead[0].length > 0; lead = LEADING_VERB.exec(rest)) {
    rest = rest.slice(lead[0].length);
  }
  return rest;
}

/** The quoted inner text classified as a program: followed by a head (“走基层”活动) or ending in one. */
function quotedProgram(m: RegExpExecArray, text: string): MentionSpan | null {
  const inner = m.groups?.quoted;
  if (inner === undefined) return null;
  const start = m.index;
  const quoteEnd = start + m[0].length;
  // A quoted slogan or criticism is not a program name: “…有部署，重庆见行动”, “胡子”工程.
  if (/[，,；;：:！!？?。]/.test(inner) || PEJORATIVE_NAMES.test(inner)) return null;
  const after = HEAD_AFTER_QUOTE.exec(text.slice(quoteEnd, quoteEnd + 14));
  if (after && !NOT_A_PROGRAM_BETWEEN.test(after[0])) {
    return { start: withModifier(text, start), end: quoteEnd + after[0].length };
  }
  if (PROGRAM_HEAD_AT_END.test(inner) && inner.length >= 4 && !GENERIC_PROGRAM_NAMES.has(inner)) {
    return { start: withModifier(text, start), end: quoteEnd };
  }
  if (lexiconEntry(inner)?.category === 'program' || PROGRAM_SHAPE.test(inner)) return { start, end: quoteEnd };
  return null;
}

/**
 * Rules anchor their regex on a rare literal (届, a digit) and widen the match to the left here, so the regex
 * engine does not try an optional prefix at every position of the text.
 */
function widenLeft(text: string, start: number, tail: RegExp, window = 16): number {
  const m = tail.exec(text.slice(Math.max(0, start - window), start));
  return m ? start - m[0].length : start;
}

function isQuoted(text: string, start: number, end: number): boolean {
  return text[start - 1] === '“' && text[end] === '”';
}


/** Prefix-factored alternation (a regex trie) of terms, longest alternative first at every branch. */
export function trieRegexSource(terms: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const term of terms) {
    let node = root;
    for (const ch of term) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => escapeRegex(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/** A lexicon match of the rule's category, widened to its quotes when quoted. */
function lexiconMatch(category: LexiconEntry['category']) {
  return (m: RegExpExecArray, text: string): MentionSpan | null => {
    const term = m.groups?.lex;
    if (term === undefined || lexiconEntry(term)?.category !== category) return null;
    const start = m.index;
    const end = start + term.length;
    return isQuoted(text, start, end) ? { start: start - 1, end: end + 1 } : { start, end };
  };
}

/** The verb and name before a program head: 实施|党员精准扶贫|示范工程. */
const NAMED_LEFT = new RegExp(`(?:${PROGRAM_VERBS})好?(${NAME_CHAR}{2,16})$`);
const LEADING_VERB = new RegExp(`^(?:${PROGRAM_VERBS})好?`);

// ---------------------------------------------------------------------------------------------------------
// The scans. Each regex is anchored on a fairly rare literal (a quote, 届, 次党代会, a numeral + 大, a meeting
// or program head, a digit) and the rule's accept widens the match to the left where needed. Small separate
// regexes are faster than one big alternation (the engine loses its first-character skipping on the latter).

/** “quoted” terms: read by program.quoted and formulation.quotedNumbered (one shared scan). */
const QUOTED = /“(?<quoted>[^“”\n]{1,20})”/g;
const TITLED = /《(?<titled>[^《》\n]{1,80})》/g;

const SESSIONS = new RegExp(
  `(?<session>届(?:全国)?人(?:民代表)?大(?:会)?(?:常务委员会)?(?:第?[${NUMERALS}]+次会议)?|全国两会|全国政协[${NUMERALS}]+届[${NUMERALS}]+次会议)`,
  'g',
);
const PLENUMS = new RegExp(`(?<plenum>届(?:中央)?[${NUMERALS}]中(?:、[${NUMERALS}]中)*全会|届[${NUMERALS}]+次全会)`, 'g');
const LOCAL_CONGRESSES = /(?<localCongress>次(?:党代会|党代表大会))/g;
const PARTY_CONGRESSES = new RegExp(
  `(?<partyCongress>次全国代表大会|[${NUMERALS}]大(?![学型类项批幅量力致多概约小道街厦件事城洲关队]))`,
  'g',
);
const NAMED_MEETINGS = new RegExp(
  `(?<politburo>政治局(?:常委会)?会议|政治局第[${NUMERALS}]+次集体学习|深化改革(?:领导小组|委员会)(?:第[${NUMERALS}]+次)?会议)` +
    `|(?<named>工作会议|工作会|座谈会|推进会|现场会|表彰大会|视频会|交流会|电视电话会议|动员大会|总结大会|研讨会|峰会)`,
  'g',
);
const LOCAL_CONGRESS_LEFT = new RegExp(`(?:省|市|县|区|州|自治区)第[${NUMERALS}]+$`);
const PARTY_CONGRESS_LEFT = new RegExp(`中国共产党第[${NUMERALS}]+$|(?:党的|中共)?(?:二十|二|十)?$`);
const PARTY_CONGRESS = /^(?:中国共产党第[一二三四五六七八九十]+次全国代表大会|(?:党的|中共)?(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大)$/;
const POLITBURO_LEFT = /(?:中央全面|中央)$/;
/** What names a meeting before its head: 中央经济工作会议, 全省…视频会, (召开)科学家座谈会. */
const NAMED_MEETING_LEFT = new RegExp(
  `(?:中央[${CJK}]{2,6}(?=$)|(?:全国|全省|全市|全区|全县)${NAME_CHAR}{2,14}$|(?:召开|出席|举行)了?(?:一个|这次)?(?<convened>${NAME_CHAR}{2,10})$)`,
);

/**
 * The lexicon as two tries (terms starting with a numeral, and the rest), read by program.lexicon and
 * formulation.lexicon (shared scans). Quoted-only terms are not here: the quote rules look them up.
 */
const BARE_TERMS = LEXICON.filter((e) => !e.quotedOnly).map((e) => e.term);
const NUMERAL_INITIAL = new RegExp(`^[${NUMERALS}两]`);
const LEXICON_TERMS = [
  new RegExp(`(?<lex>${trieRegexSource(BARE_TERMS.filter((t) => NUMERAL_INITIAL.test(t)))})`, 'g'),
  new RegExp(`(?<lex>${trieRegexSource(BARE_TERMS.filter((t) => !NUMERAL_INITIAL.test(t)))})`, 'g'),
];
const NUMBERED_PROGRAMS = new RegExp(
  `(?<numProgram>[两三四五六七八九十][大项](?:攻坚战|专项行动|行动|工程|战略|活动)(?![${HEAD_BLOCKERS}])|[${NUMERALS}两]个一批)`,
  'g',
);
const NUMBERED_HEADS = new RegExp(
  `(?<numHead>[两三四五六七八九十]个(?:维护|确立|意识|自信|全面|代表|务必|必须|坚持|伟大|大局|结合|毫不动摇|一百年|区分开来|不摘|没有变))`,
  'g',
);
const PROGRAM_HEAD_TERMS = new RegExp(`(?<head>(?:${PROGRAM_HEADS})(?![${HEAD_BLOCKERS}]))`, 'g');
const AMOUNTS = new RegExp(
  `(?<amount>(?<digits>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?:多|余)?(?:万亿|亿|万|千)?` +
    `(?<unit>元|美元|%|％|个百分点|人次|名|人|个月|个|家|所|项|户|座|套|公里|千米|吨|亩|公顷|千瓦|辆|台|场|件|年|天)` +
    `(?<qualifier>以上|以下|左右|以内|之内|内)?)`,
  'g',
);

function group(m: RegExpExecArray, name: string): string | undefined {
  return m.groups?.[name];
}

function wholeIf(name: string) {
  return (m: RegExpExecArray): MentionSpan | null =>
    group(m, name) === undefined ? null : { start: m.index, end: m.index + m[0].length };
}

// ---------------------------------------------------------------------------------------------------------
// The rules

export const MENTION_RULES: readonly MentionRule[] = [
  {
    id: 'document.title',
    category: 'document',
    priority: 50,
    description: {
      zh: '书名号《…》中的政策文件、法规、规划名称（以“办法”“条例”“规划”“意见”等结尾；不含报刊、影视、文艺作品）',
      en: 'Titles in 《…》 of policies, laws and plans (ending in 办法/条例/规划/意见…; not newspapers, films or books)',
    },
    pattern: TITLED,
    accept(m) {
      const titled = group(m, 'titled');
      if (titled === undefined) return null;
      const title = titled.trim().replace(/[（(][^（）()]*[）)]$/, '');
      return DOCUMENT_HEAD.test(title) ? { start: m.index, end: m.index + m[0].length } : null;
    },
    examples: [
      '认真落实我市⟦《村级后备干部培养管理办法》⟧',
      '根据⟦《中华人民共和国监察法》⟧',
      '一并审议⟦《甘肃省国民经济和社会发展第十五个五年规划纲要（草案）》⟧',
    ],
    counterExamples: ['近期播出的《阳光问廉》节目暴露出一些问题', '据《 人民日报 》报道', '《哪吒之魔童闹海》票房创新高'],
  },
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
    description: { zh: '中央/地方全会：二十届四中全会、十一届三中全会、省委十一届三次全会', en: 'Plenary sessions (中全会 / 次全会)' },
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
    ],
    counterExamples: ['人大代表', '十四届全国人大常委会'],
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
      const left = NAMED_MEETING_LEFT.exec(text.slice(Math.max(0, m.index - 18), m.index));
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
    ],
    counterExamples: ['会议强调', '召开会议', '中央领导同志出席座谈会', '出席今天座谈会的科学家'],
  },
  {
    id: 'program.quoted',
    category: 'program',
    priority: 40,
    description: {
      zh: '引号中的项目、工程、活动名：“千村头雁”培育工程、集体经济“破零工程”、“走基层”活动、“三大工程”',
      en: 'Quoted program names: a quoted name followed by or ending in 工程/行动/活动/计划/战略…',
    },
    pattern: QUOTED,
    accept: quotedProgram,
    examples: [
      '一要扎扎实实实施⟦“千村头雁”培育工程⟧。',
      '二要大力实施⟦集体经济“破零工程”⟧。',
      '扎实抓好⟦机关干部“走基层”活动⟧',
      '、⟦“双报到”志愿服务活动⟧，',
      '要坚持政治功能和服务功能相统一，实施⟦“三大工程”⟧，',
      '扎实实施好⟦“四个一批”工程⟧',
      '开展⟦“不忘初心、牢记使命”主题教育⟧',
      '规范建设⟦“六站一平台”⟧',
      '继续推进实施⟦“学前教育三年行动计划”⟧',
      '实施⟦“人工智能+”行动⟧',
      '推进⟦“互联网+”⟧政务服务',
    ],
    counterExamples: [
      '思路是“破”出来的',
      '着重解决责任落实“虚化”问题',
      '这是一项“系统工程”',
      '不搞“形象工程”',
      '推行“两新”组织等领域党建',
      '坚决打击“台独”势力分裂活动',
      '实施“十四五”规划重大工程',
      '粉碎“四人帮”篡党夺权阴谋活动',
      '坚决防止出现“胡子”工程、“半拉子”工程',
      '“总书记有号令、党中央有部署，重庆见行动”',
    ],
  },
  {
    id: 'program.numbered',
    category: 'program',
    priority: 40,
    description: {
      zh: '数字+大/项+工程/行动/攻坚战，或“N个一批”：三大攻坚战、十项行动、五个一批',
      en: 'Numbered programs: 三大攻坚战, 十项行动, 五个一批',
    },
    pattern: NUMBERED_PROGRAMS,
    accept: wholeIf('numProgram'),
    examples: ['打好⟦三大攻坚战⟧', '采取“⟦五个一批⟧”的办法', '实施⟦十大工程⟧'],
    counterExamples: ['三大战役', '一个一个地解决'],
  },
  {
    id: 'program.named',
    category: 'program',
    priority: 40,
    description: {
      zh: '动词（实施/开展/推进…）后的未加引号项目名：实施党员精准扶贫示范工程、开展城市基层党建整体效应提升行动',
      en: 'Unquoted program names after 实施/开展/推进…: a name of 2–16 characters ending in 工程/行动/战略/计划…',
    },
    pattern: PROGRAM_HEAD_TERMS,
    accept(m, text) {
      if (group(m, 'head') === undefined) return null;
      const left = NAMED_LEFT.exec(text.slice(Math.max(0, m.index - 22), m.index));
      if (!left) return null;
      // The leftmost verb may be followed by another (深入推进实施…): the name starts after the last one.
      const name = stripLeadingVerbs(left[1]);
      if (name.length < 2) return null;
      const end = m.index + m[0].length;
      const start = m.index - name.length;
      if (GENERIC_NAME_START.test(name) || GENERIC_SHORT_NAMES.has(name) || GENERIC_PROGRAM_NAMES.has(text.slice(start, end))) {
        return null;
      }
      return { start, end };
    },
    examples: [
      '通过扎实实施⟦党员精准扶贫示范工程⟧，办好农民夜校',
      '一要扎实开展⟦街道社区党组织领导核心作用强化行动⟧。',
      '三要扎实开展⟦城市基层党组织服务功能增强行动⟧。',
      '坚定实施⟦扩大内需战略⟧',
      '打好⟦精准脱贫攻坚战⟧',
      '深入推进实施⟦乡村振兴战略⟧',
    ],
    counterExamples: [
      '实施一批重大工程',
      '加快绿色崛起的基础工程',
      '坚定实施省、市委重大发展战略',
      '推进水利工程师队伍建设',
      '高质量完成国有企业改革深化提升行动',
      '为了推动我国工程科学技术的发展',
    ],
  },
  {
    id: 'program.lexicon',
    category: 'program',
    priority: 40,
    description: {
      zh: '已知的项目和制度：三会一课、六站一平台、千万工程、万企兴万村',
      en: 'Known programs and institutions: 三会一课, 六站一平台, 千万工程 …',
    },
    pattern: LEXICON_TERMS,
    accept: lexiconMatch('program'),
    examples: ['认真落实⟦“三会一课”⟧、谈心谈话等制度', '深入学习运用⟦“千万工程”⟧经验', '落实⟦三会一课⟧制度'],
    counterExamples: ['三会一次', '开展“互联网”宣传'],
  },
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
      '把优秀者推荐为⟦“两代表一委员”⟧',
      '深化⟦放管服⟧改革',
      '向⟦第二个百年奋斗目标⟧进军',
      '实现⟦两个一百年奋斗目标⟧',
    ],
    counterExamples: ['两新组织', '两重性', '三公里'],
  },
  {
    id: 'formulation.quotedNumbered',
    category: 'formulation',
    priority: 30,
    description: {
      zh: '引号中的数字+短语（含未收录的新提法）：“三把尺子”“三强型”“两张皮”“两新”；不含强调用的引号（“破”“虚化”）',
      en: 'Numbered formulations in quotes, including unseen ones (“三把尺子”, “三强型”, “两张皮”); not emphasis quotes',
    },
    pattern: QUOTED,
    accept(m) {
      const inner = group(m, 'quoted');
      if (inner === undefined || inner.length < 2) return null;
      const entry = lexiconEntry(inner);
      if (entry?.category === 'program' || PROGRAM_SHAPE.test(inner)) return null;
      if (!entry && !isNumberedTerm(inner)) return null;
      return { start: m.index, end: m.index + m[0].length };
    },
    examples: [
      '群众热切期盼这⟦“三把尺子”⟧来衡量',
      '建设一支⟦“三强型”⟧村党组织书记队伍',
      '机关党建与中心工作⟦“两张皮”⟧问题',
      '推进⟦“双随机、一公开”⟧监管',
      '机关、国企、⟦“两新”⟧组织',
      '坚持⟦“枫桥经验”⟧',
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
      '粉碎“四人帮”',
    ],
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
  {
    id: 'target.quantity',
    category: 'target',
    priority: 10,
    description: {
      zh: '量化目标和指标：增长5.5%、2.9亿元、5000名以上、3年内、5%左右（不含日期、序数）',
      en: 'Quantitative targets and indicators (growth rates, amounts, counts with 以上/左右, time limits), not dates',
    },
    pattern: AMOUNTS,
    accept(m, text) {
      const amount = group(m, 'amount');
      if (amount === undefined) return null;
      const digits = group(m, 'digits') ?? '';
      const unit = group(m, 'unit') ?? '';
      const qualifier = group(m, 'qualifier');
      if (text[m.index - 1] === '第' || /[0-9０-９.．\-—/:：]/.test(text[m.index - 1] ?? '')) return null;
      const start = widenLeft(text, m.index, TARGET_VERB_LEFT);
      const span = { start, end: m.index + amount.length };
      const licensed = start < m.index || TARGET_CONTEXT_LEFT.test(text.slice(Math.max(0, m.index - 2), m.index));
      if (/^(?:元|美元|%|％|个百分点)$/.test(unit)) return span;
      if (/^(?:年|个月|天)$/.test(unit)) {
        if (!qualifier?.includes('内')) return null;
        if (unit === '年' && digits.length > 2) return null; // 2020年内 is a date, not a time limit
        return span;
      }
      return licensed || qualifier ? span : null;
    },
    examples: [
      '实现全市⟦3年内⟧培养储备⟦5000名以上⟧村级后备干部',
      '阵地建设投入就达⟦2.9亿元⟧',
      '国内生产总值⟦增长5%左右⟧',
      '动态储备村级后备干部⟦2名以上⟧',
      '常住人口在5000人以上增配⟦1名⟧专职副书记',
      '社区专职工作者⟦不少于3人⟧',
    ],
    counterExamples: ['2025年3月5日', '第3名', '1月7日，我主持召开', '经过14年不屈不挠的浴血奋战', '成立75周年'],
  },
];
