import { useEffect, useState } from 'preact/hooks';
import type { PageIndex, PageState } from '../../lib/messages/page';
import { sendToTab } from '../../lib/messages/transport';

/**
 * The page's mentions (reading.getIndex), re-read whenever the page's state is (a new analysis announces itself
 * with reading.changed, and usePageState reads the state again).
 */
export function usePageIndex(tabId: number | undefined, state: PageState | null): PageIndex | null {
  const [index, setIndex] = useState<PageIndex | null>(null);
  useEffect(() => {
    if (tabId === undefined || state?.status !== 'policy') {
      setIndex(null);
      return;
    }
    let live = true;
    sendToTab(tabId, 'reading.getIndex', {}).then(
      (next) => live && setIndex(next),
      () => live && setIndex(null),
    );
    return () => {
      live = false;
    };
  }, [tabId, state]);
  return index;
}
