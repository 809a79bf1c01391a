/**
 * Stand-in for WXT's ContentScriptContext in the content-script build only (aliased by wxt.config.ts). The
 * content script uses one thing of it, `onInvalidated` (lib/reading/live.ts), and WXT's class brings ~2.5 KB
 * of helpers it never calls (timers, a location watcher, a window-message handshake between injections) into a
 * bundle with a 60 KB budget (tests/unit/content-bundle.test.ts). A second injection taking over is handled by
 * live.ts in the shared isolated world, not by window messages, which the page could also post.
 */
export class ContentScriptContext {
  readonly #life = new AbortController();

  get signal(): AbortSignal {
    return this.#life.signal;
  }

  abort(reason?: unknown): void {
    this.#life.abort(reason);
  }

  onInvalidated(cb: () => void): () => void {
    this.#life.signal.addEventListener('abort', cb);
    return () => this.#life.signal.removeEventListener('abort', cb);
  }
}
