import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ContentClipper, createContentClipper } from '../../lib/clipping/content-clipper';
import type { BackgroundLink } from '../../lib/clipping/content-messages';
import { CLIPPER_HOST_ID } from '../../lib/clipping/clip-button';
import { existingTifaUiRoot } from '../../lib/reading/uiHost';

/** The clipper's container inside the page's single Tifa host (its closed shadow root), or null. */
const clipperContainer = () => existingTifaUiRoot(document)?.getElementById(CLIPPER_HOST_ID) ?? null;
import { extractText } from '../../lib/extract';
import { envelope, unwrapReply } from '../../lib/messages/protocol';
import { createRouter } from '../../lib/messages/router';
import { registerClipHandlers } from '../../lib/store/background-handlers';
import { ClipStore } from '../../lib/store/clip-store';
import { ClipDatabase } from '../../lib/store/db';
import type { Analysis, OutlineItem } from '../../lib/rules/types';

const EXT = 'ext-under-test';
let store: ClipStore;
let link: BackgroundLink;
let dbName: string;
const clippers: ContentClipper[] = [];

beforeEach(() => {
  dbName = `clipping-dom-${Math.random().toString(36).slice(2)}`;
  const router = createRouter(EXT);
  // The background analyses the clipped text as the page's controller did: here with the same small analysis.
  store = registerClipHandlers(router, { store: new ClipStore(() => new ClipDatabase(dbName)), analyze: analysisOf });
  // The content script in tab 1 on happy-dom's page, as the browser would describe it.
  const sender = { id: EXT, url: location.href, tab: { id: 1, url: location.href } };
  link = {
    save: async (req) => unwrapReply('clips.save', await router.dispatch(envelope('clips.save', req), sender)),
    count: async () => unwrapReply('clips.count', await router.dispatch(envelope('clips.count', {}), sender)).count,
    place: async (req) => unwrapReply('clips.place', await router.dispatch(envelope('clips.place', req), sender)),
    annotate: async (req) =>
      unwrapReply('clips.annotate', await router.dispatch(envelope('clips.annotate', req), sender)),
    addTerm: async () => ({}),
  };
});

afterEach(async () => {
  for (const c of clippers.splice(0)) c.stop();
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
  store.database.close();
  await Dexie.delete(dbName);
});

/** Builds the seed-like article with DOM APIs (no HTML parsing of strings). */
function renderArticle(paragraphs: (string | [string, string, string])[]): HTMLElement {
  const article = document.createElement('article');
  paragraphs.forEach((p, i) => {
    const el = document.createElement(i === 0 ? 'h2' : 'p');
    if (typeof p === 'string') el.textContent = p;
    else {
      const b = document.createElement('b');
      b.textContent = p[1];
      el.append(p[0], b, p[2]);
    }
    article.append(el);
  });
  document.body.replaceChildren(article);
  return article;
}

const ORIGINAL: (string | [string, string, string])[] = [
  '二、坚持分类施策，推动基层党建全面进步全面过硬',
  [
    '第一，要围绕脱贫攻坚抓党建促发展。一要',
    '扎扎实实实施“千村头雁”培育工程',
    '，选好配强村党组织书记，每年培训5000名以上。',
  ],
  '二要持续推进集体经济“破零工程”，确保三年内全面消除空壳村。',
  '三、强化组织保障',
];

/** A small analysis of the page's text: the outline items found by their markers, one program mention. */
function analysisOf(text: string): Analysis {
  const pos = (s: string) => text.indexOf(s);
  const items: OutlineItem[] = [];
  const add = (marker: string, title: string, end: number, parent: number | null, depth: number) => {
    const start = pos(marker + title.slice(0, 2));
    if (start >= 0)
      items.push({
        family: 'dun',
        ordinal: 1,
        marker,
        title,
        start,
        headEnd: start + marker.length + title.length,
        end,
        parent,
        depth,
      });
  };
  const third = pos('三、') >= 0 ? pos('三、') : text.length;
  add('二、', '坚持分类施策', third, null, 0);
  add('第一，', '要围绕脱贫攻坚抓党建促发展', third, items.length - 1, 1);
  add('三、', '强化组织保障', text.length, null, 0);
  const program = '“千村头雁”培育工程';
  const mentions =
    pos(program) >= 0
      ? [
          {
            category: 'program' as const,
            text: program,
            start: pos(program),
            end: pos(program) + program.length,
            ruleId: 't',
            key: '千村头雁培育工程',
          },
        ]
      : [];
  return {
    verdict: { isPolicy: true, genre: 'speech', score: 1, reasons: [] },
    outline: items,
    mentions,
    textLength: text.length,
  };
}

function startClipperOnPage(): ContentClipper {
  const clipper = createContentClipper(
    () => {
      const extracted = extractText(document.body, {});
      return { extracted, analysis: analysisOf(extracted.text), url: location.href, title: document.title };
    },
    { link, listenForMessages: false, pageWaitMs: 0 },
  );
  clippers.push(clipper);
  return clipper;
}

/** A range from `startText`'s first character to `endText`'s last, found in the live DOM's text nodes. */
function rangeBetween(startText: string, endText: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let startSet = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!startSet && n.data.includes(startText)) {
      range.setStart(n, n.data.indexOf(startText));
      startSet = true;
    }
    if (startSet && n.data.includes(endText)) {
      range.setEnd(n, n.data.indexOf(endText) + endText.length);
      return range;
    }
  }
  throw new Error(`no range ${startText}…${endText}`);
}

describe('clipping a DOM selection', () => {
  it('clips a selection that includes a heading and crosses element and paragraph boundaries', async () => {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    const outcome = await clipper.clipRange(rangeBetween('推动基层党建', '千村头雁'));
    expect(outcome.status).toBe('saved');
    if (outcome.status !== 'saved') return;
    expect(outcome.clip.text).toBe(
      '推动基层党建全面进步全面过硬\n第一，要围绕脱贫攻坚抓党建促发展。一要扎扎实实实施“千村头雁',
    );
    expect(outcome.clip.outlinePath.map((s) => s.marker)).toEqual(['二、']);
    expect(outcome.clip.url).toBe(new URL(document.location.href).origin + new URL(document.location.href).pathname);
    const stored = await store.listForPage(document.location.href);
    expect(stored.map((c) => c.id)).toEqual([outcome.clip.id]);
  });

  it('records the section path and the mentions inside the selection', async () => {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    const outcome = await clipper.clipRange(rangeBetween('扎扎实实', '5000名以上'));
    if (outcome.status !== 'saved') throw new Error(outcome.status);
    expect(outcome.clip.outlinePath.map((s) => `${s.marker}${s.title}`)).toEqual([
      '二、坚持分类施策',
      '第一，要围绕脱贫攻坚抓党建促发展',
    ]);
    expect(outcome.clip.mentionKeys).toEqual(['program:千村头雁培育工程']);
  });

  it('does not store the same passage twice', async () => {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    const first = await clipper.clipRange(rangeBetween('二要', '空壳村'));
    const second = await clipper.clipRange(rangeBetween('二要', '空壳村'));
    expect(first.status).toBe('saved');
    expect(second.status).toBe('duplicate');
    expect((await store.list()).total).toBe(1);
  });

  it('reports an empty selection', async () => {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    const r = document.createRange();
    r.setStart(document.body, 0);
    expect((await clipper.clipRange(r)).status).toBe('empty');
    expect((await clipper.clipRange(null)).status).toBe('empty');
  });
});

describe('re-anchoring saved clips on a later visit', () => {
  async function clipOnOriginal(): Promise<string> {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    const outcome = await clipper.clipRange(rangeBetween('一要', '每年培训'));
    if (outcome.status !== 'saved') throw new Error(outcome.status);
    clipper.stop();
    return outcome.clip.id;
  }

  it('does not send the page text to the background when the page has no clips', async () => {
    renderArticle(ORIGINAL);
    const sentTexts: string[] = [];
    const place = link.place;
    link.place = async (req) => {
      if ('text' in req) sentTexts.push(req.text);
      return place(req);
    };
    const clipper = startClipperOnPage();
    expect(await clipper.reanchor()).toEqual({ anchored: 0, orphans: 0 });
    expect(sentTexts).toEqual([]);
    const outcome = await clipper.clipRange(rangeBetween('一要', '每年培训'));
    expect(outcome.status).toBe('saved');
    expect(await clipper.reanchor()).toEqual({ anchored: 1, orphans: 0 });
    expect(sentTexts).toHaveLength(1);
  });

  it('places a clip again on the unchanged page at its position', async () => {
    const id = await clipOnOriginal();
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    expect(await clipper.reanchor()).toEqual({ anchored: 1, orphans: 0 });
    const [status] = await clipper.anchorStatuses();
    expect(status).toMatchObject({ id, status: 'anchored' });
  });

  it('finds it on a slightly edited page (text inserted before it, a word changed inside it)', async () => {
    const id = await clipOnOriginal();
    const edited = structuredClone(ORIGINAL);
    edited.splice(1, 0, '（根据录音整理）');
    edited[2] = [
      '第一，要围绕脱贫攻坚抓党建促发展。一要',
      '扎扎实实实施“千村头雁”培养工程',
      '，选好配强村党组织书记，每年培训5000名以上。',
    ];
    renderArticle(edited);
    const clipper = startClipperOnPage();
    expect(await clipper.reanchor()).toEqual({ anchored: 1, orphans: 0 });
    const [status] = await clipper.anchorStatuses();
    expect(status.id).toBe(id);
    const text = extractText(document.body, {}).text;
    expect(text.slice(status.start, status.end)).toContain('培养工程');
  });

  it('lists a clip whose passage is gone as an orphan, keeping it in the store', async () => {
    const id = await clipOnOriginal();
    renderArticle([ORIGINAL[0], ORIGINAL[2], ORIGINAL[3]]);
    const clipper = startClipperOnPage();
    expect(await clipper.reanchor()).toEqual({ anchored: 0, orphans: 1 });
    expect(await clipper.anchorStatuses()).toEqual([{ id, status: 'orphan' }]);
    expect(await store.get(id)).not.toBeNull();
  });
});

describe('floating clip button', () => {
  const settle = () => new Promise((r) => setTimeout(r, 250));

  /** A click as the browser makes it for the reader (happy-dom's click() is, rightly, untrusted). */
  const trustedClick = (el: HTMLElement) => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    el.dispatchEvent(event);
  };
  const trustedKey = (el: HTMLElement, key: string) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    el.dispatchEvent(event);
  };

  it('appears for a selection in a closed shadow root as a real button, clips on a trusted click, hides on scroll', async () => {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    clipper.start();
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(rangeBetween('二要', '空壳村'));
    document.dispatchEvent(new Event('selectionchange'));
    await settle();

    const host = document.documentElement.lastElementChild as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(document.body.contains(host)).toBe(false);
    const container = clipperContainer()!;
    expect(container).not.toBeNull();
    const button = container.querySelector('button')!;
    expect(button.type).toBe('button');
    expect(button.textContent).toBeTruthy();
    expect(clipper.ui.visible).toBe(true);

    // A page script's click() saves nothing.
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect((await store.list()).total).toBe(0);

    trustedClick(button);
    await settle();
    expect((await store.list()).clips.map((c) => c.text)).toEqual([
      '二要持续推进集体经济“破零工程”，确保三年内全面消除空壳村',
    ]);
    expect(clipper.ui.visible).toBe(false);
    expect(container.querySelector('[role="status"]')!.textContent).toBeTruthy();
    // The click's mouseup re-checks the selection: the passage just clipped does not bring the button back.
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await settle();
    expect(clipper.ui.visible).toBe(false);

    // It does not come back for the selection it just clipped (mouseup, selectionchange after the click).
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(clipper.ui.visible).toBe(false);

    // The note editor opened after Clip, focused: typed note and tags, then Enter, are saved with the clip.
    const editor = container.querySelector<HTMLFormElement>('.tifa-panel')!;
    const note = editor.querySelector('textarea')!;
    expect(existingTifaUiRoot(document)!.activeElement).toBe(note);
    note.value = '三年内消除空壳村';
    editor.querySelector('input')!.value = '集体经济，农村、集体经济';
    // A page's synthetic Enter does nothing; the reader's saves.
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(container.querySelector('.tifa-panel')).not.toBeNull();
    trustedKey(note, 'Enter');
    await settle();
    expect((await store.list()).clips[0]).toMatchObject({ note: '三年内消除空壳村', tags: ['集体经济', '农村'] });
    expect(container.querySelector('.tifa-panel')).toBeNull();

    sel.removeAllRanges();
    sel.addRange(rangeBetween('三、', '保障'));
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(clipper.ui.visible).toBe(true);
    // A scroll that moves the selection by a fraction of a pixel (Firefox, when Tifa's UI is added) keeps it…
    const shownRect = new DOMRect(100, 200, 50, 20);
    const rect = vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(shownRect);
    sel.removeAllRanges();
    sel.addRange(rangeBetween('二要', '空壳村'));
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(clipper.ui.visible).toBe(true);
    rect.mockReturnValue(new DOMRect(100, 199.6, 50, 20));
    window.dispatchEvent(new Event('scroll'));
    expect(clipper.ui.visible).toBe(true);
    // …a real scroll hides it.
    rect.mockReturnValue(new DOMRect(100, 140, 50, 20));
    window.dispatchEvent(new Event('scroll'));
    expect(clipper.ui.visible).toBe(false);
    rect.mockRestore();
  });

  it('hides on a click elsewhere and when the selection collapses', async () => {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    clipper.start();
    const sel = document.getSelection()!;
    sel.addRange(rangeBetween('二要', '空壳村'));
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(clipper.ui.visible).toBe(true);
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(clipper.ui.visible).toBe(false);
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    sel.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(clipper.ui.visible).toBe(false);
  });

  it('leaves nothing behind when stopped', async () => {
    renderArticle(ORIGINAL);
    const clipper = startClipperOnPage();
    clipper.start();
    document.getSelection()!.addRange(rangeBetween('二要', '空壳村'));
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    clipper.stop();
    expect(clipperContainer()).toBeNull();
    expect(existingTifaUiRoot(document)).toBeNull();
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(clipperContainer()).toBeNull();
    expect(existingTifaUiRoot(document)).toBeNull();
  });
});
