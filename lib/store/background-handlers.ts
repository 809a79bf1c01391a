import { browser } from 'wxt/browser';
import type { Router } from '../messages/protocol';
import { sendToTab } from '../messages/transport';
import {
  anchorClipsForPage,
  countClipsForPage,
  deleteClips,
  getClip,
  importClips,
  listClips,
  listClipsForPage,
  listTags,
  queryClips,
  refreshClips,
  restoreClips,
  saveClip,
  saveClipSpan,
  updateClip,
  updateClips,
} from '../messages/clips';
import { normalizeUrl } from '../clips/url';
import { placeClips } from '../clipping/place-clips';
import { buildClipDraftFromSpan } from '../clipping/build-clip';
import { analyzeRemembered } from '../reading/analysis-memo';
import type { Analysis } from '../rules/types';
import { ClipStore } from './clip-store';
import { ImportStaging } from './import-staging';
import { openClipDatabase } from './db';

/**
 * Background side of the clip store: registers a handler per clip message. The router has already checked the
 * sender (this extension) and the request's shape and sizes before any of these run.
 */
export function registerClipHandlers(
  router: Router,
  store: ClipStore = new ClipStore(() => openClipDatabase()),
  /** The rule set on a page's text (tests inject a small analysis). */
  analyzeText: (text: string) => Analysis = analyzeRemembered,
): ClipStore {
  const staging = new ImportStaging();
  router
    .on(saveClip, async ({ draft }) => store.save(draft))
    .on(saveClipSpan, async (span) => store.save(buildClipDraftFromSpan(span, analyzeText)))
    .on(getClip, async ({ id }) => ({ clip: await store.get(id) }))
    .on(listClipsForPage, async ({ url }) => ({ clips: await store.listForPage(url) }))
    .on(countClipsForPage, async ({ url }) => ({ count: await store.countForPage(url) }))
    .on(anchorClipsForPage, async ({ url, text, ids }) => {
      const clips = await store.listForPage(url);
      const wanted = ids ? new Set(ids) : null;
      return { placements: placeClips(wanted ? clips.filter((c) => wanted.has(c.id)) : clips, text) };
    })
    .on(listClips, async (paging) => store.list(paging))
    .on(queryClips, async ({ filter, ...paging }) => store.query(filter, paging))
    .on(listTags, async () => ({ tags: await store.listTags() }))
    .on(updateClip, async ({ id, patch }) => {
      const clip = await store.update(id, patch);
      void notifyPages([clip.url]);
      return { clip };
    })
    .on(updateClips, async ({ ids, ...change }) => {
      const clips = await store.updateMany(ids, change);
      void notifyPages(clips.map((c) => c.url));
      return { clips };
    })
    .on(deleteClips, async ({ ids }) => {
      const urls = (await Promise.all(ids.slice(0, 500).map((id) => store.get(id)))).flatMap((c) => (c ? [c.url] : []));
      const deleted = await store.delete(ids);
      void notifyPages(urls);
      return { deleted };
    })
    .on(restoreClips, async ({ ids }) => {
      const result = await store.restore(ids);
      const urls = (await Promise.all(result.restored.slice(0, 500).map((id) => store.get(id)))).flatMap((c) => (c ? [c.url] : []));
      void notifyPages(urls);
      return result;
    })
    .on(importClips, async ({ clips, part }) => {
      if (!part) return store.import(clips);
      const all = staging.accept(part, clips);
      return all ? store.import(all) : { added: 0, skipped: 0 };
    });
  return store;
}

/** Asks open tabs showing these pages to re-highlight their clips (colour changed, clip deleted or restored). */
async function notifyPages(urls: string[]): Promise<void> {
  const wanted = new Set(urls);
  if (!wanted.size) return;
  try {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined || !tab.url) return;
        let url: string;
        try {
          url = normalizeUrl(tab.url);
        } catch {
          return;
        }
        if (!wanted.has(url)) return;
        await sendToTab(tab.id, refreshClips, {}).catch(() => undefined);
      }),
    );
  } catch {
    // Tabs API unavailable or the tab went away: the page re-anchors on its next load anyway.
  }
}
