import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, envelope, type MessageDef as Def, type Router, unwrapReply } from '../../lib/messages/protocol';
import * as contentMessages from '../../lib/clipping/content-messages';
import type { z } from 'zod';

type MessageDef = Def<z.ZodTypeAny, z.ZodTypeAny>;
import * as msg from '../../lib/messages/clips';
import { registerClipHandlers } from '../../lib/store/background-handlers';
import { ClipStore } from '../../lib/store/clip-store';
import { ClipDatabase } from '../../lib/store/db';
import { MAX_CLIP_CHARS, MAX_NOTE_CHARS } from '../../lib/clips/types';
import { makeDraft } from './helpers/clip-fixtures';
import { makeClip } from '../fixtures/reviewing/clips';
import { splitForMessages } from '../../lib/store/import-staging';
import { CORPUS_DIR } from './helpers/rules-corpus';

const EXT = 'tifa-test-extension';
const fromContentScript = { id: EXT, url: 'http://www.gov.cn/a.htm', tab: { id: 7, url: 'http://www.gov.cn/a.htm' } };
let router: Router;
let store: ClipStore;
let dbName: string;

beforeEach(() => {
  dbName = `messages-test-${Math.random().toString(36).slice(2)}`;
  router = createRouter(EXT);
  store = registerClipHandlers(router, new ClipStore(() => new ClipDatabase(dbName)));
});

afterEach(async () => {
  store.database.close();
  await Dexie.delete(dbName);
});

/** Sends through the router as runtime.onMessage would, returning the raw reply. */
async function send(def: { kind: string }, payload: unknown, sender: object = fromContentScript) {
  return router.dispatch(envelope(def as never, payload as never), sender);
}

describe('clip messages at the background', () => {
  it('registers every background clip message', () => {
    for (const def of [
      msg.saveClip,
      msg.saveClipSpan,
      msg.getClip,
      msg.listClipsForPage,
      msg.listClips,
      msg.queryClips,
      msg.listTags,
      msg.updateClip,
      msg.updateClips,
      msg.deleteClips,
      msg.restoreClips,
      msg.importClips,
    ]) {
      expect(router.kinds()).toContain(def.kind);
    }
  });

  it('saves a valid clip and lists it for its page', async () => {
    const saved = unwrapReply(msg.saveClip, await send(msg.saveClip, { draft: makeDraft() }));
    expect(saved.duplicate).toBe(false);
    const listed = unwrapReply(msg.listClipsForPage, await send(msg.listClipsForPage, { url: makeDraft().url }));
    expect(listed.clips.map((c) => c.id)).toEqual([saved.clip.id]);
  });

  it('builds a clip from a span of the page text with the rule set\'s outline path and mentions', async () => {
    const text = readFileSync(join(CORPUS_DIR, 'seed/party-building-speech.txt'), 'utf8');
    const start = text.indexOf('一要扎扎实实');
    const end = start + 40;
    const span = { text, start, end, url: 'http://www.gov.cn/a.htm?utm_source=x#p', title: ' 讲话 ', analyzed: true };
    const { clip, duplicate } = unwrapReply(msg.saveClipSpan, await send(msg.saveClipSpan, span));
    expect(duplicate).toBe(false);
    expect(clip.text).toBe(text.slice(start, end));
    expect(clip.url).toBe('http://www.gov.cn/a.htm');
    expect(clip.title).toBe('讲话');
    expect(clip.selectors[1]).toEqual({ type: 'TextPositionSelector', start, end, codePoints: { start, end } });
    expect(clip.outlinePath.map((s) => s.marker)).toEqual(['二、', '第一，', '一要']);
    expect(clip.speechTitle).toBeTruthy();
    expect(clip.mentionKeys).toEqual(['program:千村头雁培育工程']);
    // The whole body's text (not the analysed one): no outline context, no mentions.
    const other = unwrapReply(msg.saveClipSpan, await send(msg.saveClipSpan, { ...span, start: end, end: end + 20, analyzed: false }));
    expect(other.clip.outlinePath).toEqual([]);
    expect(other.clip.mentions).toEqual([]);
  });

  it('refuses spans outside the text, empty or over-long ones, writing nothing', async () => {
    const span = { text: '一二三', start: 0, end: 3, url: 'http://www.gov.cn/a.htm', title: 't', analyzed: false };
    for (const bad of [{ ...span, end: 4 }, { ...span, start: 2, end: 1 }, { ...span, url: 'javascript:1' }, { ...span, analyzed: 'yes' }]) {
      expect(await send(msg.saveClipSpan, bad)).toMatchObject({ ok: false });
    }
    expect(await send(msg.saveClipSpan, { ...span, text: '一  ', start: 1, end: 3 })).toMatchObject({ ok: false, error: expect.stringContaining('nothing is selected') });
    const long = '字'.repeat(MAX_CLIP_CHARS + 1);
    expect(await send(msg.saveClipSpan, { ...span, text: long, end: long.length })).toMatchObject({ ok: false, error: expect.stringContaining(`maximum is ${MAX_CLIP_CHARS}`) });
    expect((await store.list()).total).toBe(0);
  });

  it('refuses a message from another extension, writing nothing', async () => {
    const reply = await send(msg.saveClip, { draft: makeDraft() }, { ...fromContentScript, id: 'someone-else' });
    expect(reply).toEqual({ ok: false, error: 'sender is not this extension' });
    expect((await store.list()).total).toBe(0);
  });

  it('refuses malformed shapes with an error reply, writing nothing', async () => {
    const bad: unknown[] = [
      {},
      { draft: null },
      { draft: { ...makeDraft(), selectors: [] } },
      { draft: { ...makeDraft(), color: 'red' } },
      { draft: { ...makeDraft(), url: 'chrome://settings' } },
      { draft: { ...makeDraft(), mentions: [{ category: 'nonsense', key: 'k', text: 't' }] } },
      { draft: { ...makeDraft(), tags: 'not-an-array' } },
    ];
    for (const payload of bad) {
      const reply = await send(msg.saveClip, payload);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid clips\.save: /) });
    }
    expect((await store.list()).total).toBe(0);
  });

  it('refuses oversize clips and notes with a message naming the limit', async () => {
    const long = await send(msg.saveClip, { draft: makeDraft({ text: 'x'.repeat(MAX_CLIP_CHARS + 1) }) });
    expect(long).toMatchObject({ ok: false, error: expect.stringContaining(`maximum of ${MAX_CLIP_CHARS} characters`) });
    const saved = await store.save(makeDraft());
    const note = await send(msg.updateClip, { id: saved.clip.id, patch: { note: 'n'.repeat(MAX_NOTE_CHARS + 1) } });
    expect(note).toMatchObject({ ok: false, error: expect.stringContaining('note is longer') });
    expect((await store.get(saved.clip.id))!.note).toBe('');
  });

  it('refuses patches with fields that may not be edited', async () => {
    const saved = await store.save(makeDraft());
    const reply = await send(msg.updateClip, { id: saved.clip.id, patch: { text: 'rewritten' } });
    expect(reply).toMatchObject({ ok: false });
    expect((await store.get(saved.clip.id))!.text).toBe(saved.clip.text);
  });

  it('edits, deletes and restores through messages', async () => {
    const { clip } = await store.save(makeDraft());
    const edited = unwrapReply(msg.updateClip, await send(msg.updateClip, { id: clip.id, patch: { tags: ['提法'], color: 'blue' } }));
    expect(edited.clip).toMatchObject({ tags: ['提法'], color: 'blue' });
    expect(unwrapReply(msg.deleteClips, await send(msg.deleteClips, { ids: [clip.id] }))).toEqual({ deleted: [clip.id] });
    expect(unwrapReply(msg.getClip, await send(msg.getClip, { id: clip.id }))).toEqual({ clip: null });
    expect(unwrapReply(msg.restoreClips, await send(msg.restoreClips, { ids: [clip.id] }))).toEqual({
      restored: [clip.id],
      skipped: [],
    });
    const query = unwrapReply(msg.queryClips, await send(msg.queryClips, { filter: { tag: '提法' } }));
    expect(query.total).toBe(1);
    expect(unwrapReply(msg.listTags, await send(msg.listTags, {}))).toEqual({ tags: [{ tag: '提法', count: 1 }] });
  });

  it('reports a store error as an error reply', async () => {
    const reply = await send(msg.updateClip, { id: 'missing', patch: { note: 'x' } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('[not-found]') });
  });

  it('imports all or nothing', async () => {
    const { clip } = await store.save(makeDraft());
    await store.delete([clip.id]);
    const bad = await send(msg.importClips, { clips: [clip, { ...clip, id: 'x', created: -1 }] });
    expect(bad).toMatchObject({ ok: false });
    expect((await store.list()).total).toBe(0);
    const good = unwrapReply(msg.importClips, await send(msg.importClips, { clips: [clip] }));
    expect(good).toEqual({ added: 1, skipped: 0 });
  });

  it('imports a large backup in parts, writing nothing until the last part, all or nothing', async () => {
    const fromLibrary = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
    const clips = Array.from({ length: 30 }, (_, i) => makeClip({ text: `第${i}条：坚持稳中求进工作总基调。`, note: '笔'.repeat(200) }));
    // Parts as the library view cuts them, here small enough to need three.
    const parts = splitForMessages(clips, Math.ceil(JSON.stringify(clips).length / 3) + 10);
    expect(parts.length).toBe(3);
    expect(parts.flat()).toEqual(clips);
    const batch = 'batch-0001-abcd';
    for (const [i, part] of parts.entries()) {
      const reply = unwrapReply(msg.importClips, await send(msg.importClips, { clips: part, part: { batch, part: i, last: i === 2 } }, fromLibrary));
      expect((await store.list()).total).toBe(i === 2 ? 30 : 0);
      expect(reply).toEqual(i === 2 ? { added: 30, skipped: 0 } : { added: 0, skipped: 0 });
    }
    // A batch whose first part never arrived (worker restarted, page closed) refuses instead of writing half.
    const more = Array.from({ length: 2 }, (_, i) => makeClip({ text: `另一批第${i}条。` }));
    const lost = await send(msg.importClips, { clips: more, part: { batch: 'batch-0002-abcd', part: 1, last: true } }, fromLibrary);
    expect(lost).toMatchObject({ ok: false, error: expect.stringContaining('nothing was imported') });
    expect((await store.list()).total).toBe(30);
  });
});

describe('content-side clip page messages (checked by hand, without zod)', () => {
  const { parseClipPageRequest, handleClipPageMessage, looksLikeClip } = contentMessages;
  const cases: [MessageDef, unknown][] = [
    [msg.clipSelection, {}],
    [msg.clipSection, { itemIndex: 3 }],
    [msg.clipSection, { itemIndex: -1 }],
    [msg.clipSection, { itemIndex: 1.5 }],
    [msg.clipSection, { itemIndex: '2' }],
    [msg.clipSection, {}],
    [msg.getClipAnchors, {}],
    [msg.refreshClips, {}],
    [msg.scrollToClip, { id: 'abc' }],
    [msg.scrollToClip, { id: '' }],
    [msg.scrollToClip, { id: 'x'.repeat(65) }],
    [msg.scrollToClip, { id: 5 }],
    [msg.clipSelection, null],
  ];

  it('accepts and refuses exactly what the zod declarations do', () => {
    for (const [def, payload] of cases) {
      const zodOk = def.request.safeParse(payload).success;
      const hand = parseClipPageRequest(envelope(def as never, payload as never));
      expect(typeof hand === 'object' && hand !== null, `${def.kind} ${JSON.stringify(payload)}`).toBe(zodOk);
    }
  });

  it('ignores messages that are not clip page messages', () => {
    expect(parseClipPageRequest({ tifa: 1, kind: 'readingGetPageState', payload: {} })).toBeNull();
    expect(parseClipPageRequest({ tifa: 1, kind: msg.saveClipSpan.kind, payload: {} })).toBeNull();
    expect(parseClipPageRequest('hello')).toBeNull();
    expect(parseClipPageRequest(envelope(msg.clipSelection, {}))).not.toBeNull();
    const background = envelope(msg.deleteClips, { ids: ['a'] });
    expect(handleClipPageMessage(background, { id: EXT }, EXT, {} as never)).toBeUndefined();
  });

  it('refuses other senders and answers ours with validated replies', async () => {
    const handlers = {
      clipSelection: async () => ({ status: 'empty' as const }),
      clipSection: async (i: number) => ({ status: 'error' as const, error: `item ${i}` }),
      getAnchors: async () => ({ url: 'http://www.gov.cn/a', anchors: [{ id: 'a', status: 'orphan' as const }] }),
      refresh: async () => ({ anchored: 1, orphans: 0 }),
      scrollTo: async () => ({ found: true }),
    };
    expect(await handleClipPageMessage(envelope(msg.clipSelection, {}), { id: 'evil' }, EXT, handlers)).toEqual({
      ok: false,
      error: 'sender is not this extension',
    });
    const section = await handleClipPageMessage(envelope(msg.clipSection, { itemIndex: 2 }), { id: EXT }, EXT, handlers);
    expect(unwrapReply(msg.clipSection, section)).toEqual({ status: 'error', error: 'item 2' });
    const anchors = await handleClipPageMessage(envelope(msg.getClipAnchors, {}), { id: EXT }, EXT, handlers);
    expect(unwrapReply(msg.getClipAnchors, anchors).anchors).toHaveLength(1);
  });

  it('places the page\'s clips in the text it is sent (background re-anchoring) and trusts only sane placements', async () => {
    const draft = makeDraft();
    const { clip } = await store.save(draft);
    const page = '同志们：' + draft.text + '二要';
    expect(unwrapReply(msg.countClipsForPage, await send(msg.countClipsForPage, { url: draft.url })).count).toBe(1);
    expect(unwrapReply(msg.countClipsForPage, await send(msg.countClipsForPage, { url: 'https://www.gov.cn/other.html' })).count).toBe(0);
    const reply = unwrapReply(msg.anchorClipsForPage, await send(msg.anchorClipsForPage, { url: draft.url, text: page }));
    expect(reply.placements).toEqual([{ id: clip.id, color: clip.color, status: 'anchored', start: 4, end: 4 + draft.text.length }]);
    const gone = unwrapReply(msg.anchorClipsForPage, await send(msg.anchorClipsForPage, { url: draft.url, text: '别的内容', ids: [clip.id] }));
    expect(gone.placements).toEqual([{ id: clip.id, color: clip.color, status: 'orphan' }]);
    expect(unwrapReply(msg.anchorClipsForPage, await send(msg.anchorClipsForPage, { url: draft.url, text: page, ids: ['other'] })).placements).toEqual([]);
    expect(await send(msg.anchorClipsForPage, { url: draft.url, text: 'x'.repeat(msg.MAX_ANCHOR_TEXT_CHARS + 1) })).toMatchObject({ ok: false });

    const { looksLikePlacement } = contentMessages;
    expect(looksLikePlacement(reply.placements[0], page.length)).toBe(true);
    expect(looksLikePlacement(gone.placements[0], 4)).toBe(true);
    expect(looksLikePlacement(reply.placements[0], 5)).toBe(false);
    expect(looksLikePlacement({ ...reply.placements[0], start: 9, end: 8 }, page.length)).toBe(false);
    expect(looksLikePlacement({ ...reply.placements[0], color: 'red' }, page.length)).toBe(false);
  });

  it('recognises a stored clip in a background reply', async () => {
    const { clip } = await store.save(makeDraft());
    expect(looksLikeClip(clip)).toBe(true);
    expect(looksLikeClip({ ...clip, color: 'red' })).toBe(false);
    expect(looksLikeClip({ ...clip, selectors: [] })).toBe(false);
  });
});
