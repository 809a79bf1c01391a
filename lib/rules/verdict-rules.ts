/**
 * Verdict rules as data: each is one feature of "a policy speech or report" (positive weight) or of the
 * look-alikes the extension must stay quiet on (negative weight) — news about a meeting, letters, resolutions,
 * notices and normative documents, law texts, list/navigation pages. The score is a logistic function of the
 * summed weights of the features that fire (see verdict.ts), so no single feature decides alone.
 *
 * Each rule carries examples (texts on which it fires) and counter-examples (texts on which it must not),
 * which the tests run. Reasons shown to the user are the rule's description.
 */
import { countMatches, DATE, N, type VerdictRule } from './verdict-types';
import { LOOKALIKE_RULES } from './verdict-lookalikes';
import { CORROBORATION_RULE, SPEECH_CUE_RULES } from './verdict-speech-cues';

export { countMatches, type VerdictContext, type VerdictRule, type VerdictScope } from './verdict-types';

const DIRECTIVE = /要把|要坚持|必须|坚持|我们要|要加强|要深入|要进一步|要着力|要切实|要始终/g;
const FORMULATION_CATEGORIES = new Set(['formulation', 'program']);

/**
 * Starting logit. The four generic features (length +1, directive register +1, outline +0.5, formulation
 * density +0.5) add up to exactly 3, so they alone leave the score at 0.5, which is not enough (the verdict needs
 * more than 0.5): at least one cue specific to speeches and reports (title, salutation, the speaker's own words,
 * a source note) has to fire. Long normative documents and commentaries share the generic features.
 */
export const VERDICT_BIAS = -3;

export const VERDICT_RULES: readonly VerdictRule[] = [
  // Speech cue families (title, salutation, agenda, occasion, closing, endorsement) and the short-text rule.
  ...SPEECH_CUE_RULES,
  CORROBORATION_RULE,
  // Look-alikes in the same register: meeting coverage, notices, plans, summaries, 述职, reflections, letters.
  ...LOOKALIKE_RULES,
  // ---- Evidence FOR a speech or report -----------------------------------------------------------------
  {
    id: 'title.report',
    weight: 3,
    scope: 'head',
    genre: 'report',
    pattern: new RegExp(
      // With a year/place (2026年安徽省政府工作报告), or bare but followed by its occasion line — a bare
      // “政府工作报告” line on its own is usually a navigation link on a government portal.
      `(?:^|\\n|——)[ \\t　]*(?:\\d{4}年|[${N}]{4}年)[^\\n。，、]{0,14}?政府工作报告[ \\t　]*(?=$|——|[（(]|\\n(?![ \\t　]*[。，、]))` +
        `|(?:^|\\n)[ \\t　]*[^\\n。，、]{0,14}?政府工作报告[ \\t　]*\\n[ \\t　]*(?:——|[（(])[^\\n]{0,24}?在` +
        `|——[ \\t　]*在[^。\\n]{2,40}?(?:代表大会|会议)上的(?:工作)?报告` +
        // The other reports read to a congress: its standing committee's, the court's, the procuratorate's.
        `|(?:^|\\n)[ \\t　]*[^\\n。，、]{0,20}?(?:常务委员会|人大常委会|人民法院|人民检察院)工作报告[ \\t　]*\\n[ \\t　]*(?:——|[（(])[^\\n]{0,24}?在`,
    ),
    description: {
      zh: '标题为“政府工作报告”或“在…代表大会上的报告”',
      en: 'Title reads “Government Work Report” or “Report to the … Congress”',
    },
    examples: [
      '下载\n打印\n2026年安徽省政府工作报告\n——2026年2月5日在安徽省第十四届人民代表大会第四次会议上',
      '为全面建设社会主义现代化国家而团结奋斗\n——在中国共产党第二十次全国代表大会上的报告',
      '政府工作报告\n（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）',
      '某某县人民代表大会常务委员会工作报告\n——2026年1月9日在某某县第十八届人民代表大会第五次会议上',
      '从严治党\n——在中国共产党某某县第十五届纪律检查委员会第四次全体会议上的工作报告',
    ],
    counterExamples: [
      '省政府\n领导动态\n政府工作报告\n政府机构\n省长',
      '会议听取了县人民法院工作报告和县人民检察院工作报告。',
      '第十三届全国人民代表大会第五次会议关于政府工作报告的决议',
      '听取和审议了国务院总理李强所作的\n政府工作报告\n。会议充分肯定',
    ],
  },
  {
    id: 'title.delivered',
    weight: 2.5,
    scope: 'head',
    pattern: new RegExp(
      `(?:^|\\n|——|[（(])[ \\t　]*${DATE}在[^。！？\\n]{2,50}?(?:会议|大会|全会)上(?:的(?:讲话|报告))?[ \\t　]*(?=$|\\n|[）)])`,
    ),
    description: {
      zh: '标题下注明“某年某月某日在…会议上”（宣读的场合）',
      en: 'Subtitle “delivered on <date> at the … session”',
    },
    examples: [
      '——2026年1月26日在河南省第十四届人民代表大会第四次会议上\n',
      '政府工作报告\n（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）',
      '——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n',
    ],
    counterExamples: ['2026年1月26日在河南省第十四届人民代表大会第四次会议上，代表们热烈讨论'],
  },
  {
    id: 'source.speechNote',
    weight: 3,
    scope: 'tail',
    pattern: new RegExp(
      `这是[^。！？\\n]{0,40}?在[^。！？\\n]{2,60}?(?:上|时)的(?:讲话|致辞|演讲)` +
        `|[（(][^（）()。\\n]{0,24}?在[^（）()。\\n]{2,60}?(?:上|时)的(?:讲话|致辞|演讲)[）)]`,
    ),
    description: {
      zh: '文末注明出处“这是…在…上的讲话”',
      en: 'Source note at the end: “This is the speech given at …”',
    },
    examples: [
      '※这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。',
      '（2020年2月14日在中央全面深化改革委员会第十二次会议上的讲话）',
    ],
    counterExamples: ['他在会上的讲话引起了广泛关注。'],
  },
  {
    id: 'opening.report',
    weight: 2.5,
    scope: 'head',
    genre: 'report',
    pattern:
      /我(?:代表[^，。！？\n]{1,24}|受[^，。！？\n]{1,24}委托)[，,]?\s*向[^，。！？\n]{0,20}?(?:大会|全会)[，,]?\s*(?:作[^。！？\n]{0,8}报告|报告)/,
    description: {
      zh: '开头“我代表…向大会报告工作”',
      en: 'Opens with “On behalf of …, I report to this session”',
    },
    examples: [
      '现在，我代表国务院，向大会报告政府工作，请予审议',
      '现在，我代表第十九届中央委员会向大会作报告。',
      '现在，我代表国务院，向第五届全国人民代表大会作政府工作报告。',
      '现在，我受县人大常委会委托，向大会报告工作，请予审议。',
    ],
    counterExamples: ['我代表党中央，向大会的召开表示热烈的祝贺！'],
  },
  {
    id: 'register.directive',
    weight: 1,
    measure(ctx) {
      if (ctx.proseCjk < 1500) return null;
      const { count } = countMatches(DIRECTIVE, ctx.sample);
      const perThousand = (1000 * count) / ctx.proseCjk;
      return perThousand >= 1.2 ? `${count}处“要/必须/坚持”（每千字${perThousand.toFixed(1)}）` : null;
    },
    description: {
      zh: '通篇部署工作的语气（“要…”“必须…”“坚持…”）',
      en: 'Directive register throughout (“要…”, “必须…”, “坚持…”)',
    },
    examples: ['各级党组织要把抓基层打基础作为长远大计。我们要坚持问题导向，必须坚持人民至上。'.repeat(60)],
    counterExamples: ['苹果发布新iPhone，售价5499元起，配6种颜色，本周五开始预售。'.repeat(40)],
  },
  {
    id: 'length.substantial',
    weight: 1,
    measure: (ctx) => (ctx.proseCjk >= 2500 ? `正文${ctx.sampled ? '逾' : '约'}${ctx.proseCjk}字` : null),
    description: {
      zh: '正文篇幅长（讲话、报告通常数千字以上）',
      en: 'Long body text (speeches and reports run to thousands of characters)',
    },
    examples: ['同志们，我们要坚持问题导向，把工作抓实抓细。'.repeat(150)],
    counterExamples: ['来信收悉。祝你们学业进步！'],
  },
  {
    id: 'structure.outline',
    weight: 0.5,
    measure: (ctx) => (ctx.outline.length >= 3 ? `${ctx.outline.length}个层次标题` : null),
    description: { zh: '有成体系的层次标题（一、（一）第一，一是……）', en: 'Numbered outline (一、（一）第一，一是…)' },
    examples: ['一、总体要求\n要坚持稳中求进。\n二、主要任务\n要扩大内需。\n三、保障措施\n要加强组织领导。'],
    counterExamples: ['这是一段没有层次标题的文字。'],
  },
  {
    id: 'density.formulations',
    weight: 0.5,
    measure(ctx) {
      let n = 0;
      for (const m of ctx.mentions) if (FORMULATION_CATEGORIES.has(m.category)) n++;
      return n >= 3 && ctx.proseCjk >= 1500 && (1000 * n) / ctx.proseCjk >= 0.5 ? `${n}个提法/工程` : null;
    },
    description: { zh: '提法、工程名称较密集', en: 'Many formulations and named programs' },
    examples: [
      '统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，增强“四个意识”、坚定“四个自信”、做到“两个维护”。'.repeat(
        50,
      ),
    ],
    counterExamples: ['苹果发布新iPhone，售价5499元起。'.repeat(100)],
  },

  // ---- Evidence AGAINST: look-alikes ------------------------------------------------------------------
  {
    id: 'letter',
    weight: -4,
    scope: 'head',
    pattern:
      // A letter's headline (习近平给…回信) is a line of its own; a report that mentions 给…村民回信 mid-sentence is not one.
      /(?:^|\n)[ \t　]*(?:回信|贺信|贺电|致信|复信|慰问信|感谢信)|来信(?:收悉|收到了|收到)|(?:回信|贺信|贺电)全文如下|(?:^|\n)[^。！？\n]{0,40}?给[^。！？\n]{2,40}?(?:回信|致信|复信|致贺信)[ \t　]*(?=\n|$)/,
    description: { zh: '是书信（回信、贺信）', en: 'A letter (reply or congratulatory letter)' },
    examples: [
      '回信北京科技大学全体巴基斯坦留学生：你们好！来信收悉。',
      '贺信值此哈尔滨工业大学建校100周年之际',
      '习近平1月18日给“硬骨头六连”全体官兵回信',
    ],
    counterExamples: [
      '同志们：今天我们召开会议。',
      '要认真处理群众来信来访。',
      '2025年，习近平总书记给我省下党乡村民回信，极大鼓舞了全省干部群众。',
    ],
  },
  {
    id: 'news.dateline',
    weight: -3,
    scope: 'front',
    // A dateline in parentheses at the end credits a reprinted speech — “（新华社北京11月21日电）” — not news.
    pattern:
      /(?<![（(])(?:新华社|中新社|中新网|人民网|央视网|本报)[^。！？\n（）()]{0,12}?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日(?:电|讯)(?![）)])|本报讯|[（(]记者[^）)]{1,20}[）)]/,
    description: {
      zh: '以新闻电头开篇（“新华社北京…电”），是新闻报道',
      en: 'Opens with a news dateline (“Xinhua, Beijing, … —”): a news report',
    },
    examples: ['新华社北京1月19日电 中共中央总书记习近平', '本报讯（记者 张三）日前，'],
    counterExamples: ['让我们携手努力！（新华社北京11月21日电）'],
  },
  {
    id: 'news.meetingReport',
    weight: -3,
    scope: 'sample',
    pattern: /(?:^|[。！？\n])[ \t　]*会议(?:强调|指出|要求|认为|号召|提出|决定|听取|审议|研究|部署)/,
    description: {
      zh: '以“会议强调/会议指出/会议要求”转述会议，是会议报道或决议',
      en: 'Reports a meeting in the third person (“会议强调…”, “会议要求…”)',
    },
    examples: [
      '会议强调，要坚持稳中求进。',
      '第十三届全国人民代表大会第一次会议听取和审议了政府工作报告。会议高度评价过去五年的成就。会议号召，全国各族人民',
    ],
    counterExamples: ['中央经济工作会议强调，要坚持稳中求进。', '这次会议要求很明确。'],
  },
  {
    id: 'news.thirdPerson',
    weight: -2,
    scope: 'sample',
    pattern: /(?:他|她|习近平|文章)(?:在[^。！？\n]{0,30}?)?中?(?:指出|强调|表示)[，：]/,
    description: {
      zh: '以第三人称转述讲话人（“习近平指出”“他强调”），是报道而非讲话原文',
      en: 'Reports the speaker in the third person (“习近平指出”, “他强调”)',
    },
    examples: [
      '习近平指出，各地区各部门要总结脱贫攻坚经验。',
      '他强调，淮河是新中国成立后第一条全面系统治理的大河。',
      '习近平在文章中指出，这次全会通过的决定',
    ],
    counterExamples: ['习近平总书记强调，要坚持以人民为中心。', '我们要坚持以人民为中心。'],
  },
  {
    id: 'resolution',
    weight: -4,
    scope: 'head',
    pattern:
      /的决议[ \t　]*(?:$|\n|[（(])|决定批准(?:这个|该)报告|[（(][^（）()\n]{0,40}?(?:会议|委员会)(?:审议)?通过[）)]|(?:^|\n)[ \t　]*第[一二三四五六七八九十]+届[^。\n]{0,30}?会议(?:听取|审议)/,
    description: { zh: '是决议（“…的决议”“决定批准这个报告”）', en: 'A resolution (“…的决议”, “决定批准这个报告”)' },
    examples: [
      '关于政府工作报告的决议\n（2022年3月11日第十三届全国人民代表大会第五次会议通过）',
      '同意报告提出的目标任务，决定批准这个报告。',
    ],
    counterExamples: ['根据第六届全国人民代表大会第一次会议的决议，各级政府'],
  },
  {
    id: 'normative',
    weight: -3,
    scope: 'head',
    pattern:
      // A document number on a line of its own heads a notice; cited in a sentence (《…意见》（县委办发〔2025〕12号）), it
      // is a speech quoting its sources.
      /(?:^|\n)[ \t　（(]*[^\n。，；]{0,12}〔\d{4}〕\d+号[）)]?[ \t　]*(?=\n|$)|现予印发|请认真(?:遵照)?(?:贯彻)?执行|特此(?:通知|公告|通告)|本(?:办法|规定|细则|条例)自[^。\n]{0,20}起施行|(?:^|\n)[^\n。]{0,60}关于[^\n。]{2,60}?的(?:通知|公告|通告|批复|实施意见)[ \t　]*(?:\n|$)/,
    description: {
      zh: '是通知、公告或规范性文件（文号〔2012〕3号、“现予印发”“特此通知”）',
      en: 'A notice or normative document (document number, “现予印发”, “特此通知”)',
    },
    examples: [
      '新余市人民政府办公室关于印发《新余市绿色建筑管理办法》的通知\n（余府发〔2012〕3号）',
      '现将有关事项通知如下。特此通知。',
    ],
    counterExamples: [
      '要认真落实党中央关于加强基层治理的部署。',
      '要认真落实《关于进一步加强安全生产工作的意见》（县委办发〔2025〕12号），深入开展隐患排查。',
    ],
  },
  {
    id: 'law.articles',
    weight: -3,
    measure(ctx) {
      const chapters = countMatches(/第[一二三四五六七八九十]+章[ \t　]*总则/g, ctx.sample, 1).count;
      const articles = countMatches(/(?:^|[\n\s　])第[一二三四五六七八九十百零]+条[\s　]/g, ctx.sample, 5).count;
      if (chapters > 0) return '第一章 总则';
      return articles >= 5 ? '逐条编号（第一条、第二条……）' : null;
    },
    description: {
      zh: '按“第一章 总则”“第一条、第二条”逐条编排，是法律法规或规章',
      en: 'Organised in chapters and articles (第一章 总则, 第一条…): a law or regulation',
    },
    examples: ['第一章　总则\n第一条　为了推进全面依法治国，制定本法。\n第二条　坚持中国共产党对国家监察工作的领导。'],
    counterExamples: ['我们对世界大战的态度是：“第一条，反对；第二条，不怕”。'],
  },
  {
    id: 'press.conference',
    weight: -2,
    scope: 'head',
    // The press conference as the page's subject (a headline line, 答记者问, Q/A turns) — not a report that dates
    // an event by one (以…新闻发布会为标志).
    pattern:
      /(?:^|\n)[^。！？，\n]{0,60}新闻发布会[^。！？，\n]{0,10}(?=\n|$)|答记者问|(?:^|\n)[ \t　]*(?:记者|问)[：:]/,
    description: { zh: '是新闻发布会或答记者问', en: 'A press conference or Q&A' },
    examples: ['天宫一号与神舟九号载人交会对接任务第二场新闻发布会', '\n记者：请问发言人'],
    counterExamples: ['要加强新闻宣传工作。', '以2015年3月的国新办新闻发布会为标志，改革进入新阶段。'],
  },
  {
    id: 'article.byline',
    weight: -1.5,
    scope: 'sample',
    pattern:
      /[（(]作者[：:][^）)\n]{1,40}[）)]|编者按[：:]|内容摘要[：:]|(?:^|\n)[ \t　]*(?:文|作者|执笔)[／/|｜：:](?!佚名|匿名|不详)[^\n]{1,20}(?:\n|$)|【文\/|笔者(?:认为|深感|通过|以为|在|的)/,
    description: {
      zh: '署名评论或文章（“作者：…”“编者按”“笔者认为”）',
      en: 'A signed commentary or article (“作者：…”, editor’s note)',
    },
    examples: [
      '(作者：方敏北京大学经济学院教授)',
      '编者按：突如其来的新冠肺炎疫情',
      '笔者通过电视电话会议，聆听了重要讲话。',
    ],
    // 作者：佚名 is a template site's chrome over any text, not a signed article
    counterExamples: ['这部作品的作者是一位老党员。', '执笔的同志很辛苦。', '作者：佚名 阅读：1265\n'],
  },
  {
    id: 'page.mostlyLinks',
    weight: -2,
    measure: (ctx) =>
      ctx.proseCjk < 400 && ctx.shortLines >= 20 ? `正文仅约${ctx.proseCjk}字，${ctx.shortLines}行短链接/菜单` : null,
    description: {
      zh: '页面主要是链接、菜单或列表，正文很少',
      en: 'The page is mostly links, menus or a list, with little running text',
    },
    examples: [Array.from({ length: 30 }, (_, i) => `2020-07-0${i % 9} 基金公告${i}`).join('\n')],
    counterExamples: ['同志们，我们要坚持问题导向，把工作抓实抓细。'.repeat(40)],
  },
  {
    id: 'length.short',
    weight: -1.5,
    measure: (ctx) => (ctx.proseCjk < 1200 ? `正文仅约${ctx.proseCjk}字` : null),
    description: { zh: '正文很短（不像完整的讲话或报告）', en: 'Very short body text (not a full speech or report)' },
    examples: ['来信收悉。祝你们学业进步！'],
    counterExamples: ['同志们，我们要坚持问题导向，把工作抓实抓细。'.repeat(150)],
  },
];
