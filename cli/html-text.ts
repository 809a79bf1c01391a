import type { Window } from 'happy-dom';
import { extractText } from '../lib/extract/index';
import type { ExtractedText } from '../lib/extract/types';
import { prepareHtmlForParsing } from '../lib/html/prepare';

/**
 * Parses HTML pages with happy-dom and extracts their main text with the same code the content script runs.
 * One window serves every page of a CLI run (happy-dom is imported only when the first page needs it), and it
 * never runs the page's scripts or loads anything.
 */
export class HtmlTextExtractor {
  private window: Window | null = null;

  /** Loads happy-dom and creates the window (once); callers may await this to keep it out of their timings. */
  async ready(): Promise<void> {
    await this.getWindow();
  }

  async extract(html: string): Promise<ExtractedText> {
    const window = await this.getWindow();
    const parser = new window.DOMParser();
    const doc = parser.parseFromString(prepareHtmlForParsing(html), 'text/html') as unknown as Document;
    return extractText(doc, { mainContent: true });
  }

  async close(): Promise<void> {
    const window = this.window;
    this.window = null;
    if (window !== null) await window.happyDOM.close();
  }

  private async getWindow(): Promise<Window> {
    if (this.window === null) {
      const { Window } = await import('happy-dom');
      this.window = new Window({
        url: 'http://localhost/',
        settings: {
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          disableComputedStyleRendering: true,
          navigation: {
            disableMainFrameNavigation: true,
            disableChildFrameNavigation: true,
            disableChildPageNavigation: true,
            disableFallbackToSetURL: true,
          },
        },
      });
    }
    return this.window;
  }
}
