import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClipStore } from '../../lib/store/clip-store';
import { ClipDatabase } from '../../lib/store/db';
import { allClipsNewestFirst, clipCountsByUrl, pageClips } from '../../lib/store/queries';
import { MAX_CLIP_CHARS, MAX_TAGS, type Clip } from '../../lib/clips/types';
import { makeDraft } from './helpers/clip-fixtures';

let dbName: string;
let store: ClipStore;
let clock: number;

beforeEach(() => {
  dbName = `store-test-${Math.random().toString(36).slice(2)}`;
  clock = 1_700_000_000_000;
  let n = 0;
  store = new ClipStore(() => new ClipDatabase(dbName), { now: () => clock++, newId: () => `id-${++n}` });
});

afterEach(async () => {
  store.database.close();
  await Dexie.delete(dbName);
});

describe('ClipStore.save', () => {
  it('stores a clip whole, with normalised URL, site and derived keys', async () => {
    const { clip, duplicate } = await store.save(makeDraft({ tags: [' 党建 ', '党建', '工程'] }));
    expect(duplicate).toBe(false);
    expect(clip.url).toBe('http://www.gov.cn/zhengce/2024-06/01/content_1.htm');
    expect(clip.site).toBe('www.gov.cn');
    expect(clip.tags).toEqual(['党建', '工程']);
    expect(clip.mentionKeys).toEqual(['program:千村头雁培育工程']);
    expect(clip.color).toBe('yellow');
    expect(clip.note).toBe('');
    expect(clip.created).toBe(clip.updated);
    const stored = await store.get(clip.id);
    expect(stored).toEqual(clip);
  });

  it('does not duplicate the same passage clipped twice on the same page', async () => {
    const first = await store.save(makeDraft({ text: '同一段话。' }));
    // Same passage, different whitespace and a fragment / tracking parameter on the URL.
    const again = await store.save(
      makeDraft({ text: '同一段话。\n', url: 'http://www.gov.cn/zhengce/2024-06/01/content_1.htm#top' }),
    );
    expect(again.duplicate).toBe(true);
    expect(again.clip.id).toBe(first.clip.id);
    expect((await store.list()).total).toBe(1);
    // The same words on another page are another clip.
    const other = await store.save(makeDraft({ text: '同一段话。', url: 'http://www.gov.cn/other.htm' }));
    expect(other.duplicate).toBe(false);
  });

  it('refuses a clip over the documented maximum with a clear message, writing nothing', async () => {
    const text = '字'.repeat(MAX_CLIP_CHARS + 1);
    await expect(store.save(makeDraft({ text }))).rejects.toThrow(/longer than the maximum of 20000 characters/);
    expect((await store.list()).total).toBe(0);
  });

  it('refuses malformed drafts', async () => {
    await expect(store.save({ ...makeDraft(), url: 'javascript:alert(1)' })).rejects.toThrow(/\[invalid\].*url/);
    await expect(store.save({ ...makeDraft(), text: '' })).rejects.toThrow(/empty/);
  });

  it('retries when the database connection was closed (service worker restart)', async () => {
    await store.save(makeDraft());
    store.database.close({ disableAutoOpen: true });
    const { clip } = await store.save(makeDraft());
    expect(await store.get(clip.id)).toEqual(clip);
    expect((await store.list()).total).toBe(2);
  });

  it('reopens and retries when an operation meets a closed connection', async () => {
    const db = store.database;
    const realTransaction = db.transaction.bind(db);
    let failures = 0;
    db.transaction = ((...args: unknown[]) => {
      if (failures++ === 0) return Promise.reject(new Dexie.DatabaseClosedError('Database has been closed'));
      return (realTransaction as (...a: unknown[]) => unknown)(...args);
    }) as unknown as typeof db.transaction;
    const { clip } = await store.save(makeDraft());
    expect(failures).toBe(1);
    expect(store.database).not.toBe(db);
    expect(await store.get(clip.id)).toEqual(clip);
  });

  it('turns a quota error into a message the reader can act on, and stores nothing', async () => {
    const db = store.database;
    const realAdd = db.clips.add.bind(db.clips);
    db.clips.add = (async () => {
      throw new Dexie.QuotaExceededError('The quota has been exceeded.');
    }) as unknown as typeof db.clips.add;
    await expect(store.save(makeDraft())).rejects.toThrow(/storage is full/);
    db.clips.add = realAdd;
    expect((await store.list()).total).toBe(0);
  });
});

describe('ClipStore queries', () => {
  async function seedClips(): Promise<Clip[]> {
    const a = (await store.save(makeDraft({ text: '甲段', tags: ['党建'], color: 'green' }))).clip;
    const b = (
      await store.save(
        makeDraft({
          text: '乙段',
          url: 'https://www.news.cn/a.htm',
          tags: ['党建', '乡村'],
          mentions: [{ category: 'formulation', key: '四个全面', text: '四个全面' }],
          selectors: [
            { type: 'TextQuoteSelector', exact: '乙段', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 5, end: 7 },
          ],
        }),
      )
    ).clip;
    const c = (
      await store.save(
        makeDraft({
          text: '丙段',
          selectors: [
            { type: 'TextQuoteSelector', exact: '丙段', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 1, end: 3 },
          ],
        }),
      )
    ).clip;
    return [a, b, c];
  }

  it('lists a page by normalised URL in document order', async () => {
    const [a, , c] = await seedClips();
    const page = await store.listForPage('http://www.gov.cn/zhengce/2024-06/01/content_1.htm?from=timeline');
    expect(page.map((x) => x.id)).toEqual([c.id, a.id]);
  });

  it('offers the same reads for direct (liveQuery) use by extension pages', async () => {
    const [a, b, c] = await seedClips();
    expect((await pageClips(store.database, a.url + '#x')).map((x) => x.id)).toEqual([c.id, a.id]);
    expect((await allClipsNewestFirst(store.database)).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(Object.fromEntries(await clipCountsByUrl(store.database))).toEqual({ [a.url]: 2, [b.url]: 1 });
  });

  it('lists newest first with paging and a total', async () => {
    const [a, b, c] = await seedClips();
    expect((await store.list()).clips.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    const page = await store.list({ offset: 1, limit: 1 });
    expect(page).toEqual({ clips: [b], total: 3 });
    expect((await store.list({ order: 'created-asc' })).clips[0].id).toBe(a.id);
  });

  it('filters by tag, site, colour, mention key and date, combined', async () => {
    const [a, b, c] = await seedClips();
    expect((await store.query({ tag: '党建' })).clips.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await store.query({ tag: '党建', site: 'www.news.cn' })).clips).toEqual([b]);
    expect((await store.query({ color: 'green' })).clips).toEqual([a]);
    expect((await store.query({ mentionKey: 'formulation:四个全面' })).clips).toEqual([b]);
    expect((await store.query({ from: c.created })).clips).toEqual([c]);
    expect((await store.query({ to: a.created })).clips).toEqual([a]);
    expect((await store.query({ tag: '不存在' })).total).toBe(0);
  });

  it('counts tags for completion, most used first', async () => {
    await seedClips();
    expect(await store.listTags()).toEqual([
      { tag: '党建', count: 2 },
      { tag: '乡村', count: 1 },
    ]);
  });
});

describe('ClipStore edits, delete and undo', () => {
  it('edits note, tags and colour and bumps updated', async () => {
    const { clip } = await store.save(makeDraft());
    const edited = await store.update(clip.id, { note: '重要', tags: ['a', 'a', ' b'], color: 'blue' });
    expect(edited).toMatchObject({ note: '重要', tags: ['a', 'b'], color: 'blue' });
    expect(edited.updated).toBeGreaterThan(clip.updated);
    expect(await store.get(clip.id)).toEqual(edited);
    await expect(store.update('nope', { note: 'x' })).rejects.toThrow(/\[not-found\]/);
  });

  it('merges tag edits made from two views: each adds or removes one tag against the stored list', async () => {
    const { clip } = await store.save(makeDraft({ tags: ['旧'] }));
    // Both views loaded the clip with tags ['旧']; the side panel adds 甲, the popup then adds 乙 and removes 旧.
    await store.update(clip.id, { addTags: ['甲'] });
    await store.update(clip.id, { addTags: ['乙'], removeTags: ['旧'] });
    expect((await store.get(clip.id))!.tags).toEqual(['甲', '乙']);
    // Counter-example: writing the whole list (what the editor used to do) loses the other view's edit.
    await store.update(clip.id, { tags: ['旧', '丙'] });
    expect((await store.get(clip.id))!.tags).toEqual(['旧', '丙']);
    await expect(store.update(clip.id, { addTags: Array.from({ length: 49 }, (_, i) => `t${i}`) })).rejects.toThrow(
      /more than 50 tags/,
    );
  });

  it('bulk-tags a selection all or nothing', async () => {
    const a = (await store.save(makeDraft({ tags: ['old'] }))).clip;
    const b = (await store.save(makeDraft())).clip;
    const clips = await store.updateMany([a.id, b.id], { addTags: ['new'], removeTags: ['old'], color: 'pink' });
    expect(clips.map((c) => [c.tags, c.color])).toEqual([
      [['new'], 'pink'],
      [['new'], 'pink'],
    ]);
    await expect(store.updateMany([a.id, 'missing'], { addTags: ['x'] })).rejects.toThrow(/not-found/);
    expect((await store.get(a.id))!.tags).toEqual(['new']);
    const many = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    await expect(store.updateMany([a.id], { addTags: many })).rejects.toThrow(/more than 50 tags/);
  });

  it('deletes into the trash and restores exactly (undo)', async () => {
    const { clip } = await store.save(makeDraft({ note: 'n' }));
    expect(await store.delete([clip.id, 'unknown'])).toEqual([clip.id]);
    expect(await store.get(clip.id)).toBeNull();
    expect(await store.restore([clip.id])).toEqual({ restored: [clip.id], skipped: [] });
    expect(await store.get(clip.id)).toEqual(clip);
  });

  it('skips restoring a clip whose passage was clipped again meanwhile', async () => {
    const { clip } = await store.save(makeDraft({ text: '再次摘录' }));
    await store.delete([clip.id]);
    const again = (await store.save(makeDraft({ text: '再次摘录' }))).clip;
    expect(await store.restore([clip.id])).toEqual({ restored: [], skipped: [clip.id] });
    expect((await store.list()).clips).toEqual([again]);
  });
});

describe('ClipStore.import', () => {
  it('adds whole records, skips ones already present, and is idempotent', async () => {
    const existing = (await store.save(makeDraft({ text: '已有' }))).clip;
    const fresh: Clip = {
      ...existing,
      id: 'imported-1',
      text: '新的',
      selectors: [{ ...existing.selectors[0], exact: '新的' }, existing.selectors[1]],
    };
    expect(await store.import([existing, fresh])).toEqual({ added: 1, skipped: 1 });
    expect(await store.import([existing, fresh])).toEqual({ added: 0, skipped: 2 });
    const back = await store.get('imported-1');
    expect(back).toMatchObject({ text: '新的', url: existing.url, tags: existing.tags });
  });

  it('writes nothing when one record is malformed', async () => {
    const good = (await store.save(makeDraft({ text: '好的' }))).clip;
    await store.delete([good.id]);
    const bad = { ...good, id: 'bad', color: 'orange' };
    await expect(store.import([good, bad])).rejects.toThrow(/record 2: color/);
    expect((await store.list()).total).toBe(0);
  });
});
