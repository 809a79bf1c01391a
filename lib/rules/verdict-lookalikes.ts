/**
 * Look-alikes of a local speech in the same register, each recognised by a rule of its own (instead of being
 * left to the short-text penalty): coverage of a meeting (…出席会议并讲话, 据悉, 记者), notices and normative
 * notes (各有关单位：, 现将…通知如下), plans (实施方案, 工作要点), summaries and reports on one's own work
 * (工作总结, 汇报如下, 述职报告), study reflections (心得体会, 学习体会), open letters and 倡议书.
 *
 * They share cues with speeches (述职 opens with 各位领导、同志们：; a 倡议书 ends with 让我们…), so their weights
 * are larger than any one speech cue. Rules read normalised text (full-width punctuation, simplified script).
 */
import type { VerdictRule } from './verdict-types';

/** Genre words a document title ends with when it is not a speech. */
const NON_SPEECH_TITLE =
  '(?:工作总结|年终总结|总结|工作计划|计划|实施方案|工作方案|方案|工作要点|要点|行动计划|述职报告|述职述廉报告|述廉报告|调研报告|调查报告|' +
  '情况汇报|情况的汇报|情况报告|会议纪要|纪要|心得体会|学习体会|体会|研讨发言材料|发言材料|交流材料|倡议书|一封信|公开信|通知|通报|' +
  '决定|若干规定|规定|实施意见|指导意见)';

const TITLE_ZONE = 400;
const NON_SPEECH_TITLE_LINE = new RegExp(
  `(?:^|\\n)[ \\t　]*(?![一二三四五六七八九十\\d]+[、.．]|[（(]|第[一二三四五六七八九十]|[^\\n]*我)[^。！？，：\\n]{2,50}?${NON_SPEECH_TITLE}` +
    `(?:[（(][^）)\\n]{0,20}[）)])?[ \\t　]*(?=\\n)`,
);

/**
 * The same title glued to its body by the page (no line break): only the unmistakable genre words, and only when
 * what follows is how such a body starts (近期/按照/根据/各…单位/时间：/a year).
 */
const GLUED_NON_SPEECH_TITLE =
  /(?:^|\n)[ \t　]*[^。！？，：\n]{2,50}?(?:心得体会|学习体会|会议纪要|的通知|的决定|工作要点|述职报告|工作总结)(?=近期|近日|近段时间|按照|根据|为|经|各|时间：|今年|\d{4}年)/;

export const LOOKALIKE_RULES: readonly VerdictRule[] = [
  {
    id: 'doc.nonSpeechTitle',
    weight: -5,
    // A title line near the top (within the first 400 characters, so page chrome may precede it) that names
    // another genre; numbered lines (一、…基本总结) are headings, not titles. Brackets may follow: 行动计划（2024—2026年）.
    measure(ctx) {
      const zone = ctx.head.slice(0, TITLE_ZONE);
      const m = NON_SPEECH_TITLE_LINE.exec(zone) ?? GLUED_NON_SPEECH_TITLE.exec(zone);
      return m ? m[0].trim() : null;
    },
    description: {
      zh: '标题表明是总结、方案、述职、心得、纪要、通知或倡议书，不是讲话',
      en: 'The title names another genre (summary, plan, duty report, reflection, minutes, notice, open letter)',
    },
    examples: [
      '××镇2023年工作总结及2024年工作计划\n2023年，',
      '镇长个人述职述廉报告\n尊敬的各位领导、同志们：',
      '学习贯彻全会精神心得体会\n近期，',
      '全市优化营商环境三年行动计划（2024—2026年）\n为持续优化',
      '致全县广大农民朋友的一封信\n全县广大农民朋友们：',
      '县政府第28次常务会议纪要\n2024年',
      '学习全会精神心得体会近期，我认真学习了',
      '关于表彰先进集体和先进个人的决定各区县人民政府，市直有关单位：',
      '××镇党委会议纪要时间：2024年4月2日',
    ],
    counterExamples: [
      '在全县工作总结表彰大会上的讲话\n同志们：',
      '下面，我讲三点意见。\n一、总结经验\n',
      '这次会议的主要任务是总结去年工作。\n',
      '各位代表：\n一、过去五年的工作和十年的基本总结\n',
      '在全县工作总结表彰大会上的讲话同志们：',
      '认真贯彻关于加强安全生产的通知精神，',
    ],
  },
  {
    id: 'doc.reportingOwnWork',
    weight: -4,
    scope: 'head',
    // How summaries, duty reports, notices and study notes introduce their body: 现将…报告/汇报/总结/通知如下,
    // 请予评议, 特此通知, 制定本方案, 结合自身工作实际谈几点体会.
    pattern:
      /现(?:将|就)[^。！？\n]{0,40}?(?:报告|汇报|总结|通知|述职|说明)如下|述职如下|作如下述职|请予评议|特此(?:通知|报告|通报)|制定本(?:方案|计划|行动计划|规定|办法|细则|意见)|结合(?:自身|个人|本人)[^。！？\n]{0,12}实际[，]?(?:谈|说)|收获颇丰/,
    description: {
      zh: '以“现将…报告如下”“请予评议”“特此通知”“制定本方案”“深受教育”引出正文，是总结、述职、通知、方案或心得',
      en: 'Introduces a summary, duty report, notice, plan or study note (“现将…报告如下”, “请予评议”, “特此通知”)',
    },
    examples: [
      '现将上半年工作情况汇报如下：',
      '现将本人一年来履职情况报告如下，请予评议。',
      '特此通知。',
      '结合我县实际，制定本方案。',
      '结合自身工作实际，谈几点体会',
    ],
    counterExamples: [
      '下面，我讲三点意见。',
      '请大家认真抓好落实。',
      '现将会议精神传达给大家',
      '听了大家的发言，很受启发。',
    ],
  },
  {
    id: 'doc.addressees',
    weight: -4,
    scope: 'head',
    // The addressee line of a notice or letter: 各乡镇人民政府，县直各有关单位： · 各村（社区）、镇直各单位：
    pattern:
      /(?:^|\n)[ \t　]*各[^。！？\n]{0,30}?(?:单位|人民政府|部门|党委|党组|党组织|村（社区）|街道|区县|县区)[^。！？\n]{0,20}?：[ \t　]*(?=\n)|(?:^|\n)[^\n]{0,20}广大[^\n]{0,12}(?:朋友们|党员干部|干部群众|居民|市民|农民|企业家)[^\n]{0,4}：/,
    description: {
      zh: '有公文或公开信的主送对象（“各乡镇人民政府，县直各有关单位：”）',
      en: 'Addressed like a notice or open letter (“各乡镇人民政府，县直各有关单位：”)',
    },
    examples: [
      '各乡镇人民政府，县直各有关单位：\n经县政府研究',
      '全镇广大党员干部：\n当前',
      '各村（社区）、镇直各单位：\n为进一步',
    ],
    counterExamples: ['各乡镇、各部门要从讲政治的高度看待安全生产。', '同志们：\n今天'],
  },
  {
    id: 'doc.quotedSpeech',
    weight: -5,
    scope: 'head',
    // A speech told, not given: fiction (官场小说 chapters: 第96章, 加入书签, 下一章) and articles on how to write
    // speeches quote the speech's own cues inside quotation marks (“同志们，…”, “下面，我谈几点看法”). A real
    // speech quotes sayings and documents, not its own salutation or agenda.
    pattern:
      /“(?:同志们[，！：]|下面，我|今天召开|今天，我们)|(?:^|\n)[ \t　]*第[0-9一二三四五六七八九十百千]{1,5}章[ \t　]|加入书签|上一章|下一章|本站所有小说|章节目录/,
    description: {
      zh: '讲话被转述而非原文：小说章节或讲话稿写作文章，把称呼语、议程放在引号里',
      en: 'A speech told rather than given: fiction chapters or writing guides quote its salutation or agenda',
    },
    examples: [
      '第96章 新书记讲话\n他拿起话筒，说道：“同志们，今天我从县里赶回来”',
      '我写的是“下面，我谈几点看法”，领导改成了“下面，我提几点要求”。',
      '她目光一扫：“同志们，今天我们在这里隆重集会。”',
      '加入书签 上一章 目录 下一章',
    ],
    counterExamples: [
      '习近平总书记指出：“民族要复兴，乡村必振兴。”',
      '同志们：\n今天召开全县安全生产工作会议',
      '在第三章中，我们讨论了',
      '大家常说“同志们辛苦了”，这句话很暖心。',
    ],
  },
  {
    id: 'news.meetingCoverage',
    weight: -4,
    scope: 'head',
    // Third-person coverage of a meeting or an inspection: …出席会议并讲话, 主持召开…会议, 会议…召开 (headline),
    // 据悉, 陪同调研, named officials who 强调/指出/要求.
    pattern:
      /出席(?:会议|活动|仪式)?并(?:讲话|致辞|作[^。！？\n]{0,6}讲话)|主持召开[^。！？\n]{0,30}?会议|(?:^|\n)[^。！？\n]{2,40}(?:会议|大会|推进会|座谈会|部署会|动员会)(?:召开|举行)[ \t　]*(?=\n|$)|(?:^|\n)[^。！？，\n]{2,40}召开[^。！？，\n]{0,30}?会议?[ \t　]*(?=\n|$)|据悉|陪同(?:调研|视察|检查)|参加(?:会议|调研)[。]|(?:书记|县长|市长|区长|镇长|乡长|局长)(?!多次|反复|一再|曾|也|还|都|亲自|在|时|对|指|强|要)[\u4e00-\u9fff]{1,3}?(?:某某?|[XＸ×]{1,3})?(?:在讲话中)?(?:强调|指出|要求)[，：]|(?:某某?|[XＸ×]{2,3})(?:同志)?(?:在讲话中)?(?:强调|指出|要求)[，：]|他(?:在讲话中)?(?:指出|强调|要求)[，：]|会上[，]/,
    description: {
      zh: '以第三人称报道会议或调研（“出席会议并讲话”“据悉”“县长某某强调”）',
      en: 'Third-person coverage of a meeting or visit (“出席会议并讲话”, “据悉”, “the county head stressed”)',
    },
    examples: [
      '县委副书记、县长王某某出席会议并讲话。',
      '全县安全生产工作会议召开\n4月10日上午',
      '我镇召开党建工作推进会\n3月5日',
      '据悉，市长张某某12日主持召开市政府常务会议',
      '调研中，张某强调，重点项目是支撑',
      '县领导李某陪同调研。',
      '会上，三个村作了交流发言。',
    ],
    counterExamples: [
      '习近平总书记强调，要坚持以人民为中心。',
      '省委书记多次强调，要把安全生产放在首位。',
      '在全县党建工作会议上的讲话\n同志们：',
      '刚才，县长对今后工作进行了全面部署，我完全同意。',
      '今天召开全县安全生产工作会议，主要任务是',
    ],
  },
];
