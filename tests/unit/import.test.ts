import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClipStore, mentionKeysOf } from '../../lib/store/clip-store';
import { ClipDatabase } from '../../lib/store/db';
import { exportBackup } from '../../lib/export/backup';
import { exportW3c } from '../../lib/export/w3c';
import { parseImportFile, ImportError } from '../../lib/import';
import { generateLibrary, makeClip } from '../fixtures/reviewing/clips';
import type { Clip } from '../../lib/clips/types';

let dbName: string;
let store: ClipStore;

beforeEach(() => {
  dbName = `import-test-${Math.random().toString(36).slice(2)}`;
  store = new ClipStore(() => new ClipDatabase(dbName));
});

afterEach(async () => {
  store.database.close();
  await Dexie.delete(dbName);
});

const byId = (a: Clip, b: Clip) => a.id.localeCompare(b.id);
const allClips = async () => (await store.database.clips.toArray()).sort(byId);

function importText(text: string): Promise<{ added: number; skipped: number }> {
  return store.import(parseImportFile(text).clips);
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  throw new Error('expected an ImportError');
}

describe('JSON backup import', () => {
  it('round-trips: export → import into an empty store reproduces the library exactly', async () => {
    const library = generateLibrary(300, 7);
    library[0].note = '含 "引号"、换行\n和 emoji 😀';
    library[1].tags = ['a', '乡村振兴'];
    delete library[2].speechTitle;
    const { added, skipped } = await importText(exportBackup(library));
    expect({ added, skipped }).toEqual({ added: 300, skipped: 0 });
    expect(await allClips()).toEqual([...library].sort(byId));
  });

  it('importing the same backup twice adds nothing the second time', async () => {
    const backup = exportBackup(generateLibrary(50, 3));
    expect(await importText(backup)).toEqual({ added: 50, skipped: 0 });
    expect(await importText(backup)).toEqual({ added: 0, skipped: 50 });
    expect(await store.database.clips.count()).toBe(50);
  });

  it('refuses a backup with one bad clip, saying which and why, and writes nothing', async () => {
    const library = generateLibrary(5, 1);
    const data = JSON.parse(exportBackup(library));
    data.clips[3].color = 'orange';
    data.clips[4].text = '';
    const message = errorOf(() => parseImportFile(JSON.stringify(data)));
    expect(message).toContain('clip 4');
    expect(message).toContain('color');
    expect(message).toContain('clip 5');
    expect(message).toContain('the clip is empty');
    expect(await store.database.clips.count()).toBe(0);
  });

  it('explains files that are not JSON, not a backup, or from a newer version', () => {
    expect(errorOf(() => parseImportFile('{"format": "tifa-backup", '))).toMatch(/not valid JSON/);
    expect(errorOf(() => parseImportFile('{"hello": 1}'))).toMatch(/neither a Tifa backup/);
    expect(errorOf(() => parseImportFile(JSON.stringify({ format: 'tifa-backup', version: 99, clips: [] })))).toMatch(
      /version 99/,
    );
    expect(errorOf(() => parseImportFile(JSON.stringify({ format: 'tifa-backup', version: 1, clips: 'x' })))).toMatch(
      /clips/,
    );
  });

  it('accepts a backup with a byte-order mark', () => {
    const text = '\uFEFF' + exportBackup([makeClip()]);
    expect(parseImportFile(text).clips).toHaveLength(1);
  });
});

describe('W3C annotation import', () => {
  it('brings back our own export: ids, text, page, note, tags, colour, selectors and times', () => {
    const source = [
      makeClip({
        note: '笔记',
        tags: ['甲', '乙'],
        color: 'purple',
        created: 1_700_000_000_000,
        updated: 1_700_000_100_000,
      }),
      makeClip({ url: 'https://www.news.cn/politics/1.htm' }),
    ];
    const { format, clips } = parseImportFile(exportW3c(source));
    expect(format).toBe('w3c');
    for (const [i, clip] of clips.entries()) {
      const original = source[i];
      expect(clip).toMatchObject({
        id: original.id,
        text: original.text,
        url: original.url,
        site: original.site,
        note: original.note,
        tags: original.tags,
        color: original.color,
        created: original.created,
        updated: original.updated,
        selectors: original.selectors,
        dedupeKey: original.dedupeKey,
      });
    }
  });

  it('round-trips: W3C export → import into an empty store reproduces the library exactly, like the backup', async () => {
    // The store derives mentionKeys (deduplicated); the generator does not dedupe, so derive them as stored.
    const library = generateLibrary(300, 11).map((c) => ({ ...c, mentionKeys: mentionKeysOf(c.mentions) }));
    library[0].note = '含 "引号"、换行\n\n和 emoji 😀';
    library[1].note = '  ';
    library[2].outlinePath = [];
    delete library[3].speechTitle;
    delete library[3].speechDate;
    library[4].mentions = [{ category: 'program', key: '千村头雁', text: '“千村头雁”培育工程' }];
    library[4].mentionKeys = ['program:千村头雁'];
    expect(library.some((c) => c.mentions.length > 1 && c.outlinePath.length > 1 && c.tags.length > 1)).toBe(true);
    const { format, clips } = parseImportFile(exportW3c(library));
    expect(format).toBe('w3c');
    expect(clips).toEqual(library);
    expect(await store.import(clips)).toEqual({ added: 300, skipped: 0 });
    expect(await allClips()).toEqual([...library].sort(byId));
  });

  it('skips an annotation with a malformed tifa:clip extension, naming it and the field; the others import', () => {
    const doc = JSON.parse(exportW3c(generateLibrary(3, 2)));
    doc.first.items[2]['tifa:clip'].outlinePath = [{ marker: 1 }];
    const first = parseImportFile(JSON.stringify(doc));
    expect(first.clips).toHaveLength(2);
    expect(first.skipped).toEqual([
      { index: 3, code: 'invalid', detail: expect.stringContaining('tifa:clip.outlinePath.0.marker') },
    ]);
    doc.first.items[2]['tifa:clip'] = { ...doc.first.items[1]['tifa:clip'], version: 9 };
    expect(parseImportFile(JSON.stringify(doc)).skipped[0].detail).toMatch(/tifa:clip\.version .*newer/);
  });

  it('dedupes a W3C import against the same clips already in the library', async () => {
    const library = generateLibrary(20, 5);
    await importText(exportBackup(library));
    expect(await importText(exportW3c(library))).toEqual({ added: 0, skipped: 20 });
  });

  it('reads annotations from other tools: a single annotation, bodyValue, one selector object, IRI source object', async () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      bodyValue: '外部笔记',
      target: {
        source: { id: 'https://www.gov.cn/a.htm?utm_source=x#p3', type: 'Text' },
        selector: { type: 'TextQuoteSelector', exact: '坚持稳中求进工作总基调' },
      },
    };
    const [clip] = parseImportFile(JSON.stringify(foreign)).clips;
    expect(clip.url).toBe('https://www.gov.cn/a.htm');
    expect(clip.text).toBe('坚持稳中求进工作总基调');
    expect(clip.note).toBe('外部笔记');
    // A quote alone: no position is invented, and the next export states none.
    expect(clip.selectors).toHaveLength(1);
    expect(clip.importedPosition).toBeUndefined();
    expect(JSON.parse(exportW3c([clip])).first.items[0].target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '坚持稳中求进工作总基调', prefix: '', suffix: '' },
    ]);
    expect(clip.color).toBe('yellow');
    // Without our extension: the minimal clip, nothing invented.
    expect(clip).toMatchObject({
      title: '',
      site: 'www.gov.cn',
      outlinePath: [],
      mentions: [],
      mentionKeys: [],
      tags: [],
    });
    expect(clip.speechTitle).toBeUndefined();
    // The same annotation imported twice is one clip.
    await importText(JSON.stringify(foreign));
    expect(await importText(JSON.stringify([foreign]))).toEqual({ added: 0, skipped: 1 });
  });

  it('skips an annotation without a quote with its reason and imports the rest', () => {
    const good = JSON.parse(exportW3c([makeClip()]));
    good.first.items.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:x',
      type: 'Annotation',
      target: 'https://www.gov.cn/whole-page.htm',
    });
    const result = parseImportFile(JSON.stringify(good));
    expect(result.clips).toHaveLength(1);
    expect(result.skipped).toEqual([{ index: 2, code: 'no-text' }]);
    // Nothing importable at all: the file is refused with the reason, in one line.
    good.first.items.shift();
    expect(errorOf(() => parseImportFile(JSON.stringify(good)))).toBe(
      'nothing in the file can be clipped: annotation 1: it targets no quoted text on a web page',
    );
  });

  it('refuses collections whose pages are only linked, and empty collections', () => {
    const linked = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'x',
      type: 'AnnotationCollection',
      first: 'https://example.org/page1',
    };
    expect(errorOf(() => parseImportFile(JSON.stringify(linked)))).toMatch(
      /is a link \(https:\/\/example\.org\/page1\), not embedded/,
    );
    const empty = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [] };
    expect(errorOf(() => parseImportFile(JSON.stringify(empty)))).toMatch(/no annotations/);
  });

  it('refuses a target source that is not a URL', () => {
    const bad: Record<string, unknown> & { target: { source: string; selector: unknown[] } } = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      target: { source: 'not a url', selector: [{ type: 'TextQuoteSelector', exact: '文字' }] },
    };
    expect(errorOf(() => parseImportFile(JSON.stringify(bad)))).toBe(
      'nothing in the file can be clipped: annotation 1: its target is not a web page address (not a url)',
    );
    // A malformed percent-escape is a reason, not a bare "URI malformed".
    bad.target.source = 'https://www.gov.cn/%E0%A4%A';
    bad.id = 'tag:tifa.local,2024:clip/%E0%A4%A';
    expect(errorOf(() => parseImportFile(JSON.stringify(bad)))).toBe(
      'nothing in the file can be clipped: annotation 1: it is malformed (the annotation id is not a valid tag URI)',
    );
  });
});

describe('Hypothesis JSON import', () => {
  // Written by hand in the exact shape of Hypothesis's client export (src/sidebar/services/annotations-exporter.tsx:
  // export_date, export_userid, client_version, annotations[] of API annotations).
  const exported = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'hypothesis', 'export.json'), 'utf8');

  it('imports highlighted quotes with their notes, tags and page titles; skips replies and page notes with reasons', async () => {
    const { format, clips, skipped } = parseImportFile(exported, { now: 0 });
    expect(format).toBe('hypothesis');
    expect(skipped).toEqual([
      { index: 2, code: 'reply' },
      { index: 3, code: 'no-text', detail: 'a page note' },
    ]);
    expect(clips.map((c) => [c.text, c.note, c.tags, c.title])).toEqual([
      [
        '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念',
        '这段是全文的**总基调**，后面三处都照应它。',
        ['总基调', '稳中求进'],
        '中央经济工作会议在北京举行_滚动新闻_中国政府网',
      ],
      ['国内生产总值增长5%左右', '', ['目标'], '新华网'],
    ]);
    const [first] = clips;
    expect(first.created).toBe(Date.parse('2026-11-28T02:10:33.412Z'));
    expect(first.selectors[0].prefix).toBe('年是承上启下的关键一年。做好明年工作，要');
    // Hypothesis counts positions in the DOM's whole textContent: not a position in Tifa's text, so none is kept.
    expect(first.selectors).toHaveLength(1);
    expect(first.importedPosition).toBeUndefined();
    expect(await store.import(clips)).toEqual({ added: 2, skipped: 0 });
    // The same export again is recognised clip by clip.
    expect(await store.import(parseImportFile(exported).clips)).toEqual({ added: 0, skipped: 2 });
  });

  it('reads an API search result ({total, rows}) the same way', () => {
    const { annotations } = JSON.parse(exported);
    const { clips } = parseImportFile(JSON.stringify({ total: annotations.length, rows: annotations }));
    expect(clips).toHaveLength(2);
  });
});
