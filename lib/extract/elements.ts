/**
 * How the text walker treats each element, decided from the tag and attributes alone so that it runs the same
 * in a browser and under happy-dom in Node (where computed styles are not reliable). Callers that have real
 * layout (the content script) add their own visibility check on top via `isHidden`.
 */

/** Subtrees whose text is never part of what a reader sees. Names are `localName`s (lower case). */
const NEVER_TEXT = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'img',
  'picture',
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'dialog',
  'rp',
]);

/** Elements that start and end a line of text, like the browser's block and table layout. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/** Elements whose whitespace is kept as written (line breaks included). */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** Landmarks that are site chrome rather than content. */
const CHROME_TAGS = new Set(['nav', 'aside', 'menu']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'search',
  'toolbar',
  'tablist',
]);

/** header/footer are page chrome only when they belong to the page, not to an article or section inside it. */
const SECTIONING_SCOPE = 'article,aside,main,nav,section,[role=main],[role=article]';

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

export function isNeverText(el: Element): boolean {
  return NEVER_TEXT.has(el.localName);
}

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.localName);
}

export function isPreformatted(el: Element): boolean {
  return PREFORMATTED.has(el.localName);
}

export function isLineBreak(el: Element): boolean {
  return el.localName === 'br';
}

export function isLink(el: Element): boolean {
  return el.localName === 'a' && el.hasAttribute('href');
}

/** Hidden by markup: the `hidden` attribute, `aria-hidden="true"`, or an inline display:none / visibility:hidden. */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && style.length >= 12 && HIDDEN_STYLE.test(style);
}

/** Editable regions hold the reader's own input, not the page's text. */
export function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** Navigation chrome that can be told apart by tag or ARIA role (link-dense blocks are judged while walking). */
export function isNavigationChrome(el: Element): boolean {
  return isChromeByTag(el) || hasChromeRole(el);
}

function hasChromeRole(el: Element): boolean {
  const role = el.getAttribute('role');
  return role !== null && CHROME_ROLES.has(role.trim().toLowerCase());
}

function isChromeByTag(el: Element): boolean {
  const name = el.localName;
  if (CHROME_TAGS.has(name)) return true;
  if (name === 'header' || name === 'footer') {
    const scope = el.parentElement?.closest(SECTIONING_SCOPE);
    return scope === null || scope === undefined;
  }
  return false;
}

/**
 * Whether a walk skips `el` (and its subtree) for its markup alone: never-text tags, hidden or editable by
 * attribute, and (with `skipChrome`) navigation chrome. Same answer as those checks one by one, but most elements
 * of an article (<p>, <span>, <b>) carry no attributes, and one hasAttributes() call settles them instead of five
 * attribute reads (DOM calls are most of a walk's per-element cost).
 */
export function isSkippedByMarkup(el: Element, skipChrome: boolean): boolean {
  if (NEVER_TEXT.has(el.localName)) return true;
  if (el.hasAttributes() && (isHiddenByMarkup(el) || isEditable(el) || (skipChrome && hasChromeRole(el)))) return true;
  return skipChrome && isChromeByTag(el);
}
