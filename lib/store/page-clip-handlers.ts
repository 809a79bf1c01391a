import type { Router, SenderTab } from '../messages/router';
import type { PageClip } from '../messages/page-actions';
import { normalizeUrl } from '../clips/url';
import type { Clip } from '../clips/types';
import type { ClipStore } from './clip-store';

/**
 * The clip hover card on a page (lib/clipping/clip-card.ts): a content script reads, edits and deletes clips of
 * ITS OWN page only. The page is the one the browser reports for the sender (never an address in the payload);
 * a clip filed under another address is answered as if it did not exist, so a page cannot even learn that an id
 * is in the library.
 */
export function registerPageClipHandlers(
  router: Router,
  store: ClipStore,
  /** Re-highlights open tabs showing these pages (background-handlers.ts). */
  notifyPages: (urls: string[]) => Promise<void>,
): void {
  const own = async (id: string, tab: SenderTab | null): Promise<Clip> => {
    const clip = await store.get(id);
    if (!clip || !tab || clip.url !== pageKey(tab.url)) throw new Error(`no clip with id ${id} on this page`);
    return clip;
  };
  router
    .on('clips.pageGet', async ({ id }, { tab }) => cardOf(await own(id, tab)))
    .on('clips.pageEdit', async ({ id, note, tags }, { tab }) => {
      await own(id, tab);
      const clip = await store.update(id, { note, tags });
      // Other tabs showing the same page (and the library's live queries) follow.
      void notifyPages([clip.url]);
      return cardOf(clip);
    })
    .on('clips.pageDelete', async ({ id }, { tab }) => {
      const clip = await own(id, tab);
      const deleted = await store.delete([id]);
      void notifyPages([clip.url]);
      return { deleted: deleted.includes(id) };
    });
}

const cardOf = (clip: Clip): PageClip => ({ id: clip.id, note: clip.note, tags: clip.tags });

function pageKey(url: string): string | null {
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}
