import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from '../../lib/reading/script-context';

/**
 * The content script's stand-in for WXT's ContentScriptContext (aliased in by wxt.config.ts): a fresh copy of
 * the script starting in the page (after the extension was reloaded) stops the orphaned one; a copy never stops
 * itself, and another content script's start means nothing to it.
 */
function started(name: string): () => number {
  const ctx = new ContentScriptContext(name);
  let invalidated = 0;
  ctx.onInvalidated(() => invalidated++);
  return () => invalidated;
}

/** Resolves once every window message posted before it has been delivered (they arrive in order). */
function delivered(): Promise<void> {
  return new Promise((resolve) => {
    const token = `flush-${Math.random()}`;
    const onMessage = (e: MessageEvent) => {
      if (e.data !== token) return;
      removeEventListener('message', onMessage);
      resolve();
    };
    addEventListener('message', onMessage);
    postMessage(token, '*');
  });
}

describe('ContentScriptContext stand-in', () => {
  it('stops when a newer copy of the same script starts, not on its own start or another script’s', async () => {
    const first = started('content');
    await delivered();
    expect(first()).toBe(0);
    started('other');
    await delivered();
    expect(first()).toBe(0);
    const second = started('content');
    await delivered();
    expect(first()).toBe(1);
    expect(second()).toBe(0);
  });
});
