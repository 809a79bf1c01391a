import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { LibraryMode } from './rows';

type ElementRef<T extends HTMLElement> = { current: T | null };

const MODE_KEY = 'tifa.library.mode';
const UNDO_MS = 15_000;

/** The list mode the user chose last time (by speech unless they chose by date). */
export function loadMode(): LibraryMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'date' ? 'date' : 'speech';
  } catch {
    return 'speech';
  }
}

/** Keeps the chosen list mode for next time. */
export function useRememberMode(mode: LibraryMode): void {
  useEffect(() => {
    try {
      localStorage.setItem(MODE_KEY, mode);
    } catch {
      // Preference not kept; the view still works.
    }
  }, [mode]);
}

/** Fills the space below the view's top edge, whatever the shell puts above it. */
export function useFillHeight(ref: ElementRef<HTMLElement>): void {
  useLayoutEffect(() => {
    const fitToViewport = () => {
      const el = ref.current;
      if (!el) return;
      let height = window.innerHeight - el.getBoundingClientRect().top;
      el.style.height = `${Math.max(320, height)}px`;
      // Whatever the shell puts below (margins, padding) must fit too, or the whole panel would scroll.
      const overflow = document.documentElement.scrollHeight - window.innerHeight;
      if (overflow > 0) {
        height -= overflow;
        el.style.height = `${Math.max(320, height)}px`;
      }
    };
    fitToViewport();
    window.addEventListener('resize', fitToViewport);
    return () => window.removeEventListener('resize', fitToViewport);
  }, []);
}

/** "/" focuses the search box from anywhere in the view (not while typing somewhere else). */
export function useSlashToSearch(searchBox: ElementRef<HTMLInputElement>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      searchBox.current?.focus();
      searchBox.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** First useful paint: marks `tifa:library:first-rows` once the loaded library (or its empty state) is shown. */
export function useFirstRowsMark(loaded: boolean): void {
  const painted = useRef(false);
  useEffect(() => {
    if (loaded && !painted.current) {
      painted.current = true;
      requestAnimationFrame(() => performance.mark('tifa:library:first-rows'));
    }
  }, [loaded]);
}

/** Calls `expire` when an undo offer has been shown for UNDO_MS without being taken. */
export function useUndoExpiry(undo: unknown, expire: () => void): void {
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(expire, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);
}

/**
 * After an editor closes, its clip's row takes the focus back, so a keyboard user keeps their place. Returns
 * the function to call with the clip's id when closing the editor.
 */
export function useRefocusAfterEditor(
  root: ElementRef<HTMLElement>,
  editing: string | null,
  rows: unknown,
): (id: string) => void {
  const refocusClip = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = refocusClip.current;
    if (id === null || editing !== null) return;
    refocusClip.current = null;
    // Only when the focus went down with the editor (Esc, Done): a click elsewhere keeps its own focus.
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) return;
    const clipRow = [...(root.current?.querySelectorAll<HTMLElement>('.tifa-lib-clip') ?? [])].find(
      (el) => el.dataset.clipId === id,
    );
    clipRow?.closest<HTMLElement>('.tifa-lib-vrow')?.focus({ preventScroll: true });
  }, [editing, rows]);
  return (id) => {
    refocusClip.current = id;
  };
}
