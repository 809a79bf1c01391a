/**
 * The page-side actions of issue 13 through the background router: a content script edits the reader's rules
 * only for a term its own page shows, and reads, edits and deletes only its own page's clips (the page being the
 * one the browser reports for the sender, never one in the payload). Extension pages cannot use these kinds.
 */
import { describe, expect, it } from 'vitest';
import { envelope, unwrapReply, type Kind } from '../../lib/messages/protocol';
import type { SenderInfo } from '../../lib/messages/router';
import { EXT, router, store, useBackgroundRouter } from './helpers/background-router';
import { UNKNOWN_TEXT_ID } from '../../lib/reading/text-registry';
import { loadRuleSettings } from '../../lib/rulepacks/settings';
import { makeDraft } from './helpers/clip-fixtures';

const PAGE = 'http://www.gov.cn/zhengce/2024-06/01/content_1.htm';
const OTHER = 'http://www.gov.cn/zhengce/2024-06/02/content_2.htm';
const fromTab = (url = PAGE, tabId = 7): SenderInfo => ({ id: EXT, url, tab: { id: tabId, url } });
const fromOptions: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
const TEXT = '全市上下要防止党建和业务“两张皮”问题，扎实实施“千村头雁”培育工程。';

useBackgroundRouter();

const send = (kind: Kind, payload: unknown, sender: SenderInfo) =>
  router.dispatch(envelope(kind, payload as never), sender) as Promise<{ ok: boolean; error?: string }>;

async function analyzeIn(sender = fromTab()): Promise<string> {
  const reply = unwrapReply('reading.analyze', await send('reading.analyze', { text: TEXT, title: '讲话' }, sender));
  if (!('textId' in reply)) throw new Error('no analysis');
  return reply.textId;
}

describe('rule edits from a mention tooltip', () => {
  it('hides a term the sender page shows, and corrects a category', async () => {
    const textId = await analyzeIn();
    expect(await send('rules.hideTerm', { textId, term: '两张皮' }, fromTab())).toEqual({ ok: true, value: {} });
    expect(
      await send('rules.correctCategory', { textId, term: '千村头雁培育工程', category: 'formulation' }, fromTab()),
    ).toMatchObject({ ok: true });
    const { rules } = await loadRuleSettings();
    expect(rules.hidden).toEqual(['两张皮']);
    expect(rules.corrections).toEqual([{ text: '千村头雁培育工程', category: 'formulation' }]);
  });

  it('refuses a term the page does not show, another tab’s text, a lost text, and extension pages', async () => {
    const textId = await analyzeIn();
    expect(await send('rules.hideTerm', { textId, term: '乡村振兴' }, fromTab())).toMatchObject({
      ok: false,
      error: expect.stringContaining('not marked on this page'),
    });
    expect(await send('rules.hideTerm', { textId, term: '两张皮' }, fromTab(PAGE, 8))).toMatchObject({
      ok: false,
      error: UNKNOWN_TEXT_ID,
    });
    expect(await send('rules.hideTerm', { textId, term: '两张皮' }, fromOptions)).toMatchObject({ ok: false });
    expect(await send('rules.correctCategory', { textId, term: '两张皮', category: 'nope' }, fromTab())).toMatchObject({
      ok: false,
    });
    expect((await loadRuleSettings()).rules.hidden).toEqual([]);
  });
});

describe('clip hover card', () => {
  it('reads, edits and deletes a clip of the sender page only', async () => {
    const { clip: mine } = await store.save(makeDraft({ url: `${PAGE}?utm_source=x#p2` }));
    const { clip: theirs } = await store.save(makeDraft({ url: OTHER }));

    expect(await send('clips.pageGet', { id: mine.id }, fromTab())).toMatchObject({
      ok: true,
      value: { id: mine.id, note: '', tags: [] },
    });
    expect(await send('clips.pageEdit', { id: mine.id, note: '好', tags: ['党建'] }, fromTab())).toMatchObject({
      ok: true,
      value: { note: '好', tags: ['党建'] },
    });
    expect((await store.get(mine.id))?.note).toBe('好');

    // Another page's clip is answered as if it did not exist, for every kind.
    for (const [kind, payload] of [
      ['clips.pageGet', { id: theirs.id }],
      ['clips.pageEdit', { id: theirs.id, note: 'x', tags: [] }],
      ['clips.pageDelete', { id: theirs.id }],
    ] as const) {
      expect(await send(kind, payload, fromTab())).toMatchObject({
        ok: false,
        error: expect.stringContaining('no clip'),
      });
    }
    expect(await store.get(theirs.id)).toMatchObject({ note: '' });
    // Extension pages use the library's own kinds.
    expect(await send('clips.pageDelete', { id: mine.id }, fromOptions)).toMatchObject({ ok: false });

    expect(await send('clips.pageDelete', { id: mine.id }, fromTab())).toEqual({ ok: true, value: { deleted: true } });
    expect(await store.get(mine.id)).toBeNull();
    expect(await store.get(theirs.id)).not.toBeNull();
  });
});
