import { CATEGORY_STYLES, FLASH_HIGHLIGHT, HIGHLIGHT_CATEGORIES, highlightName } from './categories';

/** Class every fallback <mark> carries; `tifa-mark-<category>` adds the colour. */
export const MARK_CLASS = 'tifa-mark';
export const MARK_FLASH_CLASS = 'tifa-mark-flash';

/**
 * The page-scope rules. `::highlight()` only matches in the stylesheet scope of the highlighted text, so these
 * rules must live in the page's own style scope (not in our shadow root). Only colour and decoration are set:
 * the page's font, layout and text stay exactly as they were.
 */
export function pageCss(): string {
  const rules: string[] = [];
  for (const category of HIGHLIGHT_CATEGORIES) {
    const style = CATEGORY_STYLES[category];
    const decoration = style.underline
      ? `text-decoration:underline 2px ${style.underline};text-underline-offset:3px`
      : '';
    // Written compact: these strings ship in the content script (size budget).
    rules.push(`::highlight(${highlightName(category)}){background-color:${style.tint};${decoration}}`);
    // The Chrome build never paints <mark>s (see createPainter in lib/reading/start.ts): no rules for them.
    if (!import.meta.env.CHROME) {
      rules.push(`mark.${MARK_CLASS}.${MARK_CLASS}-${category}{background-color:${style.tint};${decoration}}`);
    }
  }
  rules.push(`::highlight(${FLASH_HIGHLIGHT}){background-color:rgba(255,220,0,.75);color:#000}`);
  if (!import.meta.env.CHROME) {
    // The UA gives <mark> a yellow background and black text; the fallback must look like the highlights.
    rules.unshift(`mark.${MARK_CLASS} { background-color: transparent; color: inherit; }`);
    rules.push(`mark.${MARK_CLASS}.${MARK_FLASH_CLASS} { background-color: rgba(255, 220, 0, 0.75); color: #000; }`);
  }
  return rules.join('\n');
}

/**
 * Puts the rules into the page scope and returns a function that takes them out again. A constructed stylesheet
 * in `adoptedStyleSheets` adds no node to the DOM (nothing a page script or MutationObserver sees); where that is
 * unavailable or refused (Firefox content-script Xrays), a <style> element in <head> is the fallback — still
 * outside <body>, so the body's text is untouched.
 */
export function installPageStyles(doc: Document, css: string = pageCss()): () => void {
  try {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in doc && typeof Sheet.prototype.replaceSync === 'function') {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        try {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The page replaced its adopted sheets; ours went with them.
        }
      };
    }
  } catch {
    // Fall through to a <style> element.
  }
  const style = doc.createElement('style');
  style.setAttribute('data-tifa', '');
  style.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(style);
  return () => style.remove();
}
