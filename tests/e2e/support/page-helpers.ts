/** Helpers that act on a page: wait for Tifa, console errors, measures, selection, messages, highlights. */
import type { ConsoleMessage, Page } from 'playwright-core';

/**
 * Waits until the content script has analysed the page (`document.documentElement.dataset.tifa` is set) and
 * returns the value ('policy' | 'other').
 */
export async function waitForTifa(page: Page, timeoutMs = 15_000): Promise<string> {
  try {
    const handle = await page.waitForFunction(() => document.documentElement.dataset.tifa || null, undefined, {
      timeout: timeoutMs,
      polling: 50,
    });
    return (await handle.jsonValue()) as string;
  } catch (err) {
    throw new Error(
      `Tifa did not mark ${page.url()} within ${timeoutMs} ms (documentElement.dataset.tifa unset): ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

/**
 * Collects console errors and uncaught exceptions of a page from now on. Read `.errors` at the end of a test.
 * Optionally ignore messages matching a pattern (e.g. a deliberately failing request).
 */
export function watchConsole(page: Page, ignore?: RegExp): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error' && !ignore?.test(msg.text())) errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => {
    if (!ignore?.test(err.message)) errors.push(`uncaught: ${err.message}`);
  });
  return { errors };
}

/** User Timing measures the content script recorded (tifa:extract, tifa:analyze, tifa:highlight, tifa:total). */
export async function tifaMeasures(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('tifa:')) out[m.name] = m.duration;
    return out;
  });
}

/**
 * Selects `text` in the page as a reader's drag would (the text must lie inside one text node), scrolling it into
 * view; with `caretOnly`, puts the caret just before it instead (caret browsing, as the arrow keys would). Throws
 * when the page does not contain it.
 */
export async function selectText(page: Page, text: string, { caretOnly = false } = {}): Promise<void> {
  await page.evaluate(
    ([needle, collapse]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const selection = document.getSelection()!;
        if (collapse) {
          selection.collapse(n, at);
          return;
        }
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`text not found on the page: ${needle.slice(0, 20)}`);
    },
    [text, caretOnly] as const,
  );
}

/** Sends a raw Tifa message (`{ tifa: 1, kind, payload }`) from an extension page and returns the raw reply. */
export async function sendRawMessage(page: Page, kind: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([k, p]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        tifa: 1,
        kind: k,
        payload: p,
      }),
    [kind, payload] as const,
  );
}

/** Like sendRawMessage, but unwraps `{ ok, value }` and throws on an error reply. */
export async function sendMessage<T>(page: Page, kind: string, payload: unknown): Promise<T> {
  const reply = (await sendRawMessage(page, kind, payload)) as { ok: true; value: T } | { ok: false; error: string };
  if (!reply.ok) throw new Error(`${kind}: ${reply.error}`);
  return reply.value;
}

/** A painted range: its text, and its start and end as offsets into the body's text (all text nodes). */
export interface PaintedRange {
  text: string;
  start: number;
  end: number;
}

/**
 * The ranges painted under each of `names` over the whole page, in document order. Tifa registers only the ranges
 * near the viewport (lib/highlight/highlightApi.ts), so this scrolls the page a screen at a time, collecting every
 * range registered on the way, then scrolls back. Names not registered at the start are left out.
 */
export async function highlightsOverPage(page: Page, names: string[]): Promise<Record<string, PaintedRange[]>> {
  // Ranges are registered by an IntersectionObserver as they come near the viewport, and a background tab (an
  // extension page opened in front of it) renders no frames: without this the scroll below waits forever.
  await page.bringToFront();
  return page.evaluate(async (ns) => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const seen = new Map(ns.filter((n) => CSS.highlights.has(n)).map((n) => [n, new Set<AbstractRange>()]));
    if (!seen.size) return {};
    const [x0, y0] = [scrollX, scrollY];
    for (let y = 0; ; y += innerHeight) {
      scrollTo(x0, y);
      await frames();
      for (const [n, set] of seen) for (const r of CSS.highlights.get(n) ?? []) set.add(r);
      if (y + innerHeight >= document.documentElement.scrollHeight) break;
    }
    scrollTo(x0, y0);
    await frames();
    const offset = new Map<Node, number>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let total = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      offset.set(n, total);
      total += (n as Text).data.length;
    }
    const painted = (set: Set<AbstractRange>) =>
      [...set]
        .map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const start = (offset.get(r.startContainer) ?? 0) + r.startOffset;
          return { text: range.toString(), start, end: (offset.get(r.endContainer) ?? 0) + r.endOffset };
        })
        .sort((a, b) => a.start - b.start || b.end - a.end);
    return Object.fromEntries([...seen].map(([n, set]) => [n, painted(set)]));
  }, names);
}

/** The texts painted under one highlight name over the whole page, as the page shows them. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return ((await highlightsOverPage(page, [name]))[name] ?? []).map((r) => r.text);
}
