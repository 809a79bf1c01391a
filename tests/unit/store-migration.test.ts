import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipDatabase, CURRENT_DB_VERSION, SCHEMA_V1 } from '../../lib/store/db';
import { ClipStore } from '../../lib/store/clip-store';
import { computeDedupeKey } from '../../lib/clips/dedupe';

const dbName = `migration-test-${Math.random().toString(36).slice(2)}`;

afterEach(async () => {
  await Dexie.delete(dbName);
});

/** Records as version 1 wrote them: no `updated` on the oldest ones, tags not yet normalised. */
function v1Records() {
  const url = 'http://www.gov.cn/zhengce/content_1.htm';
  const base = {
    url,
    title: '在全市基层党建工作现场推进会上的讲话',
    site: 'www.gov.cn',
    note: '',
    color: 'yellow',
    outlinePath: [{ marker: '二、', title: '坚持分类施策' }],
    mentions: [{ category: 'program', key: '千村头雁培育工程', text: '“千村头雁”培育工程' }],
    mentionKeys: ['program:千村头雁培育工程'],
  };
  return [
    {
      ...base,
      id: 'v1-a',
      text: '一要扎扎实实实施“千村头雁”培育工程',
      created: 1_600_000_000_000,
      tags: [' 党建', '党建', '工程 '],
      selectors: [
        { type: 'TextQuoteSelector', exact: '一要扎扎实实实施“千村头雁”培育工程', prefix: '第一，', suffix: '。二要' },
        { type: 'TextPositionSelector', start: 10, end: 29 },
      ],
      dedupeKey: computeDedupeKey(url, '一要扎扎实实实施“千村头雁”培育工程'),
    },
    {
      ...base,
      id: 'v1-b',
      text: '二要持续推进集体经济“破零工程”',
      created: 1_600_000_100_000,
      updated: 1_600_000_200_000,
      note: '有备注',
      color: 'green',
      tags: ['乡村'],
      speechTitle: '讲话',
      selectors: [
        { type: 'TextQuoteSelector', exact: '二要持续推进集体经济“破零工程”', prefix: '。', suffix: '' },
        { type: 'TextPositionSelector', start: 30, end: 46 },
      ],
      dedupeKey: computeDedupeKey(url, '二要持续推进集体经济“破零工程”'),
    },
  ];
}

describe('clip database migration', () => {
  it('upgrades a version-1 database with data, every record keeping its meaning', async () => {
    const old = new Dexie(dbName);
    old.version(1).stores(SCHEMA_V1);
    await old.table('clips').bulkAdd(v1Records());
    old.close();

    const db = new ClipDatabase(dbName);
    await db.open();
    expect(db.verno).toBe(CURRENT_DB_VERSION);

    const [a, b] = await db.clips.bulkGet(['v1-a', 'v1-b']);
    const [oldA, oldB] = v1Records();
    // Unchanged in meaning: every original field survives, tags are the same set, `updated` is filled in.
    expect(a).toEqual({ ...oldA, tags: ['党建', '工程'], updated: oldA.created });
    expect(b).toEqual(oldB);

    // The new indexes work on migrated records.
    expect(await db.clips.where('color').equals('green').primaryKeys()).toEqual(['v1-b']);
    expect(await db.clips.where('updated').above(0).count()).toBe(2);
    expect(await db.clips.where('tags').equals('党建').primaryKeys()).toEqual(['v1-a']);
    expect(await db.clips.where('mentionKeys').equals('program:千村头雁培育工程').count()).toBe(2);
    expect(await db.trash.count()).toBe(0);
    db.close();

    // And the store's dedupe still recognises a migrated passage.
    const store = new ClipStore(() => new ClipDatabase(dbName));
    const again = await store.save({
      text: oldA.text,
      url: oldA.url,
      title: oldA.title,
      outlinePath: [],
      mentions: [],
      selectors: oldA.selectors as never,
    });
    expect(again).toMatchObject({ duplicate: true, clip: { id: 'v1-a' } });
    store.database.close();
  });

  it('keeps the unique dedupe index from version 1', async () => {
    const db = new ClipDatabase(dbName);
    const [rec] = v1Records();
    await db.clips.add({ ...rec, updated: rec.created } as never);
    await expect(db.clips.add({ ...rec, id: 'other', updated: rec.created } as never)).rejects.toThrow(/Constraint/);
    db.close();
  });
});
