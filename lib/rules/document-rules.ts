/**
 * Document rules: policy documents by title (《…》), by issuing number (县委办发〔2025〕12号), and the yearly
 * No. 1 documents named without either (中央一号文件). Part of MENTION_RULES (mention-rules.ts), in that order;
 * examples and counter-examples are run by tests/unit/mentions.test.ts.
 */
import { DOCUMENT_HEAD } from './mention-lexicon';
import { group } from './mention-predicates';
import type { MentionRule } from './mention-rules';
import { DOCUMENT_NUMBERS, NUMBER_ONE_DOCUMENTS, TITLED } from './mention-scans';

/**
 * An issuing number's issuer: an organ's abbreviation (国办, 县委办, 苏政办, 财农) and its kind (发, 函, 字, 电).
 * Spelled from the characters abbreviations use, so the verb before it (严格执行|国办发) stays out.
 */
const WHOLE_ISSUER = /[（(\s，、：:“]([\u4e00-\u9fff]{1,8})$/;
const ISSUER_LEFT =
  /[中国省市县区州乡镇委办政府党人大协纪监财农教卫健社保发改住建交水商文民公司法质技工信科统审环旅体广应急安林牧渔粮税医退役侨外京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]{1,7}(?:发|函|字|电)?$/;

export const DOCUMENT_RULES: readonly MentionRule[] = [
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
      '认真学习⟦《习近平著作选读》⟧和⟦《习近平新时代中国特色社会主义思想学习问答》⟧',
    ],
    counterExamples: [
      '近期播出的《阳光问廉》节目暴露出一些问题',
      '据《 人民日报 》报道',
      '《哪吒之魔童闹海》票房创新高',
    ],
  },
  {
    id: 'document.number',
    category: 'document',
    priority: 50,
    description: {
      zh: '发文字号：县委办发〔2025〕12号、国办发〔2024〕36号（括号写作〔〕[]【】（）都算）',
      en: 'Issuing numbers of documents: 县委办发〔2025〕12号, 国办发〔2024〕36号 (with 〔〕, [], 【】 or （） around the year)',
    },
    pattern: DOCUMENT_NUMBERS,
    accept(m, text) {
      const window = text.slice(Math.max(0, m.index - 10), m.index);
      // In brackets or after a stop the whole token is the issuer (（余府发〔2012〕3号）); in running text only its
      // abbreviation's characters are (严格执行|国办发).
      const issuer = WHOLE_ISSUER.exec(window)?.[1] ?? ISSUER_LEFT.exec(window)?.[0];
      if (!issuer) return null;
      return { start: m.index - issuer.length, end: m.index + m[0].length };
    },
    examples: [
      '《关于进一步加强农村集体“三资”管理的通知》（⟦县委办发〔2025〕12号⟧）',
      '严格执行⟦国办发〔2024〕36号⟧文件要求',
      '按照⟦省政发[2023]5号⟧文件',
      '管理办法》的通知\n（⟦余府发〔2012〕3号⟧）',
    ],
    counterExamples: ['〔2025〕12号', '2025年12号台风', '第〔3〕号'],
  },
  {
    id: 'document.numberOne',
    category: 'document',
    priority: 50,
    description: {
      zh: '一号文件：中央一号文件、省委一号文件、市委1号文件',
      en: 'The yearly No. 1 documents: 中央一号文件, 省委一号文件, 市委1号文件',
    },
    pattern: NUMBER_ONE_DOCUMENTS,
    examples: ['认真贯彻落实⟦中央一号文件⟧和⟦省委一号文件⟧精神', '⟦市委1号文件⟧明确提出'],
    counterExamples: ['这是一号文件柜', '一号工程'],
  },
];
