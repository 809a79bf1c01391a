import { prepareHtmlForParsing } from '../../lib/html/prepare';

/**
 * Loads an HTML page into the test environment's own `document` and returns it.
 *
 * Why not a DOMParser document: happy-dom ties every Range to `window.document`, so ranges over a DOMParser
 * document silently collapse (toString() is '' and comparePoint throws WrongDocumentError). Browsers do not have
 * this problem. document.open/write/close runs happy-dom's same HTML parser straight into `window.document`:
 * half the time of parsing elsewhere and importing a deep copy (which also dropped prefixes such as `<o:p>`),
 * and a large part of tests/unit/extract-corpus.test.ts's time.
 */
export function loadPage(html: string): Document {
  // prepareHtmlForParsing works around happy-dom parser bugs on real pages (see lib/html/prepare.ts); it also
  // drops scripts, so writing the page runs none.
  document.open();
  document.write(prepareHtmlForParsing(html));
  document.close();
  return document;
}
