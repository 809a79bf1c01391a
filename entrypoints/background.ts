import { browser } from 'wxt/browser';
import { createRouter } from '../lib/messages/protocol';
import { listen } from '../lib/messages/transport';
import { registerClipHandlers } from '../lib/store/background-handlers';
import { registerClipCommands } from '../lib/clipping/commands';
import { registerSitePermissionSync } from '../lib/permissions/sites';
import { registerReadingHandlers } from '../lib/reading/background';

export default defineBackground(() => {
  // Wiring only; handlers live in lib/. Listeners are registered synchronously so a woken worker gets its message.
  const router = createRouter(browser.runtime.id);
  registerClipHandlers(router);
  registerClipCommands();
  registerReadingHandlers(router);
  registerSitePermissionSync();
  listen(router);
});
