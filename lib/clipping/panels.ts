import { t } from '../i18n';
import { isTifaUiNode } from '../reading/uiHost';
import { el as make, trustedButton } from '../reading/dom';
import { place } from './clip-button';

/**
 * The small forms the selection bar opens in Tifa's closed shadow root: the note editor shown right after Clip
 * (note, tags, copy with citation) and the "add as a term" form. Plain DOM (the content script has no Preact).
 * Enter submits, Shift+Enter is a line break in the note, Escape closes; only the reader's own key presses
 * and clicks count (a page cannot reach into the closed root, and synthetic events are not trusted). Keys typed
 * while an input method composes (Chinese input) are left to it.
 */
export interface PanelSpec {
  /** Form controls and text, in order; the first focusable one gets focus. */
  body: HTMLElement[];
  /** Extra buttons before the submit button. */
  extra?: HTMLButtonElement[];
  submitLabel: string;
  onSubmit(): void;
  /** Escape (or a click on the page): the panel closes; the clip itself is kept. */
  onCancel?(): void;
}

export interface Panel {
  readonly open: boolean;
  close(): void;
}

/** Opens a panel under the range (or at the bottom right without one). A closure: locals minify. */
export function openPanel(doc: Document, host: HTMLElement, range: Range | null, spec: PanelSpec): Panel {
  let closed = false;
  const life = new AbortController();
  const form = make(doc, 'form', 'tifa-panel');
  const close = (): void => {
    closed = true;
    life.abort();
    form.remove();
  };
  const submit = (): void => {
    if (closed) return;
    close();
    spec.onSubmit();
  };
  const cancel = (): void => {
    close();
    spec.onCancel?.();
  };
  form.setAttribute('data-shown', '');
  const row = make(doc, 'div', 'r');
  row.append(...(spec.extra ?? []), trustedButton(doc, spec.submitLabel, submit, 'p'));
  form.append(...spec.body, make(doc, 'p', 'h', t('clippingPanelHint')), row);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('keydown', (e) => {
    if (!e.isTrusted || e.isComposing || e.keyCode === 229) return;
    const multiline = (e.target as HTMLElement).localName === 'textarea';
    if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  });
  host.append(form);
  if (range) place(doc, form, range);
  else Object.assign(form.style, { right: '16px', bottom: '64px' });
  form.querySelector<HTMLElement>('textarea,input,select')?.focus();
  // A click on the page outside the panel: closed, like Escape.
  doc.addEventListener(
    'mousedown',
    (e) => {
      if (e.isTrusted && !isTifaUiNode(doc, e.target as Node)) cancel();
    },
    { capture: true, signal: life.signal },
  );
  return {
    get open(): boolean {
      return !closed;
    },
    close,
  };
}

/** A labelled control. */
export function field<E extends HTMLElement>(doc: Document, label: string, control: E): HTMLLabelElement {
  const l = make(doc, 'label');
  l.append(label, control);
  return l;
}

/** Tags as typed: split on commas (either width), 、, ; and blanks; each once. */
export function parseTags(typed: string): string[] {
  return [
    ...new Set(
      typed
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
