/**
 * The reading history (issue 12) on fake IndexedDB, through the background handlers: record, list, delete,
 * erase, the off switch, similar paragraphs with the side-by-side, compare suggestions and runs, and the 提法
 * trail. Pages are real corpus text; the second page carries a template variant of one of the first's paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryDatabase } from '../../lib/history/db';
import { createHistoryHandlers, type HistoryHandlers } from '../../lib/history/handlers';
import { HistoryStore } from '../../lib/history/store';
import { splitParagraphs } from '../../lib/similarity/paragraphs';
import { analyze } from '../../lib/rules';
import { makeClip } from '../fixtures/reviewing/clips';

const POS = join(__dirname, '../fixtures/corpus/pos');
const beijing = readFileSync(join(POS, 'provgwr2026__beijing.txt'), 'utf8');
const shanghai = readFileSync(join(POS, 'provgwr2026__shanghai.txt'), 'utf8');
const reused = splitParagraphs(beijing, { minChars: 120 })[3].text;
/** A county's speech built on one Beijing paragraph, with the place and a number swapped. */
const variant = reused
  .replace(/北京/g, '青山')
  .replace(/\d+/, '77')
  .replace('。', '。全县上下要紧紧围绕这一目标，细化任务清单，压实工作责任，确保各项部署落地见效。');
const countySpeech = `青山县政府工作报告\n各位代表：\n${splitParagraphs(shanghai, { minChars: 60 })
  .slice(2, 6)
  .map((p) => p.text)
  .join('\n')}\n${variant}\n`;

let db: HistoryDatabase;
let handlers: HistoryHandlers;
const clip = makeClip({
  url: 'https://www.gov.cn/clip.htm',
  text: '深入实施“千村头雁”培育工程，建强基层党组织。',
  speechDate: '2019-05-01',
});

beforeEach(() => {
  db = new HistoryDatabase(`tifa-history-test-${Math.random()}`);
  handlers = createHistoryHandlers({ store: new HistoryStore(db), listClips: async () => [clip] });
});
afterEach(async () => {
  await db.delete();
});

const BEIJING_URL = 'https://www.beijing.gov.cn/report.html?utm_source=x';

describe('reading history store', () => {
  it('records a page with its identity, paragraphs and fingerprints, lists it, and replaces it on a re-read', async () => {
    const first = await handlers['history.record']({
      url: BEIJING_URL,
      title: '北京市政府工作报告',
      text: beijing,
      speaker: '殷勇',
    });
    expect(first).toMatchObject({ stored: true });
    const again = await handlers['history.record']({ url: BEIJING_URL, title: '北京市政府工作报告', text: beijing });
    const list = await handlers['history.list']();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      url: 'https://www.beijing.gov.cn/report.html',
      site: 'www.beijing.gov.cn',
      title: '北京市政府工作报告',
    });
    expect('text' in list[0]).toBe(false);
    expect(again.stored && list[0].id === again.pageId).toBe(true);
    const rows = await db.paragraphs.toArray();
    expect(rows.length).toBe(list[0].paragraphCount);
    expect(rows.every((r) => r.hashes instanceof Uint32Array && r.hashes.length > 0)).toBe(true);
    expect(beijing.slice(rows[0].start, rows[0].end)).toBe(rows[0].text);

    // Storage per paragraph, as stored: text (UTF-8) + fingerprints (4 bytes each) + offsets and keys.
    const bytes = rows.map((r) => new TextEncoder().encode(r.text).length + r.hashes.byteLength + 4 * 8);
    const perParagraph = bytes.reduce((s, b) => s + b, 0) / rows.length;
    const fingerprintBytes = rows.reduce((s, r) => s + r.hashes.byteLength, 0) / rows.length;
    const chars = rows.reduce((s, r) => s + r.text.length, 0) / rows.length;
    console.log(
      `history storage: ${rows.length} paragraphs, ${chars.toFixed(0)} characters and ${perParagraph.toFixed(0)} bytes per paragraph (${fingerprintBytes.toFixed(0)} of them fingerprints), plus the page text once`,
    );
    expect(fingerprintBytes).toBeLessThan(chars * 2);
  });

  it('stores nothing while switched off, and deletes one page or erases all', async () => {
    await handlers['history.setEnabled']({ enabled: false });
    expect(await handlers['history.getEnabled']()).toEqual({ enabled: false });
    expect(await handlers['history.record']({ url: BEIJING_URL, title: 'b', text: beijing })).toEqual({
      stored: false,
      reason: 'disabled',
    });
    expect(await db.pages.count()).toBe(0);
    expect(await db.paragraphs.count()).toBe(0);

    await handlers['history.setEnabled']({ enabled: true });
    const a = await handlers['history.record']({ url: BEIJING_URL, title: 'b', text: beijing });
    await handlers['history.record']({ url: 'https://www.shanghai.gov.cn/r.html', title: 's', text: shanghai });
    if (!a.stored) throw new Error('not stored');
    await handlers['history.delete']({ pageId: a.pageId });
    expect((await handlers['history.list']()).map((p) => p.title)).toEqual(['s']);
    expect(await db.paragraphs.where('pageId').equals(a.pageId).count()).toBe(0);
    await handlers['history.erase']();
    expect(await db.pages.count()).toBe(0);
    expect(await db.paragraphs.count()).toBe(0);
    expect(await handlers['history.getEnabled']()).toEqual({ enabled: true });
  });
});

describe('similar paragraphs, side by side, compare', () => {
  beforeEach(async () => {
    await handlers['history.record']({ url: BEIJING_URL, title: '北京市政府工作报告', text: beijing });
  });

  it('marks the page paragraph that reuses an earlier-read one, names the page and shows the edits', async () => {
    const marks = await handlers['similar.page']({ url: 'https://county.example.org/speech.html', text: countySpeech });
    expect(marks).toHaveLength(1);
    const [mark] = marks;
    expect(countySpeech.slice(mark.start, mark.end)).toBe(variant);
    expect(mark.matches[0]).toMatchObject({ title: '北京市政府工作报告', label: 'variant' });
    const pair = await handlers['similar.pair']({ text: variant, paragraphId: mark.matches[0].paragraphId! });
    expect(pair.other.text).toBe(reused);
    const deleted = pair.ops
      .filter(([op]) => op < 0)
      .map(([, t]) => t)
      .join('');
    const inserted = pair.ops
      .filter(([op]) => op > 0)
      .map(([, t]) => t)
      .join('');
    expect(deleted).toContain('北京');
    expect(inserted).toContain('青山');
    expect(inserted).toContain('77');
  });

  it('keeps the index warm: a page recorded after a lookup is appended and found; a deleted one is gone', async () => {
    const store = new HistoryStore(db);
    const h = createHistoryHandlers({ store, listClips: async () => [] });
    expect((await store.index()).index.segmentTotal).toBe(1);
    const county = await store.recordPage({
      url: 'https://county.example.org/speech.html',
      title: '青山县政府工作报告',
      text: countySpeech,
      analysis: analyze(countySpeech),
    });
    const warm = await store.index();
    expect(warm.index.segmentTotal).toBe(2);
    const pageId = county.stored ? county.pageId : -1;
    // A third page reusing the Beijing paragraph now names both earlier pages, the appended one included.
    const marks = await h['similar.page']({ url: 'https://other.example.org/x.html', text: `${variant}\n` });
    expect(marks[0].matches.map((m) => m.pageId)).toContain(pageId);
    await store.deletePage(pageId);
    expect((await store.index()).index.segmentTotal).toBe(1);
    const after = await h['similar.page']({ url: 'https://other.example.org/x.html', text: `${variant}\n` });
    expect(after[0].matches.map((m) => m.pageId)).not.toContain(pageId);
  });

  it('does not mark a page against its own earlier copy', async () => {
    expect(await handlers['similar.page']({ url: BEIJING_URL, text: beijing })).toEqual([]);
  });

  it('suggests the most similar earlier page and compares with it, as Markdown too', async () => {
    const suggestions = await handlers['compare.suggest']({
      url: 'https://county.example.org/speech.html',
      text: countySpeech,
    });
    expect(suggestions.map((s) => s.title)).toEqual(['北京市政府工作报告']);
    const { comparison, markdown } = await handlers['compare.run']({
      older: { pageId: suggestions[0].pageId },
      newer: { url: 'https://county.example.org/speech.html', title: '青山县政府工作报告', text: countySpeech },
    });
    expect(comparison.counts.changed).toBe(1);
    expect(comparison.dropped.length).toBeGreaterThan(0);
    expect(markdown).toContain('## 新增提法');
    expect(markdown).toContain('~~北京~~**青山**');
  });
});

describe('提法 across speeches', () => {
  it('lists each speech mentioning it with counts, newest first, and the first-seen date', async () => {
    await handlers['history.record']({
      url: BEIJING_URL,
      title: '北京',
      text: '2026年政府工作报告\n深入实施“千村头雁”培育工程，总结推广千村头雁培育工程的经验做法。',
    });
    await handlers['history.record']({
      url: 'https://a.gov.cn/2025.html',
      title: '甲县',
      text: '2025年政府工作报告\n全面推进乡村振兴，继续推进“千村頭雁”培育工程，选优配强村党组织书记。\n另一段没有它。',
    });
    await handlers['history.record']({
      url: 'https://b.gov.cn/x.html',
      title: '乙县',
      text: '2024年工作报告\n推进乡村振兴，发展壮大新型农村集体经济，改善农村人居环境。',
    });
    const trail = await handlers['mentions.trail']({ query: '“千村头雁”培育工程' });
    expect(trail.entries.map((e) => [e.title, e.count, e.clips])).toEqual([
      ['北京', 2, 0],
      ['甲县', 1, 0],
      ['政府工作报告', 0, 1],
    ]);
    expect(trail.firstSeen).toBe('2019-05-01');
  });
});
