/**
 * Where the speech body ends and where an annex starts, so that the last section does not run into a site
 * footer (本DOCX文档由…生成, 相关报道：, 责任编辑, a wiki licence box, a news dateline) and an annex's
 * numbered glossary (名词解释 1. 2. …) does not nest under the report's last item.
 */

/**
 * Trailing boilerplate of web pages and template sites. Only looked for in the last part of the text, where a
 * speech has ended: earlier, such words may be quoted in the speech itself.
 */
const FOOTER =
  /本(?:DOCX|DOC|WORD|Word|PDF)?文档由|相关报道[：:]|相关附件|相关链接|（新华社[^）\n]{1,20}电）|《\s*人民日报\s*》\s*（\s*\d{4}年|※\s*这是|责任编辑[：:]|打印本页|关闭窗口|【纠错】|扫一扫在手机|^本作品/gm;
/** The footer search starts this far from the end: a fifth of the text, but at least this many chars. */
const FOOTER_WINDOW_MIN = 4000;

/** A line that only says 附件 2 / 附录 / 名词解释 / 注释: what follows is an annex, not the last section. */
const ANNEX_LINE =
  /^[ \t\u3000]*(?:附件\s*[0-9０-９一二三四五六七八九十]*|附录\s*[0-9０-９一二三四五六七八九十]*|名词解释|注释)[ \t\u3000：:]*$/gm;

export interface BodyBounds {
  /** End of the speech body: start of the trailing boilerplate, or the text length. */
  bodyEnd: number;
  /** Sorted starts of annex parts inside the body. */
  annexStarts: number[];
}

export function findBodyBounds(text: string): BodyBounds {
  const windowStart = Math.max(0, text.length - Math.max(FOOTER_WINDOW_MIN, Math.floor(text.length / 5)));
  FOOTER.lastIndex = windowStart;
  const footer = FOOTER.exec(text);
  let bodyEnd = footer ? footer.index : text.length;
  // Don't count the line break(s) and spaces in front of the footer as part of the last section.
  while (bodyEnd > 0 && isSpace(text.charCodeAt(bodyEnd - 1))) bodyEnd--;

  const annexStarts: number[] = [];
  if (text.includes('附') || text.includes('名词解释') || text.includes('注释')) {
    ANNEX_LINE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ANNEX_LINE.exec(text)) !== null && m.index < bodyEnd) {
      annexStarts.push(m.index);
    }
  }
  return { bodyEnd, annexStarts };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;
}
