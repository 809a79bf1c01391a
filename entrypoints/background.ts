import { browser } from 'wxt/browser';
import { createRouter } from '../lib/messages/router';
import { listen } from '../lib/messages/transport';
import { registerClipHandlers } from '../lib/store/background-handlers';
import { registerClipCommands } from '../lib/clipping/commands';
import { registerSitePermissionSync } from '../lib/permissions/sites';
import { reanalyseOpenTabs, registerReadingHandlers } from '../lib/reading/background';
import { startLiveRuleSet } from '../lib/rulepacks/live';
import { TextRegistry } from '../lib/reading/text-registry';
import { registerRuleEditHandlers } from '../lib/rulepacks/page-edits';
import { registerHistoryHandlers } from '../lib/history/background';

export default defineBackground(() => {
  // Wiring only; handlers live in lib/. Listeners are registered synchronously so a woken worker gets its message.
  const router = createRouter(browser.runtime.id, browser.runtime.getURL('/'));
  // The page texts reading analysed, by id: clipping refers to them instead of resending them.
  const texts = new TextRegistry();
  const clips = registerClipHandlers(router, { texts });
  // Reading history and similar texts (issue 12): recorded and marked when a policy page asks for its marks.
  registerHistoryHandlers(router, { texts, listClips: async () => (await clips.list()).clips });
  registerClipCommands();
  // The reader's own rules (options page): compiled once, kept current; a change re-analyses open tabs.
  const readerRules = startLiveRuleSet();
  registerReadingHandlers(router, texts, readerRules);
  registerRuleEditHandlers(router);
  void readerRules.ready.then(() => readerRules.onChange(() => void reanalyseOpenTabs()));
  registerSitePermissionSync();
  listen(router);
});
