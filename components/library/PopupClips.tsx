import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { byStoredPosition } from '../../lib/clips/position';
import type { Clip } from '../../lib/clips/types';
import { normalizeUrl } from '../../lib/clips/url';
import { localDate, OUTLINE_SEPARATOR, outlineLabel } from '../../lib/export/format';
import { sendToTab } from '../../lib/messages/transport';
import { resolveTargetTab, type TargetTab, withPageUrl } from '../../lib/reading/targetTab';
import { openClipDatabase } from '../../lib/store/db';
import { tl } from './i18n';
import { unplacedLabel } from './unplaced';
import './library.css';
import './library-filters.css';
import './library-list.css';
import './library-dialogs.css';

export interface PopupClipsDeps {
  resolveTarget(): Promise<TargetTab | null>;
  /** This page's clips now and after every change; returns unsubscribe. */
  subscribePage(url: string, onClips: (clips: Clip[]) => void): () => void;
  /** Ids of clips the page could not place (orphans); empty when unknown. */
  orphans(tabId: number): Promise<Set<string>>;
  reveal(tabId: number, clipId: string): Promise<void>;
}

const extensionDeps: PopupClipsDeps = {
  async resolveTarget() {
    const tab = await resolveTargetTab();
    return tab && withPageUrl(tab);
  },
  subscribePage(url, onClips) {
    const db = openClipDatabase();
    const key = normalizeUrl(url);
    const sub = liveQuery(() => db.clips.where('url').equals(key).toArray()).subscribe({
      next: (clips) => onClips(clips.sort(byStoredPosition)),
      error: () => onClips([]),
    });
    return () => {
      sub.unsubscribe();
      db.close();
    };
  },
  async orphans(tabId) {
    try {
      const { anchors } = await sendToTab(tabId, 'clipping.getAnchors', {});
      return new Set(anchors.filter((a) => a.status === 'orphan').map((a) => a.id));
    } catch {
      return new Set();
    }
  },
  async reveal(tabId, clipId) {
    await sendToTab(tabId, 'clipping.scrollTo', { id: clipId });
  },
};

type State =
  | { status: 'loading' }
  | { status: 'no-page' }
  | { status: 'ready'; target: TargetTab & { url: string }; clips: Clip[] };

/** The popup's list of this page's clips in document order; a click scrolls the page to the clip. */
export function PopupClips(props: { deps?: PopupClipsDeps }) {
  const deps = props.deps ?? extensionDeps;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [orphans, setOrphans] = useState<Set<string>>(new Set());

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      const target = await deps.resolveTarget().catch(() => null);
      if (cancelled) return;
      const url = target?.url;
      if (!target || !url || !/^(https?|file):/.test(url)) return setState({ status: 'no-page' });
      unsubscribe = deps.subscribePage(
        url,
        (clips) => !cancelled && setState({ status: 'ready', target: { ...target, url }, clips }),
      );
      setOrphans(await deps.orphans(target.id));
    })();
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [deps]);

  if (state.status === 'loading') return <section class="tifa-popup-clips" aria-busy="true" />;
  if (state.status === 'no-page') {
    return (
      <section class="tifa-popup-clips" aria-label={tl('library_popupTitle')}>
        <p class="tifa-lib-empty-small">{tl('library_popupNoPage')}</p>
      </section>
    );
  }
  const { clips, target } = state;
  return (
    <section class="tifa-popup-clips" aria-label={tl('library_popupTitle')}>
      <h2>
        <span>{tl('library_popupTitle')}</span>
        <span>{clips.length}</span>
      </h2>
      {clips.length === 0 ? (
        <p class="tifa-lib-empty-small">{tl('library_popupEmpty')}</p>
      ) : (
        <ol>
          {clips.map((clip) => (
            <li key={clip.id}>
              <button
                type="button"
                class="tifa-popup-clip"
                data-clip-id={clip.id}
                data-color={clip.color}
                onClick={() => void deps.reveal(target.id, clip.id).catch(() => undefined)}
              >
                <span class="tifa-lib-swatch" aria-hidden="true" />
                <span class="tifa-popup-clip-body">
                  <p class="tifa-popup-clip-text" lang="zh">
                    {unplacedLabel(clip) ?? clip.text}
                  </p>
                  <span class="tifa-popup-clip-meta">
                    {orphans.has(clip.id) && <span class="tifa-popup-orphan">{tl('library_orphan')}</span>}
                    <span>
                      {clip.outlinePath.length
                        ? clip.outlinePath.map(outlineLabel).join(OUTLINE_SEPARATOR)
                        : localDate(clip.created)}
                    </span>
                    {clip.tags.length > 0 && <span>{clip.tags.map((t) => `#${t}`).join(' ')}</span>}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
