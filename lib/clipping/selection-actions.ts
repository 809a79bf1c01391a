import type { Clip } from '../clips/types';
import { t } from '../i18n';
import { categoryLabel } from '../reading/describe';
import { MENTION_CATEGORIES, type MentionCategory } from '../rules/types';
import type { ClipButtonUi } from './clip-button';
import { el, trustedButton } from '../reading/dom';
import type { BackgroundLink } from './content-messages';
import { rangeFor, type PageTexts } from './page-text';
import { field, openPanel, type Panel, parseTags } from './panels';
import { snapSpan } from './snap';

/** Longest selection offered as a term (the rule pack's limit, lib/rulepacks/schema.ts MAX_TERM_CHARS). */
const MAX_TERM_CHARS = 60;

/**
 * What the selection bar does besides clipping: snap the selection to whole sentences or paragraphs, the note
 * editor after a clip, "copy with citation", and "add as a term". Every one starts from the reader's own
 * gesture in Tifa's closed UI (trusted click or key press; see panels.ts). A closure, not a class: its state is
 * in locals, which the minifier shortens.
 */
export function createSelectionActions(doc: Document, ui: ClipButtonUi, texts: PageTexts, link: BackgroundLink) {
  let panel: Panel | null = null;

  const close = (): void => {
    panel?.close();
    panel = null;
  };

  const failed = (err: unknown, key: 'clippingFailed' | 'clippingTermFailed' = 'clippingFailed'): void =>
    ui.announce(`${t(key)} ${String(err)}`, 'error');

  /** Copies the passage and its citation line (two lines) to the clipboard. */
  const copy = async (text: string, citation: string | undefined): Promise<void> => {
    try {
      await copyText(doc, citation ? `${text}\n${citation}` : text);
      ui.announce(t('clippingCopied'));
    } catch (err) {
      failed(err);
    }
  };

  return {
    /** Whether a panel is open (the selection tracker leaves the page's selection alone meanwhile). */
    get panelOpen(): boolean {
      return !!panel?.open;
    },

    close,

    /**
     * Grows the selection one step (mid-phrase → whole sentences → whole paragraph) and selects it on the page,
     * so the reader sees what Clip will take. Returns the new range, or null when it could not be placed.
     */
    snap(range: Range | null): Range | null {
      const span = range && texts.spanOf(range);
      if (!span) return null;
      const text = span.page.extracted.text;
      const snapped = snapSpan(text, span.start, span.end);
      const next = rangeFor(span.page.extracted, snapped.start, snapped.end);
      const sel = doc.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(next);
      ui.announce(t(snapped.level === 'sentence' ? 'clippingSnapSentence' : 'clippingSnapParagraph'));
      return next;
    },

    /** The note editor right after Clip: type, Enter = saved with the note; Escape = the clip stays without one. */
    editNote(clip: Clip, citation: string | undefined, range: Range | null): void {
      close();
      const heading = el(doc, 'p', 'h', t('clippingNoteHeading'));
      const note = el(doc, 'textarea');
      note.value = clip.note;
      note.maxLength = 10_000;
      const tags = el(doc, 'input');
      tags.value = clip.tags.join('，');
      const copyButton = trustedButton(doc, t('clippingCopyCited'), () => void copy(clip.text, citation), 'c');
      panel = openPanel(doc, ui.host, range, {
        body: [heading, field(doc, t('clippingNote'), note), field(doc, t('clippingTags'), tags)],
        extra: [copyButton],
        submitLabel: t('clippingSaveNote'),
        onSubmit: () => {
          const typed = { note: note.value.trim(), tags: parseTags(tags.value) };
          if (typed.note === clip.note && typed.tags.join() === clip.tags.join()) return;
          link.annotate({ id: clip.id, ...typed }).then(() => ui.announce(t('clippingNoteSaved')), failed);
        },
      });
    },

    /** "Add as a term": the selected words, a category and an optional gloss; applied to every open page. */
    addTerm(range: Range | null): void {
      const text = range?.toString().replace(/\s+/g, ' ').trim() ?? '';
      if (!text) return;
      close();
      const input = el(doc, 'input');
      input.value = text.slice(0, MAX_TERM_CHARS);
      input.maxLength = MAX_TERM_CHARS;
      const category = el(doc, 'select');
      for (const c of MENTION_CATEGORIES) category.append(new Option(categoryLabel(c), c));
      const gloss = el(doc, 'input');
      gloss.maxLength = 300;
      panel = openPanel(doc, ui.host, range, {
        body: [
          field(doc, t('clippingTermText'), input),
          field(doc, t('clippingTermCategory'), category),
          field(doc, t('clippingTermGloss'), gloss),
        ],
        submitLabel: t('clippingTermAdd'),
        onSubmit: () => {
          const term = {
            text: input.value.trim(),
            category: category.value as MentionCategory,
            ...(gloss.value.trim() ? { gloss: gloss.value.trim() } : {}),
          };
          link.addTerm(term).then(
            () => ui.announce(t('clippingTermAdded')),
            (err: unknown) => failed(err, 'clippingTermFailed'),
          );
        },
      });
    },
  };
}

/**
 * Writes text to the clipboard: the async Clipboard API where the page is a secure context, else a copy event
 * Tifa fills in itself (plain http pages have no navigator.clipboard). Called within the reader's click.
 */
async function copyText(doc: Document, text: string): Promise<void> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      return await clipboard.writeText(text);
    } catch {
      // Denied (no focus, policy): try the copy command.
    }
  }
  const fill = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  doc.addEventListener('copy', fill, { capture: true, once: true });
  const done = doc.execCommand('copy');
  doc.removeEventListener('copy', fill, { capture: true });
  if (!done) throw new Error('copy refused');
}
