import { useEffect, useState } from 'preact/hooks';
import { tl } from '../library/i18n';
import { CompareTab } from './CompareTab';
import { HistoryView } from './HistoryView';
import { RecurringView } from './RecurringView';
import { TrailView } from './TrailView';
import { useTargetTabId } from './useTargetTabId';
import './similar.css';

type View = 'recurring' | 'compare' | 'trail' | 'history';
const VIEWS: readonly View[] = ['recurring', 'compare', 'trail', 'history'];
const LABEL: Record<View, string> = {
  recurring: 'similar_viewRecurring',
  compare: 'similar_viewCompare',
  trail: 'similar_viewTrail',
  history: 'similar_viewHistory',
};

/** A trail to show: from a mention's tooltip or a page index entry; `seq` tells a new request from a re-render. */
export interface TrailRequest {
  query: string;
  seq: number;
}

/**
 * The side panel's "Similar" tab (issue 12): this page's recurring paragraphs side by side, compare with an
 * earlier-read speech, a 提法 across speeches, and the reading history. `focus` (a paragraph) and `trail` (a
 * term, searched at once) come from a page tooltip or the page index.
 */
export function SimilarView({
  focus,
  trail,
  view: initialView,
}: {
  focus?: number;
  trail?: TrailRequest;
  view?: View;
}) {
  const tabId = useTargetTabId();
  const [view, setView] = useState<View>(initialView ?? (trail ? 'trail' : 'recurring'));
  // A new trail request while the tab is already shown switches to the trail view.
  useEffect(() => {
    if (trail) setView('trail');
  }, [trail]);
  const needsTab = view === 'recurring' || view === 'compare';
  return (
    <div class="tifa-similar">
      <nav class="tifa-similar-views">
        {VIEWS.map((v) => (
          <button type="button" key={v} aria-pressed={v === view} onClick={() => setView(v)}>
            {tl(LABEL[v])}
          </button>
        ))}
      </nav>
      {needsTab && tabId === undefined ? (
        <p aria-busy="true">…</p>
      ) : needsTab && tabId === null ? (
        <p class="tifa-similar-empty">{tl('similar_noPage')}</p>
      ) : view === 'recurring' ? (
        <RecurringView tabId={tabId!} focus={focus} />
      ) : view === 'compare' ? (
        <CompareTab tabId={tabId!} />
      ) : view === 'trail' ? (
        <TrailView key={trail?.seq ?? 0} initial={trail?.query} />
      ) : (
        <HistoryView />
      )}
    </div>
  );
}
