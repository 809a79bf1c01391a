/**
 * Reaching Tifa's in-page UI from tests. It lives in a CLOSED shadow root (lib/reading/uiHost.ts), which page
 * scripts — and Playwright's selector engine, which runs as one — cannot enter. The DevTools protocol can
 * (`DOM.getDocument` with `pierce`), as assistive technology can: these helpers find elements there, read them,
 * and click them with a real (trusted) mouse click at their position. Also: the library as stored, read
 * straight from the extension's IndexedDB in an extension page (the library kinds are not served to tests
 * through messages any more than to content scripts).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

export interface UiElement {
  text: string;
  hidden: boolean;
  /** Carries the data-shown attribute (the Clip button and status line use it for visibility). */
  shown: boolean;
  /** Viewport box, or null when not rendered. */
  box: { x: number; y: number; width: number; height: number } | null;
}

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** The closed shadow roots under <html> (Tifa's host is one; a page may add its own). */
async function closedRoots(page: Page): Promise<DomNode[]> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: DomNode[] = [];
  const walk = (n: DomNode) => {
    for (const s of n.shadowRoots ?? []) {
      if (s.shadowRootType === 'closed') found.push(s);
      walk(s);
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return found;
}

/** Reads the first element matching `selector` in Tifa's closed shadow root, or null. */
export async function tifaUiElement(page: Page, selector: string): Promise<UiElement | null> {
  const cdp = await session(page);
  for (const root of await closedRoots(page)) {
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (selector) {
        const el = this.querySelector(selector);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return {
          text: el.textContent || '',
          hidden: !!el.hidden,
          shown: el.hasAttribute('data-shown'),
          box: r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
        };
      }`,
      arguments: [{ value: selector }],
      returnByValue: true,
    })) as { result: { value: UiElement | null } };
    if (result.value) return result.value;
  }
  return null;
}

/** How many elements match `selector` in Tifa's closed shadow roots. */
export async function tifaUiCount(page: Page, selector: string): Promise<number> {
  const counts = await inClosedRoots<number>(
    page,
    `function () { return this.querySelectorAll(${JSON.stringify(selector)}).length; }`,
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Runs `fn` (a function's source, `this` = the root) in each of Tifa's closed roots; returns the values. */
async function inClosedRoots<T>(page: Page, fn: string): Promise<T[]> {
  const cdp = await session(page);
  const out: T[] = [];
  for (const root of await closedRoots(page)) {
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    })) as { result: { value: T } };
    out.push(result.value);
  }
  return out;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Which of `texts` a clip is painted exactly over: the clip layer's line boxes (document coordinates, read in
 * Tifa's closed root) against the lines the page lays each text out on (its first line's start, its last line's
 * end, within 1.5 px). Each text must lie inside one text node. `layer` '.tifa-similars': recurring paragraphs.
 */
export async function paintedOver(page: Page, texts: string[], layer = '.tifa-clips'): Promise<string[]> {
  const groups = (
    await inClosedRoots<Box[][]>(
      page,
      `function () {
        const by = new Map();
        for (const el of this.querySelectorAll('${layer} .l')) {
          const s = el.style;
          const box = { left: parseFloat(s.left), top: parseFloat(s.top), width: parseFloat(s.width), height: parseFloat(s.height) };
          by.set(el.dataset.id, [...(by.get(el.dataset.id) || []), box]);
        }
        return [...by.values()];
      }`,
    )
  ).flat();
  return page.evaluate(
    ({ texts, groups }) => {
      const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
      const linesOf = (needle: string) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const at = n.data.indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + needle.length);
          return [...range.getClientRects()].filter((r) => r.width && r.height);
        }
        return [];
      };
      return texts.filter((text) => {
        const lines = linesOf(text);
        if (!lines.length) return false;
        const first = lines[0];
        const last = lines[lines.length - 1];
        return groups.some((g) => {
          const a = g[0];
          const z = g[g.length - 1];
          return (
            near(a.left, first.left + scrollX) &&
            near(a.top, first.top + scrollY) &&
            near(z.left + z.width, last.right + scrollX) &&
            near(z.top + z.height, last.bottom + scrollY)
          );
        });
      });
    },
    { texts, groups },
  );
}

/** Waits until `predicate` holds for the element (polling; generous timeout for a loaded machine). */
export async function waitForTifaUi(
  page: Page,
  selector: string,
  predicate: (el: UiElement) => boolean,
  timeoutMs = 10_000,
): Promise<UiElement> {
  const deadline = Date.now() + timeoutMs;
  let last: UiElement | null = null;
  while (Date.now() < deadline) {
    last = await tifaUiElement(page, selector);
    if (last && predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`Tifa UI ${selector}: condition not met within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}

/** The floating Clip button once it is shown. */
export function waitForClipButton(page: Page, timeoutMs = 10_000): Promise<UiElement> {
  return waitForTifaUi(page, '.tifa-clip-button', (el) => el.shown && el.box !== null, timeoutMs);
}

/** Clicks the shown Clip button as the reader does: a real mouse click at its position (a trusted event). */
export async function clickClipButton(page: Page, timeoutMs = 10_000): Promise<void> {
  const { box } = await waitForClipButton(page, timeoutMs);
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}

/** Waits for the clip status line to say something matching `text`. */
export function waitForClipStatus(page: Page, text: RegExp, timeoutMs = 10_000): Promise<UiElement> {
  return waitForTifaUi(page, '.tifa-clip-status', (el) => el.shown && text.test(el.text), timeoutMs);
}

/** Every clip in the library, read from the extension's IndexedDB (tifa-clips › clips) in an extension page. */
export async function storedClips<T = Record<string, unknown>>(extensionPage: Page): Promise<T[]> {
  return extensionPage.evaluate(async () => {
    // Opening a database that does not exist would create it (empty, at the wrong version): look first.
    if (!(await indexedDB.databases()).some((d) => d.name === 'tifa-clips')) return [] as T[];
    return new Promise<T[]>((resolve, reject) => {
      const open = indexedDB.open('tifa-clips');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('clips')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('clips', 'readonly').objectStore('clips').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result as T[]);
        };
        all.onerror = () => reject(all.error);
      };
    });
  });
}

/** Clicks an element of Tifa's closed UI as the reader does: a real mouse click at its centre (trusted). */
export async function clickTifaUi(page: Page, selector: string, timeoutMs = 10_000): Promise<void> {
  const { box } = await waitForTifaUi(page, selector, (el) => !el.hidden && el.box !== null, timeoutMs);
  const x = box!.x + box!.width / 2;
  const y = box!.y + box!.height / 2;
  // Glide there (the pointer passes from the highlight into the tooltip, as a hand would), then click.
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
}

/**
 * Viewport point inside the painted range of highlight `name` whose text includes `needle` (scrolled into view),
 * `at` of the way along its first line box; null when no such range is painted. Tifa registers only the ranges
 * near the viewport, so when none is registered yet this scrolls down the page a screen at a time to find one.
 */
export async function highlightPoint(
  page: Page,
  name: string,
  needle: string,
  at = 0.5,
): Promise<{ x: number; y: number; text: string } | null> {
  return page.evaluate(
    async ([n, needleText, frac]) => {
      // (No named helper functions in here: the TypeScript loader of the screenshot scripts would wrap them.)
      for (let y = 0; ; y += innerHeight) {
        for (const r of CSS.highlights.get(n) ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (!range.toString().includes(needleText)) continue;
          range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          return { x: rect.left + rect.width * frac, y: rect.top + rect.height / 2, text: range.toString() };
        }
        if (y >= document.documentElement.scrollHeight) return null;
        scrollTo(scrollX, y);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    },
    [name, needle, at] as const,
  );
}

/**
 * A viewport point at fraction `at` along the first line of `needle` in the page's text (it must lie inside one
 * text node), scrolled into view; for hovering things Tifa paints outside `CSS.highlights` (clips).
 */
export async function textPoint(page: Page, needle: string, at = 0.5): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([needleText, frac]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(needleText);
        if (i < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + needleText.length);
        const rect = range.getClientRects()[0];
        return { x: rect.left + rect.width * frac, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [needle, at] as const,
  );
}

/**
 * What Alt+Shift+S does (lib/clipping/commands.ts): the background asks the tab to clip its selection. Headless
 * Chromium has no extension shortcuts, so the test sends that message from the service worker.
 */
export function clipShortcut(tifa: Pick<ExtensionBrowser, 'serviceWorker'>, tabId: number): Promise<unknown> {
  return tifa.serviceWorker.evaluate(async (id: number) => {
    const api = (
      globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: unknown): Promise<unknown> } } }
    ).chrome;
    return api.tabs.sendMessage(id, { tifa: 1, kind: 'clipping.clipSelection', payload: {} });
  }, tabId);
}
