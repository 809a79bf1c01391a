import { browser } from 'wxt/browser';
import type { Router, SenderTab } from '../messages/router';
import { sendToTab } from '../messages/transport';
import type { ClipSaveRequest } from '../messages/clips';
import { normalizeUrl } from '../clips/url';
import { placeClips } from '../clipping/place-clips';
import { placeUnplaced } from '../clipping/place-orphans';
import { buildClipDraft } from '../clipping/build-clip';
import { citationLine } from '../citation/citation';
import { uiLang } from '../i18n';
import type { Clip } from '../clips/types';
import { TabQueue, yieldToOthers } from '../messages/tab-queue';
import { TextRegistry, UNKNOWN_TEXT_ID } from '../reading/text-registry';
import { analyze } from '../rules';
import type { Analysis } from '../rules/types';
import { ClipStore } from './clip-store';
import { speechFieldsOf, withIdentity } from '../citation/identity';
import { loadSpeechIdentity, saveSpeechIdentity } from '../citation/identity-store';
import { ImportStaging } from './import-staging';
import { openClipDatabase } from './db';
import { registerPageClipHandlers } from './page-clip-handlers';

export interface ClipHandlerDeps {
  store?: ClipStore;
  /** The texts reading.analyze registered (shared with lib/reading/background.ts). */
  texts?: TextRegistry;
  /** The rule set on a text the content script sent itself (tests inject a small analysis). */
  analyze?: (text: string) => Analysis;
}

/**
 * Background side of the clip store: registers a handler per clip kind of the protocol map. The router has
 * already checked the sender's role for the kind and the request's shape and sizes before any of these run.
 * Content scripts reach only their own page: its address is the browser's (`tab.url`), never the payload's.
 */
export function registerClipHandlers(router: Router, deps: ClipHandlerDeps = {}): ClipStore {
  const store = deps.store ?? new ClipStore(() => openClipDatabase());
  const texts = deps.texts ?? new TextRegistry();
  const analyzeText = deps.analyze ?? analyze;
  const placing = new TabQueue();
  const staging = new ImportStaging();
  router
    .on('clips.save', async (req, { tab }) => {
      const draft = draftFor(req, tab!, texts, analyzeText);
      // The identity the reader stated for this page (side panel) wins over what the rules read.
      const identity = await loadSpeechIdentity(tab!.url).catch(() => null);
      const saved = await store.save(identity ? withIdentity(draft, identity) : draft);
      return { ...saved, citation: clipCitation(saved.clip) };
    })
    .on('clips.setSpeech', async ({ url, identity, apply }) => {
      await saveSpeechIdentity(url, identity);
      if (!apply) return { updated: 0 };
      const updated = await store.setSpeech(url, speechFieldsOf(identity));
      void notifyPages([normalizeUrl(url)]);
      return { updated };
    })
    .on('clips.annotate', async ({ id, note, tags }, { tab }) => {
      // The editor shown right after Clip: only a fresh clip of the sender's own page (never the library).
      const clip = await store.get(id);
      if (!clip || clip.url !== normalizeUrl(tab!.url) || Date.now() - clip.created > ANNOTATE_WINDOW_MS)
        throw new Error('not a clip just made on this page');
      return { clip: await store.update(id, { note, tags }) };
    })
    .on('clips.count', async (_req, { tab }) => ({ count: await store.countForPage(tab!.url) }))
    .on('clips.place', async ({ textId, text, ids }, { tab }) => {
      const page = tab!;
      const known = textId === undefined ? undefined : texts.get(textId, page.id);
      const source = textId === undefined ? text! : known?.text;
      if (source === undefined) throw new Error(UNKNOWN_TEXT_ID);
      return placing.run(
        page.id,
        async (stale) => {
          // Clips imported from a position alone take their words from this text first (its own page only).
          const clips = await placeUnplaced(store, await store.listForPage(page.url), {
            text: source,
            analysis: known?.analysis ?? null,
          });
          const wanted = ids ? new Set(ids) : null;
          const placements = await placeClips(wanted ? clips.filter((c) => wanted.has(c.id)) : clips, source, {
            stale,
            yieldNow: yieldToOthers,
          });
          return placements ? { placements } : { placements: [], superseded: true };
        },
        () => ({ placements: [], superseded: true }),
      );
    })
    .on('clips.update', async ({ id, patch }) => {
      const clip = await store.update(id, patch);
      void notifyPages([clip.url]);
      return { clip };
    })
    .on('clips.updateMany', async ({ ids, ...change }) => {
      const clips = await store.updateMany(ids, change);
      void notifyPages(clips.map((c) => c.url));
      return { clips };
    })
    .on('clips.delete', async ({ ids }) => {
      const urls = (await Promise.all(ids.slice(0, 500).map((id) => store.get(id)))).flatMap((c) => (c ? [c.url] : []));
      const deleted = await store.delete(ids);
      void notifyPages(urls);
      return { deleted };
    })
    .on('clips.restore', async ({ ids }) => {
      const result = await store.restore(ids);
      const urls = (await Promise.all(result.restored.slice(0, 500).map((id) => store.get(id)))).flatMap((c) =>
        c ? [c.url] : [],
      );
      void notifyPages(urls);
      return result;
    })
    .on('clips.import', async ({ clips, part }) => {
      if (!part) return store.import(clips);
      // A large import arrives in parts; nothing is written before the last one (all or nothing).
      const all = staging.accept(part, clips);
      return all ? store.import(all) : { added: 0, skipped: 0 };
    });
  registerPageClipHandlers(router, store, notifyPages);
  return store;
}

/** How long after Clip the page's note editor may still write the clip's note and tags. */
const ANNOTATE_WINDOW_MS = 60 * 60 * 1000;

/** The citation line of a clip in the reader's language (copied with it from the page's note editor). */
export function clipCitation(clip: Clip): string {
  return citationLine(
    {
      speechTitle: clip.speechTitle,
      pageTitle: clip.title,
      speaker: clip.speechSpeaker,
      date: clip.speechDate,
      site: clip.site,
    },
    uiLang(),
  );
}

/**
 * The clip a content script asked for, built here from the text the background already has (by text id) or
 * the one sent along. Filed under the sender's address as the browser reports it; refused when the page's
 * address changed since its text was read (history.pushState between reading and clipping), so a page cannot
 * file a passage under another page's name.
 */
function draftFor(req: ClipSaveRequest, tab: SenderTab, texts: TextRegistry, analyzeText: (text: string) => Analysis) {
  const known = req.textId === undefined ? undefined : texts.get(req.textId, tab.id);
  if (req.textId !== undefined && !known) throw new Error(UNKNOWN_TEXT_ID);
  const text = known?.text ?? req.text!;
  const readAt = known?.url ?? req.url;
  if (!sameDocumentAddress(readAt, tab.url)) {
    throw new Error('[moved] the page changed its address since its text was read; select the passage again');
  }
  if (req.end > text.length) throw new Error('start and end must lie in the text');
  let analysis = known ? known.analysis : req.analyzed ? analyzeText(text) : null;
  if (analysis && !analysis.verdict.isPolicy) analysis = { ...analysis, outline: [] };
  const title = tab.title ?? known?.title ?? req.title;
  return buildClipDraft({ text, analysis, url: tab.url, title }, req.start, req.end);
}

function sameDocumentAddress(a: string, b: string): boolean {
  try {
    return normalizeUrl(a) === normalizeUrl(b);
  } catch {
    return false;
  }
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
        await sendToTab(tab.id, 'clipping.refresh', {}).catch(() => undefined);
      }),
    );
  } catch {
    // Tabs API unavailable or the tab went away: the page re-anchors on its next load anyway.
  }
}
