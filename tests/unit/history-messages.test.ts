/**
 * The reading history's message kinds (issue 12) through the background router: a content script gets its own
 * page's recurring paragraphs as ranges and worded names only, and its policy page is recorded; non-policy pages
 * and a history switched off record and mark nothing; the history itself is served to extension pages only; a
 * clip of another page counts as "read before" too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { registerHistoryHandlers } from '../../lib/history/background';
import { HistoryDatabase } from '../../lib/history/db';
import { HistoryStore } from '../../lib/history/store';
import { envelope, type Kind } from '../../lib/messages/protocol';
import { createRouter, type Router, type SenderInfo } from '../../lib/messages/router';
import { TextRegistry } from '../../lib/reading/text-registry';
import { analyze } from '../../lib/rules';
import { splitParagraphs } from '../../lib/similarity/paragraphs';
import type { Clip } from '../../lib/clips/types';
import { makeClip } from '../fixtures/reviewing/clips';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const POS = join(__dirname, '../fixtures/corpus/pos');
const beijing = readFileSync(join(POS, 'provgwr2026__beijing.txt'), 'utf8');
const shanghai = readFileSync(join(POS, 'provgwr2026__shanghai.txt'), 'utf8');
const reused = splitParagraphs(beijing, { minChars: 120 })[3].text;
const variant = reused
  .replace(/北京/g, '青山')
  .replace('。', '。全县上下要细化任务清单，压实工作责任，确保部署落地见效。');
const county = `${shanghai.slice(0, 3000)}\n${variant}\n`;
const A_URL = 'https://www.beijing.gov.cn/report.html';
const B_URL = 'https://www.qingshan.gov.cn/report.html';

const fromTab = (url: string, tabId: number): SenderInfo => ({ id: EXT, url, tab: { id: tabId, url } });
const fromPanel: SenderInfo = { id: EXT, url: `${ORIGIN}sidepanel.html` };

let router: Router;
let texts: TextRegistry;
let db: HistoryDatabase;
let clips: Clip[];

beforeEach(() => {
  router = createRouter(EXT);
  texts = new TextRegistry();
  clips = [];
  db = new HistoryDatabase(`history-messages-${Math.random().toString(36).slice(2)}`);
  registerHistoryHandlers(router, { texts, listClips: async () => clips, store: new HistoryStore(db) });
});
afterEach(async () => {
  await db.delete();
});

async function send(kind: Kind, payload: unknown, sender: SenderInfo) {
  return router.dispatch(envelope(kind, payload as never), sender);
}

/** What reading.analyze does first: the background keeps the tab's text under an id. */
function read(text: string, url: string, tabId: number): string {
  return texts.add(text, analyze(text), { tabId, url, title: url }).id;
}

describe('similar.mark (from a content script)', () => {
  it('records the policy page, then marks the next page that reuses one of its paragraphs', async () => {
    const first = await send('similar.mark', { textId: read(beijing, A_URL, 1) }, fromTab(A_URL, 1));
    expect(first).toMatchObject({ ok: true, value: { paragraphs: [] } });
    const list = (await send('history.list', {}, fromPanel)) as { ok: true; value: { pages: { url: string }[] } };
    expect(list.value.pages.map((p) => p.url)).toEqual([A_URL]);

    const reply = (await send('similar.mark', { textId: read(county, B_URL, 2) }, fromTab(B_URL, 2))) as {
      ok: true;
      value: { paragraphs: { start: number; end: number; heading: string; text: string }[] };
    };
    expect(reply.ok).toBe(true);
    const [marked] = reply.value.paragraphs;
    expect(county.slice(marked.start, marked.end)).toBe(variant);
    // Names and shares only (worded with the extension's messages, the e2e test reads them): none of the other
    // page's text travels to this page.
    expect(marked.text).not.toContain(reused.slice(0, 30));
    expect(JSON.stringify(reply.value)).not.toContain(reused.slice(40, 70));
  });

  it('records and marks nothing for a page that is not policy, or while the history is off', async () => {
    const other = '今天天气很好，我们去公园散步。\n'.repeat(20);
    await send(
      'similar.mark',
      { textId: read(other, 'https://www.gov.cn/weather.html', 3) },
      fromTab('https://www.gov.cn/weather.html', 3),
    );
    await send('history.setEnabled', { enabled: false }, fromPanel);
    await send('similar.mark', { textId: read(beijing, A_URL, 1) }, fromTab(A_URL, 1));
    const list = (await send('history.list', {}, fromPanel)) as { ok: true; value: { enabled: boolean; pages: [] } };
    expect(list.value).toEqual({ enabled: false, pages: [] });
  });

  it('marks a paragraph that recurs in a clip of another page', async () => {
    clips = [makeClip({ url: 'https://www.beijing.gov.cn/clip.html', text: reused, title: '北京市政府工作报告' })];
    const reply = (await send('similar.mark', { textId: read(county, B_URL, 2) }, fromTab(B_URL, 2))) as {
      ok: true;
      value: { paragraphs: { start: number; end: number; text: string }[] };
    };
    expect(reply.value.paragraphs.map((p) => county.slice(p.start, p.end))).toEqual([variant]);
  });
});

describe('similar.open (a tooltip button) → the side panel', () => {
  it("routes a mention's trail to the panel: broadcast at once, and kept once for a panel that opens", async () => {
    const sent = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const reply = await send('similar.open', { trail: '千村头雁' }, fromTab(A_URL, 4));
    expect(reply).toEqual({ ok: true, value: { opened: false } });
    expect(sent).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'similar.focus', payload: { tabId: 4, trail: '千村头雁' } }),
    );
    // The panel opened by that click asks once; another tab has nothing waiting.
    expect(await send('similar.takeFocus', { tabId: 5 }, fromPanel)).toEqual({ ok: true, value: {} });
    expect(await send('similar.takeFocus', { tabId: 4 }, fromPanel)).toEqual({
      ok: true,
      value: { trail: '千村头雁' },
    });
    expect(await send('similar.takeFocus', { tabId: 4 }, fromPanel)).toEqual({ ok: true, value: {} });
    // A paragraph's side-by-side still travels as its offset.
    await send('similar.open', { start: 120 }, fromTab(A_URL, 4));
    expect(await send('similar.takeFocus', { tabId: 4 }, fromPanel)).toEqual({ ok: true, value: { start: 120 } });
    expect(await send('similar.open', { trail: '  ' }, fromTab(A_URL, 4))).toMatchObject({ ok: false });
    sent.mockRestore();
  });
});

describe('similar.passages (the library)', () => {
  it("counts the history passages that resemble a clip's text", async () => {
    await send('similar.mark', { textId: read(beijing, A_URL, 1) }, fromTab(A_URL, 1));
    const reply = (await send('similar.passages', { text: variant }, fromPanel)) as {
      ok: true;
      value: { matches: { url: string }[] };
    };
    expect(reply.value.matches.map((m) => m.url)).toEqual([A_URL]);
    const none = (await send(
      'similar.passages',
      { text: '今天天气很好，我们去公园散步，看看湖边的柳树。' },
      fromPanel,
    )) as {
      ok: true;
      value: { matches: unknown[] };
    };
    expect(none.value.matches).toEqual([]);
  });
});

describe('similar.counts (the library rows)', () => {
  it("counts variants per clip in one batch, leaves out the clip's own page, and recounts after the history changed", async () => {
    await send('similar.mark', { textId: read(beijing, A_URL, 1) }, fromTab(A_URL, 1));
    const clips = [
      { id: 'county', text: variant, url: B_URL },
      { id: 'own', text: reused, url: A_URL },
      { id: 'none', text: '今天天气很好，我们去公园散步，看看湖边的柳树，再去吃一碗面条，晚上早点休息。' },
    ];
    const counts = async () =>
      ((await send('similar.counts', { clips }, fromPanel)) as { ok: true; value: { counts: unknown } }).value.counts;
    expect(await counts()).toEqual([
      { id: 'county', count: 1 },
      { id: 'own', count: 0 },
      { id: 'none', count: 0 },
    ]);
    // The variants behind a count, with their speech: what the library's group view lists.
    const passages = (await send('similar.passages', { text: variant, url: B_URL }, fromPanel)) as {
      ok: true;
      value: { matches: { url: string; text: string; label: string }[] };
    };
    expect(passages.value.matches).toEqual([
      expect.objectContaining({ url: A_URL, text: reused, title: '2026年北京市政府工作报告' }),
    ]);
    await send('history.erase', {}, fromPanel);
    expect(((await counts()) as { count: number }[]).map((c) => c.count)).toEqual([0, 0, 0]);
  });
});

describe('the history is served to extension pages only', () => {
  it('refuses the history, side-by-side, compare and trail kinds to a content script', async () => {
    const kinds: [Kind, unknown][] = [
      ['history.list', {}],
      ['history.delete', { pageId: 1 }],
      ['history.erase', {}],
      ['history.setEnabled', { enabled: false }],
      ['similar.forTab', { tabId: 1 }],
      ['compare.suggest', { tabId: 1 }],
      ['compare.run', { older: { pageId: 1 }, newer: { tabId: 1 } }],
      ['mentions.trail', { query: '千村头雁' }],
      ['similar.passages', { text: '千村头雁' }],
      ['similar.counts', { clips: [{ id: 'c1', text: '千村头雁' }] }],
    ];
    for (const [kind, payload] of kinds)
      expect(await send(kind, payload, fromTab(A_URL, 1))).toEqual({
        ok: false,
        error: `${kind} is not served to a content script`,
      });
  });

  it("gives the side panel a tab's recurring paragraphs with the edits, and compares it with the earlier page", async () => {
    await send('similar.mark', { textId: read(beijing, A_URL, 1) }, fromTab(A_URL, 1));
    read(county, B_URL, 2);
    const reply = (await send('similar.forTab', { tabId: 2 }, fromPanel)) as {
      ok: true;
      value: { paragraphs: { pairs: { ops: [number, string][]; other: { url: string } }[] }[] };
    };
    const [pair] = reply.value.paragraphs[0].pairs;
    expect(pair.other.url).toBe(A_URL);
    expect(
      pair.ops
        .filter(([op]) => op === 1)
        .map(([, s]) => s)
        .join(''),
    ).toContain('青山');
    expect(
      pair.ops
        .filter(([op]) => op === -1)
        .map(([, s]) => s)
        .join(''),
    ).toContain('北京');
    const suggest = (await send('compare.suggest', { tabId: 2 }, fromPanel)) as {
      ok: true;
      value: { suggestions: { url: string; pageId: number }[] };
    };
    expect(suggest.value.suggestions[0].url).toBe(A_URL);
    const run = (await send(
      'compare.run',
      { older: { pageId: suggest.value.suggestions[0].pageId }, newer: { tabId: 2 } },
      fromPanel,
    )) as { ok: true; value: { markdown: string } };
    expect(run.ok).toBe(true);
    expect(run.value.markdown).toMatch(/新增|删除/);
  });
});
