import { describe, expect, it } from 'vitest';
import { EMPTY_IDENTITY, speechIdentitySchema, withIdentity } from '../../lib/citation/identity';
import { loadSpeechIdentity, saveSpeechIdentity } from '../../lib/citation/identity-store';
import { HIGHLIGHT_CATEGORIES } from '../../lib/highlight/categories';
import { envelope, unwrapReply, type Kind } from '../../lib/messages/protocol';
import type { SenderInfo } from '../../lib/messages/router';
import { EXT, router, store, useBackgroundRouter } from './helpers/background-router';
import { modeOf, togglesForMode } from '../../lib/reading/modes';
import { groupMentions } from '../../lib/reading/page-index';
import { defaultToggles, visibleCategories } from '../../lib/reading/toggles';
import { makeDraft } from './helpers/clip-fixtures';

const PAGE = 'http://www.gov.cn/zhengce/2024-06/01/content_1.htm';
const fromTab = (url = PAGE): SenderInfo => ({ id: EXT, url, tab: { id: 7, url } });
const fromPanel: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };

describe('reading modes', () => {
  it('calm is the default: no targets, no results; full shows every category', () => {
    expect(modeOf(defaultToggles())).toBe('calm');
    expect([...visibleCategories(togglesForMode('calm'))].sort()).toEqual(
      ['document', 'formulation', 'meeting', 'program', 'section'].sort(),
    );
    expect([...visibleCategories(togglesForMode('full'))].sort()).toEqual([...HIGHLIGHT_CATEGORIES].sort());
  });

  it('any other combination of the switches is custom, and so is "all highlights" off', () => {
    const calm = togglesForMode('calm');
    expect(modeOf({ ...calm, categories: { ...calm.categories, target: true } })).toBe('custom');
    expect(modeOf({ ...calm, all: false })).toBe('custom');
    expect(modeOf(togglesForMode('full'))).toBe('full');
  });
});

describe('page index', () => {
  const m = (category: 'program' | 'formulation' | 'target', key: string, start: number, text = key) => ({
    category,
    key,
    text,
    start,
  });

  it('groups by category then by name, in reading order, each occurrence kept for cycling', () => {
    const mentions = [
      m('formulation', '四个全面', 90, '“四个全面”'),
      m('program', '千村头雁培育工程', 10),
      m('formulation', '四个全面', 30, '“四个全面”'),
      m('program', '双报到', 50),
      m('target', '增长5%', 70),
    ];
    const groups = groupMentions(mentions);
    expect(groups.map((g) => [g.category, g.total])).toEqual([
      ['program', 2],
      ['formulation', 2],
      ['target', 1],
    ]);
    expect(groups[1].entries).toEqual([
      { category: 'formulation', key: '四个全面', label: '“四个全面”', occurrences: [2, 0] },
    ]);
    expect(groups[0].entries.map((e) => e.key)).toEqual(['千村头雁培育工程', '双报到']);
  });

  it('lists nothing for a page without mentions', () => {
    expect(groupMentions([])).toEqual([]);
  });
});

describe('speech identity', () => {
  const identity = {
    ...EMPTY_IDENTITY,
    title: '政府工作报告',
    speakerName: '赵龙',
    speakerPost: '省长',
    place: '福州',
    date: '2026-01-27',
  };

  it('replaces the page’s reading wholesale: empty fields remove what the rules read', () => {
    const draft = makeDraft({ speechOccasion: '省十四届人大四次会议' });
    expect(withIdentity(draft, identity)).toMatchObject({
      speechTitle: '政府工作报告',
      speechSpeaker: '省长 赵龙',
      speechPlace: '福州',
      speechDate: '2026-01-27',
    });
    expect(withIdentity(draft, identity)).not.toHaveProperty('speechOccasion');
  });

  it('accepts ISO dates only (yyyy, yyyy-mm, yyyy-mm-dd) or none', () => {
    for (const date of ['', '2026', '2026-01', '2026-01-27'])
      expect(speechIdentitySchema.safeParse({ ...identity, date }).success).toBe(true);
    for (const date of ['2026年1月27日', '27/01/2026', '2026-1-27x'])
      expect(speechIdentitySchema.safeParse({ ...identity, date }).success).toBe(false);
  });

  describe('in the background', () => {
    useBackgroundRouter();

    const send = (kind: Kind, payload: unknown, sender: SenderInfo) =>
      router.dispatch(envelope(kind, payload as never), sender);

    async function clipFromTab(start = 5, end = 25): Promise<Record<string, unknown>> {
      const text = '同志们：\n一要扎扎实实实施“千村头雁”培育工程。\n二要抓好村级组织。';
      const reply = await send('clips.save', { text, start, end, url: PAGE, title: '讲话' }, fromTab());
      return unwrapReply('clips.save', reply).clip as unknown as Record<string, unknown>;
    }

    it('stores it per page and cites every new clip of that page with it', async () => {
      expect((await clipFromTab()).speechSpeaker).toBeUndefined();
      unwrapReply(
        'clips.setSpeech',
        await send('clips.setSpeech', { url: `${PAGE}#p3`, identity, apply: false }, fromPanel),
      );
      expect(await loadSpeechIdentity(PAGE)).toEqual(identity);
      const clip = await clipFromTab(25, 34);
      expect(clip).toMatchObject({ speechSpeaker: '省长 赵龙', speechTitle: '政府工作报告', speechPlace: '福州' });
      // The earlier clip was left as it was (apply: false).
      const all = await store.listForPage(PAGE);
      expect(all.map((c) => c.speechSpeaker ?? null).sort()).toEqual([null, '省长 赵龙'].sort());
    });

    it('rewrites the page’s existing clips on request, and only that page’s', async () => {
      await clipFromTab();
      const other = await store.save(makeDraft({ url: 'http://www.gov.cn/other.htm' }));
      const reply = unwrapReply(
        'clips.setSpeech',
        await send('clips.setSpeech', { url: PAGE, identity, apply: true }, fromPanel),
      );
      expect(reply.updated).toBe(1);
      expect((await store.listForPage(PAGE))[0]).toMatchObject({
        speechSpeaker: '省长 赵龙',
        speechDate: '2026-01-27',
      });
      expect((await store.get(other.clip.id))?.speechSpeaker).toBeUndefined();
    });

    it('is refused to a content script', async () => {
      const reply = await send('clips.setSpeech', { url: PAGE, identity, apply: true }, fromTab());
      expect(reply).toMatchObject({ ok: false });
      expect(await loadSpeechIdentity(PAGE)).toBeNull();
    });

    it('is forgotten with null', async () => {
      await saveSpeechIdentity(PAGE, identity);
      await saveSpeechIdentity(PAGE, null);
      expect(await loadSpeechIdentity(PAGE)).toBeNull();
    });
  });
});
