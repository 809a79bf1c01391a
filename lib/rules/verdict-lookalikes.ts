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
  '(?:工作总结|年终总结|总结|工作计划|计划|实施方案|工作方案|方案|工作要点|(?<!讲话|发言)要点|行动计划|述职报告|述职述廉报告|述廉报告|调研报告|调查报告|' +
  '情况汇报|情况的汇报|情况报告|会议纪要|纪要|心得体会|学习体会|体会|研讨发言材料|(?<!讲话|表态)发言材料|交流材料|倡议书|一封信|公开信|通知|通报|' +
  '决定|若干规定|规定|实施意见|指导意见|工作打算|工作思路)';

const TITLE_ZONE = 400;
// Template sites number the variants of one title (第一篇：…, …方案篇一, …（精选多篇）): still the title.
const NON_SPEECH_TITLE_LINE = new RegExp(
  `(?:^|\\n)[ \\t　]*(?:第[一二三四五六七八九十\\d]{1,3}篇[：:]?[ \\t　]*)?` +
    `(?![一二三四五六七八九十\\d]+[、.．]|[（(]|第[一二三四五六七八九十]|[^\\n]*我)[^。！？，：\\n]{2,50}?${NON_SPEECH_TITLE}` +
    `(?:篇[一二三四五六七八九十\\d]{1,2})?(?:[（(][^）)\\n]{0,20}[）)])?[ \\t　]*(?=\\n)`,
);

/**
 * The same title glued to its body by the page (no line break): only the unmistakable genre words, and only when
 * what follows is how such a body starts (近期/按照/根据/各…单位/时间：/a year).
 */
const GLUED_NON_SPEECH_TITLE = new RegExp(
  String.raw`(?:^|\n)[ \t　]*(?:第[一二三四五六七八九十\d]{1,3}篇：?)?(?:` +
    String.raw`[^。！？，：\n]{2,50}?(?:心得体会|学习体会|会议纪要|的通知|的决定|工作要点|述职报告|工作总结)` +
    // the page's own chrome glued on: 心得体会来源：机关党委 · 工作总结发布时间：
    String.raw`(?=近期|近日|近段时间|按照|根据|为|经|各|时间：|今年|\d{4}年|来源：|发布(?:时间|日期)|作者：)` +
    // 学习…讲话精神的体会 is a reflection's title whatever follows it
    String.raw`|学习[^。！？，：\n]{2,40}?精神的?(?:心得体会|体会|感受|心得))`,
);

/** The genre as the title's label before a colon: 心得体会：学习…讲话 · 工作总结：… · 读后感：… */
const LABELLED_NON_SPEECH_TITLE =
  /(?:^|\n)[ \t　]*(?:心得体会|学习体会|学习心得|读后感|观后感|工作总结|述职报告|会议纪要|调研报告)[：:]/;

export const LOOKALIKE_RULES: readonly VerdictRule[] = [
  {
    id: 'doc.nonSpeechTitle',
    weight: -5,
    // A title line near the top (within the first 400 characters, so page chrome may precede it) that names
    // another genre; numbered lines (一、…基本总结) are headings, not titles. Brackets may follow: 行动计划（2024—2026年）.
    measure(ctx) {
      const zone = ctx.head.slice(0, TITLE_ZONE);
      const m =
        NON_SPEECH_TITLE_LINE.exec(zone) ?? GLUED_NON_SPEECH_TITLE.exec(zone) ?? LABELLED_NON_SPEECH_TITLE.exec(zone);
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
      '延安学习心得体会来源:机关党委',
      '第一篇:学习县委书记调研讲话精神的体会县委书记在调研时发表的重要讲话',
      '乡镇上半年工作情况总结及下半年工作打算\n\n时间:2022-05-16',
      '第一篇:乡镇上半年宣传思想工作总结及下半年工作思路\n一、上半年工作回顾',
      '乡镇创建实施方案篇一\n为贯彻落实上级要求',
      '鄉鎮上半年宣傳思想工作總結及下半年工作思路(精選多篇)\n',
      '第一篇:学习县委书记调研讲话精神的体会\n县委书记在调研时发表的重要讲话',
      '心得体会：学习县委书记在全县作风建设大会上的讲话\n近日，',
    ],
    counterExamples: [
      '在全县工作总结表彰大会上的讲话\n同志们：',
      '下面，我讲三点意见。\n一、总结经验\n',
      '这次会议的主要任务是总结去年工作。\n',
      '各位代表：\n一、过去五年的工作和十年的基本总结\n',
      '在全县工作总结表彰大会上的讲话同志们：',
      '下面，我谈谈学习全会精神的体会。',
      '认真贯彻关于加强安全生产的通知精神，',
      '2021\n年在实施乡村振兴战略领导小组会议上的讲话发言材料\n近段时间以来',
      '第一篇 在全市招商引资动员会议上的讲话\n同志们：',
      '在全县安全生产工作会议上的讲话要点\n一、',
      '在全县重点项目攻坚大会上的表态发言材料\n尊敬的各位领导',
    ],
  },
  {
    id: 'doc.reportingOwnWork',
    weight: -4,
    scope: 'head',
    // How summaries, duty reports, notices and study notes introduce their body: 现将…报告/汇报/总结/通知如下,
    // 请予评议, 特此通知, 制定本方案, 结合自身工作实际谈几点体会.
    pattern: new RegExp(
      '现(?:将|就)[^。！？\\n]{0,40}?(?:报告|汇报|总结|通知|述职|说明)如下|述职如下|作如下述职|请予评议|特此(?:通知|报告|通报)' +
        '|制定本(?:方案|计划|行动计划|规定|办法|细则|意见)|结合(?:自身|个人|本人)[^。！？\\n]{0,12}实际[，]?(?:谈|说)|收获颇丰' +
        // 下面将我镇上半年工作作一简要汇报 · 制订实施方案如下 · 特制定本计划 · 我有以下六点心得体会 · 略谈几点感受
        '|(?:下面|现)(?:将|就|把)[^。！？\\n]{0,40}?(?:作|做)(?:一|个)?(?:简要|简单)?(?:汇报|报告)' +
        // 下面，我向各位领导汇报一下一年来的工作 (a duty report without its title)
        '|向各位领导(?:简要|简单)?汇报(?:一下)?' +
        '|(?:制定|制订)[^。！？，\\n]{0,8}?(?:方案|计划|办法|细则)如下|特(?:制定|制订)本' +
        '|(?:我有|有以下|略谈|谈谈)[^。！？\\n]{0,6}?[几一二两三四五六七八九十\\d]点(?:心得体会|心得|体会|感受|感悟|收获)',
    ),
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
      '根据会议安排,下面将我镇上半年工作情况和下半年工作打算作一简要汇报。',
      '结合我镇实际,制订实施方案如下。',
      '结合我镇实际情况,特制定本目标工作计划。',
      '通過本次現場教學,我有以下六點心得體會:',
      '根据会议记录,略谈几点感受。',
      '下面,我向各位领导汇报一下一年来的工作,请批评指正。',
    ],
    counterExamples: [
      '下面，我讲三点意见。',
      '请大家认真抓好落实。',
      '现将会议精神传达给大家',
      '听了大家的发言，很受启发。',
      '下面，我就下一步工作作简要说明。',
      '各乡镇要制定本乡镇的实施方案。',
      '下面，我谈几点意见。',
      '各乡镇要及时向县委、县政府汇报工作进展。',
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
    pattern: new RegExp(
      '“(?:同志们[，！：]|下面，我|今天召开|今天，我们|尊敬的|各位领导)|(?:^|\\n)[ \\t　]*第[0-9一二三四五六七八九十百千]{1,5}章[ \\t　]' +
        '|加入书签|上一章|下一章|本站所有小说|章节目录' +
        // a narrator at the podium (fiction), and a guide's definition of the genre it teaches
        '|缓缓登台|清了清嗓子|轻咳(?:了)?[两一]声|目光(?:一扫|扫视全场)|小声议论' +
        '|写作(?:指导|要点|技巧)：|(?:主持词|讲话稿|发言稿|致辞|演讲稿)，?(?:是指|是|一般由)[^。！？\\n]{0,40}?(?:组成|使用的|所用的|应用文)' +
        '|(?:^|\\n)[^\\n]{0,20}?(?:讲话稿|发言稿|主持词)(?:怎么写|怎样写|如何写|的写法)',
    ),
    description: {
      zh: '讲话被转述而非原文：小说章节或讲话稿写作文章，把称呼语、议程放在引号里',
      en: 'A speech told rather than given: fiction chapters or writing guides quote its salutation or agenda',
    },
    examples: [
      '第96章 新书记讲话\n他拿起话筒，说道：“同志们，今天我从县里赶回来”',
      '我写的是“下面，我谈几点看法”，领导改成了“下面，我提几点要求”。',
      '她目光一扫：“同志们，今天我们在这里隆重集会。”',
      '加入书签 上一章 目录 下一章',
      '在众人的掌声中,姜某缓缓登台。\n“尊敬的各位领导,我是山庄村党支部书记。”',
      '会议主持词是会议主持人主持会议时使用的带有指挥性、引导性的讲话稿。\n写作指导:',
      '领导讲话稿,是指各级领导人在各种重要会议上讲话时所用的文稿。',
      '关于会议讲话稿怎么写参考\n时间:2021-08-31',
    ],
    counterExamples: [
      '习近平总书记指出：“民族要复兴，乡村必振兴。”',
      '同志们：\n今天召开全县安全生产工作会议',
      '在第三章中，我们讨论了',
      '大家常说“同志们辛苦了”，这句话很暖心。',
      '尊敬的各位领导、同志们：\n根据会议安排，我代表××镇作表态发言。',
      '主持词要简洁，讲话稿要有针对性。',
    ],
  },
  {
    id: 'doc.signOff',
    weight: -4,
    scope: 'tail',
    // Letters, 倡议书 and notices to residents, parents or owners end with the issuing body (and a date) on lines
    // of their own; a speech ends with its closing words or the site's footer, never with a signature.
    pattern: new RegExp(
      String.raw`\n[ \t　]*[^\n，。！？：、“”]{2,24}?(?:委员会|居委会|村委会|办公室|人民政府|服务中心|学校|小学|中学|幼儿园|公司|协会|指挥部|领导小组|党支部|工作组)` +
        String.raw`[ \t　]*(?:\n[ \t　]*(?:\d{4}|[〇零一二三四五六七八九]{4})年[^\n]{2,8}日)?[ \t　]*$`,
    ),
    description: {
      zh: '文末落款为发文单位（和日期），是书信、倡议书或通知',
      en: 'Signed at the end by the issuing body (and a date): a letter, appeal or notice',
    },
    examples: [
      '各位居民朋友：\n让我们携手行动起来，共建美好家园！\n某某社区居委会',
      '各位家长：\n祝孩子们度过一个安全的假期。\n某某小学\n2024年7月5日',
    ],
    counterExamples: [
      '同志们，让我们以更加务实的作风抓好落实！\n谢谢大家！',
      '在县委办公室的精心组织下，会议开得很成功。',
      '下一篇：在县教育局工作会议上的讲话\n本文来源于网络，仅供参考学习，如有侵权请联系删除。',
    ],
  },
  {
    id: 'doc.aboutSpeech',
    weight: -4,
    scope: 'head',
    // A page that describes a speech instead of giving it: document sites put an abstract above (or instead of)
    // the text — 该讲话…, 讲话通常强调…, 讲话内容涵盖…, 适用于…人员. A speech never calls itself 该讲话.
    pattern:
      /(?:该|此)(?:讲话|讲话稿|发言稿)|讲话(?:稿)?(?:通常|一般)(?:强调|包括|围绕|由)|讲话(?:稿)?(?:内容)?(?:涵盖|适用于)|讲话(?:稿)?(?:讲解|概述)了/,
    description: {
      zh: '描述一篇讲话（文库摘要：“该讲话…”“讲话内容涵盖…”），不是讲话原文',
      en: 'Describes a speech (a document site’s abstract: “the speech covers…”), not the speech itself',
    },
    examples: [
      '副镇长安全生产讲话讲解了安全生产的重要性和当前面临的问题。',
      '宣传思想工作会议讲话是各级党委召开的重要会议内容。讲话通常强调贯彻落实上级部署，讲话内容涵盖理论武装等方面。',
      '该讲话适用于乡镇一级的安全生产管理人员。',
    ],
    counterExamples: [
      '总书记的重要讲话，深刻阐述了新时代教育工作的方向。',
      '我今天的讲话主要围绕三个方面。',
      '刚才，县长的讲话讲得很好，我完全同意。',
    ],
  },
  {
    id: 'news.meetingCoverage',
    weight: -4,
    scope: 'head',
    // Third-person coverage of a meeting or an inspection: …出席会议并讲话, 主持召开…会议, 会议…召开 (headline),
    // 据悉, 陪同调研, named officials who 强调/指出/要求.
    pattern: new RegExp(
      String.raw`出席(?:会议|活动|仪式)?并(?:讲话|致辞|作[^。！？\n]{0,6}讲话)|主持召开[^。！？\n]{0,30}?会议|(?:^|\n)[^。！？\n]{2,40}(?:会议|大会|推进会|座谈会|部署会|动员会)(?:召开|举行)[ \t　]*(?=\n|$)|(?:^|\n)[^。！？，\n]{2,40}召开[^。！？，\n]{0,30}?会议?[ \t　]*(?=\n|$)|据悉|陪同(?:调研|视察|检查)|参加(?:会议|调研)[。]|(?:书记|县长|市长|区长|镇长|乡长|局长)(?!多次|反复|一再|曾|也|还|都|亲自|在|时|对|指|强|要)[\u4e00-\u9fff]{1,3}?(?:某某?|[XＸ×]{1,3})?(?:在讲话中)?(?:强调|指出|要求)[，：]|(?:某某?|[XＸ×]{2,3})(?:同志)?(?:在讲话中)?(?:强调|指出|要求)[，：]|他(?:在讲话中)?(?:指出|强调|要求)[，：]|会上[，]` +
        // 县委常委、组织部长范某主持会议。 · 10月21日下午，…动员会在县教育局五楼会议室召开
        `|(?<!我)主持会议(?:并讲话)?[。；]|\\d{1,2}月\\d{1,2}日[^。！？\\n]{0,40}?在[^。！？\\n]{2,24}?(?:会议室|会议中心|礼堂|报告厅)(?:隆重)?(?:召开|举行|举办|开课|开班)(?!了)`,
    ),
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
      '县委常委、组织部长范某主持会议。',
      '10月21日下午，市委巡察组工作动员会在县教育局五楼会议室召开。',
      '学院新一期党课于2023年5月23日在经管楼报告厅开课。',
    ],
    counterExamples: [
      '习近平总书记强调，要坚持以人民为中心。',
      '省委书记多次强调，要把安全生产放在首位。',
      '在全县党建工作会议上的讲话\n同志们：',
      '刚才，县长对今后工作进行了全面部署，我完全同意。',
      '今天召开全县安全生产工作会议，主要任务是',
      '受县委委托，由我主持会议。',
      '3月5日，县委在县会议中心召开了全县三级干部大会，对全年工作作了部署。',
      '今天我们在党校报告厅举行开班仪式。',
    ],
  },
];
