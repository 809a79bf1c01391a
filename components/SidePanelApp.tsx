import { useCallback, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { PageView } from './page/PageView';
import { LibraryView } from './library/LibraryView';
import type { SimilarFocus } from '../lib/messages/history';
import { SimilarView, type TrailRequest } from './similar/SimilarView';
import { useSimilarFocus } from './similar/useTargetTabId';
import { tl } from './library/i18n';

type Tab = 'page' | 'library' | 'similar';
const TABS: readonly Tab[] = ['page', 'library', 'similar'];

/** `?tab=library` opens the Library first (links from the popup, screenshots). */
function initialTab(): Tab {
  const requested = new URLSearchParams(location.search).get('tab');
  return requested === 'library' || requested === 'similar' ? requested : 'page';
}

/** The side panel: "This page" (outline, this page's clips, orphans) and "Library" (all clips). */
export function SidePanelApp() {
  const [tab, setTab] = useState<Tab>(initialTab);
  // A page tooltip's "side by side" or "across speeches" (issue 12), or a page index entry's trail, switches to
  // the Similar tab on that paragraph or trail (`seq` makes asking for the same trail twice run it again).
  const [focus, setFocus] = useState<number | undefined>(undefined);
  const [trail, setTrail] = useState<TrailRequest | undefined>(undefined);
  const openTrail = useCallback((query: string) => {
    setTrail((old) => ({ query, seq: (old?.seq ?? 0) + 1 }));
    setTab('similar');
  }, []);
  useSimilarFocus(
    useCallback(
      (_tabId: number, asked: SimilarFocus) => {
        if (asked.trail) return openTrail(asked.trail);
        setTrail(undefined);
        setFocus(asked.start);
        setTab('similar');
      },
      [openTrail],
    ),
  );
  // ARIA tabs pattern: arrow keys move between tabs, the panel is labelled by the selected tab.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    document.getElementById(`tifa-tab-${next}`)?.focus();
  };
  return (
    <div class="tifa-app">
      <div class="tifa-tabs" role="tablist" aria-label="Tifa" onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            type="button"
            key={id}
            id={`tifa-tab-${id}`}
            role="tab"
            aria-selected={tab === id}
            aria-controls="tifa-tabpanel"
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {id === 'similar' ? tl('similar_tab') : t(id === 'page' ? 'tabThisPage' : 'tabLibrary')}
          </button>
        ))}
      </div>
      <main id="tifa-tabpanel" role="tabpanel" aria-labelledby={`tifa-tab-${tab}`}>
        {tab === 'page' ? (
          <PageView onTrail={openTrail} />
        ) : tab === 'library' ? (
          <LibraryView />
        ) : (
          <SimilarView focus={focus} trail={trail} />
        )}
      </main>
    </div>
  );
}
