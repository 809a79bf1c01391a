import type { Clip } from '../../lib/clips/types';
import { localDate, OUTLINE_SEPARATOR, outlineLabel } from '../../lib/export/format';
import { speechTitleOf } from '../../lib/search/group';
import { previewAround } from '../../lib/search/match';
import { Highlighted } from './Highlighted';
import { Icon } from './icons';
import { tl } from './i18n';
import { unplacedLabel } from './unplaced';

export interface ClipRowActions {
  onToggleSelect(id: string): void;
  onEdit(id: string): void;
  onSimilar(id: string): void;
  onDelete(ids: string[]): void;
}

/** Where the clip sits: its outline path inside a speech group, the speech itself in the flat list by date. */
export function clipContext(clip: Clip, grouped: boolean): string {
  if (grouped) return clip.outlinePath.map(outlineLabel).join(OUTLINE_SEPARATOR);
  return speechTitleOf(clip);
}

export function ClipRow(
  props: {
    clip: Clip;
    query: string;
    selected: boolean;
    active: boolean;
    grouped: boolean;
    /** Reading-history passages resembling the clip (issue 12): a badge opening its variants; unknown: none. */
    similarCount?: number;
  } & ClipRowActions,
) {
  const { clip, query, selected, active, grouped, similarCount } = props;
  const tab = active ? 0 : -1;
  const context = clipContext(clip, grouped);
  const unplaced = unplacedLabel(clip);
  return (
    <article
      class={`tifa-lib-clip${selected ? ' is-selected' : ''}`}
      data-clip-id={clip.id}
      data-color={clip.color}
      aria-label={tl('library_clipLabel', { text: unplaced ? tl('library_unplacedShort') : clip.text.slice(0, 40) })}
    >
      <span class="tifa-lib-swatch" aria-hidden="true" />
      <input
        type="checkbox"
        class="tifa-lib-check"
        checked={selected}
        tabIndex={tab}
        aria-label={tl('library_selectClip')}
        onChange={() => props.onToggleSelect(clip.id)}
      />
      <div class="tifa-lib-clip-body">
        <div class="tifa-lib-meta">
          <span class="tifa-lib-context" title={context}>
            {grouped ? context : <Highlighted text={context} query={query} />}
          </span>
          {similarCount !== undefined && similarCount > 0 && (
            <button
              type="button"
              class="tifa-lib-similar-badge"
              tabIndex={tab}
              data-similar-count={similarCount}
              aria-label={tl('library_similarBadgeLabel', { n: similarCount })}
              title={tl('library_similarBadgeLabel', { n: similarCount })}
              onClick={() => props.onSimilar(clip.id)}
            >
              {tl('library_similarBadge', { n: similarCount })}
            </button>
          )}
          <time class="tifa-lib-date" dateTime={new Date(clip.created).toISOString()}>
            {localDate(clip.created)}
          </time>
        </div>
        {unplaced ? (
          <p class="tifa-lib-text tifa-lib-unplaced" data-unplaced="true">
            {unplaced}
          </p>
        ) : (
          <p class="tifa-lib-text" lang="zh">
            <Highlighted text={previewAround(clip.text, query)} query={query} />
          </p>
        )}
        {(clip.note || clip.tags.length > 0) && (
          <div class="tifa-lib-notes">
            {clip.note && (
              <span class="tifa-lib-note">
                <Highlighted text={clip.note} query={query} />
              </span>
            )}
            {clip.tags.map((tag) => (
              <span class="tifa-lib-tag" key={tag}>
                <Highlighted text={tag} query={query} />
              </span>
            ))}
          </div>
        )}
      </div>
      <div class="tifa-lib-actions">
        <button
          type="button"
          class="tifa-lib-icon"
          tabIndex={tab}
          aria-label={tl('library_edit')}
          title={tl('library_edit')}
          onClick={() => props.onEdit(clip.id)}
        >
          <Icon name="edit" />
        </button>
        <button
          type="button"
          class="tifa-lib-icon"
          tabIndex={tab}
          aria-label={tl('library_similar')}
          title={tl('library_similar')}
          onClick={() => props.onSimilar(clip.id)}
        >
          <Icon name="similar" />
        </button>
        <button
          type="button"
          class="tifa-lib-icon tifa-lib-danger"
          tabIndex={tab}
          aria-label={tl('library_delete')}
          title={tl('library_delete')}
          onClick={() => props.onDelete([clip.id])}
        >
          <Icon name="trash" />
        </button>
      </div>
    </article>
  );
}
