import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { PageView } from './page/PageView';
import { LibraryView } from './library/LibraryView';

type Tab = 'page' | 'library';

/** The side panel: "This page" (outline, this page's clips, orphans) and "Library" (all clips). */
export function SidePanelApp() {
  const [tab, setTab] = useState<Tab>('page');
  return (
    <div class="tifa-app">
      <nav class="tifa-tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'page'} onClick={() => setTab('page')}>
          {t('tabThisPage')}
        </button>
        <button role="tab" aria-selected={tab === 'library'} onClick={() => setTab('library')}>
          {t('tabLibrary')}
        </button>
      </nav>
      <main role="tabpanel">{tab === 'page' ? <PageView /> : <LibraryView />}</main>
    </div>
  );
}
