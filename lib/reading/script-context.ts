import { browser } from 'wxt/browser';

/**
 * Stand-in for WXT's ContentScriptContext, in the content-script build only (aliased by wxt.config.ts). The
 * content script uses one thing of it, `onInvalidated` (lib/reading/live.ts); WXT's class brings ~2.5 KB of
 * helpers Tifa never calls (timers, a location watcher, a logger) into a bundle with a 60 KB budget
 * (tests/unit/content-bundle.test.ts). It keeps WXT's one behaviour that matters: when a fresh copy of the
 * script starts in the page (after the extension was reloaded or updated, in a new isolated world), it says so
 * with a window message and the orphaned copy stops. A second injection into the same world is handled by live.ts.
 */
export class ContentScriptContext {
  readonly #life = new AbortController();

  constructor(name: string) {
    const type = `${browser.runtime.id}:tifa-started:${name}`;
    const id = Math.random();
    addEventListener(
      'message',
      (e: MessageEvent) => {
        if (e.data?.type === type && e.data.id !== id) this.#life.abort();
      },
      { signal: this.#life.signal },
    );
    postMessage({ type, id }, '*');
  }

  onInvalidated(cb: () => void): void {
    this.#life.signal.addEventListener('abort', cb);
  }
}
