/** The part of WXT's ContentScriptContext the content script's parts need. */
export interface ScriptContext {
  onInvalidated(cb: () => void): unknown;
}

/**
 * Runs one part of the content script alone: a second injection of the script (the popup's "Analyze this page"
 * on a page where Tifa already runs) stops the live instance under `key` in the extension's isolated world
 * before starting its own. `start` returns the instance's stop function; the returned function stops it, and
 * so does the script's invalidation.
 */
export function startAlone(ctx: ScriptContext, key: string, start: () => () => void): () => void {
  const world = globalThis as unknown as Record<string, (() => void) | undefined>;
  world[key]?.();
  const stop = start();
  const live = () => {
    stop();
    if (world[key] === live) world[key] = undefined;
  };
  world[key] = live;
  ctx.onInvalidated(live);
  return live;
}
