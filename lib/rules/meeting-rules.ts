/**
 * Meeting rules: party congresses and plenums, people's congress and CPPCC sessions, named meetings (中央经济工作会议,
 * 全县三级干部大会) and an organ's numbered sittings (县政府第28次常务会议). Part of MENTION_RULES (mention-rules.ts),
 * in that order; examples and counter-examples are run by tests/unit/mentions.test.ts.
 */
import { group, widenLeft } from './mention-predicates';
import type { MentionRule } from './mention-rules';
import {
  CONGRESS_LEFT,
  LOCAL_CONGRESSES,
  LOCAL_CONGRESS_LEFT,
  NAMED_MEETINGS,
  NAMED_MEETING_LEFT,
  WHOLE_AREA_LEFT,
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
  SESSIONS,
} from './mention-scans';

export const MEETING_RULES: readonly MentionRule[] = [
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
];
