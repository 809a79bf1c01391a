/**
 * Makes saved HTML safe to hand to happy-dom's parser (used by the CLI and tests; browsers never need this).
 *
 * happy-dom tokenizes with one regular expression and gets two common real-page constructs wrong, silently
 * dropping everything after them:
 * - a commented-out end tag such as `<!--div class="x">…</div-->`: `</div-->` is read as an end tag named
 *   `div--`, so the comment never closes (gne__stcn_1.html and gne__hexun_1.html lose their whole article);
 * - `<style>`/`<script>` inside inline `<svg>` (happy-dom issue #2231).
 * Comments, inline SVG, scripts, styles, iframes and <link> tags carry no text the extraction keeps, so removing
 * them before parsing changes no extracted text (and happy-dom does not try, and loudly fail, to load them). Raw-text elements are skipped over, so a `<!--` inside a script or textarea is left alone.
 */
const TOKEN = /<!--|<(script|style|svg|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|link)(?=[\s/>])/gi;

/** Elements dropped with their content (the extraction skips them anyway). */
const DROPPED = new Set(['script', 'style', 'svg', 'iframe', 'noembed', 'noframes', 'noscript']);

export function prepareHtmlForParsing(html: string): string {
  const out: string[] = [];
  let copied = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const at = match.index;
    const name = match[1]?.toLowerCase();
    if (name === undefined) {
      out.push(html.slice(copied, at));
      copied = commentEnd(html, at);
      TOKEN.lastIndex = copied;
      continue;
    }
    if (name === 'plaintext') break; // everything after <plaintext> is text
    if (name === 'link') {
      // A void element: drop the tag alone.
      const close = html.indexOf('>', at);
      out.push(html.slice(copied, at));
      copied = close === -1 ? html.length : close + 1;
      TOKEN.lastIndex = copied;
      continue;
    }
    const close = new RegExp(`</${name}\\s*>`, 'gi');
    close.lastIndex = at + match[0].length;
    const end = close.exec(html);
    const after = end === null ? html.length : end.index + end[0].length;
    if (DROPPED.has(name)) {
      out.push(html.slice(copied, at));
      copied = after;
    }
    TOKEN.lastIndex = after;
  }
  out.push(html.slice(copied));
  return out.join('');
}

/** Index just after the comment starting at `at`, following the HTML tokenizer (`<!-->` and `<!--->` are empty). */
function commentEnd(html: string, at: number): number {
  const body = at + 4;
  if (html.startsWith('>', body)) return body + 1;
  if (html.startsWith('->', body)) return body + 2;
  const close = html.indexOf('-->', body);
  const bang = html.indexOf('--!>', body);
  if (close === -1 && bang === -1) return html.length;
  if (bang !== -1 && (close === -1 || bang < close)) return bang + 4;
  return close + 3;
}
