/**
 * The background's router as the message tests see it: clip, reading, rule-edit and history handlers on a fresh
 * fake-IndexedDB database and empty extension storage per test, and the senders a browser would describe. Shared by clip-messages*.test.ts.
 * `router`, `store` and `texts` are live bindings: they are replaced before each test.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { envelope, unwrapReply, type Kind } from '../../../lib/messages/protocol';
import { createRouter, type Router, type SenderInfo } from '../../../lib/messages/router';
import { registerClipHandlers } from '../../../lib/store/background-handlers';
import { registerReadingHandlers } from '../../../lib/reading/background';
import { registerRuleEditHandlers } from '../../../lib/rulepacks/page-edits';
import { registerHistoryHandlers } from '../../../lib/history/background';
import { HistoryDatabase } from '../../../lib/history/db';
import { HistoryStore } from '../../../lib/history/store';
import { TextRegistry } from '../../../lib/reading/text-registry';
import { ClipStore } from '../../../lib/store/clip-store';
import { ClipDatabase } from '../../../lib/store/db';

export const EXT = 'tifa-test-extension';
export const ORIGIN = `chrome-extension://${EXT}/`;
export const PAGE = 'http://www.gov.cn/a.htm';
/** A content script in tab 7 on PAGE, as the browser describes it. */
export const fromTab = (url = PAGE, tabId = 7): SenderInfo => ({ id: EXT, url, tab: { id: tabId, url } });
/** The side panel (an extension page), as the browser describes it. */
export const fromPanel: SenderInfo = { id: EXT, url: `${ORIGIN}sidepanel.html` };
export let router: Router;
export let store: ClipStore;
export let texts: TextRegistry;
let dbName: string;

/** Registers a fresh router and databases before each test of the calling file, and removes them after. */
export function useBackgroundRouter(): void {
  beforeEach(() => {
    fakeBrowser.reset(); // extension storage (rules, identities, settings) starts empty too
    dbName = `messages-test-${Math.random().toString(36).slice(2)}`;
    router = createRouter(EXT);
    texts = new TextRegistry();
    store = registerClipHandlers(router, { store: new ClipStore(() => new ClipDatabase(dbName)), texts });
    registerReadingHandlers(router, texts);
    registerRuleEditHandlers(router);
    registerHistoryHandlers(router, {
      texts,
      listClips: async () => [],
      store: new HistoryStore(new HistoryDatabase(`${dbName}-history`)),
    });
  });

  afterEach(async () => {
    store.database.close();
    await Dexie.delete(dbName);
  });
}

/** Sends through the router as runtime.onMessage would, returning the raw reply. */
export async function send(kind: Kind, payload: unknown, sender: SenderInfo) {
  return router.dispatch(envelope(kind, payload as never), sender);
}

/** reading.analyze from a tab: the text id the background keeps the text under. */
export async function analyzeIn(text: string, sender = fromTab()): Promise<string> {
  const reply = unwrapReply('reading.analyze', await send('reading.analyze', { text, title: '页面' }, sender));
  if (!('textId' in reply)) throw new Error('no analysis');
  return reply.textId;
}
