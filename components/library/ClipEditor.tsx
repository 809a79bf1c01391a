import { useEffect, useRef, useState } from 'preact/hooks';
import { CLIP_COLORS, MAX_NOTE_CHARS, MAX_TAG_CHARS, type Clip, type ClipColor } from '../../lib/clips/types';
import type { ClipPatch } from '../../lib/clips/schema';
import { localDate, OUTLINE_SEPARATOR, outlineLabel } from '../../lib/export/format';
import { speechTitleOf } from '../../lib/search/group';
import { Highlighted } from './Highlighted';
import { unplacedLabel } from './unplaced';
import { SafeLink } from './SafeLink';
import { tl } from './i18n';

export interface ClipEditorProps {
  clip: Clip;
  query: string;
  /** Known tags, most used first, for completion. */
  allTags: readonly string[];
  onSave(id: string, patch: ClipPatch): Promise<void>;
  onClose(): void;
  onDelete(ids: string[]): void;
  onSimilar(id: string): void;
}

/**
 * The inline editor that replaces a clip's row: note, tags (with completion from the library's tags) and colour.
 * Tags and colour save at once; the note saves on "Done", Ctrl+Enter or leaving the field; Esc closes.
 */
export function ClipEditor(props: ClipEditorProps) {
  const { clip, query } = props;
  const [note, setNote] = useState(clip.note);
  const [tagInput, setTagInput] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const listId = `tifa-tags-${clip.id}`;

  useEffect(() => noteRef.current?.focus(), []);
  // A change from elsewhere (another tab) replaces the draft only when this editor has nothing unsaved.
  const savedNote = useRef(clip.note);
  if (clip.note !== savedNote.current) {
    // Adjusting state during render (not in an effect) so a keystroke made before an effect ran is never lost.
    if (note === savedNote.current) setNote(clip.note);
    savedNote.current = clip.note;
  }

  const saveNote = async () => {
    if (note !== clip.note) await props.onSave(clip.id, { note });
  };
  const addTag = async (raw: string) => {
    const tag = raw.trim();
    setTagInput('');
    if (!tag || clip.tags.includes(tag)) return;
    await props.onSave(clip.id, { addTags: [tag] });
  };
  // Operations, not the whole list: an edit made meanwhile in another view is kept (see clipPatchSchema).
  const removeTag = (tag: string) => props.onSave(clip.id, { removeTags: [tag] });
  const setColor = (color: ClipColor) => props.onSave(clip.id, { color });
  const done = async () => {
    await saveNote();
    props.onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
    }
  };

  const suggestions = props.allTags.filter((t) => !clip.tags.includes(t)).slice(0, 200);
  const path = clip.outlinePath.map(outlineLabel).join(OUTLINE_SEPARATOR);

  return (
    <section
      class="tifa-lib-editor"
      data-clip-id={clip.id}
      data-color={clip.color}
      aria-label={tl('library_editorLabel')}
      onKeyDown={onKeyDown}
    >
      <span class="tifa-lib-swatch" aria-hidden="true" />
      <div class="tifa-lib-editor-body">
        <div class="tifa-lib-meta">
          <span class="tifa-lib-context" title={path || speechTitleOf(clip)}>
            {path || speechTitleOf(clip)}
          </span>
          <time class="tifa-lib-date">{localDate(clip.created)}</time>
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <blockquote class="tifa-lib-fulltext" lang="zh" tabIndex={0}>
          {unplacedLabel(clip) ?? <Highlighted text={clip.text} query={query} />}
        </blockquote>
        <label class="tifa-lib-field">
          <span>{tl('library_note')}</span>
          <textarea
            ref={noteRef}
            rows={3}
            maxLength={MAX_NOTE_CHARS}
            value={note}
            placeholder={tl('library_notePlaceholder')}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
            onBlur={() => void saveNote()}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void done();
              }
            }}
          />
        </label>
        <div class="tifa-lib-field">
          <span id={`${listId}-label`}>{tl('library_tags')}</span>
          <div class="tifa-lib-tagedit">
            {clip.tags.map((tag) => (
              <span class="tifa-lib-tag" key={tag}>
                {tag}
                <button
                  type="button"
                  class="tifa-lib-tag-remove"
                  aria-label={tl('library_removeTag', { tag })}
                  onClick={() => void removeTag(tag)}
                >
                  ×
                </button>
              </span>
            ))}
            <input
              type="text"
              class="tifa-lib-tag-input"
              list={listId}
              value={tagInput}
              maxLength={MAX_TAG_CHARS}
              aria-labelledby={`${listId}-label`}
              placeholder={tl('library_addTagPlaceholder')}
              onInput={(e) => setTagInput((e.target as HTMLInputElement).value)}
              onKeyDown={(e) => {
                // Read the field itself: the state may not have caught up with the last keystroke yet.
                const value = (e.target as HTMLInputElement).value;
                if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
                  e.preventDefault();
                  void addTag(value);
                } else if (e.key === 'Backspace' && !value && clip.tags.length) {
                  void removeTag(clip.tags[clip.tags.length - 1]);
                }
              }}
            />
            <datalist id={listId}>
              {suggestions.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
            <button
              type="button"
              class="tifa-lib-button"
              onClick={() => void addTag(tagInput)}
              disabled={!tagInput.trim()}
            >
              {tl('library_addTag')}
            </button>
          </div>
        </div>
        <fieldset class="tifa-lib-field tifa-lib-colors">
          <legend>{tl('library_color')}</legend>
          {CLIP_COLORS.map((color) => (
            <label key={color} class="tifa-lib-color" data-color={color} title={tl(`library_color_${color}`)}>
              <input
                type="radio"
                name={`color-${clip.id}`}
                value={color}
                checked={clip.color === color}
                onChange={() => void setColor(color)}
                aria-label={tl(`library_color_${color}`)}
              />
              <span class="tifa-lib-color-dot" aria-hidden="true" />
            </label>
          ))}
        </fieldset>
        <div class="tifa-lib-editor-actions">
          <button type="button" class="tifa-lib-button tifa-lib-primary" onClick={() => void done()}>
            {tl('library_done')}
          </button>
          <button type="button" class="tifa-lib-button" onClick={() => props.onSimilar(clip.id)}>
            {tl('library_similar')}
          </button>
          <SafeLink href={clip.url} class="tifa-lib-button" label={tl('library_openSource')}>
            {tl('library_openSource')}
          </SafeLink>
          <button type="button" class="tifa-lib-button tifa-lib-danger" onClick={() => props.onDelete([clip.id])}>
            {tl('library_delete')}
          </button>
        </div>
      </div>
    </section>
  );
}
