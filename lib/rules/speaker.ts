/**
 * Who gave a speech and at what occasion, read from the title and the lines around it — what a writer needs
 * for a citation (`罗东川：《政府工作报告》，2026年1月27日`). Three places carry a speaker in the pages readers
 * open:
 *  - the title itself: `市委书记张三在全市经济工作会议上的讲话`, `XXX同志在…上的讲话`;
 *  - a byline line under the title or its occasion line: `省长 罗东川`, `县委副书记、县长　李四`, `王五`;
 *  - the source note of a reprint: `这是习近平总书记2020年6月2日在…的讲话`.
 * Template sites replace names with placeholders (XXX, ×××, 某某): the post is kept, the name is not invented.
 */
import type { Speaker } from './types';

export { speakerLabel } from './speaker-label';

const HAN = '\\u3400-\\u9fff';
/** Posts that stand before a name in bylines and titles, longest first where one contains another. */
const POSTS = [
  '总书记',
  '副总理',
  '总理',
  '委员长',
  '副主席',
  '主席',
  '秘书长',
  '检察长',
  '董事长',
  '总经理',
  '副书记',
  '书记',
  '代省长',
  '副省长',
  '省长',
  '代市长',
  '副市长',
  '市长',
  '代县长',
  '副县长',
  '县长',
  '代区长',
  '副区长',
  '区长',
  '副州长',
  '州长',
  '副旗长',
  '旗长',
  '副镇长',
  '镇长',
  '副乡长',
  '乡长',
  '副主任',
  '主任',
  '副部长',
  '部长',
  '副厅长',
  '厅长',
  '副局长',
  '局长',
  '副院长',
  '院长',
  '副校长',
  '校长',
  '副组长',
  '组长',
  '处长',
  '科长',
  '行长',
  '常委',
  '委员',
  '政委',
].join('|');
/** Family names that start a personal name in a byline (the common ones; compound ones start with one too). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈' +
  '姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常' +
  '温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍' +
  '涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景' +
  '党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习';
const PLACEHOLDER = '(?:[XxＸｘ×＊*○〇]{2,4}|某某)';
const NAME = `(?:[${SURNAMES}][${HAN}]{1,3}|${PLACEHOLDER})`;
/** An organisation and post: `青海省省长`, `中共XX县委副书记、县长`, `县委书记`. */
const POST_CHAIN = `(?:[${HAN}XxＸ×]{0,16}?(?:${POSTS}))(?:、[${HAN}XxＸ×]{0,12}?(?:${POSTS}))*`;
const SPACE = '[ \\t\\u3000\\u00a0·]*';
/** Words that look like a name but are a speech's furniture. */
const NOT_A_NAME = /^(?:同志|各位|目录|正文|讲话|全文|返回|首页|打印|关闭|来源|作者|时间|日期|附件|党课|方案)/;

const BYLINE = new RegExp(`^(?:中共)?(${POST_CHAIN})?${SPACE}(${NAME})(?:同志)?$`);
const TITLE_SPEAKER = new RegExp(
  `^(?:中共)?(${POST_CHAIN})?${SPACE}(${NAME})?(?:同志)?${SPACE}在[^。！？\\n]{2,60}?(?:上|时)的(?:重要)?(?:讲话|致辞|发言|报告|讲稿|讲话稿|演讲|主持词|党课)`,
);
/** `这是习近平总书记2020年…`, `这是习近平2020年…`: the name is as short as lets a post or the year follow. */
const NOTE_SPEAKER = new RegExp(
  `这是([${SURNAMES}][${HAN}]{1,3}?)(?:同志)?(?:(${POSTS})|(?=\\d{4}年|[一二三四五六七八九〇零]{4}年))`,
);
/** A run-in byline: `…上的讲话（2018年2月12日）习近平同志们：` (crawls that join the title, date and body). */
const RUN_IN_BYLINE = new RegExp(`^[^。！？\\n]{4,80}?[）)](${NAME})(?=同志们|各位|女士们|尊敬的)`);
const OCCASION = new RegExp(
  `在([^。！？\\n“”]{2,50}?(?:会议|大会|全会|座谈会|推进会|动员会|部署会|务虚会|培训班|开班式|开班仪式|仪式|论坛|峰会|党课|集体学习|报告会|现场会|联席会))(?:上|时)`,
);

function isPlaceholder(name: string): boolean {
  return new RegExp(`^${PLACEHOLDER}$`).test(name);
}

function speakerFrom(post: string | undefined, name: string | undefined): Speaker | undefined {
  const speaker: Speaker = {};
  const cleanPost = post?.replace(/^中共/, '').trim();
  if (cleanPost) speaker.post = cleanPost;
  if (name && !isPlaceholder(name) && !NOT_A_NAME.test(name)) speaker.name = name;
  return speaker.post || speaker.name ? speaker : undefined;
}

function headLines(text: string): string[] {
  return text
    .slice(0, 1500)
    .split('\n')
    .map((l) => l.replace(/[\u200b-\u200d\ufeff]/g, '').trim())
    .filter((l) => l.length > 0)
    .slice(0, 40);
}

/** A short line that is only a post and a name (or only a name): a byline. */
export function bylineSpeaker(line: string): Speaker | undefined {
  if (line.length > 30) return undefined;
  const m = BYLINE.exec(line);
  if (!m) return undefined;
  // A bare two- or three-character line is a name only when nothing else on the line argues against it.
  if (!m[1] && (NOT_A_NAME.test(m[2]) || isPlaceholder(m[2]))) return undefined;
  return speakerFrom(m[1], m[2]);
}

/** The speaker named in a title such as `市委书记张三在全市…会议上的讲话`. */
export function titleSpeaker(title: string): Speaker | undefined {
  const m = TITLE_SPEAKER.exec(title.trim());
  if (!m) return undefined;
  return speakerFrom(m[1], m[2]);
}

/**
 * The speaker of a speech or report: from the title, then a byline among the first lines (only lines after the
 * title — a name above it is usually the site's author field or a menu), then a reprint's source note.
 */
export function findSpeaker(text: string, title?: string): Speaker | undefined {
  const fromTitle = title ? titleSpeaker(title) : undefined;
  if (fromTitle?.name) return fromTitle;
  const lines = headLines(text);
  const titleAt = title ? lines.findIndex((l) => l.includes(title.slice(0, 12))) : -1;
  for (const line of lines.slice(titleAt + 1, titleAt + 6)) {
    const byline = bylineSpeaker(line);
    if (byline) return fromTitle?.post && !byline.post ? { ...byline, post: fromTitle.post } : byline;
  }
  const runIn = RUN_IN_BYLINE.exec(text.slice(0, 200));
  if (runIn) return speakerFrom(fromTitle?.post, runIn[1]);
  if (fromTitle) return fromTitle;
  const note = NOTE_SPEAKER.exec(text.slice(Math.max(0, text.length - 1200)));
  return note ? speakerFrom(note[2], note[1]) : undefined;
}

/** The meeting or occasion: `全市安全生产工作会议` from `在全市安全生产工作会议上的讲话` or its subtitle line. */
export function findOccasion(text: string, title?: string): string | undefined {
  const fromTitle = title ? OCCASION.exec(title) : null;
  if (fromTitle) return fromTitle[1];
  const m = OCCASION.exec(text.slice(0, 600));
  return m ? m[1] : undefined;
}
