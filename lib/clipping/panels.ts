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

export class Panel {
  readonly el: HTMLElement;
  #closed = false;
  #life = new AbortController();

  constructor(
    readonly doc: Document,
    host: HTMLElement,
    range: Range | null,
    spec: PanelSpec,
  ) {
    const el = (this.el = make(doc, 'form', 'tifa-panel'));
    el.setAttribute('data-shown', '');
    const row = make(doc, 'div', 'r');
    const submit = trustedButton(doc, spec.submitLabel, () => this.#submit(spec), 'p');
    row.append(...(spec.extra ?? []), submit);
    const hint = make(doc, 'p', 'h', t('clippingPanelHint'));
    el.append(...spec.body, hint, row);
    el.addEventListener('submit', (e) => e.preventDefault());
    el.addEventListener('keydown', (e) => {
      if (!e.isTrusted || e.isComposing || e.keyCode === 229) return;
      const multiline = (e.target as HTMLElement).localName === 'textarea';
      if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        this.#submit(spec);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
        spec.onCancel?.();
      }
    });
    host.append(el);
    if (range) place(doc, el, range);
    else Object.assign(el.style, { right: '16px', bottom: '64px' });
    el.querySelector<HTMLElement>('textarea,input,select')?.focus();
    // A click on the page outside the panel: closed, like Escape.
    doc.addEventListener(
      'mousedown',
      (e) => {
        if (e.isTrusted && !isTifaUiNode(doc, e.target as Node)) {
          this.close();
          spec.onCancel?.();
        }
      },
      { capture: true, signal: this.#life.signal },
    );
  }

  get open(): boolean {
    return !this.#closed;
  }

  close(): void {
    this.#closed = true;
    this.#life.abort();
    this.el.remove();
  }

  #submit(spec: PanelSpec): void {
    if (this.#closed) return;
    this.close();
    spec.onSubmit();
  }
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
