import type { Analysis } from '../rules/types';

/** A page text the background analysed, and what it knows about where it came from (from the browser). */
export interface RegisteredText {
  id: string;
  text: string;
  analysis: Analysis;
  /** The tab whose content script sent it: only that tab may refer to it. */
  tabId: number;
  /** The sender's address when the text arrived (sender.url, as the browser reported it). */
  url: string;
  /** The tab's title then: the browser's, else the document.title the content script sent. */
  title: string;
}

/** Texts kept per tab (the current one and the one before, while a newer analysis is on its way). */
const PER_TAB = 2;
/** Texts kept in all (a few tabs' pages; the worker's memory is shared by every tab). */
const KEEP = 12;

/**
 * The texts the background analysed, by id, so that saving a clip and re-anchoring refer to a page's text
 * instead of sending it again. Lost when the service worker stops: a request with an unknown id is refused
 * with `unknown text id`, and the content script sends the text itself instead.
 */
export class TextRegistry {
  #entries: RegisteredText[] = [];
  #next = 0;

  add(text: string, analysis: Analysis, owner: { tabId: number; url: string; title: string }): RegisteredText {
    const entry: RegisteredText = {
      id: `${Date.now().toString(36)}-${(++this.#next).toString(36)}`,
      text,
      analysis,
      ...owner,
    };
    this.#entries.unshift(entry);
    let ofTab = 0;
    this.#entries = this.#entries.filter((e) => e.tabId !== owner.tabId || ++ofTab <= PER_TAB).slice(0, KEEP);
    return entry;
  }

  /** The text under `id`, when it is still kept and belongs to this tab. */
  get(id: string, tabId: number): RegisteredText | undefined {
    return this.#entries.find((e) => e.id === id && e.tabId === tabId);
  }

  /** The tab's newest text (the side panel asks about a tab, not a text id). */
  latestFor(tabId: number): RegisteredText | undefined {
    return this.#entries.find((e) => e.tabId === tabId);
  }

  /** Forgets everything (a test's worker restart). */
  clear(): void {
    this.#entries = [];
  }
}

export const UNKNOWN_TEXT_ID = 'unknown text id';
