import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUnplaced } from '../../lib/clips/types';
import { exportBackup } from '../../lib/export/backup';
import { exportClips } from '../../lib/export';
import { exportW3c } from '../../lib/export/w3c';
import { parseImportFile } from '../../lib/import';
import { envelope, type Kind, unwrapReply } from '../../lib/messages/protocol';
import { buildSimilarityIndex, findSimilar } from '../../lib/similarity';
import { createRouter, type Router, type SenderInfo } from '../../lib/messages/router';
import { TextRegistry } from '../../lib/reading/text-registry';
import { registerClipHandlers } from '../../lib/store/background-handlers';
import { ClipStore } from '../../lib/store/clip-store';
import { ClipDatabase } from '../../lib/store/db';
import { makeClip } from '../fixtures/reviewing/clips';

/**
 * A W3C annotation that gives a position but no quote becomes a clip not yet placed; the first visit to its page
 * (the content script's clips.place, about its own page only) takes the words at that position — code points in
 * the annotation, UTF-16 offsets inside Tifa — and stores them.
 */

const EXT = 'tifa-test-extension';
const PAGE = 'https://www.gov.cn/zhengce/2026/gzbg.htm';
const fromTab = (url = PAGE, tabId = 7): SenderInfo => ({ id: EXT, url, tab: { id: tabId, url } });
/** Two astral characters (𠮷, 😀) before the passage: code point 9 is UTF-16 offset 11. */
const PAGE_TEXT = '𠮷野家😀：同志们：坚持稳中求进工作总基调，推动高质量发展。';
const PASSAGE = '坚持稳中求进工作总基调';

function positionOnly(start: number, end: number, extra: Record<string, unknown> = {}) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `http://example.org/anno-${start}-${end}`,
    type: 'Annotation',
    body: [
      { type: 'TextualBody', value: '位置导入的笔记', purpose: 'commenting' },
      { type: 'TextualBody', value: '总基调', purpose: 'tagging' },
    ],
    target: { source: PAGE, selector: { type: 'TextPositionSelector', start, end } },
    ...extra,
  };
}

let router: Router;
let store: ClipStore;
let dbName: string;

beforeEach(() => {
  dbName = `unplaced-test-${Math.random().toString(36).slice(2)}`;
  router = createRouter(EXT);
  store = registerClipHandlers(router, {
    store: new ClipStore(() => new ClipDatabase(dbName)),
    texts: new TextRegistry(),
  });
});

afterEach(async () => {
  store.database.close();
  await Dexie.delete(dbName);
});

async function send(kind: Kind, payload: unknown, sender: SenderInfo) {
  return router.dispatch(envelope(kind, payload as never), sender);
}

async function importAnnotations(...annotations: unknown[]) {
  const { clips, skipped } = parseImportFile(JSON.stringify({ type: 'AnnotationPage', items: annotations }));
  expect(skipped).toEqual([]);
  await store.import(clips);
  return clips;
}

describe('clips not yet placed', () => {
  it('take the words at their code-point position on the first visit, as UTF-16 offsets, with note and tags', async () => {
    const start = [...PAGE_TEXT].indexOf('坚');
    const [orphan] = await importAnnotations(positionOnly(start, start + [...PASSAGE].length));
    expect(start).toBe(9);
    expect(isUnplaced(orphan)).toBe(true);
    expect(orphan.note).toBe('位置导入的笔记');

    const reply = unwrapReply('clips.place', await send('clips.place', { text: PAGE_TEXT }, fromTab()));
    const utf16Start = PAGE_TEXT.indexOf(PASSAGE);
    expect(utf16Start).toBe(11);
    expect(reply.placements).toEqual([
      { id: orphan.id, color: 'yellow', status: 'anchored', start: 11, end: 11 + PASSAGE.length },
    ]);
    const placed = (await store.get(orphan.id))!;
    expect(placed.text).toBe(PASSAGE);
    expect(placed.importedPosition).toBeUndefined();
    expect(placed.selectors[0]).toMatchObject({
      exact: PASSAGE,
      prefix: '𠮷野家😀：同志们：',
      suffix: '，推动高质量发展。',
    });
    expect(placed.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start: 11,
      end: 22,
      codePoints: { start: 9, end: 20 },
    });
    expect(placed).toMatchObject({ note: '位置导入的笔记', tags: ['总基调'] });
    // Exported now with its quote and the very position it was imported with.
    const [item] = JSON.parse(exportW3c([placed])).first.items;
    expect(item.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 9, end: 20 });
  });

  it('are placed only by a visit to their own page, and stay unplaced where the position does not lie', async () => {
    const [orphan] = await importAnnotations(positionOnly(9, 20));
    // Another page's tab: the orphan is not its clip (the background takes the address from the sender).
    const other = unwrapReply(
      'clips.place',
      await send('clips.place', { text: PAGE_TEXT }, fromTab('https://www.gov.cn/other.htm', 9)),
    );
    expect(other.placements).toEqual([]);
    // Its page, but a text too short to hold the position: listed as an orphan, nothing stored.
    const short = unwrapReply('clips.place', await send('clips.place', { text: '短文' }, fromTab()));
    expect(short.placements).toEqual([{ id: orphan.id, color: 'yellow', status: 'orphan' }]);
    // Blanks only at the position: no clip of nothing.
    const blank = unwrapReply('clips.place', await send('clips.place', { text: ' '.repeat(30) }, fromTab()));
    expect(blank.placements[0].status).toBe('orphan');
    expect(isUnplaced((await store.get(orphan.id))!)).toBe(true);
  });

  it('join the clip that already holds the same passage (note and tags kept), instead of duplicating it', async () => {
    const existing = makeClip({ url: PAGE, text: PASSAGE, note: '已有笔记', tags: ['旧'] });
    await store.import([existing]);
    const [orphan] = await importAnnotations(positionOnly(9, 20));
    const reply = unwrapReply('clips.place', await send('clips.place', { text: PAGE_TEXT }, fromTab()));
    expect(reply.placements.map((p) => p.id)).toEqual([existing.id]);
    expect(await store.get(orphan.id)).toBeNull();
    expect(await store.get(existing.id)).toMatchObject({
      note: '已有笔记\n\n位置导入的笔记',
      tags: ['旧', '总基调'],
    });
  });

  it('two position-only annotations on one page are two clips; re-importing the file adds nothing', async () => {
    await importAnnotations(positionOnly(9, 20), positionOnly(0, 3));
    expect((await store.list()).total).toBe(2);
    const again = parseImportFile(JSON.stringify([positionOnly(9, 20), positionOnly(0, 3)])).clips;
    expect(await store.import(again)).toEqual({ added: 0, skipped: 2 });
  });

  it('travel in a version-2 backup (older backups still import); Markdown leaves them out, CSV keeps the row', () => {
    const [orphan] = parseImportFile(JSON.stringify(positionOnly(9, 20))).clips;
    const placed = makeClip();
    const backup = JSON.parse(exportBackup([placed, orphan]));
    expect(backup.version).toBe(2);
    expect(parseImportFile(JSON.stringify(backup)).clips[1]).toEqual(orphan);
    expect(JSON.parse(exportBackup([placed])).version).toBe(1);
    const v1 = { format: 'tifa-backup', version: 1, clips: [placed] };
    expect(parseImportFile(JSON.stringify(v1)).clips).toEqual([placed]);
    const markdown = exportClips('markdown', [placed, orphan]).content;
    expect(markdown).toContain(placed.text);
    expect(markdown).not.toContain('> \n');
    expect(exportClips('csv', [placed, orphan]).content.trim().split('\n')).toHaveLength(3);
  });

  it('have no similar passages (no words yet) and do not disturb the others’', () => {
    const [orphan] = parseImportFile(JSON.stringify(positionOnly(9, 20))).clips;
    const a = makeClip({ text: '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。' });
    const b = makeClip({ url: 'https://www.gov.cn/b.htm', text: a.text });
    const index = buildSimilarityIndex([orphan, a, b]);
    expect(findSimilar(index, orphan.id)).toEqual([]);
    expect(findSimilar(index, a.id).map((r) => r.clip.id)).toEqual([b.id]);
  });

  it('a stored clip may be empty only while it holds a position to be placed by', () => {
    const empty = { format: 'tifa-backup', version: 1, clips: [makeClip({ text: '' })] };
    expect(() => parseImportFile(JSON.stringify(empty))).toThrow(/the clip is empty/);
  });
});
