/** The part of WXT's ContentScriptContext the content script's parts need. */
export interface ScriptContext {
  onInvalidated(cb: () => void): unknown;
}

/** Key of the live content script in the extension's isolated world (shared by every injection of our script). */
const LIVE_KEY = '__tifaLive';

/**
 * The content script's lifetime as one AbortSignal, passed down to every part (listeners, observers, timers
 * hang off it). It aborts when the script is invalidated (extension reloaded or removed) and when a second
 * injection of the script (the popup's "Analyze this page" on a page where Tifa already runs) takes over, so
 * two instances never run side by side.
 */
export function contentScriptLifetime(ctx: ScriptContext): AbortSignal {
  const world = globalThis as unknown as Record<string, AbortController | undefined>;
  world[LIVE_KEY]?.abort();
  const life = new AbortController();
  world[LIVE_KEY] = life;
  ctx.onInvalidated(() => life.abort());
  life.signal.addEventListener(
    'abort',
    () => {
      if (world[LIVE_KEY] === life) world[LIVE_KEY] = undefined;
    },
    { once: true },
  );
  return life.signal;
}
