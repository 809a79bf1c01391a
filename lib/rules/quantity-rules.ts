/**
 * Quantities: forward-looking targets (增长5%左右, 到2027年达到…) and past results (比上年增长6.5%, 完成…). One scan
 * finds the amounts; quantity-tense.ts decides which is which. `result` is off by default in the reading view.
 * Part of MENTION_RULES (mention-rules.ts); examples and counter-examples are run by tests/unit/mentions.test.ts.
 */
import { group, widenLeft } from './mention-predicates';
import type { MentionRule, MentionSpan } from './mention-rules';
import { AMOUNTS, TARGET_LICENSE_LEFT, TARGET_VERB_LEFT } from './mention-scans';
import { type QuantityTense, quantityTense } from './quantity-tense';

/** The amount with its comparative (增长5.5%, 不少于3人), or null when it is a date, an ordinal or a bare count. */
function quantitySpan(m: RegExpExecArray, text: string): MentionSpan | null {
  const amount = group(m, 'amount');
  if (amount === undefined) return null;
  const digits = group(m, 'digits') ?? '';
  const unit = group(m, 'unit') ?? '';
  const qualifier = group(m, 'qualifier');
  // An ordinal (第3名), the tail of a longer number or date, or a name in quotes (“30条”, “3个100万”): no amount.
  if (/[第0-9０-９.．\-—/:：“]/.test(text[m.index - 1] ?? '')) return null;
  const start = widenLeft(text, m.index, TARGET_VERB_LEFT);
  const span = { start, end: m.index + amount.length };
  // 人大3次会议, 3期工程: a session's or a phase's number, not a count of meetings or phases.
  if (
    (unit === '次' || unit === '期') &&
    /^(?:会议|全会|全体会议|代表大会|工程|项目)/.test(text.slice(span.end, span.end + 4))
  )
    return null;
  const licensed = start < m.index || TARGET_LICENSE_LEFT.test(text.slice(Math.max(0, m.index - 16), m.index));
  if (/^(?:元|美元|%|％|个百分点)$/.test(unit)) return span;
  if (/^(?:年|个月|天)$/.test(unit)) {
    if (!qualifier?.includes('内')) return null;
    if (unit === '年' && digits.length > 2) return null; // 2020年内 is a date, not a time limit
    return span;
  }
  return licensed || qualifier ? span : null;
}

interface Classified {
  span: MentionSpan | null;
  tense?: QuantityTense;
}
/**
 * Span and tense per amount match. The target and result rules share the AMOUNTS scan, so they see the same match
 * objects: the second rule reads the first one's answer instead of classifying every amount again. A plain Map
 * (a WeakMap's entries cost the collector), emptied when the text changes or grows past a bound; the latest text
 * is kept so the next calls compare by reference.
 */
const classified = new Map<RegExpExecArray, Classified>();
let classifiedText: string | undefined;
const CLASSIFIED_MAX = 4096;

function classify(m: RegExpExecArray, text: string): Classified {
  if (text !== classifiedText || classified.size >= CLASSIFIED_MAX) classified.clear();
  classifiedText = text;
  const known = classified.get(m);
  if (known) return known;
  const span = quantitySpan(m, text);
  const answer: Classified = { span, tense: span ? quantityTense(text, span.start, span.end) : undefined };
  classified.set(m, answer);
  return answer;
}

export const QUANTITY_RULES: readonly MentionRule[] = [
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
      const { span, tense } = classify(m, text);
      return tense === 'target' ? span : null;
    },
    examples: [
      '实现全市⟦3年内⟧培养储备⟦5000名以上⟧村级后备干部',
      '国内生产总值⟦增长5%左右⟧',
      '确保每个村动态储备村级后备干部⟦2名以上⟧',
      '要落实常住人口在5000人以上增配⟦1名⟧专职副书记的要求',
      '社区专职工作者⟦不少于3人⟧',
      '今年新建高标准农田⟦12万亩⟧',
      '明年全年实施重点项目⟦150个⟧',
      '把城镇调查失业率⟦控制在5.5%左右⟧',
      '三、全力抓好明年各项工作\n（一）狠抓项目建设。全年实施重点项目⟦60个以上⟧，完成投资⟦40亿元⟧。',
    ],
    counterExamples: [
      '2025年3月5日',
      '第3名',
      '1月7日，我主持召开',
      '经过14年不屈不挠的浴血奋战',
      '成立75周年',
      '全县有行政村120个',
      '建设中的项目有30个',
      '召开县十五届人大3次会议',
      '开工建设3期工程',
      '会议共有12条意见',
      '以解决三个1亿人问题为着力点',
      '制定实施经济向上向好“30条”，以新一轮“3个100万”为抓手',
    ],
  },
  {
    id: 'result.quantity',
    category: 'result',
    priority: 10,
    description: {
      zh: '已取得的结果：比上年增长6.5%、完成投资2.9亿元、回顾部分中的数字（与“指标”分开，默认不显示）',
      en: 'Past results: 比上年增长6.5%, numbers in the review part of a report (kept apart from targets; off by default)',
    },
    pattern: AMOUNTS,
    accept(m, text) {
      const { span, tense } = classify(m, text);
      return tense === 'result' ? span : null;
    },
    examples: [
      '全省生产总值比上年⟦增长6.5%⟧',
      '一、2025年工作回顾\n全年完成固定资产投资⟦2.9亿元⟧。',
      '五年来，城镇新增就业人数累计⟦超过120万人⟧',
      '社会消费品零售总额同比⟦增长4.2%⟧',
      '近年来，我市深入推进改革，市场主体总量⟦突破45万户⟧',
      '今年以来，全县完成固定资产投资⟦28.6亿元⟧',
      '党的十八大以来，全省农村居民人均可支配收入⟦年均增长8.1%⟧',
      '过去五年，全县地区生产总值由2020年的⟦186亿元⟧增加到2025年的⟦265亿元⟧',
      '一、2025年工作回顾\n培育未来工厂⟦10家⟧，建成智能工厂⟦15个⟧',
      '今年以来，全县上下真抓实干。我们新建高标准农田⟦5.2万亩⟧，实施重点项目⟦86个⟧。',
      '过去一年，全县纪检监察机关共处置问题线索⟦860件⟧，立案⟦420件⟧，给予党纪政务处分⟦398人⟧。',
      '一、2025年工作回顾\n全年共收到提案⟦186件⟧，组织委员开展视察调研⟦21次⟧，报送调研报告⟦14篇⟧。',
      '近年来，全市累计化解信访积案⟦35件⟧，查处违纪案件⟦12起⟧，举办培训班⟦8期⟧。',
      '一年来，全县新改建农村公路⟦180公里⟧，改扩建学校⟦12所⟧。',
      '2024年，全县共发生生产安全事故⟦12起⟧，死亡⟦5人⟧，同比分别⟦下降20%⟧和16.7%。',
      '过去一年，建成“四好农村路”⟦1200公里⟧，新增专精特新“小巨人”企业⟦15家⟧。',
      '去年，全省开展农产品定量抽检⟦2.3万批次⟧，举办促消费活动⟦1.6万场次⟧。',
      '某某是中国名茶之乡，全市茶园面积⟦达到45万亩⟧，茶叶综合产值⟦突破200亿元⟧。',
      '近几年全市仅阵地建设投入就达⟦2.9亿元⟧，硬件条件明显改善',
      '目前，全省贫困发生率仍在⟦3%以上⟧',
      '全县主要农作物播种面积⟦达到52万亩⟧，重要农产品产量稳定',
      '一、客观看待今年经济发展成绩\n全县新增城镇就业⟦3200人⟧。',
      '一、充分肯定成绩，坚定发展信心\n全年新建改建农村公路⟦120公里⟧。',
      '一、今年以来全县经济运行情况\n规模以上工业企业⟦新增18家⟧。',
    ],
    counterExamples: [
      '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右',
      '力争到2027年达到1000亿元',
      '2025年3月5日',
      '今年全县固定资产投资要增长8%以上',
      '同志们，明年全市要新建高标准农田5万亩，将建成5G基站1200个',
      '社区专职工作者不少于3人',
      '二、推动乡村振兴取得新成效\n新建高标准农田5万亩',
      '二、突出重点，推动乡村振兴取得新成效\n全年新建高标准农田5万亩',
      '三、奋力争创更好成绩\n全年新增城镇就业3000人以上',
      '今年以来，全县经济稳中向好。明年要力争新增就业3000人',
    ],
  },
];
