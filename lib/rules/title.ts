/**
 * Title and date of a speech or report, read from the top of the text (and, for reprints, the source note at
 * the end). Works on texts with line breaks (titles on their own lines, page chrome around them) and without
 * (crawls that run the title into the first paragraph).
 */
const HEAD_CHARS = 3000;
const TAIL_CHARS = 1200;
const MAX_TITLE = 120;
const N = '一二三四五六七八九十〇零';
const ZERO_WIDTH = /[\u200b-\u200d\ufeff\u2060]/g;
/** What a speech is called in its title line (讲话, 讲话稿, 会上的发言, 致辞…). */
/**
 * A subtitle dash: —— or the U+2015 ―― some pages use. analyze() folds ―― to —— before the rules run; the title
 * functions are also called directly, so they accept both.
 */
const DASH = '(?:——|――)';
// The chair's script (主持词) is spoken at the meeting too: the verdict and the speaker rules count it already.
const SPEECH_WORD = '(?:讲话|讲话稿|讲话文稿|表态发言|发言|致辞|演讲|主旨讲话|讲稿|主持词|主持辞|主持讲话)';
/**
 * The kind of speech a title may name before the word (在…会议上的总结讲话, 动员讲话, 点评讲话, 开班讲话): one list for
 * the title reader and the verdict's title rules (verdict-speech-titles.ts).
 */
export const SPEECH_KIND = '(?:重要|总结|点评|动员|部署|主持|即席|书面|开班|开幕|闭幕)?';

/** A whole line that is a title: “…在…会议上的讲话”, “2026年安徽省政府工作报告”, “——在…代表大会上的报告”. */
const TITLE_LINE = new RegExp(
  `^(?:(?:\\d{4}年)?[^。！？\\n]{0,60}?(?:上|时)的${SPEECH_KIND}${SPEECH_WORD}|\\d{4}年[^。！？，\\n]{0,24}?政府工作报告|${DASH}[ \\t　]*在[^。！？\\n]{2,50}?上的(?:工作)?报告)$`,
);
/** Whether one line of text is a title line as findTitle reads it (…在…会议上的讲话, 2026年…政府工作报告, ——在…上的报告). */
export function isTitleLine(line: string): boolean {
  return TITLE_LINE.test(clean(line));
}

/** A bare “政府工作报告” line only counts when the next line gives the occasion (else it is a menu link). */
const BARE_REPORT_LINE = /^[^。！？，\n]{0,24}?政府工作报告$/;
/** A subtitle line giving the occasion: “——2026年2月5日在…会议上”, “（2026年1月27日在…会议上）”. */
const OCCASION_LINE = new RegExp(
  `^(?:${DASH}|[（(])?[ \\t　]*(?:\\d{4}年\\d{1,2}月\\d{1,2}日|[${N}]{4}年[${N}]{1,2}月[${N}]{1,3}日)在[^。！？\\n]{2,50}?(?:会议|大会|全会)上[）)]?$`,
);
/** The start of an occasion line that the page broke in two (“——2026年1月26日在广东省第十四届”). */
const OCCASION_START = new RegExp(
  `^(?:${DASH}|[（(])[ \\t　]*(?:\\d{4}年\\d{1,2}月\\d{1,2}日|[${N}]{4}年[${N}]{1,2}月[${N}]{1,3}日)在`,
);
/** Run-in title at the very start of a text without line breaks. */
const RUN_IN_TITLE = new RegExp(
  `^[^。！？\\n]{0,60}?在[^。！？\\n]{2,60}?(?:上|时)的${SPEECH_KIND}(?:讲话|致辞|演讲)(?=[（(]|同志们|各位|女士们|尊敬的|※)`,
);
/** Run-in title closed by a byline marker: “标题※习近平正文…” (求是 reprints). */
const BYLINE_TITLE = /^([^。！？\n※]{4,60})※/;

/** A template site's label for one of several speeches on a page: 篇一：, 第2篇：, 【篇三】, 范文1： (not the title). */
const PIECE_LABEL =
  /^(?:篇[一二三四五六七八九十]{1,3}|第[一二三四五六七八九十0-9]{1,3}篇|【篇[一二三四五六七八九十0-9]{1,3}】|范文[一二三四五六七八九十0-9]{1,3})[：:．.、 \t　]*/;

/** A line as the title reader sees it: no zero-width characters, no outer blanks, no piece label. */
function clean(line: string): string {
  return line.replace(ZERO_WIDTH, '').trim().replace(PIECE_LABEL, '');
}

/** Join title fragments; very short fragments are a broken line (政府工作报\n告), longer ones a two-line title. */
function joinFragments(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (!out) out = part;
    else out += part.length < 3 || out.length < 3 ? part : ' ' + part;
  }
  return out;
}

function previousTitleLines(lines: string[], index: number): string[] {
  const parts: string[] = [];
  for (let i = index - 1; i >= 0 && parts.length < 3; i--) {
    const line = lines[i];
    if (!line) continue;
    if (line.length > 40 || /[。！？：:]/.test(line)) break;
    parts.unshift(line);
  }
  return parts;
}

export function findTitle(text: string): string | undefined {
  const head = text.slice(0, HEAD_CHARS);
  const lines = head.split('\n').map(clean);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (TITLE_LINE.test(line)) {
      if (line.startsWith('——') || line.startsWith('――')) {
        const main = joinFragments(previousTitleLines(lines, i));
        return (main ? main + line : line.slice(2).trim()).slice(0, MAX_TITLE);
      }
      return line.slice(0, MAX_TITLE);
    }
    if (BARE_REPORT_LINE.test(line)) {
      const next = lines.slice(i + 1).find((l) => l.length > 0);
      if (next && (OCCASION_LINE.test(next) || OCCASION_START.test(next))) return line.slice(0, MAX_TITLE);
    }
    if (OCCASION_LINE.test(line)) {
      const main = joinFragments(previousTitleLines(lines, i));
      if (main) return main.slice(0, MAX_TITLE);
    }
  }
  const start = clean(head.slice(0, 200));
  const runIn = RUN_IN_TITLE.exec(start);
  if (runIn) return runIn[0].trim();
  const byline = BYLINE_TITLE.exec(start);
  if (byline) return byline[1].trim();
  return undefined;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二六 → 2026 (digit by digit); 二十七 → 27 (tens). */
function chineseNumber(s: string, digitByDigit: boolean): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (digitByDigit) return Number([...s].map((c) => CN_DIGIT[c] ?? 0).join(''));
  const ten = s.indexOf('十');
  if (ten < 0) return CN_DIGIT[s] ?? 0;
  const tens = ten === 0 ? 1 : (CN_DIGIT[s[0]] ?? 0);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGIT[s[s.length - 1]] ?? 0);
  return tens * 10 + ones;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_SRC = `(\\d{4}|[${N}]{4})年(\\d{1,2}|[${N}]{1,2})月(\\d{1,2}|[${N}]{1,3})日`;
/** The delivery date: “2026年2月5日在…”, “（2018年2月12日）”, “（2020年11月21日，北京）”. */
const DELIVERED_DATE = new RegExp(
  `(?:^|\\n|${DASH}|[（(])[ \\t　]*${DATE_SRC}在[^。！？]{2,50}?(?:会议|大会|全会|座谈会|仪式|峰会|学习)(?:上|时)`,
);
const BRACKETED_DATE = new RegExp(`[（(]${DATE_SRC}(?:[，,][^）)]{1,10})?[）)]`);
/** The source note of a reprint: “这是…2020年6月2日在…的讲话”. */
const NOTE_DATE = new RegExp(`这是[^。\\n]{0,20}?${DATE_SRC}在`);
/** A date alone on its line: under the title and speaker, or signed at the end (县委书记 王建国 / 2026年3月8日). */
const LINE_DATE = new RegExp(`(?:^|\\n)[ \\t　]*${DATE_SRC}[ \\t　]*(?=\\n|$)`, 'g');
/** A signed date stands in the last few lines; a date line further up the tail is part of the body. */
const SIGNED_TAIL_CHARS = 200;

/** The last date alone on its line in `tail`. */
function lastLineDate(tail: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  LINE_DATE.lastIndex = 0;
  for (let m = LINE_DATE.exec(tail); m; m = LINE_DATE.exec(tail)) last = m;
  return last;
}

function dateFrom(m: RegExpExecArray | null): string | undefined {
  if (!m) return undefined;
  return iso(chineseNumber(m[1], true), chineseNumber(m[2], false), chineseNumber(m[3], false));
}

export function findDate(text: string, title?: string): string | undefined {
  const found =
    dateFrom(DELIVERED_DATE.exec(text.slice(0, 1500))) ??
    // A bracketed date deeper in the text is usually a historical date in the body, not the speech's.
    dateFrom(BRACKETED_DATE.exec(text.slice(0, 300))) ??
    dateFrom(lastLineDate(text.slice(0, 300))) ??
    dateFrom(NOTE_DATE.exec(text.slice(Math.max(0, text.length - TAIL_CHARS)))) ??
    dateFrom(lastLineDate(text.slice(Math.max(0, text.trimEnd().length - SIGNED_TAIL_CHARS))));
  if (found) return found;
  const year = title && /^(\d{4})年/.exec(title);
  return year ? year[1] : undefined;
}
