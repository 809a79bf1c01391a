/**
 * The normalisation layer in front of every rule. Pages serve the same speech in many spellings — ASCII
 * `, : ( )` in Chinese sentences, full-width digits, traditional script (big5 mirrors), `――` (U+2015) or
 * `「」` for dashes and quotes, `8 ．8 ％` with spaces, PDF line breaks inside `同志\n们` — and the rules are
 * written once, for one spelling. `normalizeText` folds a text to that spelling and keeps a map back, so every
 * span found in the folded text is reported on the page's own characters.
 *
 * Folding is 1:1 (one UTF-16 unit for one) except for the few characters it removes (spaces inside numbers,
 * line breaks inside cue words or cut by a hard wrap, the pinyin notes some sites print after characters); those
 * are kept in a sorted list, and `toOriginal` maps through it.
 */
import { AMOUNT_MAGNITUDES, AMOUNT_UNITS } from './amount-units';
import { TRAD_TO_SIMP } from './trad-simp';
import { hardWrapBreaks } from './unwrap';

export interface NormalizedText {
  /** The folded text the rules read. */
  text: string;
  /** True when folding changed nothing (then every offset is its own original). */
  identity: boolean;
  /** Original offset of the character at folded offset `offset` (or the text's end). */
  toOriginal(offset: number): number;
  /** Original offset for a span END at folded offset `offset` (just after the last character of the span). */
  toOriginalEnd(offset: number): number;
}

/** Context-free 1:1 folds: full-width digits/letters → ASCII, traditional → simplified, dash/quote variants. */
let plainFold: Uint16Array | undefined;

function buildPlainFold(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (let code = 0xff10; code <= 0xff19; code++) table[code] = code - 0xfee0; // ０-９
  for (let code = 0xff21; code <= 0xff3a; code++) table[code] = code - 0xfee0; // Ａ-Ｚ
  for (let code = 0xff41; code <= 0xff5a; code++) table[code] = code - 0xfee0; // ａ-ｚ
  for (const [trad, simp] of TRAD_TO_SIMP) table[trad.charCodeAt(0)] = simp.charCodeAt(0);
  const EM_DASH = 0x2014;
  for (const dash of [0x2015, 0x2500, 0x2501, 0x2e3a, 0xfe58]) table[dash] = EM_DASH; // ― ─ ━ ⸺ ﹘
  table[0x300c] = table[0xfe41] = 0x201c; // 「 ﹁ → “
  table[0x300d] = table[0xfe42] = 0x201d; // 」 ﹂ → ”
  table[0x300e] = table[0xfe43] = 0x2018; // 『 ﹃ → ‘
  table[0x300f] = table[0xfe44] = 0x2019; // 』 ﹄ → ’
  table[0x00a0] = 0x20; // no-break space
  return table;
}

/** ASCII punctuation that becomes its full-width twin inside Chinese text. */
const TO_FULL_WIDTH: Record<number, number> = {
  44: 0xff0c, // , → ，
  58: 0xff1a, // : → ：
  59: 0xff1b, // ; → ；
  40: 0xff08, // ( → （
  41: 0xff09, // ) → ）
  33: 0xff01, // ! → ！
  63: 0xff1f, // ? → ？
};

function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** Chinese text: ideographs and CJK/full-width punctuation (。，“ ” …). */
function isChinese(code: number): boolean {
  return (
    isIdeograph(code) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2018 && code <= 0x201d) ||
    code === 0x2026 ||
    code === 0x2014
  );
}

function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/** Nearest non-blank neighbour in direction `step` on the same line, or -1. */
function neighbour(text: string, i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < text.length; j += step) {
    const c = text.charCodeAt(j);
    if (c === 10) return -1;
    if (!isBlank(c)) return c;
  }
  return -1;
}

const FULL_STOP = 0x3002;

/** Whether the '.' at `i` closes an outline numeral at a line start (一. 十二.): a heading marker, not a full stop. */
function closesLineStartNumeral(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && '一二三四五六七八九十'.includes(text[j])) j--;
  if (j === i - 1) return false;
  while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
  return j < 0 || text.charCodeAt(j) === 10;
}

/**
 * '.' typed for 。 on pages keyed in ASCII (产业发展提质增效.新培育…): a full stop when Chinese text precedes it and
 * Chinese text or the line's end follows. Never in 6.5, www.gov.cn or an outline marker 一. at a line start.
 */
function foldAsciiPeriod(text: string, i: number): number {
  const prev = neighbour(text, i, -1);
  if (!isChineseWriting(prev) || closesLineStartNumeral(text, i)) return 0x2e;
  const next = neighbour(text, i, 1);
  return next === -1 || isChineseWriting(next) ? FULL_STOP : 0x2e;
}

/** Chinese text other than full-width digits and letters (６.５ is a decimal). */
function isChineseWriting(code: number): boolean {
  return isChinese(code) && !(code >= 0xff10 && code <= 0xff5a);
}

/** Fold one ASCII punctuation mark when it sits in Chinese text (never in 10:30, 1,000, http://). */
function foldAsciiPunct(text: string, i: number, code: number): number {
  if (code === 0x2e) return foldAsciiPeriod(text, i);
  const full = TO_FULL_WIDTH[code];
  const before = i > 0 ? text.charCodeAt(i - 1) : -1;
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  if ((code === 0x3a || code === 0x2c) && isDigit(before) && isDigit(after)) return code; // 10:30, 1,000
  if (code === 0x3a && after === 0x2f) return code; // http://
  const prev = neighbour(text, i, -1);
  const next = neighbour(text, i, 1);
  if (code === 0x28 || code === 0x29) {
    // A bracket is Chinese when anything next to it is; (1) between Chinese sentences becomes （1）.
    return isChinese(prev) || isChinese(next) ? full : code;
  }
  return isChinese(prev) ? full : code;
}

/**
 * Words a PDF conversion may break across lines; a line break between two of their adjacent characters is
 * removed (`同志\n们：` → `同志们：`). Only pairs inside these words join, so a title line followed by the body
 * keeps its break.
 */
const JOINED_WORDS = [
  '同志们',
  '讲话',
  '意见',
  '会议',
  '发言',
  '各位',
  '下面',
  '谢谢大家',
  '几点',
  '召开',
  '方面',
  '要求',
];
/** Adjacent character pairs of those words, as (first << 16) | second. */
const JOIN_PAIRS = new Set<number>();
for (const word of JOINED_WORDS)
  for (let i = 0; i + 1 < word.length; i++) JOIN_PAIRS.add((word.charCodeAt(i) << 16) | word.charCodeAt(i + 1));

/**
 * What a blank after a digit is dropped before: the rest of the number (8 ．8 ％), and its magnitude or unit as PDF
 * conversions space them out (户籍人口 195 万, 完成 1000 多公里, 投入 4 亿多元, 2019 年 3 月): the first characters of
 * the amount scan's magnitudes and units (amount-units.ts), with 百, 多, 余 and a date's 月 and 日.
 */
const NUMBER_JOINER = new RegExp(
  `[.．百多余月日${[...new Set([...AMOUNT_MAGNITUDES, ...AMOUNT_UNITS].map((word) => word[0]))].join('')}]`,
);

function isDropCandidate(code: number): boolean {
  return isBlank(code) || code === 10 || code === 13;
}

/** Offsets of characters to drop: blanks inside a number, line breaks inside a cue word. */
function removals(text: string, fold: Uint16Array): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 1; i < n; i++) {
    if (!isDropCandidate(text.charCodeAt(i))) continue;
    let j = i;
    let breaks = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) breaks++;
      else if (!isBlank(c) && c !== 13) break;
    }
    if (j < n && breaks <= 1) {
      const left = text.charCodeAt(i - 1);
      const right = text.charCodeAt(j);
      // A blank between a Chinese character and a digit means nothing either (PDF text: 增长 6.5 %, 公路 200 公里).
      const joinNumber =
        breaks === 0 &&
        ((isDigit(left) && NUMBER_JOINER.test(text[j])) ||
          ((left === 0x2e || left === 0xff0e || isIdeograph(left)) && isDigit(right)));
      const joinWord =
        breaks === 1 && isIdeograph(left) && isIdeograph(right) && JOIN_PAIRS.has((fold[left] << 16) | fold[right]);
      if (joinNumber || joinWord) for (let k = i; k < j; k++) out.push(k);
    }
    i = j;
  }
  return out;
}

/**
 * Pinyin that copy-deterring document sites print after a character (優(yōu)化經(jīng)濟): an ASCII-parenthesised
 * syllable with a tone mark, right after an ideograph. The tone mark keeps (a), (pm) or (GDP) out.
 */
const PINYIN_NOTE = /\([a-z\u00e0-\u00fc\u0101-\u01dc]{1,7}\)/y;
const TONE_MARK = /[\u00e0-\u00fc\u0101-\u01dc]/;

/**
 * Offsets of every character of every pinyin note, ascending. Found from each '(': a regex led by a lookbehind for
 * the ideograph would try itself at every position of the text.
 */
function pinyinNotes(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('('); i > 0; i = text.indexOf('(', i + 1)) {
    if (!isIdeograph(text.charCodeAt(i - 1))) continue;
    PINYIN_NOTE.lastIndex = i;
    const note = PINYIN_NOTE.exec(text)?.[0];
    if (note === undefined || !TONE_MARK.test(note)) continue;
    for (let k = 0; k < note.length; k++) out.push(i + k);
  }
  return out;
}

/** Two ascending offset lists as one, each offset once (a wrap's break may also sit inside a cue word). */
function mergeSorted(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++];
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** Straight double quotes in Chinese text alternate “ and ” within a line. */
function foldStraightQuote(text: string, i: number, open: boolean): number {
  const prev = neighbour(text, i, -1);
  const next = neighbour(text, i, 1);
  if (!isChinese(prev) && !isChinese(next)) return 0x22;
  return open ? 0x201c : 0x201d;
}

const CHUNK = 8192;

/**
 * The folded text as one flat string: parts joined with `join`, not `+=`. A concatenated string is read through
 * an extra indirection on every character, and the rules' loops over the text ran twice as slow on it.
 */
function fromCodes(codes: Uint16Array): string {
  const parts: string[] = [];
  for (let j = 0; j < codes.length; j += CHUNK)
    parts.push(String.fromCharCode.apply(null, codes.subarray(j, j + CHUNK) as unknown as number[]));
  return parts.join('');
}

function identityOf(text: string): NormalizedText {
  return { text, identity: true, toOriginal: (o) => o, toOriginalEnd: (o) => o };
}

/** Characters whose fold depends on their neighbours (flag table: one lookup per character). */
const CONTEXT_DEPENDENT = new Uint8Array(0x10000);
for (const code of [...Object.keys(TO_FULL_WIDTH).map(Number), 0x22, 0xff0e, 0x2d, 0x2e, 10])
  CONTEXT_DEPENDENT[code] = 1;

/**
 * Characters `mayChange` must look at — those that fold, context-dependent ones, blanks — as a 64K byte table:
 * one load per character, measured faster than a bitset's shift-and-mask (bench: 0.11 → 0.08 ms on the
 * 33k-character report; a regex character class of the same set was 10× slower).
 */
let watched: Uint8Array | undefined;

function buildWatched(fold: Uint16Array): Uint8Array {
  const bits = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++)
    if (fold[code] !== code || CONTEXT_DEPENDENT[code] === 1 || isBlank(code)) bits[code] = 1;
  return bits;
}

/**
 * Whether the text may need any change: a character that folds, or a blank/line break where `removals` could
 * drop something (after a digit or a point, or a line break after an ideograph). One pass over the text; the
 * common case for full-width pages is that nothing does, and then no buffer is allocated.
 */
function mayChange(text: string, fold: Uint16Array): boolean {
  const watch = (watched ??= buildWatched(fold));
  let quoteOpen = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // The plain inner loop finds the next watched character; the checks below run on those only (measured
    // faster than one loop carrying them: the hot loop stays small).
    while (i < n && watch[text.charCodeAt(i)] === 0) i++;
    if (i === n) break;
    const code = text.charCodeAt(i);
    if (fold[code] !== code) return true;
    const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
    if (code === 10 || isBlank(code)) {
      let j = i + 1;
      while (j < text.length && (isBlank(text.charCodeAt(j)) || text.charCodeAt(j) === 13)) j++;
      const next = text.charCodeAt(j);
      if (isDigit(prev) && NUMBER_JOINER.test(text[j] ?? '')) return true;
      if ((prev === 0x2e || prev === 0xff0e || isIdeograph(prev)) && isDigit(next)) return true;
      if (code === 10 && isIdeograph(prev) && JOIN_PAIRS.has((fold[prev] << 16) | fold[next])) return true;
    } else if (code === 0x22) {
      if (foldStraightQuote(text, i, quoteOpen) !== code) return true;
      quoteOpen = !quoteOpen;
    } else if (code === 0x2d || code === 0xff0e)
      return true; // rare: take the full pass
    else if (foldAsciiPunct(text, i, code) !== code) return true;
  }
  return text.indexOf('－－') >= 0;
}

export function normalizeText(original: string): NormalizedText {
  const fold = (plainFold ??= buildPlainFold());
  const wrapBreaks = hardWrapBreaks(original);
  if (wrapBreaks.length === 0 && !mayChange(original, fold)) return identityOf(original);
  const n = original.length;
  const codes = new Uint16Array(n);
  let changed = false;
  let quoteOpen = true;
  for (let i = 0; i < n; i++) {
    const code = original.charCodeAt(i);
    let out = fold[code];
    if (CONTEXT_DEPENDENT[code] === 1) {
      if (code in TO_FULL_WIDTH || code === 0x2e) out = foldAsciiPunct(original, i, code);
      else if (code === 0x22) {
        out = foldStraightQuote(original, i, quoteOpen);
        if (out !== 0x22) quoteOpen = !quoteOpen;
      } else if (code === 0xff0e && isDigit(neighbour(original, i, -1)) && isDigit(neighbour(original, i, 1)))
        out = 0x2e;
      else if (code === 0x2d && original.charCodeAt(i + 1) === 0x2d && isChinese(neighbour(original, i + 1, 1))) {
        out = 0x2014; // -- before Chinese text is a dash
        codes[i + 1] = 0x2014;
        codes[i] = out;
        changed = true;
        i++;
        continue;
      } else if (code === 10) quoteOpen = true;
    }
    if (code === 0xff0d && original.charCodeAt(i + 1) === 0xff0d) {
      codes[i] = codes[i + 1] = 0x2014; // －－ → ——
      changed = true;
      i++;
      continue;
    }
    codes[i] = out;
    if (out !== code) changed = true;
  }
  const removed = mergeSorted(mergeSorted(removals(original, fold), pinyinNotes(original)), wrapBreaks);
  if (!changed && removed.length === 0) return identityOf(original);
  if (removed.length === 0) {
    return { text: fromCodes(codes), identity: false, toOriginal: (o) => o, toOriginalEnd: (o) => o };
  }
  const kept = new Uint16Array(n - removed.length);
  let r = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (r < removed.length && removed[r] === i) r++;
    else kept[k++] = codes[i];
  }
  // removed[m] sits, in folded coordinates, before folded offset removed[m] - m.
  const foldedAt = removed.map((o, m) => o - m);
  const toOriginal = (o: number): number => {
    let lo = 0;
    let hi = foldedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (foldedAt[mid] <= o) lo = mid + 1;
      else hi = mid;
    }
    return o + lo;
  };
  return {
    text: fromCodes(kept),
    identity: false,
    toOriginal,
    toOriginalEnd: (o) => (o === 0 ? 0 : toOriginal(o - 1) + 1),
  };
}
