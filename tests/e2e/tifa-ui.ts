/**
 * Reaching Tifa's in-page UI from tests. It lives in a CLOSED shadow root (lib/reading/uiHost.ts), which page
 * scripts — and Playwright's selector engine, which runs as one — cannot enter. The DevTools protocol can
 * (`DOM.getDocument` with `pierce`), as assistive technology can: these helpers find elements there, read them,
 * and click them with a real (trusted) mouse click at their position. Also: the library as stored, read
 * straight from the extension's IndexedDB in an extension page (the library kinds are not served to tests
 * through messages any more than to content scripts).
 */
import type { CDPSession, Page } from 'playwright-core';

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
 * The text under each painted clip, as the reader sees it: the clip layer's line boxes (document coordinates, in
 * Tifa's closed root) read back through the page's own hit testing (caretRangeFromPoint at the first line's start
 * and the last line's end). Sorted.
 */
export async function paintedClipTexts(page: Page): Promise<string[]> {
  const groups = (
    await inClosedRoots<[string, Box[]][]>(
      page,
      `function () {
        const by = new Map();
        for (const el of this.querySelectorAll('.tifa-clips .l')) {
          const s = el.style;
          const box = { left: parseFloat(s.left), top: parseFloat(s.top), width: parseFloat(s.width), height: parseFloat(s.height) };
          by.set(el.dataset.id, [...(by.get(el.dataset.id) || []), box]);
        }
        return [...by];
      }`,
    )
  ).flat();
  const texts = await page.evaluate((clips: [string, Box[]][]) => {
    const at = (x: number, y: number) => {
      window.scrollTo(0, Math.max(0, y - 200));
      return document.caretRangeFromPoint(x - window.scrollX, y - window.scrollY);
    };
    return clips.map(([, lines]) => {
      const first = lines[0];
      const last = lines[lines.length - 1];
      const start = at(first.left + 0.5, first.top + first.height / 2);
      const end = at(last.left + last.width - 0.5, last.top + last.height / 2);
      if (!start || !end) return '';
      const range = document.createRange();
      range.setStart(start.startContainer, start.startOffset);
      range.setEnd(end.startContainer, end.startOffset);
      return range.toString();
    });
  }, groups);
  return texts.sort();
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
