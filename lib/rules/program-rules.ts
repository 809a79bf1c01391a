/**
 * Program rules: named programs and campaigns (工程, 行动, 战略, 计划 …), quoted or not. Part of MENTION_RULES
 * (mention-rules.ts), in that order; examples and counter-examples are run by tests/unit/mentions.test.ts.
 */
import {
  GENERIC_NAME_START,
  GENERIC_PROGRAM_NAMES,
  GENERIC_SHORT_NAMES,
  PROGRAM_HEADS,
  QUALIFYING_NAME_START,
} from './mention-lexicon';
import {
  afterLeftBoundary,
  group,
  lexiconMatch,
  LISTED_LEFT,
  NAMED_LEFT,
  SPECIFIC_HEAD,
  quotedProgram,
  stripLeadingVerbs,
  wholeIf,
} from './mention-predicates';
import type { MentionRule } from './mention-rules';
import { LEXICON_TERMS, NUMBERED_PROGRAMS, PROGRAM_HEAD_TERMS, QUOTED } from './mention-scans';

/**
 * A name listed without its own verb: 、…专项行动 (a head that only names programs), or any head when the list
 * item before it is a program too (实施新兴市场开拓计划、制造业抱团出海行动).
 */
function listedName(window: string, headTail: string): RegExpExecArray | null {
  const listed = LISTED_LEFT.exec(window);
  if (!listed) return null;
  if (SPECIFIC_HEAD.test(headTail)) return listed;
  const before = window.slice(0, listed.index);
  return PROGRAM_HEAD_BEFORE_SEPARATOR.test(before + window[listed.index]) ? listed : null;
}

const PROGRAM_HEAD_BEFORE_SEPARATOR = /(?:工程|行动|计划|战略|活动)”?[、和及]$/;

/** A program's head joined to the next name (乡村振兴战略和…): the name after it is a program of its own. */
const PROGRAM_THEN_AND = new RegExp(`(?:${PROGRAM_HEADS}|活动)”?[和与及]`, 'g');

/** The part of a would-be name after the last program it runs on from: 乡村振兴战略和|区域协调发展. */
function afterLastProgram(name: string): string {
  let from = 0;
  PROGRAM_THEN_AND.lastIndex = 0;
  for (let m = PROGRAM_THEN_AND.exec(name); m; m = PROGRAM_THEN_AND.exec(name)) from = m.index + m[0].length;
  return name.slice(from);
}

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
      '今年是全县⟦“作风建设提升年”⟧',
      '开展⟦“项目攻坚年”⟧',
      '加快⟦“海上福建”建设⟧，推进⟦“无废城市”建设⟧',
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
      '开设“道路与桥梁工程”专业群',
      '举办“中国航天日”主场活动',
      '“总书记有号令、党中央有部署，重庆见行动”',
      '迎来“丰收年”',
      '推进上海“五个中心”建设',
      '“2025年”是关键之年',
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
      zh: '动词（实施/开展/推进/提出…）后或项目列举中（、…提升行动、）的未加引号项目名：实施党员精准扶贫示范工程、优质企业对标提升行动、重点产业补链延链专项行动',
      en: 'Unquoted program names after 实施/开展/推进/提出…, or listed after 、 with a head that only names programs (…提升行动, …专项行动)',
    },
    pattern: PROGRAM_HEAD_TERMS,
    accept(m, text) {
      if (group(m, 'head') === undefined) return null;
      const window = text.slice(Math.max(0, m.index - 22), m.index);
      // After a verb (实施…工程), or — for heads that only name programs (…提升行动, …专项行动, …示范工程) — as an item
      // of a list of programs (、…专项行动、).
      const left = NAMED_LEFT.exec(window) ?? listedName(window, text.slice(m.index - 2, m.index + m[0].length));
      if (!left) return null;
      // The leftmost verb may be followed by another (深入推进实施…): the name starts after the last one.
      // The name starts after the last boundary word inside the window (我们要深入贯彻|三大攻坚战).
      const name = afterLastProgram(afterLeftBoundary(stripLeadingVerbs(left[1])));
      if (name.length < 2) return null;
      const end = m.index + m[0].length;
      const start = m.index - name.length;
      if (
        GENERIC_NAME_START.test(name) ||
        GENERIC_SHORT_NAMES.has(name) ||
        GENERIC_PROGRAM_NAMES.has(text.slice(start, end))
      ) {
        return null;
      }
      // 重点/国家/新一轮 + a real name is a name (重点产业补链延链专项行动); with little after it, a category (国家重大战略).
      const qualifier = QUALIFYING_NAME_START.exec(name);
      if (qualifier && name.length - qualifier[0].length < 4) return null;
      return { start, end };
    },
    examples: [
      '通过扎实实施⟦党员精准扶贫示范工程⟧，办好农民夜校',
      '一要扎实开展⟦街道社区党组织领导核心作用强化行动⟧。',
      '三要扎实开展⟦城市基层党组织服务功能增强行动⟧。',
      '坚定实施⟦扩大内需战略⟧',
      '打好⟦精准脱贫攻坚战⟧',
      '深入推进实施⟦乡村振兴战略⟧',
      '深入实施⟦优质企业对标提升行动⟧',
      '开展⟦重点产业补链延链专项行动⟧',
      '实施⟦新一轮农村公路提档升级行动⟧',
      '高质量完成⟦国有企业改革深化提升行动⟧',
      '组织实施⟦中小学教师能力提升三年行动⟧',
      '深入实施数字经济、⟦制造业数字化转型提升行动⟧、⟦中小企业梯度培育专项行动⟧',
      '深入实施⟦新兴市场开拓计划⟧、⟦制造业抱团出海行动⟧，',
      '深入实施⟦在外人才回归工程⟧',
      '开展⟦在线政务服务提升行动⟧',
      '开展⟦百名干部上门服务行动⟧',
      '推进⟦企业上云用数专项行动⟧',
      '同志们：我们要深入贯彻⟦三大攻坚战⟧',
      '、我们要扎实开展⟦重点产业补链延链专项行动⟧',
      '：要大力实施⟦农村人居环境整治提升行动⟧',
      '深入实施⟦创新驱动发展战略⟧、⟦乡村振兴战略⟧和⟦区域协调发展战略⟧',
    ],
    counterExamples: [
      '实施一批重大工程',
      '加快绿色崛起的基础工程',
      '坚定实施省、市委重大发展战略',
      '推进水利工程师队伍建设',
      '为了推动我国工程科学技术的发展',
      '加快推进人防工程建设',
      '打造一批标志性工程',
      '实施民生工程',
      '深入实施国家重大战略',
      '开展对标行动',
      '各部门、全社会共同行动',
      '大力推进、城市更新行动',
      '加快推进在建工程',
      '推进在全县开展行动',
      '同志们：我们要深入贯彻落实专项行动',
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
    examples: [
      '认真落实⟦“三会一课”⟧、谈心谈话等制度',
      '深入学习运用⟦“千万工程”⟧经验',
      '落实⟦三会一课⟧制度',
      '全面推行⟦河长制⟧、⟦林长制⟧',
      '实施产业⟦“链长制”⟧，落实农村公路⟦路长制⟧',
      '持续推进农村⟦“厕所革命”⟧',
    ],
    counterExamples: ['三会一次', '开展“互联网”宣传'],
  },
];
