import { browser } from 'wxt/browser';
import { createRouter } from '../lib/messages/router';
import { listen } from '../lib/messages/transport';
import { registerClipHandlers } from '../lib/store/background-handlers';
import { registerClipCommands } from '../lib/clipping/commands';
import { registerSitePermissionSync } from '../lib/permissions/sites';
import { registerReadingHandlers } from '../lib/reading/background';
import { TextRegistry } from '../lib/reading/text-registry';

export default defineBackground(() => {
  // Wiring only; handlers live in lib/. Listeners are registered synchronously so a woken worker gets its message.
  const router = createRouter(browser.runtime.id, browser.runtime.getURL('/'));
  // The page texts reading analysed, by id: clipping refers to them instead of resending them.
  const texts = new TextRegistry();
  registerClipHandlers(router, { texts });
  registerClipCommands();
  registerReadingHandlers(router, texts);
  registerSitePermissionSync();
  listen(router);
});
