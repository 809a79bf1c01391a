import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageState } from '../../lib/messages/page';
import { createRouter } from '../../lib/messages/router';
import { listen, sendToTab } from '../../lib/messages/transport';
import { isPinnedToTab, resolveTargetTab, type TargetTab } from '../../lib/reading/targetTab';

export type PagePhase = 'loading' | 'ready' | 'absent' | 'notab';

export interface PageStateHandle {
  tab: TargetTab | null;
  state: PageState | null;
  /** ready: the content script answered; absent: it is not running in the tab; notab: nothing to show. */
  phase: PagePhase;
  refresh(): Promise<void>;
}

/**
 * The target tab's reading state, kept current: re-read when the content script announces a change, and —
 * unless the view is pinned to a tab with ?tabId= — when the reader switches or reloads tabs.
 */
export function usePageState(): PageStateHandle {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [state, setState] = useState<PageState | null>(null);
  const [phase, setPhase] = useState<PagePhase>('loading');
  const tabRef = useRef<TargetTab | null>(null);

  const refresh = useCallback(async () => {
    const current = tabRef.current;
    if (!current) return;
    try {
      const next = await sendToTab(current.id, 'reading.getState', {});
      if (tabRef.current?.id !== current.id) return;
      setState(next);
      setPhase('ready');
    } catch {
      if (tabRef.current?.id !== current.id) return;
      setState(null);
      setPhase('absent');
    }
  }, []);

  const retarget = useCallback(async () => {
    const next = await resolveTargetTab().catch(() => null);
    tabRef.current = next;
    setTab(next);
    if (!next) {
      setState(null);
      setPhase('notab');
      return;
    }
    await refresh();
  }, [refresh]);

  useEffect(() => {
    void retarget();
    const router = createRouter(browser.runtime.id, browser.runtime.getURL('/')).on(
      'reading.changed',
      (_payload, ctx) => {
        if (ctx.sender.tab?.id === tabRef.current?.id) void refresh();
        return {};
      },
    );
    const unlisten = listen(router);
    const pinned = isPinnedToTab();
    const onActivated = () => void retarget();
    const onUpdated = (tabId: number, info: { status?: string }) => {
      if (tabId === tabRef.current?.id && info.status === 'complete') void refresh();
    };
    if (!pinned) browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      unlisten();
      if (!pinned) browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [retarget, refresh]);

  return { tab, state, phase, refresh };
}
