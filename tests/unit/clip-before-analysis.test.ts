/**
 * A clip asked for before the page is analysed (the shortcut or context menu on a page where the content script
 * is injected on demand: the background injects it and asks it to clip at once) waits for the reading
 * controller's analysis, so it gets its outline path, speech title and date — not the raw page's.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ContentClipper, createContentClipper } from '../../lib/clipping/content-clipper';
import type { BackgroundLink } from '../../lib/clipping/content-messages';
import type { PageText } from '../../lib/clipping/page-text';
import { extractText } from '../../lib/extract';
import { envelope, unwrapReply } from '../../lib/messages/protocol';
import { createRouter, type SenderInfo } from '../../lib/messages/router';
import type { Analysis } from '../../lib/rules/types';
import { registerClipHandlers } from '../../lib/store/background-handlers';
import { ClipStore } from '../../lib/store/clip-store';
import { ClipDatabase } from '../../lib/store/db';

const EXT = 'ext-under-test';
const HEADING = '一、持续深化改革';
const PASSAGE = '要把改革任务落到实处，逐项明确责任单位和完成时限。';
let store: ClipStore;
let link: BackgroundLink;
let dbName: string;
let clipper: ContentClipper | undefined;

/** The speech's analysis as the background would give it: one outline item over the whole text, title and date. */
function analysisOf(text: string): Analysis {
  const start = text.indexOf(HEADING);
  return {
    verdict: { isPolicy: true, genre: 'speech', score: 1, reasons: [] },
    outline: [
      {
        family: 'dun',
        ordinal: 1,
        marker: '一、',
        title: '持续深化改革',
        start,
        headEnd: start + HEADING.length,
        end: text.length,
        parent: null,
        depth: 0,
      },
    ],
    mentions: [],
    textLength: text.length,
    title: '在全区改革工作会议上的讲话',
    date: '2025-03-02',
  };
}

beforeEach(() => {
  dbName = `clip-before-analysis-${Math.random().toString(36).slice(2)}`;
  const router = createRouter(EXT);
  store = registerClipHandlers(router, { store: new ClipStore(() => new ClipDatabase(dbName)), analyze: analysisOf });
  // The content script in tab 1, as the browser describes it (the page's own address, not one it claims).
  const url = document.location.href;
  const sender: SenderInfo = { id: EXT, url, tab: { id: 1, url } };
  link = {
    save: async (request) => unwrapReply('clips.save', await router.dispatch(envelope('clips.save', request), sender)),
    count: async () => unwrapReply('clips.count', await router.dispatch(envelope('clips.count', {}), sender)).count,
    place: async (request) =>
      unwrapReply('clips.place', await router.dispatch(envelope('clips.place', request), sender)),
    annotate: async (request) =>
      unwrapReply('clips.annotate', await router.dispatch(envelope('clips.annotate', request), sender)),
    addTerm: async () => ({}),
  };
  document.title = 'Raw page title | Portal';
  const article = document.createElement('article');
  for (const line of [HEADING, PASSAGE])
    article.append(Object.assign(document.createElement('p'), { textContent: line }));
  document.body.replaceChildren(article);
});

afterEach(async () => {
  clipper?.stop();
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
  store.database.close();
  await Dexie.delete(dbName);
});

/** Selects the passage, as the reader did before pressing the shortcut. */
function selectPassage(): void {
  const p = document.body.querySelectorAll('p')[1];
  const range = document.createRange();
  range.selectNodeContents(p.firstChild!);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

/** A clipper whose reading controller has no analysis until `analyse()` is called. */
function freshlyInjectedClipper(pageWaitMs: number): { clipper: ContentClipper; analyse: () => void } {
  let page: PageText | null = null;
  const c = createContentClipper(() => page, { link, listenForMessages: false, pageWaitMs });
  return {
    clipper: c,
    analyse: () => {
      const extracted = extractText(document.body, {});
      page = { extracted, analysis: analysisOf(extracted.text), url: document.location.href, title: document.title };
    },
  };
}

describe('clipping before the page is analysed', () => {
  it('waits for the analysis: the clip has its outline path, speech title and date', async () => {
    const injected = freshlyInjectedClipper(10_000);
    clipper = injected.clipper;
    selectPassage();
    const clipping = clipper.clipSelection();
    // The controller's analysis arrives after the request to clip (the background's answer takes a moment).
    await new Promise((r) => setTimeout(r, 150));
    injected.analyse();
    const outcome = await clipping;
    expect(outcome.status).toBe('saved');
    if (outcome.status !== 'saved') return;
    expect(outcome.clip.text).toBe(PASSAGE);
    expect(outcome.clip.outlinePath.map((s) => s.marker + s.title)).toEqual([HEADING]);
    expect(outcome.clip.speechTitle).toBe('在全区改革工作会议上的讲话');
    expect(outcome.clip.speechDate).toBe('2025-03-02');
    expect(outcome.clip.title).toBe('Raw page title | Portal');
  });

  it('still clips, over the whole body and without outline context, when no analysis comes', async () => {
    clipper = freshlyInjectedClipper(200).clipper;
    selectPassage();
    const outcome = await clipper.clipSelection();
    expect(outcome.status).toBe('saved');
    if (outcome.status !== 'saved') return;
    expect(outcome.clip.text).toBe(PASSAGE);
    expect(outcome.clip.outlinePath).toEqual([]);
    expect(outcome.clip.speechTitle).toBeUndefined();
  });
});
