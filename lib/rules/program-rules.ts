/**
 * Program rules: named programs and campaigns (工程, 行动, 战略, 计划 …), quoted or not. Part of MENTION_RULES
 * (mention-rules.ts), in that order; examples and counter-examples are run by tests/unit/mentions.test.ts.
 */
import { GENERIC_NAME_START, GENERIC_PROGRAM_NAMES, GENERIC_SHORT_NAMES } from './mention-lexicon';
import { group, lexiconMatch, NAMED_LEFT, quotedProgram, stripLeadingVerbs, wholeIf } from './mention-predicates';
import type { MentionRule } from './mention-rules';
import { LEXICON_TERMS, NUMBERED_PROGRAMS, PROGRAM_HEAD_TERMS, QUOTED } from './mention-scans';

export const PROGRAM_RULES: readonly MentionRule[] = [
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
];
