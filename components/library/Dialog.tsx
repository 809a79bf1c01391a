import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from './icons';
import { tl } from './i18n';

/**
 * A modal dialog: labelled, focus moved inside on open and returned on close, Tab kept inside, Esc closes.
 * (A div with role=dialog rather than <dialog>, so it behaves the same in every browser and in happy-dom.)
 */
export function Dialog(props: { title: string; onClose(): void; children: ComponentChildren; class?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useRef(`tifa-dialog-${Math.random().toString(36).slice(2)}`).current;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[autofocus], button, input, select, textarea, a[href]');
    (first ?? box.current)?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex="0"]'),
    ].filter((el) => !(el as HTMLButtonElement).disabled);
    if (focusable.length === 0) return;
    const [first, last] = [focusable[0], focusable[focusable.length - 1]];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click outside closes; keyboard users have Esc and the close button
    <div class="tifa-lib-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={box}
        class={`tifa-lib-dialog ${props.class ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header class="tifa-lib-dialog-head">
          <h2 id={titleId}>{props.title}</h2>
          <button
            type="button"
            class="tifa-lib-icon"
            aria-label={tl('library_close')}
            title={tl('library_close')}
            onClick={props.onClose}
          >
            <Icon name="close" />
          </button>
        </header>
        <div class="tifa-lib-dialog-body">{props.children}</div>
      </div>
    </div>
  );
}
