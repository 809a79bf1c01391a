import { t } from '../i18n';
import { request } from '../messages/content-endpoint';
import type { PageClip } from '../messages/page-actions';
import type { HoverSource } from '../reading/hover';
import { el as make, shorten, trustedButton } from '../reading/dom';
import { runAction } from '../reading/tooltip-actions';
import { CLIP_PALETTE, type ClipHighlighter } from './highlights';

/** What the card asks the background (clips.pageGet/Edit/Delete: this page's clips only); tests inject it. */
export interface PageClipLink {
  get(id: string): Promise<PageClip>;
  edit(clip: PageClip): Promise<PageClip>;
  remove(id: string): Promise<unknown>;
}

export const pageClipLink: PageClipLink = {
  get: (id) => request('clips.pageGet', { id }),
  edit: (clip) => request('clips.pageEdit', clip),
  remove: (id) => request('clips.pageDelete', { id }),
};

/**
 * The clip hover card: hovering one of the page's clip highlights shows its note and tags in Tifa's tooltip, with
 * "edit" (note, tags) and "delete". Only this page's clips are painted here, and the background answers only
 * about clips of the sender's own page. Delete goes to the trash (the library can restore it), and the page places
 * and paints its clips again (`repaint`), so the highlight goes at once.
 */
export function clipHoverSource(
  doc: Document,
  highlighter: ClipHighlighter,
  /** Places and paints the page's clips again (the clipper's reanchor) after a delete. */
  repaint: () => unknown,
  link: PageClipLink = pageClipLink,
): HoverSource {
  return {
    hit(x, y) {
      const entry = highlighter.entryAt(x, y);
      if (!entry) return null;
      const passage = entry.range.toString();
      return {
        length: passage.length,
        key: `c${entry.id}`,
        content: (close) => ({
          swatch: CLIP_PALETTE[entry.color ?? 'yellow'],
          heading: t('reading_clipHeading'),
          text: `“${shorten(passage.trim(), 80)}”`,
          extra: clipCard(doc, entry.id, link, () => {
            close();
            repaint();
          }),
        }),
      };
    },
  };
}

/** The card's body: note, tags, and the actions; filled once the background answered. `gone`: after a delete. */
export function clipCard(doc: Document, id: string, link: PageClipLink, gone: () => void): HTMLElement {
  const card = make(doc, 'div', 'card');
  const el = (tag: 'div', cls: string, text?: string) => make(doc, tag, cls, text);
  const view = (clip: PageClip) => {
    const note = el('div', clip.note ? 'note' : 'note muted', clip.note || t('reading_clipNoNote'));
    const tags = el('div', 'tags', clip.tags.map((tag) => `#${tag}`).join(' '));
    const actions = el('div', 'actions');
    const edit = trustedButton(doc, t('reading_clipEdit'), () => editor(clip));
    edit.dataset.action = 'edit';
    const del = trustedButton(doc, t('reading_clipDelete'), () => void runAction(card, () => link.remove(id), gone));
    del.dataset.action = 'delete';
    actions.append(edit, del);
    card.replaceChildren(note, tags, actions);
  };
  const editor = (clip: PageClip) => {
    const note = make(doc, 'textarea');
    note.name = 'note';
    note.rows = 3;
    note.value = clip.note;
    note.setAttribute('aria-label', t('reading_clipNote'));
    const tags = make(doc, 'input');
    tags.name = 'tags';
    tags.value = clip.tags.join(', ');
    tags.placeholder = t('reading_clipTags');
    tags.setAttribute('aria-label', t('reading_clipTags'));
    const actions = el('div', 'actions');
    const save = trustedButton(doc, t('reading_clipSave'), () => {
      const next = {
        id,
        note: note.value,
        tags: tags.value
          .split(/[,，、;；]/)
          .map((x) => x.trim())
          .filter(Boolean),
      };
      void runAction(
        card,
        async () => view(await link.edit(next)),
        () => undefined,
      );
    });
    save.dataset.action = 'save';
    actions.append(
      save,
      trustedButton(doc, t('reading_clipCancel'), () => view(clip)),
    );
    card.replaceChildren(note, tags, actions);
    note.focus();
  };
  card.append(el('div', 'muted', '…'));
  link.get(id).then(view, (err: unknown) => card.replaceChildren(el('div', 'msg', String(err))));
  return card;
}
