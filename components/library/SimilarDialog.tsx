import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReplyOf } from '../../lib/messages/protocol';
import { sendToBackground } from '../../lib/messages/transport';
import type { Clip } from '../../lib/clips/types';
import { localDate } from '../../lib/export/format';
import { speechTitleOf } from '../../lib/search/group';
import { findSimilar, groupSimilarBySpeech, type RecurringPassage, type SimilarityIndex } from '../../lib/similarity';
import { Variants } from '../similar/Variants';
import { Dialog } from './Dialog';
import { SafeLink } from './SafeLink';
import { tl } from './i18n';

/** Text with the recurring passages marked (as text nodes, never markup). */
function Passages({ text, passages }: { text: string; passages: RecurringPassage[] }) {
  const parts: Array<string | { mark: string }> = [];
  let cursor = 0;
  for (const p of [...passages].sort((a, b) => a.start - b.start)) {
    if (p.start < cursor) continue;
    parts.push(text.slice(cursor, p.start), { mark: text.slice(p.start, p.end) });
    cursor = p.end;
  }
  parts.push(text.slice(cursor));
  return <>{parts.map((part, i) => (typeof part === 'string' ? part : <mark key={i}>{part.mark}</mark>))}</>;
}

/**
 * Where this clip's passage recurs: its variants in the reading history as one group (speech titles, the
 * differences marked), then other clips of other speeches, grouped by speech, with the shared text marked.
 */
export function SimilarDialog(props: {
  clip: Clip;
  index: SimilarityIndex | null;
  onClose(): void;
  onShow(clip: Clip): void;
}) {
  const { index } = props;
  const groups = useMemo(
    () => (index?.byId.has(props.clip.id) ? groupSimilarBySpeech(findSimilar(index, props.clip.id)) : null),
    [index, props.clip.id],
  );
  // Passages of the reading history that resemble this clip (issue 12), found in the background.
  const [history, setHistory] = useState<ReplyOf<'similar.passages'>['matches'] | null>(null);
  useEffect(() => {
    setHistory(null);
    sendToBackground('similar.passages', { text: props.clip.text, url: props.clip.url }).then(
      (r) => setHistory(r.matches),
      () => setHistory([]),
    );
  }, [props.clip.text, props.clip.url]);
  return (
    <Dialog title={tl('library_similarTitle')} onClose={props.onClose} class="tifa-lib-similar">
      <p class="tifa-lib-similar-source" lang="zh">
        {props.clip.text.length > 160 ? `${props.clip.text.slice(0, 160)}…` : props.clip.text}
      </p>
      {history &&
        (history.length > 0 ? (
          <Variants clipText={props.clip.text} passages={history} />
        ) : (
          <p class="tifa-lib-similar-history" data-count={0}>
            {tl('similar_libraryResembles', { n: 0 })}
          </p>
        ))}
      {groups === null ? (
        <p class="tifa-lib-empty-small" role="status" aria-busy="true">
          {tl('library_similarWorking')}
        </p>
      ) : groups.length === 0 ? (
        <p class="tifa-lib-empty-small">{tl('library_similarNone')}</p>
      ) : (
        <>
          <p>{tl('library_similarCount', { n: groups.length })}</p>
          <ul class="tifa-lib-similar-list">
            {groups.map(({ url, results }) => (
              <li key={url}>
                <h3>
                  <SafeLink href={url}>{speechTitleOf(results[0].clip)}</SafeLink>
                </h3>
                <div class="tifa-lib-group-meta">
                  <span>{results[0].clip.site}</span>
                  {results[0].clip.speechDate && <span>{results[0].clip.speechDate}</span>}
                </div>
                {results.map((r) => (
                  <div class="tifa-lib-similar-item" key={r.clip.id}>
                    <p lang="zh">
                      <Passages text={r.clip.text} passages={r.otherPassages} />
                    </p>
                    <div class="tifa-lib-similar-foot">
                      <span>{tl('library_similarScore', { run: r.longestRun, pct: Math.round(r.score * 100) })}</span>
                      <span>{localDate(r.clip.created)}</span>
                      <button type="button" class="tifa-lib-button" onClick={() => props.onShow(r.clip)}>
                        {tl('library_showInLibrary')}
                      </button>
                    </div>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
