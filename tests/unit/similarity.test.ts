import { describe, expect, it } from 'vitest';
import {
  buildSimilarityIndex,
  buildSimilarityIndexAsync,
  findSimilar,
  groupSimilarBySpeech,
} from '../../lib/similarity';
import { compactText, fingerprint } from '../../lib/similarity/fingerprint';
import { generateLibrary, makeClip } from '../fixtures/reviewing/clips';

const shared = '以文明交流超越文明隔阂、文明互鉴超越文明冲突、文明共存超越文明优越';

describe('fingerprints', () => {
  it('ignore punctuation, spaces, width and traditional forms, keeping offsets into the original', () => {
    const { compact, offsets } = compactText('文明，交流 ＡＢ 國家');
    expect(compact).toBe('文明交流ab国家');
    expect(Array.from(offsets)).toEqual([0, 1, 3, 4, 6, 7, 9, 10]);
  });

  it('give identical fingerprints to texts differing only in punctuation', () => {
    const a = fingerprint('全面建设社会主义现代化国家，全面推进中华民族伟大复兴');
    const b = fingerprint('全面建设社会主义现代化国家 全面推进中华民族伟大复兴。');
    expect(Array.from(a.hashes)).toEqual(Array.from(b.hashes));
    expect(a.hashes.length).toBeGreaterThan(0);
  });
});

describe('findSimilar', () => {
  const query = makeClip({
    url: 'https://www.gov.cn/2022.htm',
    text: `我们真诚呼吁，尊重世界文明多样性，${shared}，共同应对各种全球性挑战。`,
  });
  const echo = makeClip({
    url: 'https://www.gov.cn/2017.htm',
    text: `要尊重世界文明多样性，${shared.replace('隔阂', '隔閡')}，推动构建人类命运共同体。`,
  });
  const samePage = makeClip({ url: query.url, text: `${shared}。` });
  const unrelated = makeClip({
    url: 'https://www.gov.cn/other.htm',
    text: '稳步推进农村集体经营性建设用地入市，深化农村土地制度改革，文明乡风。',
  });
  const index = buildSimilarityIndex([query, echo, samePage, unrelated]);

  it('finds the passage recurring in another speech and shows it as it reads in both clips', () => {
    const results = findSimilar(index, query.id);
    expect(results.map((r) => r.clip.id)).toEqual([echo.id]);
    const [match] = results;
    expect(match.longestRun).toBeGreaterThanOrEqual(30);
    expect(match.passages[0].text).toContain('文明互鉴超越文明冲突');
    expect(query.text.slice(match.passages[0].start, match.passages[0].end)).toBe(match.passages[0].text);
    expect(match.otherPassages[0].text).toContain('隔閡');
  });

  it('leaves out clips of the same page unless asked', () => {
    expect(
      findSimilar(index, query.id, { samePage: true })
        .map((r) => r.clip.id)
        .sort(),
    ).toEqual([echo.id, samePage.id].sort());
  });

  it('does not report texts that only share short common words', () => {
    expect(findSimilar(index, unrelated.id)).toEqual([]);
  });

  it('throws a clear error for an unknown clip', () => {
    expect(() => findSimilar(index, 'nope')).toThrow(/no clip with id nope/);
  });

  it('groups results by speech', () => {
    const grouped = groupSimilarBySpeech(findSimilar(index, samePage.id, { samePage: true }));
    expect(grouped.map((g) => g.url).sort()).toEqual([echo.url, query.url].sort());
  });

  it('finds the recurrences planted in a larger generated library', () => {
    const library = generateLibrary(2000, 11);
    const planted = makeClip({
      url: 'https://www.gov.cn/planted.htm',
      text: `开头不同的话。${library[1234].text.slice(0, 60)}结尾也不同。`,
    });
    const big = buildSimilarityIndex([...library, planted]);
    const hits = findSimilar(big, planted.id).map((r) => r.clip.id);
    expect(hits).toContain(library[1234].id);
  });

  it('builds the same index in slices, reusing fingerprints of unchanged clips', async () => {
    const library = generateLibrary(300, 2);
    const whole = buildSimilarityIndex(library);
    let pauses = 0;
    const sliced = await buildSimilarityIndexAsync(library, { slice: 50, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(Array.from(sliced.keys)).toEqual(Array.from(whole.keys));
    const edited = library.map((c, i) =>
      i === 7 ? { ...c, note: '改了笔记' } : i === 8 ? { ...c, text: `${c.text}又加一句。` } : c,
    );
    const again = await buildSimilarityIndexAsync(edited, { previous: sliced });
    expect(again.prints[7]).toBe(sliced.prints[7]);
    expect(again.prints[8]).not.toBe(sliced.prints[8]);
    expect(Array.from(again.keys)).toEqual(Array.from(buildSimilarityIndex(edited).keys));
  });
});
