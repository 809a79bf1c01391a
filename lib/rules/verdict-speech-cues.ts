/**
 * Speech cues as families, written from the genre (county, city, district and town speeches, 讲话稿, 发言,
 * 党课, as template and document sites serve them) rather than from any one file. Rules read normalised
 * text (normalize.ts): punctuation in Chinese text is full-width, script is simplified, dashes are ——.
 *
 * Six independent families: title/byline, salutation, agenda, occasion, closing, endorsement of earlier
 * speakers. Each rule is tagged with its family.
 *
 * THE SHORT-TEXT RULE. A page often shows only 200–1,300 characters of a speech, and the short-text penalty
 * (length.short, −1.5) then sinks one true cue — rightly: one cue alone (a title, or a `同志们：`) is also found
 * in news, 述职报告 and 倡议书. But two cues from DIFFERENT families (a salutation and an agenda, an occasion and
 * a closing…) are what a speech is made of, so on a short text they earn `cues.corroborated` (+2), which outweighs
 * the penalty: bias −3, short −1.5, corroboration +2 and any two cues (each ≥ 1.5) give a positive logit.
 * Look-alikes that share a cue (述职 opens with 各位领导、同志们：, 倡议书 ends with 让我们…) are rejected by
 * rules of their own (verdict-lookalikes.ts), not by the length penalty.
 */
import { TITLE_SPEECH, TITLE_SPEECH_LINE } from './verdict-speech-titles';
import { countMatches, type CueFamily, type VerdictContext, type VerdictRule } from './verdict-types';

const NUM = '(?:[一二两三四五六七八九十几]|\\d{1,2})';

export const SPEECH_CUE_RULES: readonly VerdictRule[] = [
  {
    id: 'title.speech',
    weight: 3,
    scope: 'head',
    cueFamily: 'title',
    pattern: TITLE_SPEECH,
    description: { zh: '标题为“在…会议上的讲话”', en: 'Title reads “Speech at … (meeting)”' },
    examples: [
      '2025年在全市基层党建工作现场推进会上的讲话\n同志们：',
      '在打好精准脱贫攻坚战座谈会上的讲话（2018年2月12日）习近平',
      '勠力战疫 共创未来——在二十国集团领导人第十五次峰会第一阶段会议上的讲话（2020年11月21日，北京）',
      '在全县三级干部大会上的总结讲话\n同志们：',
      '在全市招商引资观摩会上的点评讲话\n',
    ],
    counterExamples: [
      '深入学习贯彻习近平总书记在中央经济工作会议上的重要讲话精神',
      '习近平在座谈会上的讲话引起热烈反响',
      '心得体会：学习县委书记在全县作风建设大会上的讲话\n',
    ],
  },
  {
    id: 'title.speechLine',
    weight: 3,
    scope: 'head',
    cueFamily: 'title',
    // A line that starts with a speech title: 在…上的讲话(稿), 县长在…会上的发言, 务虚会区长讲话, XXX同志在…上的讲话,
    // 专题党课讲稿 — also when the page glued the body or junk straight on (…讲话文稿同志们：, …上的讲话春节刚过).
    // Same family as title.speech: only counts when that rule has not already credited the title.
    measure(ctx) {
      if (TITLE_SPEECH.test(ctx.head)) return null;
      const m = TITLE_SPEECH_LINE.exec(ctx.head);
      return m ? m[0].trim().slice(0, 40) : null;
    },
    description: {
      zh: '以讲话标题或讲话人署名开头（“县长在…会上的讲话稿”“党课讲稿”）',
      en: 'Opens with a speech title or speaker line (“County head at …: speech”, “Party lecture”)',
    },
    examples: [
      '在全县安全生产工作会议上的讲话稿\n同志们：',
      '区长在全区经济工作务虚会上的讲话稿',
      '全区经济工作务虚会区长讲话\n同志们',
      '张三同志在全镇三级干部大会上的发言',
      '在全县组织工作会议上的讲话文稿同志们：今天',
      '在全市春节团拜会上的讲话春节刚过，',
      '七一专题党课讲稿\n同志们：',
      '县长在全县招商引资推进会上的发言',
      '领导在重点镇建设专题会发言\n',
      '副书记在安全生产通报会讲话 县委决定今天召开',
      '在全县安全生产工作会议上的讲话要点\n',
      '在全县安全生产工作会议上的主持词\n同志们',
      '全县安全生产工作会议主持词\n同志们',
      '安全生产工作会议领导讲话稿2篇\n',
      '全县安全生产工作会议上讲话\n',
      '市长视察森林防火工作时的讲话\n',
      '创建全国文明城市动员大会上的讲话稿例文【通用10篇】\n',
      '县长讲话：在全县安全生产工作会议上\n',
      '张某某同志讲话：在全市经济运行调度会上\n',
      'XX县长讲话：在全县“三提三争”活动动员会上',
      '县委书记讲话：在全县招商引资百日攻坚动员大会上（精选）这次动员大会',
      '关于加强干部作风建设的讲话\n同志们：',
      '县长讲话在全县安全生产工作会议上\n',
      '关于全县经济工作的讲话提纲\n一、',
    ],
    counterExamples: [
      '深入学习贯彻县委书记在全县经济工作会议上的讲话精神',
      '县长在会上的讲话中指出，要抓好安全生产。',
      '张三同志在全镇大会上的讲话引起热烈反响',
      '各地要认真学习书记讲话要求',
      '会议传达了市委书记讲话',
      '认真学习县委书记在全县经济工作会议上的讲话，',
      '\n深入学习贯彻张三同志在全镇大会上的讲话\n',
      '\n传达全县安全生产工作会议讲话\n',
      '会议讲话\n',
      '县长：把安全生产摆在首位\n',
      '县委书记王某讲话：各级要切实抓好安全生产工作。\n',
      '县长讲话在全县干部大会上引起热烈反响\n',
      '区政府办公室关于印发区长在全区经济工作会议上讲话的通知\n',
      '关于学习贯彻县长讲话精神情况的报告\n',
      '关于全县防汛工作的讲话精神传达会召开\n',
    ],
  },
  {
    id: 'salutation',
    weight: 2.5,
    scope: 'sample',
    cueFamily: 'salutation',
    // The address form, after anything but running text: line start, punctuation, a title run into it (…讲话同志们),
    // a placeholder name (县长XX同志们：), 尊敬的 or a list of addressees (各位学员、同志们：).
    // `同志们：` with a colon is an address wherever it stands (a title glued on: …锤炼过硬作风同志们：).
    pattern:
      /同志们：|(?:^|\n)[ \t　]*(?:同志们|各位同志|各位代表)[ \t　]|(?:^|[^\u4e00-\u9fff]|讲话|发言|文稿|讲稿|报告|习近平|[XＸ×*＊某的、])(?:同志们|各位同志|各位代表|代表们|同胞们|朋友们|女士们[，、]先生们|各位来宾|各位同事|各位领导|各位学员|各位党员(?:同志)?|各位委员|各位企业家|老师们|同事们)(?:[，：！、]|[上下]午好|晚上好|大家好|好！)|(?:^|\n)[ \t　]*(?:尊敬的)?各位[^。！？，：\n]{1,16}?：/,
    description: {
      zh: '有讲话称呼语（“同志们：”“各位代表：”）',
      en: 'Addresses an audience (“同志们：”, “各位代表：”)',
    },
    examples: [
      '同志们：\n在党的十九大即将开幕',
      '各位代表：\n现在，我代表国务院',
      '同胞们，同志们，朋友们：今天',
      '同志们！党用伟大奋斗',
      '同志们下午好！',
      '各位学员、同志们：',
      '县长XX同志们：',
      '在全县大会上的讲话同志们：',
      '各位同志：今天我们',
      '同志們:今天',
      '专题党课讲稿：以严的基调锤炼过硬作风同志们：',
      '各位党员同志：\n大家好！',
      '同志们好！今天',
      '各位企业家朋友：',
      '尊敬的领导、各位专家、同事们：大家好！',
      '各位村（社区）书记、主任：\n今天',
    ],
    counterExamples: [
      '向奋战在一线的同志们致以问候',
      '亲爱的同学们：你们好！',
      '全县广大农民朋友们：',
      '各乡镇人民政府，县直各有关单位：',
      '请各位同志认真学习：',
    ],
  },
  {
    id: 'speaker.agenda',
    weight: 2,
    scope: 'sample',
    cueFamily: 'agenda',
    // 我讲四点意见 · 讲3个方面的意见 · 我提三点要求 · 我再强调几点意见 · 着重讲两个问题 · 表三点态 · 讲三句话.
    pattern: new RegExp(
      `我(?![们国省市县区镇乡党军])[^。！？\\n]{0,50}?(?:讲|谈|提|强调|说|交流)(?:一下)?了?[，、]?${NUM}(?:点|个(?:方面|问题)|方面|句话|条|个字)` +
        `|(?:讲|谈)${NUM}(?:点|个(?:方面|问题))(?:的)?(?:意见|要求|看法|希望|想法|问题)` +
        // 着重讲两个问题 · 讲以下几个问题 · 就做好下一步工作提几点希望
        `|(?:着重|重点|主要|先|再)(?:讲|谈)${NUM}个(?:问题|方面)|(?:讲|谈)以下${NUM}?个(?:问题|方面)` +
        `|就[^。！？\\n]{2,40}?提${NUM}点(?:希望|要求|意见)` +
        `|表${NUM}点态|受[^，。！？\\n]{2,16}委托，我(?:代表|就)` +
        `|(?:下面|接下来)[，\\s]?我(?:就|围绕|结合|再|先|着重|重点|简要|简单)?[^。！？\\n]{0,90}?(?:讲|谈)(?:几点|一些)` +
        // 提出以下几点意见 · 从四个方面作表态发言 · 与大家作个交流 (a lecture's agenda)
        `|(?:提出|讲|谈)以下${NUM}点|我[^。！？\\n]{0,20}?强调的是(?:以下)?${NUM}点|我[^。！？\\n]{0,20}?从${NUM}个?方面(?:作|讲|谈|提出)` +
        // 下面，我就全县信访工作进行安排部署 (the speaker's own deployment, announced like an agenda)
        `|(?:下面|接下来)[，\\s]?我就[^。！？\\n]{2,40}?(?:进行|作)(?:具体|全面)?(?:安排部署|部署|动员)` +
        `|我[^。！？\\n]{0,60}?(?:与|和|同)大家(?:一起)?(?:作个|作一个|作一次|做个|进行|作)(?:交流|探讨)`,
    ),
    description: {
      zh: '讲话人说明议程（“下面，我讲几点意见”）',
      en: 'The speaker announces the agenda (“下面，我讲几点意见”)',
    },
    examples: [
      '下面，我围绕深入贯彻中央和省、市委要求，就扎实推进基层党建工作讲几点意见。',
      '下面，我讲几点意见。',
      '受中央政治局委托，我就《建议》起草的有关情况向全会作说明。',
      '我讲四点意见',
      '讲3个方面的意见',
      '我提三点要求',
      '下面，我再强调几点意见',
      '我着重讲两个问题',
      '我先讲三点意见',
      '下面我讲三句话',
      '我就抓好教育系统党建工作表三点态',
      '下面,我讲三点意见',
      '下面，我就贯彻落实全国、全省和刚刚召开的全市安全生产电视电话会议精神，做好当前和今后一个时期的安全生产工作，再讲几点意见',
      '我结合自己的工作体会，对今后的工作提出以下几点意见和建议',
      '下面，我代表镇党委，从四个方面作表态发言',
      '今天，我结合学习体会，围绕这个题目，与大家作个交流。',
      '下面,我再强调的是以下六点:',
      '按照会议安排,下面我就全县信访工作进行安排部署,请大家抓好落实。',
      '着重讲两个问题',
      '下面讲以下几个问题',
      '就做好下一步工作提几点希望',
    ],
    counterExamples: [
      '他讲了一个故事。',
      '我们提出了三点建议',
      '会议提出三点要求后散会了',
      '我想把这次学习的收获与大家分享。',
      '我们从三个方面入手抓好落实',
      '会议强调以下三点要求',
      '根据会议安排，下面将我镇上半年工作作一简要汇报。',
      '他着重讲了两个问题',
      '会议就做好下一步工作提出了三点要求',
    ],
  },
  {
    id: 'speaker.occasion',
    weight: 2,
    scope: 'sample',
    cueFamily: 'occasion',
    pattern: new RegExp(
      '今天[，\\s]?(?:我们|把大家)?(?:在这里)?(?:隆重|专门|紧急|再次)?(?:召开|举行|举办|集会|召集)' +
        '|(?:这次|今天|本次)的?[^。！？，\\n]{0,16}?(?:会议|会|大会|培训班|党课)的?(?:主要)?(?:任务|目的|议程|主题)(?:是|有|就是)' +
        '|(?:刚才|方才|刚刚)[，\\s]?[^。！？\\n]{0,60}?(?:通报|发言|讲话|汇报|介绍|宣读|部署|观看|观摩|颁|表彰)' +
        '|(?:决定|研究)[^。！？\\n]{0,6}召开(?:这次|这个|今天的|的)|召开这(?:次|个)(?:会议|会|大会|推进会)|今天的?(?:会议|会)是' +
        '|借(?:此|开班的?|这个)机会，?我|今天[，\\s]?我(?:给大家|和大家|同大家|以)|(?:党课|我讲)的(?:题目|主题)是' +
        // 今天我们聚在一起召开… · 给大家上一堂党课 · 讲党课的要求 · 今天，我结合… · 今天隆重开幕 · 刚才听了…的致辞
        '|今天[，\\s]?我们[^。！？，\\n]{1,10}?(?:召开|举行|举办)|(?:给|为)大家(?:上|讲)(?:一堂|一次|一个)?(?:专题)?党课' +
        '|讲党课的要求|今天[，\\s]?(?:由)?我(?:结合|来给|就)|今天(?:胜利|隆重)开幕|正式开班了' +
        '|(?:刚才|方才)[，\\s]?(?:听了|[^。！？\\n]{0,40}?(?:致辞|传达了))' +
        // 会前，我们集体观看了警示教育片
        '|会前[，\\s]?我们[^。！？\\n]{0,12}?(?:观看|参观|学习|听取)',
    ),
    description: {
      zh: '讲话人说明会议场合（“今天召开…会议”“刚才，…通报了”）',
      en: 'The speaker refers to the occasion (“今天召开…”, “刚才，…通报了”)',
    },
    examples: [
      '今天，我们召开科学家座谈会',
      '刚才，7位代表作了很好的发言',
      '这次会议的主要任务是，分析当前形势',
      '今天召开全县安全生产工作会议',
      '方才，市公安局通报了事故情况',
      '经镇党委研究，决定今天召开这次会议',
      '今天我们召开的三级干部大会就是收心的大会',
      '借开班的机会，我和大家交流几点想法',
      '今天，我以“担当实干”为题，同大家一起学习交流。',
      '今天的会议是市政府决定召开的一次重要会议',
      '今天我们聚在一起召开全市干部大会',
      '按照支部的安排，今天由我来给大家上一堂党课',
      '按照领导干部带头讲党课的要求，今天，我结合近期学习体会',
      '中国共产党××镇第X次代表大会，今天隆重开幕了',
      '刚才听了书记的致辞，感到非常振奋',
      '会前，我们集体观看了警示教育片',
      '刚才，我们表彰了一批优秀教师和先进教育工作者',
    ],
    counterExamples: [
      '这次全会通过的决定',
      '今天，天气晴朗',
      '经县政府研究，决定召开全县防汛工作会议。',
      '会议召开前夕',
      '今天上午，县委召开常委会议',
      '全镇党员干部认真学习党课内容',
    ],
  },
  {
    id: 'speaker.closing',
    weight: 1.5,
    scope: 'tail',
    cueFamily: 'closing',
    pattern:
      /谢谢(?:大家|各位)|(?:^|[。！\n])同志们[，！ 　][^\n]{0,200}?(?:让我们|希望大家|我相信|我们一定)|我(?:今天)?就(?:讲|谈|说)(?:这些|这么多|到这里)|(?:以上|今天)讲的(?:几点|这些|意见)/,
    description: {
      zh: '讲话结尾的号召与致谢（“同志们，…让我们…”“谢谢大家！”）',
      en: 'A speech’s closing (“同志们，…让我们…”, “谢谢大家！”)',
    },
    examples: [
      '同志们，安全生产责任重于泰山。让我们以更加务实的作风抓好落实！\n谢谢大家！',
      '谢谢大家！',
      '我就讲这些，请大家抓好落实。',
      '以上讲的几点，供大家参考。',
    ],
    counterExamples: ['让我们携手行动起来，共同守护蓝天白云！', '感谢大家的支持。', '以上意见，请认真贯彻执行。'],
  },
  {
    id: 'speaker.endorse',
    weight: 1.5,
    scope: 'sample',
    cueFamily: 'endorse',
    // The speaker after earlier speakers: 讲得都很好，我都同意 · 我完全赞成 · 请大家认真抓好落实.
    pattern:
      /我(?:都|完全|都很|非常)?(?:同意|赞成|赞同)[，。！、]|讲得(?:都)?(?:很好|很实|很到位|很实在)|请大家认真(?:抓好)?(?:贯彻)?落实/,
    description: {
      zh: '讲话人回应前面的发言（“讲得都很好，我完全同意”）',
      en: 'The speaker responds to earlier speakers (“讲得都很好，我完全同意”)',
    },
    examples: ['刚才几位同志的发言讲得都很好，我完全同意。', '我都赞成。'],
    counterExamples: ['会议同意财政局提出的意见。', '我们同意该项目立项'],
  },
];

const SHORT_PROSE = 1200;

/**
 * The exhortation family: the speaker tells the audience, in the first person plural, what must be done
 * (我们必须…, 我们一定要…, 大家要…). Too common to argue for a speech on its own — normative documents and long
 * reports share the directive register — so it is no weighted rule: it only counts as the second family of a
 * short text whose other cue is a speech's own frame — title, agenda or occasion (a wenku page that shows a speech
 * title and the first section, without salutation or agenda); never with a salutation alone, which letters share. News puts the directive in the official's mouth (某某要求，各级…要),
 * summaries speak of what 我们将 do, so neither supplies this family.
 */
export const EXHORT_CUE = {
  id: 'cue.exhort',
  // or, at a sentence's start, the audience by its units (各县区、各部门一定要…, 各单位要把…); news gives it after 强调，
  pattern:
    /(?:^|[，。！；：\s])[ \t　]*(?:我们|大家)(?:一定|务必|都|更|还)?(?:要|必须)(?![求是])|(?:^|[。！；\n])[ \t　]*(?:对此|为此|因此)?，?各[^。！？，、\n]{1,6}(?:、各[^。！？，、\n]{1,6})?(?:一定|务必|都)?(?:要|必须)(?![求是])/,
  examples: [
    '我们必须全面把握、认真贯彻会议精神，',
    '同志们，我们一定要把安全生产抓紧抓实。',
    '会后，大家要迅速传达。',
    '对此，各县区、各部门一定要增强紧迫感。',
    '这是重要举措。各单位要把这项活动作为主抓手',
  ],
  counterExamples: [
    '王某某要求，各级党委政府要绷紧这根弦。',
    '下半年，我们将继续抓好招商引资。',
    '我们要求各村在月底前上报。',
    '他说我们要坚持下去',
    '王某强调，各乡镇、各部门要牢固树立安全发展理念。',
  ],
} as const;

/** Families of the speech cues that fire on a context (each rule evaluated once here; short texts only). */
function firedFamilies(ctx: VerdictContext): CueFamily[] {
  const families = new Set<CueFamily>();
  for (const rule of SPEECH_CUE_RULES) {
    if (!rule.cueFamily || families.has(rule.cueFamily)) continue;
    const fired = rule.measure
      ? rule.measure(ctx) !== null
      : rule.pattern !== undefined && countMatches(rule.pattern, ctx[rule.scope ?? 'sample'], 1).count > 0;
    if (fired) families.add(rule.cueFamily);
  }
  // Exhortation seconds only a speech's own frame (title, agenda, occasion): letters and notices to 各位居民/家长
  // also address their readers and tell them what 大家要 do.
  const framed = families.has('title') || families.has('agenda') || families.has('occasion');
  if (framed && countMatches(EXHORT_CUE.pattern, ctx.sample, 1).count > 0) families.add('exhort');
  return [...families];
}

const FAMILY_ZH: Record<CueFamily, string> = {
  title: '标题',
  salutation: '称呼',
  agenda: '议程',
  occasion: '场合',
  closing: '结语',
  endorse: '回应发言',
  exhort: '号召',
};

export const CORROBORATION_RULE: VerdictRule = {
  id: 'cues.corroborated',
  weight: 2,
  measure(ctx) {
    if (ctx.proseCjk >= SHORT_PROSE) return null;
    const families = firedFamilies(ctx);
    return families.length >= 2 ? families.map((f) => FAMILY_ZH[f]).join('+') : null;
  },
  description: {
    zh: '篇幅虽短，但有两类互相独立的讲话特征（如称呼语和议程）',
    en: 'Short, but two independent speech cues agree (e.g. salutation and agenda)',
  },
  examples: [
    '同志们：\n下面，我讲三点意见。',
    '同志们，让我们共同努力！\n谢谢大家！',
    '县长在全县经济工作会议上的讲话\n一、上级会议的主要精神\n我们必须全面把握会议精神。',
  ],
  counterExamples: [
    '同志们：\n今天天气很好。',
    '学习心得\n我们要学习焦裕禄精神。',
    '各位家长：\n暑假即将开始，我们要共同做好以下工作：\n一、防溺水。\n二、防交通事故。\n三、防触电。',
    '下面，我讲三点意见。' + '我们要坚持问题导向，把工作抓实抓细。'.repeat(80),
  ],
};
