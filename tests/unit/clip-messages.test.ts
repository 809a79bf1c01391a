import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL, unwrapReply, type Kind } from '../../lib/messages/protocol';
import { UNKNOWN_TEXT_ID } from '../../lib/reading/text-registry';
import { MAX_CLIP_CHARS, MAX_NOTE_CHARS } from '../../lib/clips/types';
import { makeDraft } from './helpers/clip-fixtures';
import { makeClip } from '../fixtures/reviewing/clips';
import { splitForMessages } from '../../lib/store/import-staging';
import { CORPUS_DIR } from './helpers/rules-corpus';

import type { SenderInfo } from '../../lib/messages/router';
import {
  EXT,
  PAGE,
  analyzeIn,
  fromPanel,
  fromTab,
  router,
  send,
  store,
  texts,
  useBackgroundRouter,
} from './helpers/background-router';

useBackgroundRouter();

describe('the protocol map', () => {
  it('declares every kind once, in one naming style, and the background answers every kind addressed to it', () => {
    for (const kind of Object.keys(PROTOCOL)) expect(kind).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
    const toBackground = Object.entries(PROTOCOL)
      .filter(([, e]) => e.to === 'background')
      .map(([k]) => k);
    expect(router.kinds().sort()).toEqual(toBackground.sort());
    // The kinds nothing sent are gone.
    for (const gone of ['clips.list', 'clips.get', 'clips.query', 'clips.listTags', 'clips.listForPage', 'saveClip']) {
      expect(Object.hasOwn(PROTOCOL, gone)).toBe(false);
    }
  });
});

describe('capabilities by sender', () => {
  it('refuses every library kind to a content script, writing nothing', async () => {
    const { clip } = await store.save(makeDraft());
    const library: [Kind, unknown][] = [
      ['clips.update', { id: clip.id, patch: { note: 'x' } }],
      ['clips.updateMany', { ids: [clip.id], color: 'blue' }],
      ['clips.delete', { ids: [clip.id] }],
      ['clips.restore', { ids: [clip.id] }],
      ['clips.import', { clips: [] }],
    ];
    for (const [kind, payload] of library) {
      expect(await send(kind, payload, fromTab())).toEqual({
        ok: false,
        error: `${kind} is not served to a content script`,
      });
    }
    expect(await store.get(clip.id)).toMatchObject({ note: '', color: clip.color });
  });

  it("clips.annotate writes the note and tags of a fresh clip of the sender's own page, and nothing else", async () => {
    const { clip } = await store.save(makeDraft({ url: PAGE }));
    const other = (await store.save(makeDraft({ url: 'http://www.gov.cn/b.htm' }))).clip;
    const ok = await send('clips.annotate', { id: clip.id, note: '要点', tags: ['党建'] }, fromTab());
    expect(ok).toMatchObject({ ok: true });
    expect(await store.get(clip.id)).toMatchObject({ note: '要点', tags: ['党建'] });
    // Another page's clip, from this page: refused, unchanged.
    expect(await send('clips.annotate', { id: other.id, note: 'x', tags: [] }, fromTab())).toMatchObject({
      ok: false,
    });
    expect(await store.get(other.id)).toMatchObject({ note: '' });
    // The library's own edit stays with extension pages.
    expect(await send('clips.annotate', { id: clip.id, note: 'y', tags: [] }, fromPanel)).toMatchObject({ ok: false });
  });

  it('refuses page kinds to extension pages and everything to other extensions and senders without a tab', async () => {
    expect(await send('clips.count', {}, fromPanel)).toMatchObject({
      ok: false,
      error: 'clips.count is not served to an extension page',
    });
    expect(await send('clips.count', {}, { ...fromTab(), id: 'someone-else' })).toEqual({
      ok: false,
      error: 'sender is not this extension',
    });
    expect(await send('clips.count', {}, { id: EXT, url: PAGE })).toEqual({
      ok: false,
      error: 'sender is not this extension',
    });
  });

  it("answers a content script about its own page only: the address is the browser's, not the payload's", async () => {
    const draft = makeDraft();
    await store.save(draft);
    expect(unwrapReply('clips.count', await send('clips.count', {}, fromTab(draft.url))).count).toBe(1);
    expect(
      unwrapReply('clips.count', await send('clips.count', {}, fromTab('https://www.gov.cn/other.html'))).count,
    ).toBe(0);
    // A url in the payload is refused by the schema, not used.
    expect(await send('clips.count', { url: draft.url }, fromTab('https://www.gov.cn/other.html'))).toMatchObject({
      ok: false,
    });
  });

  it('a text id belongs to the tab that sent the text', async () => {
    const textId = await analyzeIn('一二三四五六七八九十');
    const other = await send('clips.save', { textId, start: 0, end: 4, url: PAGE, title: 't' }, fromTab(PAGE, 8));
    expect(other).toMatchObject({ ok: false, error: expect.stringContaining(UNKNOWN_TEXT_ID) });
    expect((await store.list()).total).toBe(0);
  });
});

describe('saving a clip from a content script', () => {
  const seed = readFileSync(join(CORPUS_DIR, 'seed/party-building-speech.txt'), 'utf8');

  it("builds it from the analysed text by id, with outline path and mentions, filed under the browser's address", async () => {
    const tab = fromTab('http://www.gov.cn/a.htm?utm_source=x#p');
    const textId = await analyzeIn(seed, tab);
    const start = seed.indexOf('一要扎扎实实');
    const end = start + 40;
    const reply = await send(
      'clips.save',
      { textId, start, end, url: 'http://www.gov.cn/a.htm', title: ' 讲话 ' },
      tab,
    );
    const { clip, duplicate } = unwrapReply('clips.save', reply);
    expect(duplicate).toBe(false);
    expect(clip.text).toBe(seed.slice(start, end));
    expect(clip.url).toBe('http://www.gov.cn/a.htm');
    expect(clip.title).toBe('页面'); // the title registered with the text, not the one sent at save time
    expect(clip.selectors[1]).toMatchObject({ type: 'TextPositionSelector', start, end });
    expect(clip.outlinePath.map((s) => s.marker)).toEqual(['二、', '第一，', '一要']);
    expect(clip.mentionKeys).toEqual(['program:千村头雁培育工程']);
  });

  it("takes the tab title the browser reports over the page's own", async () => {
    const tab: SenderInfo = { id: EXT, url: PAGE, tab: { id: 7, url: PAGE, title: '浏览器标题' } };
    const { clip } = unwrapReply(
      'clips.save',
      await send('clips.save', { text: '一二三四', analyzed: false, start: 0, end: 4, url: PAGE, title: '伪造' }, tab),
    );
    expect(clip.title).toBe('浏览器标题');
  });

  it('refuses a save when the page changed its address (pushState) since its text was read', async () => {
    const textId = await analyzeIn(seed, fromTab('http://www.gov.cn/a.htm'));
    const moved = fromTab('http://www.gov.cn/victim.htm');
    const byId = await send(
      'clips.save',
      { textId, start: 0, end: 10, url: 'http://www.gov.cn/a.htm', title: 't' },
      moved,
    );
    expect(byId).toMatchObject({ ok: false, error: expect.stringContaining('[moved]') });
    const byText = await send(
      'clips.save',
      { text: seed, start: 0, end: 10, url: 'http://www.gov.cn/a.htm', title: 't' },
      moved,
    );
    expect(byText).toMatchObject({ ok: false, error: expect.stringContaining('[moved]') });
    expect((await store.list()).total).toBe(0);
  });

  it('answers an unknown text id (a restarted worker) so the content script can send the text instead', async () => {
    const textId = await analyzeIn(seed);
    texts.clear();
    const lost = await send('clips.save', { textId, start: 0, end: 10, url: PAGE, title: 't' }, fromTab());
    expect(lost).toMatchObject({ ok: false, error: expect.stringContaining(UNKNOWN_TEXT_ID) });
    const resent = unwrapReply(
      'clips.save',
      await send(
        'clips.save',
        {
          text: seed,
          analyzed: true,
          start: seed.indexOf('一要扎扎实实'),
          end: seed.indexOf('一要扎扎实实') + 40,
          url: PAGE,
          title: 't',
        },
        fromTab(),
      ),
    );
    expect(resent.clip.outlinePath.map((s) => s.marker)).toEqual(['二、', '第一，', '一要']);
  });

  it('refuses spans outside the text, empty or over-long ones and malformed requests, writing nothing', async () => {
    const base = { text: '一二三', start: 0, end: 3, url: PAGE, title: 't', analyzed: false };
    const bad = [
      { ...base, end: 4 },
      { ...base, start: 2, end: 1 },
      { ...base, analyzed: 'yes' },
      { ...base, textId: 'x' },
      { start: 0, end: 1, url: PAGE, title: 't' },
    ];
    for (const payload of bad) expect(await send('clips.save', payload, fromTab())).toMatchObject({ ok: false });
    expect(await send('clips.save', { ...base, text: '一  ', start: 1, end: 3 }, fromTab())).toMatchObject({
      ok: false,
      error: expect.stringContaining('nothing is selected'),
    });
    const long = '字'.repeat(MAX_CLIP_CHARS + 1);
    expect(await send('clips.save', { ...base, text: long, end: long.length }, fromTab())).toMatchObject({
      ok: false,
      error: expect.stringContaining(`maximum is ${MAX_CLIP_CHARS}`),
    });
    expect((await store.list()).total).toBe(0);
  });
});

describe('the library, from extension pages', () => {
  it('refuses oversize notes and patches with fields that may not be edited', async () => {
    const saved = await store.save(makeDraft());
    const note = await send(
      'clips.update',
      { id: saved.clip.id, patch: { note: 'n'.repeat(MAX_NOTE_CHARS + 1) } },
      fromPanel,
    );
    expect(note).toMatchObject({ ok: false, error: expect.stringContaining('note is longer') });
    expect(await send('clips.update', { id: saved.clip.id, patch: { text: 'rewritten' } }, fromPanel)).toMatchObject({
      ok: false,
    });
    expect(await store.get(saved.clip.id)).toMatchObject({ note: '', text: saved.clip.text });
  });

  it('edits, deletes and restores', async () => {
    const { clip } = await store.save(makeDraft());
    const edited = unwrapReply(
      'clips.update',
      await send('clips.update', { id: clip.id, patch: { tags: ['提法'], color: 'blue' } }, fromPanel),
    );
    expect(edited.clip).toMatchObject({ tags: ['提法'], color: 'blue' });
    expect(unwrapReply('clips.delete', await send('clips.delete', { ids: [clip.id] }, fromPanel))).toEqual({
      deleted: [clip.id],
    });
    expect(await store.get(clip.id)).toBeNull();
    expect(unwrapReply('clips.restore', await send('clips.restore', { ids: [clip.id] }, fromPanel))).toEqual({
      restored: [clip.id],
      skipped: [],
    });
    expect((await store.query({ tag: '提法' })).total).toBe(1);
  });

  it('reports a store error as an error reply', async () => {
    const reply = await send('clips.update', { id: 'missing', patch: { note: 'x' } }, fromPanel);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('[not-found]') });
  });

  it('imports all or nothing', async () => {
    const { clip } = await store.save(makeDraft());
    await store.delete([clip.id]);
    expect(await send('clips.import', { clips: [clip, { ...clip, id: 'x', created: -1 }] }, fromPanel)).toMatchObject({
      ok: false,
    });
    expect((await store.list()).total).toBe(0);
    expect(unwrapReply('clips.import', await send('clips.import', { clips: [clip] }, fromPanel))).toEqual({
      added: 1,
      skipped: 0,
    });
  });

  it('imports a large backup in parts, writing nothing until the last part, all or nothing', async () => {
    const fromLibrary = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
    const clips = Array.from({ length: 30 }, (_, i) =>
      makeClip({ text: `第${i}条：坚持稳中求进工作总基调。`, note: '笔'.repeat(200) }),
    );
    // Parts as the library view cuts them, here small enough to need three.
    const parts = splitForMessages(clips, Math.ceil(JSON.stringify(clips).length / 3) + 10);
    expect(parts.length).toBe(3);
    expect(parts.flat()).toEqual(clips);
    const batch = 'batch-0001-abcd';
    for (const [i, part] of parts.entries()) {
      const reply = unwrapReply(
        'clips.import',
        await send('clips.import', { clips: part, part: { batch, part: i, last: i === 2 } }, fromLibrary),
      );
      expect((await store.list()).total).toBe(i === 2 ? 30 : 0);
      expect(reply).toEqual(i === 2 ? { added: 30, skipped: 0 } : { added: 0, skipped: 0 });
    }
    // A batch whose first part never arrived (worker restarted, page closed) refuses instead of writing half.
    const more = Array.from({ length: 2 }, (_, i) => makeClip({ text: `另一批第${i}条。` }));
    const lost = await send(
      'clips.import',
      { clips: more, part: { batch: 'batch-0002-abcd', part: 1, last: true } },
      fromLibrary,
    );
    expect(lost).toMatchObject({ ok: false, error: expect.stringContaining('nothing was imported') });
    expect((await store.list()).total).toBe(30);
  });
});
