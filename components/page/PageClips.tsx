import { unplacedLabel } from '../library/unplaced';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { storedStart } from '../../lib/clips/position';
import type { Clip } from '../../lib/clips/types';
import { normalizeUrl } from '../../lib/clips/url';
import type { ClipAnchorStatus } from '../../lib/messages/clips';
import { sendToTab } from '../../lib/messages/transport';
import { openClipDatabase } from '../../lib/store/db';
import { pageClips } from '../../lib/store/queries';
import { OUTLINE_SEPARATOR, outlineLabel } from '../../lib/export/format';

export interface PageClipsProps {
  /** The tab whose page is shown. */
  tabId: number;
  /** The tab's URL (used when the content script is not running there). */
  url?: string;
}

type Anchors = { url: string; byId: Map<string, ClipAnchorStatus> } | null;

const db = openClipDatabase();

/**
 * This page's clips for the side panel's "This page" view: the clips placed on the page in document order,
 * then the orphans (clips of this page that could not be placed), which are listed, never dropped.
 * Live: follows the clip database (Dexie liveQuery) and the content script's re-anchoring.
 */
export function PageClips({ tabId, url }: PageClipsProps) {
  const [anchors, setAnchors] = useState<Anchors>(null);
  const [anchorsLoaded, setAnchorsLoaded] = useState(false);
  const [clips, setClips] = useState<Clip[] | null>(null);

  const refreshAnchors = useCallback(async () => {
    try {
      const reply = await sendToTab(tabId, 'clipping.getAnchors', {});
      setAnchors({ url: reply.url, byId: new Map(reply.anchors.map((a) => [a.id, a])) });
    } catch {
      setAnchors(null); // the content script is not running in this tab
    }
    setAnchorsLoaded(true);
  }, [tabId]);

  const pageUrl = useMemo(() => {
    const raw = anchors?.url || url;
    try {
      return raw ? normalizeUrl(raw) : null;
    } catch {
      return null;
    }
  }, [anchors?.url, url]);

  useEffect(() => {
    void refreshAnchors();
    const onMessage = (raw: unknown, sender: { tab?: { id?: number }; id?: string }) => {
      const kind = (raw as { kind?: unknown } | null)?.kind;
      if (
        sender.id === browser.runtime.id &&
        sender.tab?.id === tabId &&
        (kind === 'clipping.anchorsChanged' || kind === 'reading.changed')
      ) {
        void refreshAnchors();
      }
      return undefined;
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') void refreshAnchors();
    };
    browser.runtime.onMessage.addListener(onMessage as never);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage as never);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, refreshAnchors]);

  useEffect(() => {
    if (!pageUrl) return;
    const sub = liveQuery(() => pageClips(db, pageUrl)).subscribe({
      next: (next) => setClips(next),
      error: () => setClips([]),
    });
    return () => sub.unsubscribe();
  }, [pageUrl]);

  // A clip saved or deleted changes the list; ask the page where the clips are now.
  const clipIds = clips?.map((c) => c.id).join(',');
  useEffect(() => {
    if (clipIds !== undefined) void refreshAnchors();
  }, [clipIds, refreshAnchors]);

  if (!clips || !anchorsLoaded)
    return (
      <section class="tifa-page-clips" aria-busy="true">
        {t('clippingLoading')}
      </section>
    );

  const placed: { clip: Clip; start: number }[] = [];
  const orphans: Clip[] = [];
  for (const clip of clips) {
    const a = anchors?.byId.get(clip.id);
    if (a?.status === 'anchored') placed.push({ clip, start: a.start ?? storedStart(clip) });
    else if (a?.status === 'orphan') orphans.push(clip);
    else placed.push({ clip, start: storedStart(clip) }); // not placed yet (or no content script): by stored position
  }
  placed.sort((a, b) => a.start - b.start);

  return (
    <section class="tifa-page-clips" aria-labelledby="tifa-page-clips-heading">
      <h2 id="tifa-page-clips-heading">
        {t('clippingPageHeading')} <span class="tifa-count">{clips.length}</span>
      </h2>
      {!anchors && clips.length > 0 && <p class="tifa-hint">{t('clippingUnavailable')}</p>}
      {clips.length === 0 && <p class="tifa-empty">{t('clippingNone')}</p>}
      {placed.length > 0 && (
        <ol class="tifa-clip-list" data-kind="anchored">
          {placed.map(({ clip }) => (
            <ClipRow
              key={clip.id}
              clip={clip}
              onShow={anchors ? () => void sendToTab(tabId, 'clipping.scrollTo', { id: clip.id }) : undefined}
            />
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <>
          <h3 id="tifa-page-orphans-heading">
            {t('clippingOrphansHeading')} <span class="tifa-count">{orphans.length}</span>
          </h3>
          <p class="tifa-hint">{t('clippingOrphansHint')}</p>
          <ul class="tifa-clip-list" data-kind="orphan" aria-labelledby="tifa-page-orphans-heading">
            {orphans.map((clip) => (
              <ClipRow key={clip.id} clip={clip} orphan />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ClipRow({ clip, orphan, onShow }: { clip: Clip; orphan?: boolean; onShow?: () => void }) {
  const path = clip.outlinePath.map(outlineLabel).join(OUTLINE_SEPARATOR);
  return (
    <li class="tifa-clip-row" data-clip-id={clip.id} data-color={clip.color} data-orphan={orphan ? 'true' : undefined}>
      <div class="tifa-clip-path">{path || t('clippingNoOutline')}</div>
      <blockquote class="tifa-clip-text">
        {unplacedLabel(clip) ?? (clip.text.length > 280 ? `${clip.text.slice(0, 280)}…` : clip.text)}
      </blockquote>
      {orphan && <span class="tifa-badge">{t('clippingOrphanBadge')}</span>}
      {onShow && !orphan && (
        <button type="button" class="tifa-link-button" onClick={onShow}>
          {t('clippingShow')}
        </button>
      )}
    </li>
  );
}
