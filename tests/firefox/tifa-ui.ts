/**
 * Tifa's closed in-page UI as the Firefox suite reaches it over WebDriver BiDi (re-exported by harness.ts).
 */
import type { Page } from 'puppeteer-core';

/** The part of puppeteer's BiDi connection used here (raw script.callFunction). */
interface BidiSend {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** A poll's interval: the helpers wait for a condition, never for a fixed time. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A visible element of Tifa's in-page UI; where to point a real mouse at it (viewport coordinates). */
export interface UiSpot {
  x: number;
  y: number;
  text: string;
}

/**
 * Reaching Tifa's in-page UI. It lives in a CLOSED shadow root on a plain <div> child of <html>
 * (lib/reading/uiHost.ts): to the page — and so to `page.evaluate` — the host's `shadowRoot` is null, and its
 * Clip button ignores untrusted (synthetic) clicks. WebDriver BiDi can see in, as the Chromium suite's DevTools
 * protocol does (tests/e2e/tifa-ui.ts): a node serialised with `includeShadowTree: 'all'` carries its shadow
 * root, closed or not, with a `sharedId`, and a `sharedId` passed back to `script.callFunction` arrives in the
 * page as that ShadowRoot object. The helpers query the root there, read text and boxes, and leave clicking to
 * `page.mouse` — real (trusted) input at the element's centre, as a reader's click.
 */
interface BidiRemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

interface BidiNodeValue {
  localName?: string;
  shadowRoot?: (BidiRemoteValue & { value?: { mode?: 'open' | 'closed' } }) | null;
}

/** One extra element child of <html> (not head/body) as WebDriver BiDi sees it. */
export interface HtmlChildHost {
  localName: string;
  /** The shadow root's mode as the protocol reports it (null when the element has none). */
  shadowRootMode: 'open' | 'closed' | null;
  shadowRootId: string | null;
}

/** Calls `fn` in the page's own realm over raw BiDi; returns the remote value (throws on a page exception). */
async function callInPage(
  page: Page,
  fn: string,
  args: object[],
  serializationOptions: object = {},
): Promise<BidiRemoteValue> {
  const connection = (page.browser() as unknown as { connection: BidiSend }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const reply = (
    await connection.send('script.callFunction', {
      functionDeclaration: fn,
      arguments: args,
      awaitPromise: false,
      target: { context },
      resultOwnership: 'none',
      serializationOptions,
    })
  ).result as { type: string; result?: BidiRemoteValue; exceptionDetails?: { text?: string } };
  if (reply.type !== 'success' || !reply.result)
    throw new Error(`script.callFunction failed: ${reply.exceptionDetails?.text ?? JSON.stringify(reply)}`);
  return reply.result;
}

/** The element children of <html> besides <head> and <body>, with their shadow roots as BiDi serialises them. */
export async function htmlChildHosts(page: Page): Promise<HtmlChildHost[]> {
  const list = await callInPage(
    page,
    '() => Array.from(document.documentElement.children).filter((e) => e !== document.head && e !== document.body)',
    [],
    { maxDomDepth: 0, maxObjectDepth: 1, includeShadowTree: 'all' },
  );
  return ((list.value as BidiRemoteValue[] | undefined) ?? []).map((node) => {
    const v = (node.value ?? {}) as BidiNodeValue;
    return {
      localName: v.localName ?? '',
      shadowRootMode: v.shadowRoot?.value?.mode ?? null,
      shadowRootId: v.shadowRoot?.sharedId ?? null,
    };
  });
}

/**
 * Runs in the page, given the shadow roots of the hosts on <html> (the page's own elements are never searched):
 * the first visible element matching `sel` whose text matches the pattern, as JSON, or null.
 */
function findTifaUi(roots: ShadowRoot[], sel: string, source: string, flags: string): string | null {
  const re = new RegExp(source, flags);
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(sel))) {
      const box = el.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && !el.hidden && getComputedStyle(el).visibility !== 'hidden';
      if (shown && re.test(el.textContent ?? '')) {
        return JSON.stringify({ x: box.left + box.width / 2, y: box.top + box.height / 2, text: el.textContent ?? '' });
      }
    }
  }
  return null;
}

/** The visible element of Tifa's in-page UI matching `selector` and `text` right now, or null. */
export async function tifaUiSpot(page: Page, selector: string, text: RegExp): Promise<UiSpot | null> {
  const roots = (await htmlChildHosts(page)).flatMap((h) => (h.shadowRootId ? [{ sharedId: h.shadowRootId }] : []));
  if (!roots.length) return null;
  const found = await callInPage(page, findTifaUi.toString(), [
    { type: 'array', value: roots },
    { type: 'string', value: selector },
    { type: 'string', value: text.source },
    { type: 'string', value: text.flags },
  ]);
  return found.type === 'string' ? (JSON.parse(found.value as string) as UiSpot) : null;
}

/** Polls `probe` (a stale node or a navigation between calls counts as "not yet") until it returns non-null. */
async function pollTifaUi<T>(what: string, timeout: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const got = await probe();
      if (got !== null) return got;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Tifa UI: ${what} not within ${timeout} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    }
    await sleep(50);
  }
}

/** Waits for a visible element of Tifa's in-page UI matching `selector` and `text`. */
export function waitForTifaUi(page: Page, selector: string, text: RegExp, timeout = 30_000): Promise<UiSpot> {
  return pollTifaUi(`${selector} ${text} shown`, timeout, () => tifaUiSpot(page, selector, text));
}

/** Waits until Tifa's in-page UI shows no visible element matching `selector` and `text`. */
export async function waitForTifaUiGone(page: Page, selector: string, text: RegExp, timeout = 30_000): Promise<void> {
  await pollTifaUi(`${selector} ${text} gone`, timeout, async () =>
    (await tifaUiSpot(page, selector, text)) === null ? true : null,
  );
}

/** Whether Tifa's in-page UI shows a visible element matching `selector` and `text` right now. */
export async function tifaUiShown(page: Page, selector: string, text: RegExp): Promise<boolean> {
  return (await tifaUiSpot(page, selector, text)) !== null;
}

/**
 * What the page itself sees of the extra element children of <html> (besides head/body): their tag names and
 * whether `shadowRoot` is null to page scripts.
 */
export function htmlChildrenSeenByPage(page: Page): Promise<{ localName: string; shadowRootVisible: boolean }[]> {
  return page.evaluate(() =>
    Array.from(document.documentElement.children)
      .filter((e) => e !== document.head && e !== document.body)
      .map((e) => ({ localName: e.localName, shadowRootVisible: e.shadowRoot !== null })),
  );
}
