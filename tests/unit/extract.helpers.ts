import { prepareHtmlForParsing } from '../../lib/html/prepare';

/**
 * Loads an HTML page into the test environment's own `document` and returns it.
 *
 * Why not use the DOMParser's document directly: happy-dom ties every Range to `window.document`, so ranges over
 * a DOMParser document silently collapse (toString() is '' and comparePoint throws WrongDocumentError). Browsers
 * do not have this problem. Importing the parsed tree into `window.document` uses DOM calls only (no innerHTML).
 */
export function loadPage(html: string): Document {
  // prepareHtmlForParsing works around happy-dom parser bugs on real pages (see lib/html/prepare.ts).
  const parsed = new DOMParser().parseFromString(prepareHtmlForParsing(html), 'text/html');
  const imported = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(imported);
  return document;
}
