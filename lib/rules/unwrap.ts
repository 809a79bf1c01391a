/**
 * Hard-wrapped text (PDF and DOC conversions on 文库 sites): every line of a paragraph is cut at the same width,
 * so a cue phrase is split anywhere — `与大家作\n个交流`, `下面我简要强调三点\n意见`, `召开这\n次会议`. The verdict
 * reads such a page with those breaks joined, as if the page had glued its lines; a break after a short line
 * (a title, the end of a paragraph) or before a heading (一、 （一） 第一，) stays, so line-anchored cues still see
 * titles and salutations on lines of their own. Other 文库 pages join the PDF's lines with a blank instead
 * (`主 要任务是`, `讲几点意 见`): blanks inside Chinese text that recur at one width are dropped the same way.
 *
 * The normaliser drops the same breaks (`hardWrapBreaks`), so outline headings and amounts cut by the wrap are read
 * whole and still mapped back to the page; the verdict also joins what a text that skipped normalisation kept.
 */

/** Lines shorter than this are titles, headings or menu items, never evidence of a wrap width. */
const MIN_WRAPPED = 12;
/** A wrap width must hold for this many lines (a page may show only a few), and for half of the long prose lines. */
const MIN_LINES = 2;
/** Line widths vary a little when a line holds digits, Latin letters or blanks. */
const SLACK = 2;
/** Detection reads the start of the text only; a page wraps throughout or not at all. */
const DETECT_CHARS = 8000;

const HEADING_START =
  /^[ \t　]*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+[，、章条部]|\d{1,2}[、.．]|[一二三四五六七八九十]是)/;
const CLOSED = /[。！？：；…”」）):;!?]$/;

/**
 * Running prose has commas and stops inside its lines; a list of links or dates of equal length has none. ASCII
 * commas count: the normaliser asks before it folds them (文库 pages print `同志们:` and `,` as often as not).
 */
const PROSE_MARK = /[，。、；,;]/;

/**
 * The normaliser joins lines for every rule, not only the verdict, so it asks for more evidence: four lines at the
 * width, three in four of them cut mid-sentence. A short speech whose headings happen to be as long as its sentences (and
 * end without a stop) is no hard wrap.
 */
const MIN_LINES_TO_FOLD = 4;
/**
 * A PDF page's lines hold 20–40 characters; a column of short parallel lines without stops (坚持党的全面领导，确保正确方向 /
 * 坚持以人民为中心，增进民生福祉 / …) is a list, not a wrap.
 */
const MIN_WIDTH_TO_FOLD = 18;

/**
 * The wrap width of a hard-wrapped text (the commonest long-line length), or 0 when lines are not cut evenly.
 * `minLines`: lines at that width needed (MIN_LINES for the verdict's view, MIN_LINES_TO_FOLD for the normaliser,
 * which then also wants most of them to end mid-sentence).
 */
export function wrapWidth(text: string, minLines = MIN_LINES): number {
  const counts = new Map<number, number>();
  const open = new Map<number, number>();
  let long = 0;
  const end = Math.min(text.length, DETECT_CHARS);
  for (let start = 0; start < end; ) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > end) nl = end;
    const len = nl - start;
    const line = text.slice(start, nl);
    if (len >= MIN_WRAPPED && PROSE_MARK.test(line)) {
      long++;
      counts.set(len, (counts.get(len) ?? 0) + 1);
      if (!CLOSED.test(line)) open.set(len, (open.get(len) ?? 0) + 1);
    }
    start = nl + 1;
  }
  if (long < minLines) return 0;
  let width = 0;
  let best = 0;
  for (const [len, n] of counts) if (n > best || (n === best && len > width)) [width, best] = [len, n];
  let near = 0;
  let cut = 0;
  for (const [len, n] of counts) {
    if (len < width - SLACK || len > width + SLACK) continue;
    near += n;
    cut += open.get(len) ?? 0;
  }
  if (minLines > MIN_LINES && (cut * 4 < near * 3 || width < MIN_WIDTH_TO_FOLD)) return 0;
  return near >= minLines && near * 2 >= long ? width : 0;
}

/**
 * Offsets of the line breaks a hard wrap put inside paragraphs, ascending (none when the text is not hard-wrapped):
 * a break after a line as long as the wrap that does not close a sentence, before a line that is no heading.
 */
export function hardWrapBreaks(text: string, minLines = MIN_LINES_TO_FOLD): number[] {
  const width = wrapWidth(text, minLines);
  if (width === 0) return [];
  const breaks: number[] = [];
  const lines = text.split('\n');
  let nl = -1; // the line break after lines[i]
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    nl += line.length + 1;
    const next = lines[i + 1];
    if (line.length >= width - SLACK && !CLOSED.test(line) && next !== '' && !HEADING_START.test(next)) breaks.push(nl);
  }
  return breaks;
}

/** The text with the breaks of a hard wrap joined (unchanged when the text is not hard-wrapped). */
export function unwrapHardLines(text: string): string {
  const breaks = hardWrapBreaks(text, MIN_LINES);
  if (breaks.length === 0) return text;
  let out = '';
  let from = 0;
  for (const at of breaks) {
    out += text.slice(from, at);
    from = at + 1;
  }
  return out + text.slice(from);
}

/** A blank between two of these is inside Chinese text (ideographs and full-width punctuation). */
function isWide(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** Blanks a PDF conversion put where its lines ended: inside Chinese text, at one recurring distance. */
const SPACED_GAP_MIN = 10;

/** The width at which blanks recur inside Chinese text (a line-joined PDF), or 0. */
export function spacedWrapWidth(text: string): number {
  const counts = new Map<number, number>();
  let gaps = 0;
  let last = 0;
  let marks = 0;
  const end = Math.min(text.length, DETECT_CHARS);
  for (let i = 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) last = i + 1;
    if (c === 0xff0c || c === 0x3002) marks++; // ，。
    if (c !== 32 || !isWide(text.charCodeAt(i - 1)) || !isWide(text.charCodeAt(i + 1))) continue;
    const gap = i - last;
    last = i + 1;
    if (gap < SPACED_GAP_MIN) continue;
    gaps++;
    counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  // A line-joined PDF keeps its punctuation (a comma or stop every few lines); on a page stripped of it, the
  // blanks stand where the punctuation was and are clause boundaries, not line ends.
  if (gaps < MIN_LINES || marks * 3 < gaps) return 0;
  let width = 0;
  let best = 0;
  for (const [gap, n] of counts) if (n > best || (n === best && gap > width)) [width, best] = [gap, n];
  let near = 0;
  for (const [gap, n] of counts) if (gap >= width - SLACK && gap <= width + SLACK) near += n;
  return near >= MIN_LINES && near * 2 >= gaps ? width : 0;
}

/** The text without the blanks of a line-joined PDF (unchanged when blanks do not recur at one width). */
export function joinSpacedWraps(text: string): string {
  if (spacedWrapWidth(text) === 0) return text;
  let out = '';
  let from = 0;
  for (let i = 1; i < text.length - 1; i++)
    if (text.charCodeAt(i) === 32 && isWide(text.charCodeAt(i - 1)) && isWide(text.charCodeAt(i + 1))) {
      out += text.slice(from, i);
      from = i + 1;
    }
  return out + text.slice(from);
}
