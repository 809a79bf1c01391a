/** Lexicons of the mention rules: character classes, heads, generic names and the curated term list. */

// Character classes and word lists shared by the mention rules (data, not code).

export const CJK = '\\u4e00-\\u9fff';
/** Chinese numerals that start numbered formulations (一 needs a second numeral, see isNumberedTerm). */
export const NUMERAL_CHARS = '一二两三四五六七八九十百千万双';
export const NUMERALS = '一二三四五六七八九十';
/** Function words that cannot be inside a program name (they mark a clause, not a name). */
export const NOT_IN_NAME = '的地得和与及或等是在了着把被将对为从以并向';
/**
 * A name character: a CJK character that is not a function word — except 在 in the few words where it is not the
 * preposition (在外人才回归工程, 在线服务提升行动, 在岗培训计划).
 */
export const NAME_CHAR = `(?:在(?=[外线岗职校])|(?![${NOT_IN_NAME}])[${CJK}])`;
/**
 * Words a program name never contains, so the name starts after the last of them: a clause's subject and modal
 * (我们要), adverbs and verbs that introduce a name (深入贯彻, 扎实实施, 大力开展). 深化/推进/提升 are not here:
 * they are inside real names (国有企业改革深化提升行动).
 */
export const NAME_LEFT_BOUNDARY =
  /(?:我们|我省|我市|我县|我区|我镇|要(?![素点件])|贯彻|落实|实施|开展|打好|打赢|深入|扎实|大力|加快|全面|持续|坚决|积极|着力|认真|切实|进一步|继续|抓好|做好)/g;
/** Verbs that introduce a program by name: 实施…工程, 开展…行动. */
export const PROGRAM_VERBS =
  '组织实施|深入实施|实施|开展|推进|推动|启动|深化|打好|打赢|打响|推行|创建|抓好|落实|提出|完成|部署|做好|抓实|办好|纵深推进|聚焦';
/** Connectives a program name may hold inside (优质企业对标提升行动, 科技和产业协同行动), never at its start. */
export const INNER_NAME_CHARS = '对和以与';
/** Head nouns of named programs and campaigns. */
export const PROGRAM_HEADS =
  '示范工程|培育工程|工程|专项行动|行动|攻坚战|保卫战|战略|计划|示范区|先行区|试验区|主题教育|学习教育';
/** Heads that continue into a different word (工程师, 工程科技, 行动者, 计划生育, 战略性, 战略布局, 行动方案). */
export const HEAD_BLOCKERS = '师院者生单性家学部局布全目高机任思意地支重举安方眼定主科技';
/** "工程" etc. used as ordinary nouns, not names: 一项系统工程, 不搞“形象工程”. */
export const GENERIC_PROGRAM_NAMES = new Set([
  '系统工程',
  '形象工程',
  '政绩工程',
  '面子工程',
  '豆腐渣工程',
  '民心工程',
  '头号工程',
  '一号工程',
  '一把手工程',
  '基础工程',
  '德政工程',
  '良心工程',
  '重大工程',
  '重点工程',
  '在建工程',
  '行动计划',
  '专项行动',
  '发展战略',
  '国家战略',
  '民生工程',
  '人防工程',
  '标志性工程',
  '水利工程',
  '基础设施工程',
  '民生实事工程',
  '惠民工程',
  '建设工程',
  '安居工程',
]);
/** A quoted “…工程” followed by these is a college major or a course, not a program (“道路与桥梁工程”专业群). */
export const NOT_A_PROGRAM_AFTER = /^(?:专业|学院|学科|课程|系)/;
/** Prefixes that only make a name generic when little follows them: 重点产业补链延链专项行动 is a name, 重点工程 not. */
export const QUALIFYING_NAME_START = /^(?:重点|重大|新一轮|国家|专项)/;
/** Two-character "names" that are only a verb or adjective (改革深化提升行动 read from 深化 leaves 提升). */
export const GENERIC_SHORT_NAMES = new Set([
  '提升',
  '提质',
  '整治',
  '攻坚',
  '示范',
  '建设',
  '改造',
  '保护',
  '培育',
  '振兴',
  '治理',
  '帮扶',
  '提高',
  '推进',
  '专项',
  '重点',
  '重大',
  '深化',
  '改革',
  '创新',
  '发展',
  '巩固',
  '强化',
  '优化',
  '升级',
  '三年',
  '五年',
  '全面',
  '各项',
]);
/** Words between a quoted term and 活动/行动 that make it a hostile or illegal activity, not a program. */
export const NOT_A_PROGRAM_BETWEEN = /分裂|违法|犯罪|恐怖|邪教|渗透|破坏|颠覆|非法|阴谋|反动|重大|重点|规划|一批|相关/;
/** Quoted nicknames for bad projects (“胡子”工程 drags on, “半拉子”工程 is left unfinished): criticism, not names. */
export const PEJORATIVE_NAMES = /^(?:胡子|半拉子|豆腐渣|面子|形象|政绩|花架子|样子|盆景)/;
/** Policy-document heads: what a 《…》 title ends with when it names a policy, law or plan. */
export const DOCUMENT_HEAD =
  /(?:法|条例|规定|办法|细则|决定|决议|意见|通知|纲要|规划|计划|方案|建议|报告|协定|公约|条约|宪法|章程|准则|措施|白皮书|宣言|声明|指南|指引|目录|清单|标准|规则|规范|制度|战略|行动|工程|议定书|备忘录|守则|文件|讲话|论述|摘编|文选|选集|文集|选读|选编|学习问答|学习读本|谈治国理政|公报|议程|批复|函|令)$/;
/** Name prefixes that make "X工程" a generic phrase (一批重大工程, 各项行动). */
export const GENERIC_NAME_START =
  /^(?:一批|一系列|一些|若干|各项|各类|多项|相关|有关|这些|这项|此项|该项|新一批|一项|各种|行动|发展|系统|这个|这一|我国|我省|我市|我区|我县|性)/;

export const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔';

// ---------------------------------------------------------------------------------------------------------
// Lexicons (curated from tests/fixtures/corpus/quoted-terms.tsv and general knowledge; data, not code)

export interface LexiconEntry {
  term: string;
  category: 'program' | 'formulation';
  /** Only when written in quotes: the bare characters are too ambiguous (三公里, 两重性, 九五之尊). */
  quotedOnly?: boolean;
}

export const f = (term: string, quotedOnly = false): LexiconEntry => ({ term, category: 'formulation', quotedOnly });
export const p = (term: string, quotedOnly = false): LexiconEntry => ({ term, category: 'program', quotedOnly });

export const LEXICON: readonly LexiconEntry[] = [
  // National numbered formulations (safe bare)
  // Glossary formulations a reader meets unquoted (each has a gloss and source in glossary.ts / glossary-sources.ts)
  f('新质生产力'),
  f('三大攻坚战'),
  f('六个必须坚持'),
  f('新时代枫桥经验'),
  f('一岗双责'),
  f('党政同责'),
  f('三管三必须'),
  f('四个面向'),
  f('四个最严'),
  f('三重一大'),
  f('四有好老师'),
  f('四种形态'),
  f('三个有利于'),
  f('四化同步'),
  f('六个精准'),
  f('三治融合'),
  f('三新一高'),
  f('两个至上'),
  f('中央八项规定'),
  f('一个中心两个基本点'),
  f('五个振兴'),
  f('五大振兴'),
  f('两个健康', true),
  f('两个责任', true),
  f('四史', true),
  f('三个转变', true),
  p('三北工程'),
  p('三北防护林'),
  f('四个全面'),
  f('五位一体'),
  f('两个维护'),
  f('两个确立'),
  f('四个意识'),
  f('四个自信'),
  f('八项规定'),
  f('三严三实'),
  f('两学一做'),
  f('放管服'),
  f('六稳六保'),
  f('六稳'),
  f('六保'),
  f('三个代表'),
  f('两个一百年'),
  f('一国两制'),
  f('一带一路'),
  f('两个毫不动摇'),
  f('三农'),
  f('四风'),
  f('两不愁三保障'),
  f('三去一降一补'),
  f('两代表一委员'),
  f('两个大局'),
  f('四个伟大'),
  f('两个结合'),
  f('第二个结合'),
  f('五个必由之路'),
  f('四敢'),
  f('两个务必'),
  f('三个务必'),
  f('四项基本原则'),
  f('五大发展理念'),
  f('新发展理念'),
  f('新发展格局'),
  f('五篇大文章'),
  f('九二共识'),
  f('三位一体'),
  f('三区三州'),
  f('四个不摘'),
  f('三个区分开来'),
  f('两手抓、两手都要硬'),
  f('双随机、一公开'),
  f('一个中心、两个基本点'),
  f('三步走'),
  f('三不腐'),
  f('五个必须'),
  f('六个坚持'),
  f('两个确保'),
  f('三药三方'),
  f('三医协同'),
  f('平急两用'),
  f('四水四定'),
  f('三改联动'),
  f('六链五群'),
  f('五大安全'),
  f('五个中心'),
  f('一老一小'),
  f('双一流'),
  f('双碳'),
  f('高效办成一件事'),
  // Government-service reforms known by their slogan, written with or without quotes.
  f('一网通办'),
  f('一网统管'),
  f('最多跑一次'),
  f('跨省通办'),
  f('证照分离'),
  f('不见面审批'),
  f('不敢腐、不能腐、不想腐'),
  f('三保障'),
  f('十一五'),
  f('十二五'),
  f('十三五'),
  f('十四五'),
  f('十五五'),
  f('十六五'),
  f('两个一百年奋斗目标'),
  f('第一个百年奋斗目标'),
  f('第二个百年奋斗目标'),
  // Numbered formulations whose bare characters are ambiguous in running text
  f('两新', true),
  f('两重', true),
  f('三保', true),
  f('新三样', true),
  f('两山', true),
  f('三公', true),
  f('三资', true),
  f('三北', true),
  f('两高', true),
  f('一企一策', true),
  f('四链', true),
  f('两癌', true),
  f('两委', true),
  f('三医', true),
  f('三通', true),
  f('四化', true),
  f('四新', true),
  f('两创', true),
  f('两区', true),
  f('五型', true),
  f('两基', true),
  f('三权', true),
  f('四梁八柱', true),
  f('多规合一', true),
  f('四下基层', true),
  f('九五', true),
  f('八五', true),
  f('枫桥经验', true),
  f('三大球', true),
  // Programs: things one implements, builds or runs (a system of meetings, a set of facilities, a project)
  p('三会一课'),
  p('六站一平台'),
  p('千万工程'),
  p('百千万工程'),
  p('五个一工程'),
  p('百千工程'),
  p('双百工程'),
  p('万企兴万村'),
  p('四好农村路'),
  // Responsibility systems named for their chiefs (河长 for each river …), and a national campaign.
  p('河长制'),
  p('湖长制'),
  p('林长制'),
  p('田长制'),
  p('河湖长制'),
  p('路长制'),
  p('链长制'),
  p('山长制'),
  p('厕所革命'),
  p('群众身边不正之风和腐败问题集中整治'),
  p('中国制造2025'),
  p('互联网+', true),
  p('人工智能+', true),
  p('国有企业改革深化提升行动'),
  p('乡村振兴战略'),
  p('科教兴国战略'),
  p('人才强国战略'),
  p('创新驱动发展战略'),
];

export const LEXICON_BY_TERM = new Map(LEXICON.map((e) => [e.term, e]));

export function lexiconEntry(term: string): LexiconEntry | undefined {
  return LEXICON_BY_TERM.get(term);
}

/** Numbered names that are not formulations: a historical clique, idioms. */
export const NOT_FORMULATIONS = new Set([
  '四人帮',
  '四两拨千斤',
  '十年磨一剑',
  '一方水土养活不了一方人',
  '三心二意',
  '七上八下',
  '千方百计',
  '万无一失',
]);
