/**
 * The scans of the mention rules. Each regex is anchored on a fairly rare literal and a rule's accept widens the
 * match to the left where needed (left contexts below).
 */
import { AMOUNT_MAGNITUDES, AMOUNT_UNITS } from './amount-units';
import { CJK, HEAD_BLOCKERS, LEXICON, NAME_CHAR, NUMERALS, PROGRAM_HEADS, PROVINCES } from './mention-lexicon';
import { trieRegexSource } from './regex-trie';

/** Left contexts for the rules anchored on a literal (see widenLeft). */
export const PLENUM_LEFT = new RegExp(`(?:省委|市委|县委|区委|党的|中共)?[${NUMERALS}]{1,3}$`);
/** Comparatives that belong to a target's text: 增长5.5%, 不少于3人. */
export const TARGET_VERB_LEFT =
  /(?:年均增长|增长|下降|提高|降低|减少|增加|新增|达到|超过|突破|控制在|不少于|不低于|不超过|不高于)了?$/;
/**
 * What makes a bare count an amount without being part of it: a verb right before it (培养储备|5000名以上,
 * 增配|1名), or a plan's or a review's verb with its object between (新建高标准农田|12万亩, 实施重点项目|150个,
 * 改造老旧小区|86个; the object is a few characters of one clause, without 的/是/有: 建设中的项目有30个 is no plan).
 * A review counts what an organ handled (a discipline commission's 处置问题线索860件, 立案420件, 给予党纪政务处分
 * 398人; a CPPCC's 收到提案186件, 开展视察调研21次; a county's 化解信访积案35件, 发生生产安全事故12起, 死亡5人):
 * those verbs license too.
 * The object may quote a name (建成“四好农村路”1200公里, 新增专精特新“小巨人”企业15家). Read on the 16 characters
 * before the count.
 */
const LICENSING_VERBS =
  '新建|新改建|改扩建|建成|实施|改造|培育|引进|创建|开工|新开工|招引|打造|新增|认定|储备|培训|完成|' +
  '处置|立案|受理|查处|查办|处分|问责|办理|办结|办复|收到|提出|报送|开展|组织|举办|召开|走访|化解|调处|' +
  '发放|拨付|筹集|争取|审查|约谈|督办|整改|解决|给予|移送|追回|挽回|发生|死亡|受伤';
export const TARGET_LICENSE_LEFT = new RegExp(
  `(?:(?:储备|培养|增配|完成|实现|建成|新建|培训|引进|带动|吸纳|安置|招录|选派|立案|处分|问责|办结|办复|受理|查处|化解|死亡|受伤)|` +
    `(?:${LICENSING_VERBS})(?:(?![的是有为在和与及])[\u4e00-\u9fff“”]){1,12})` +
    // Not right after a numeral and 个: 解决三个1亿人问题 names a problem, it counts nothing.
    '(?<![一二三四五六七八九十两几]个)$',
);

export const CONGRESS_LEFT = new RegExp(`(?:(?:${PROVINCES})(?:省|市|自治区)|[省市])?第?[${NUMERALS}]{1,3}$`);

// ---------------------------------------------------------------------------------------------------------
// The scans. Each regex is anchored on a fairly rare literal (a quote, 届, 次党代会, a numeral + 大, a meeting
// or program head, a digit) and the rule's accept widens the match to the left where needed. Small separate
// regexes are faster than one big alternation (the engine loses its first-character skipping on the latter).

/** “quoted” terms: read by program.quoted and formulation.quotedNumbered (one shared scan). */
export const QUOTED = /“(?<quoted>[^“”\n]{1,20})”/g;
export const TITLED = /《(?<titled>[^《》\n]{1,80})》/g;
/** An issuing number's year and serial: 〔2025〕12号 (also [2025], 【2025】, （2025）), widened to its issuer by the rule. */
export const DOCUMENT_NUMBERS = /[〔[【（(](?:19|20)[0-9]{2}[〕\]】）)][0-9]{1,4}号/g;
/** The yearly No. 1 documents: 中央一号文件, 省委一号文件, 市委1号文件. */
export const NUMBER_ONE_DOCUMENTS = /(?:中央|省委|市委|州委|县委|区委)(?:、省政府|、市政府|、县政府)?(?:一|1)号文件/g;

export const SESSIONS = new RegExp(
  `(?<session>届(?:全国)?人(?:民代表)?大(?:会)?(?:常务委员会)?(?:第?[${NUMERALS}]+次会议)?|全国两会|全国政协[${NUMERALS}]+届[${NUMERALS}]+次会议` +
    // A county's or province's own two sessions: 全县“两会”, 全省两会.
    '|全[省市县区]“?两会”?)',
  'g',
);
/** A CPPCC session: 市政协十五届五次会议, 政协第十四届全国委员会第三次会议, 政协某某县第十届委员会第五次会议. */
export const CPPCC_SESSIONS = new RegExp(
  `(?<cppcc>政协[^s，。；、“”]{0,5}?第?[${NUMERALS}]{1,3}届(?:[^s，。；、“”]{0,6}?委员会)?第?[${NUMERALS}]{1,3}次(?:全体)?会议)`,
  'g',
);
/** The area a CPPCC session belongs to, written before 政协: 市政协, 省政协, 全国政协. */
export const CPPCC_LEFT = /(?:全国|[省市县区州])$/;
export const PLENUMS = new RegExp(
  `(?<plenum>届(?:中央)?[${NUMERALS}]中(?:、[${NUMERALS}]中)*全会|届[${NUMERALS}]+次全会)`,
  'g',
);
export const LOCAL_CONGRESSES = /(?<localCongress>次(?:党代会|党代表大会))/g;
export const PARTY_CONGRESSES = new RegExp(
  `(?<partyCongress>次全国代表大会|[${NUMERALS}]大(?![学型类项批幅量力致多概约小道街厦件事城洲关队]))`,
  'g',
);
/**
 * What a named meeting ends with. Not a bare 大会 or 会议 (这次大会, 开好会议 name nothing): the kinds of meeting a
 * county or province names, 三级干部大会, 高质量发展大会, 营商环境大会, 调度会, 务虚会 among them.
 */
export const MEETING_HEADS =
  '工作会议|工作会|座谈会|推进会|现场会|表彰大会|视频会|交流会|电视电话会议|动员大会|总结大会|研讨会|峰会|' +
  '干部大会|推进大会|誓师大会|警示教育大会|发展大会|环境大会|部署会|调度会|观摩会|务虚会|' +
  // The standing meetings of a party committee or government, and its study sessions, named by their organ.
  '常委会会议|常委会（扩大）会议|常务会议|中心组学习会|中心组集体学习会|领导干部会议|' +
  // A committee's plenary (县委全委（扩大）会暨全县经济工作会议), named by its organ like the standing meetings.
  '全委（扩大）会议|全委（扩大）会|全委扩大会议|全委扩大会|全委会';
export const NAMED_MEETINGS = new RegExp(
  `(?<politburo>政治局(?:常委会)?会议|政治局第[${NUMERALS}]+次集体学习|深化改革(?:领导小组|委员会)(?:第[${NUMERALS}]+次)?会议)` +
    `|(?<named>${MEETING_HEADS})`,
  'g',
);
/**
 * An organ's numbered sitting, the number between organ and kind: 县委常委会第45次会议, 县政府第28次常务会议,
 * 县委理论学习中心组第12次集体学习(会). Anchored on 第 (a literal the engine skips to), widened to the organ by the rule.
 */
export const NUMBERED_SITTINGS = new RegExp(
  `(?<sitting>第[0-9０-９${NUMERALS}百]{1,4}次(?:常务会议|会议|全体会议|集体学习会?|专题学习会?))`,
  'g',
);
export const ORGAN_BEFORE_SITTING = new RegExp(
  `(?:(?:省委|市委|县委|区委|州委|党委|党组|省政府|市政府|县政府|区政府|州政府|人民政府|国务院)(?:常委会|常务会|理论学习中心组|中心组)?` +
    `|(?:[${NUMERALS}]{1,3}届)?(?:全国|省|市|县|区)?(?:人大|政协)常委会)$`,
);
export const LOCAL_CONGRESS_LEFT = new RegExp(`(?:省|市|县|区|州|自治区)第[${NUMERALS}]+$`);
export const PARTY_CONGRESS_LEFT = new RegExp(`中国共产党第[${NUMERALS}]+$|(?:党的|中共)?(?:二十|二|十)?$`);
export const PARTY_CONGRESS =
  /^(?:中国共产党第[一二三四五六七八九十]+次全国代表大会|(?:党的|中共)?(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大)$/;
export const POLITBURO_LEFT = /(?:中央全面|中央)$/;
/** The whole country, province, city, district or county, right before 干部大会 (全县干部大会). */
export const WHOLE_AREA_LEFT = /(?:全国|全省|全市|全区|全县)$/;
/** What names a meeting before its head: 中央经济工作会议, 全省…视频会, (召开)科学家座谈会. */
export const NAMED_MEETING_LEFT = new RegExp(
  `(?:中央[${CJK}]{2,6}(?=$)|(?:全国|全省|全市|全区|全县)${NAME_CHAR}{2,14}$|(?:召开|出席|举行)了?(?:一个|这次)?(?<convened>${NAME_CHAR}{2,10})$` +
    // The organ whose meeting it is: 县委常委会会议, 县政府常务会议, 县委理论学习中心组学习会.
    `|(?:省委|市委|县委|区委|州委|党委|党组|省政府|市政府|县政府|区政府|人民政府|国务院)(?:理论学习)?$)`,
);

/**
 * The lexicon as two tries (terms starting with a numeral, and the rest), read by program.lexicon and
 * formulation.lexicon (shared scans). Quoted-only terms are not here: the quote rules look them up.
 */
export const BARE_TERMS = LEXICON.filter((e) => !e.quotedOnly).map((e) => e.term);
export const NUMERAL_INITIAL = new RegExp(`^[${NUMERALS}两]`);
export const LEXICON_TERMS = [
  new RegExp(`(?<lex>${trieRegexSource(BARE_TERMS.filter((t) => NUMERAL_INITIAL.test(t)))})`, 'g'),
  new RegExp(`(?<lex>${trieRegexSource(BARE_TERMS.filter((t) => !NUMERAL_INITIAL.test(t)))})`, 'g'),
];
export const NUMBERED_PROGRAMS = new RegExp(
  `(?<numProgram>[两三四五六七八九十][大项](?:攻坚战|专项行动|行动|工程|战略|活动)(?![${HEAD_BLOCKERS}])|[${NUMERALS}两]个一批)`,
  'g',
);
export const NUMBERED_HEADS = new RegExp(
  `(?<numHead>[两三四五六七八九十]个(?:维护|确立|意识|自信|全面|代表|务必|必须|坚持|伟大|大局|结合|毫不动摇|一百年|区分开来|不摘|没有变))`,
  'g',
);
export const PROGRAM_HEAD_TERMS = new RegExp(`(?<head>(?:${PROGRAM_HEADS})(?![${HEAD_BLOCKERS}]))`, 'g');
export const AMOUNTS = new RegExp(
  `(?<amount>(?<digits>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?:多|余)?(?:${AMOUNT_MAGNITUDES.join('|')})?(?:多|余)?` +
    `(?<unit>${AMOUNT_UNITS.join('|')})` +
    `(?<qualifier>以上|以下|左右|以内|之内|内)?)`,
  'g',
);
