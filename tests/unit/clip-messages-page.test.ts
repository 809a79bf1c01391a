import { describe, expect, it } from 'vitest';
import { envelope, PROTOCOL, unwrapReply, type Kind } from '../../lib/messages/protocol';
import { answerRequest, isFlatPayload } from '../../lib/messages/content-endpoint';
import { looksLikePlacement } from '../../lib/clipping/content-messages';
import { MAX_ANCHOR_TEXT_CHARS } from '../../lib/messages/clips';
import { makeDraft } from './helpers/clip-fixtures';
import { EXT, analyzeIn, fromTab, send, store, useBackgroundRouter } from './helpers/background-router';

useBackgroundRouter();

describe('re-anchoring (clips.place)', () => {
  it("places the page's clips in its text, by text id or sent text; the content script trusts only sane placements", async () => {
    const draft = makeDraft();
    const { clip } = await store.save(draft);
    const page = '同志们：' + draft.text + '二要';
    const tab = fromTab(draft.url);
    const textId = await analyzeIn(page, tab);
    const reply = unwrapReply('clips.place', await send('clips.place', { textId }, tab));
    expect(reply.placements).toEqual([
      { id: clip.id, color: clip.color, status: 'anchored', start: 4, end: 4 + draft.text.length },
    ]);
    const gone = unwrapReply('clips.place', await send('clips.place', { text: '别的内容', ids: [clip.id] }, tab));
    expect(gone.placements).toEqual([{ id: clip.id, color: clip.color, status: 'orphan' }]);
    expect(
      unwrapReply('clips.place', await send('clips.place', { text: page, ids: ['other'] }, tab)).placements,
    ).toEqual([]);
    expect(await send('clips.place', { text: 'x'.repeat(MAX_ANCHOR_TEXT_CHARS + 1) }, tab)).toMatchObject({
      ok: false,
    });
    // Another page's tab sees none of these clips.
    expect(
      unwrapReply('clips.place', await send('clips.place', { text: page }, fromTab('http://www.gov.cn/b.htm', 9)))
        .placements,
    ).toEqual([]);

    expect(looksLikePlacement(reply.placements[0], page.length)).toBe(true);
    expect(looksLikePlacement(gone.placements[0], 4)).toBe(true);
    expect(looksLikePlacement(reply.placements[0], 5)).toBe(false);
    expect(looksLikePlacement({ ...reply.placements[0], start: 9, end: 8 }, page.length)).toBe(false);
    expect(looksLikePlacement({ ...reply.placements[0], color: 'red' }, page.length)).toBe(false);
  });

  it("coalesces one tab's requests: a request still waiting when a newer one comes is superseded", async () => {
    const draft = makeDraft();
    await store.save(draft);
    const tab = fromTab(draft.url);
    const page = '同志们：' + draft.text;
    const replies = await Promise.all([1, 2, 3].map(() => send('clips.place', { text: page }, tab)));
    const values = replies.map((r) => unwrapReply('clips.place', r));
    // The first runs; the second is dropped for the third (latest wins), which runs.
    expect(values.map((v) => v.superseded === true)).toEqual([false, true, false]);
    expect(values[2].placements).toHaveLength(1);
  });
});

describe("a content script's incoming requests (one structural check, no zod)", () => {
  const handlers = {
    'clipping.clipSection': async ({ itemIndex }: { itemIndex: number }) => ({
      status: 'error' as const,
      error: `item ${itemIndex}`,
    }),
    'clipping.scrollTo': async () => ({ found: true }),
  };

  it('answers the extension, refuses other senders and malformed payloads, ignores kinds it does not answer', async () => {
    expect(await answerRequest(envelope('clipping.clipSection', { itemIndex: 2 }), { id: EXT }, EXT, handlers)).toEqual(
      {
        ok: true,
        value: { status: 'error', error: 'item 2' },
      },
    );
    expect(
      await answerRequest(envelope('clipping.clipSection', { itemIndex: 2 }), { id: 'evil' }, EXT, handlers),
    ).toEqual({
      ok: false,
      error: 'sender is not this extension',
    });
    for (const payload of [
      null,
      [],
      { itemIndex: -1 },
      { itemIndex: 1.5 },
      { id: '' },
      { id: 'x'.repeat(65) },
      { nested: {} },
    ]) {
      expect(
        await answerRequest({ tifa: 1, kind: 'clipping.clipSection', payload }, { id: EXT }, EXT, handlers),
      ).toMatchObject({ ok: false });
    }
    expect(
      answerRequest({ tifa: 1, kind: 'reading.getState', payload: {} }, { id: EXT }, EXT, handlers),
    ).toBeUndefined();
    expect(answerRequest('hello', { id: EXT }, EXT, handlers)).toBeUndefined();
  });

  it('the structural check admits every valid request of a tab kind in the map', () => {
    const samples: Record<string, unknown> = {
      'reading.getState': {},
      'reading.scrollTo': { index: 3 },
      'reading.scrollToMention': { index: 7 },
      'reading.getIndex': {},
      'reading.analyzeNow': { force: true },
      'clipping.clipSelection': {},
      'clipping.clipSection': { itemIndex: 3 },
      'clipping.clipParagraph': { index: 2 },
      'clipping.getAnchors': {},
      'clipping.refresh': {},
      'clipping.scrollTo': { id: 'abc' },
    };
    const tabKinds = Object.entries(PROTOCOL)
      .filter(([, e]) => e.to === 'tab')
      .map(([k]) => k);
    expect(Object.keys(samples).sort()).toEqual(tabKinds.sort());
    for (const [kind, payload] of Object.entries(samples)) {
      expect(PROTOCOL[kind as Kind].request.safeParse(payload).success, kind).toBe(true);
      expect(isFlatPayload(payload), kind).toBe(true);
    }
  });
});
