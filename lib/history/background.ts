import { browser } from 'wxt/browser';
import { normalizeUrl } from '../clips/url';
import type { SimilarFocus } from '../messages/history';
import { envelope } from '../messages/protocol';
import type { Router } from '../messages/router';
import type { TextRegistry } from '../reading/text-registry';
import type { Analysis } from '../rules/types';
import { speakerLabel } from '../rules/speaker-label';
import { diffText } from '../similarity/align';
import { HistoryDatabase } from './db';
import { createHistoryHandlers, type HistoryDeps } from './handlers';
import { historyPassages, PassageCounts } from './passages';
import { similarTooltipText, tooltipButtonLabel } from './tooltip-text';
import { HistoryStore } from './store';

/** A tooltip's "side by side" request is what the side panel opens on, if it asks within this long. */
const FOCUS_TTL_MS = 60_000;

export interface HistoryWiring {
  texts: TextRegistry;
  listClips: HistoryDeps['listClips'];
  store?: HistoryStore;
}

/**
 * Background side of the reading history and similar texts (issue 12): registers its kinds of the protocol map.
 * A content script gets its own page's recurring paragraphs as ranges and names only (never another page's
 * text); recording happens here when it asks, after the marks are computed, and only for pages the verdict
 * called policy, unless the reader turned the history off (then nothing is recorded or marked). The history's
 * list, texts, side-by-side, compare and trail are served to extension pages only.
 */
export function registerHistoryHandlers(router: Router, wiring: HistoryWiring): HistoryStore {
  const store = wiring.store ?? new HistoryStore(new HistoryDatabase());
  const h = createHistoryHandlers({ store, listClips: wiring.listClips });
  const passageCounts = new PassageCounts(store);
  const focus = new Map<number, SimilarFocus & { at: number }>();

  const textOfTab = async (tabId: number): Promise<{ url: string; title: string; text: string } | null> => {
    const known = wiring.texts.latestFor(tabId);
    if (known) return known;
    // The worker restarted since the page was read: its recorded copy stands in.
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const page = tab?.url ? await store.pagesByUrl(tab.url).catch(() => undefined) : undefined;
    return page ?? null;
  };

  router
    .on('similar.mark', async ({ textId }, { tab }) => {
      const entry = wiring.texts.get(textId, tab!.id);
      if (!entry) throw new Error('unknown text id');
      if (!entry.analysis.verdict.isPolicy || !(await store.isEnabled())) return { paragraphs: [], open: '' };
      const found = await h['similar.page']({ url: entry.url, text: entry.text });
      await recordOnce(store, entry);
      return { paragraphs: found.map(similarTooltipText), open: tooltipButtonLabel() };
    })
    .on('similar.open', (req, { tab }) => {
      // Called synchronously inside the reader's click (a gesture): Chrome opens the side panel only then.
      const panel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome
        ?.sidePanel;
      const opened = panel
        ? panel.open({ tabId: tab!.id }).then(
            () => true,
            () => false,
          )
        : Promise.resolve(false);
      const asked: SimilarFocus = 'start' in req ? { start: req.start } : { trail: req.trail };
      focus.set(tab!.id, { ...asked, at: Date.now() });
      // An open side panel switches to the paragraph (or the trail) at once.
      browser.runtime.sendMessage(envelope('similar.focus', { tabId: tab!.id, ...asked })).catch(() => undefined);
      return opened.then((v) => ({ opened: v }));
    })
    .on('similar.takeFocus', ({ tabId }) => {
      const f = focus.get(tabId);
      focus.delete(tabId);
      if (!f || Date.now() - f.at >= FOCUS_TTL_MS) return {};
      const { at: _at, ...asked } = f;
      return asked;
    })
    .on('history.list', async () => ({ enabled: await store.isEnabled(), pages: await store.list() }))
    .on('history.delete', ({ pageId }) => h['history.delete']({ pageId }))
    .on('history.erase', () => h['history.erase']())
    .on('history.setEnabled', ({ enabled }) => h['history.setEnabled']({ enabled }))
    .on('similar.forTab', async ({ tabId }) => {
      // Off means off: no marks in the panel either.
      const page = (await store.isEnabled()) ? await textOfTab(tabId) : null;
      if (!page) return { paragraphs: [] };
      const found = await h['similar.page']({ url: page.url, text: page.text });
      const f = focus.get(tabId);
      return {
        ...(f?.start !== undefined && Date.now() - f.at < FOCUS_TTL_MS ? { focus: f.start } : {}),
        paragraphs: found.map((p) => ({
          start: p.start,
          end: p.end,
          pairs: p.matches.map((m) => ({
            label: m.label,
            score: m.score,
            ops: diffText(m.otherText, page.text.slice(p.start, p.end)),
            other: { pageId: m.pageId, url: m.url, title: m.title, date: m.date, text: m.otherText },
          })),
        })),
      };
    })
    .on('similar.passages', async (query) => {
      if (!(await store.isEnabled())) return { matches: [] };
      const [matches] = await historyPassages(store, [query]);
      return { matches };
    })
    .on('similar.counts', async ({ clips }) => {
      if (!(await store.isEnabled())) return { counts: clips.map(({ id }) => ({ id, count: 0 })) };
      const counts = await passageCounts.count(clips);
      return { counts: clips.map(({ id }, i) => ({ id, count: counts[i] })) };
    })
    .on('compare.suggest', async ({ tabId }) => {
      const page = await textOfTab(tabId);
      return { suggestions: page ? await h['compare.suggest']({ url: page.url, text: page.text }) : [] };
    })
    .on('compare.run', async ({ older, newer }) => {
      const side = async (s: { pageId: number } | { tabId: number }) => {
        if ('pageId' in s) return s;
        const page = await textOfTab(s.tabId);
        if (!page) throw new Error('this page has not been read yet');
        return page;
      };
      return h['compare.run']({ older: await side(older), newer: await side(newer) });
    })
    .on('mentions.trail', ({ query }) => h['mentions.trail']({ query }));
  return store;
}

/** Reading the same page again with the same text writes nothing (re-analyses after page mutations are many). */
async function recordOnce(
  store: HistoryStore,
  entry: { url: string; title: string; text: string; analysis: Analysis },
): Promise<void> {
  const old = await store.pagesByUrl(normalizeUrl(entry.url));
  if (old && old.text === entry.text) return;
  await store.recordPage({
    url: entry.url,
    title: entry.analysis.title || entry.title,
    text: entry.text,
    analysis: entry.analysis,
    ...(entry.analysis.speaker ? { speaker: speakerLabel(entry.analysis.speaker) } : {}),
  });
}
