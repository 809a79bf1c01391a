import { describe, expect, it } from 'vitest';
import { normalizeForSearch, queryTerms } from '../../lib/search/normalize';
import {
  buildSearchIndex,
  createMatcher,
  highlightSegments,
  matchQuery,
  previewAround,
  searchClips,
} from '../../lib/search/match';
import { generateLibrary } from '../fixtures/reviewing/clips';
import { applyFilter, emptyFilter, toggleFacetValue, dateBounds } from '../../lib/search/facets';
import { groupBySpeech, sortByDate } from '../../lib/search/group';
import { makeClip } from '../fixtures/reviewing/clips';

describe('normalizeForSearch', () => {
  it('folds full-width ASCII, ideographic space, case and common traditional characters', () => {
    expect(normalizeForSearch('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeForSearch('GDP增长')).toBe('gdp增长');
    expect(normalizeForSearch('a\u3000b')).toBe('a b');
    expect(normalizeForSearch('國務院關於經濟發展')).toBe('国务院关于经济发展');
  });

  it('keeps the length so match offsets map back to the original text', () => {
    const samples = ['國家發展改革委 ＧＤＰ', 'İstanbul 𠀀 emoji 😀', '全面建设社会主义现代化国家'];
    for (const s of samples) expect(normalizeForSearch(s)).toHaveLength(s.length);
  });

  it('leaves simplified Chinese unchanged and splits queries on whitespace', () => {
    const text = '高质量发展是全面建设社会主义现代化国家的首要任务';
    expect(normalizeForSearch(text)).toBe(text);
    expect(queryTerms('  乡村　振興 ')).toEqual(['乡村', '振兴']);
  });
});

describe('search', () => {
  const clips = [
    makeClip({ text: '实施“千村头雁”培育工程，推进乡村振兴。', title: '页面一', tags: ['乡村'] }),
    makeClip({ text: '坚持科技是第一生产力。', title: '页面二', note: '关于创新驱动的笔记' }),
    makeClip({
      text: '扩大高水平对外开放。',
      title: '页面三',
      speechTitle: '二〇二四年政府工作报告',
      tags: ['开放', 'GDP目标'],
    }),
  ];

  it('finds two-character Chinese substrings in text, notes, speech titles and tags', () => {
    expect(searchClips(clips, '乡村').map((c) => c.id)).toEqual([clips[0].id]);
    expect(searchClips(clips, '创新').map((c) => c.id)).toEqual([clips[1].id]);
    expect(searchClips(clips, '政府').map((c) => c.id)).toEqual([clips[2].id]);
    expect(searchClips(clips, 'gdp').map((c) => c.id)).toEqual([clips[2].id]);
  });

  it('matches traditional and full-width queries against simplified text', () => {
    expect(searchClips(clips, '鄉村振興').map((c) => c.id)).toEqual([clips[0].id]);
    expect(searchClips(clips, 'ＧＤＰ').map((c) => c.id)).toEqual([clips[2].id]);
  });

  it('requires every term; an empty query matches all', () => {
    expect(searchClips(clips, '工程 振兴')).toHaveLength(1);
    expect(searchClips(clips, '工程 开放')).toHaveLength(0);
    expect(Array.from(matchQuery(buildSearchIndex(clips), '   '))).toEqual([1, 1, 1]);
  });

  it('does not match across two fields', () => {
    const clip = makeClip({ text: '末尾是乡', note: '村开头' });
    expect(searchClips([clip], '乡村')).toHaveLength(0);
  });
});

describe('createMatcher (search as you type)', () => {
  it('gives the same results as a full scan while typing forward, erasing and jumping', () => {
    const clips = generateLibrary(400, 9);
    const index = buildSearchIndex(clips);
    const match = createMatcher(index, 4);
    const steps = [
      '乡',
      '乡村',
      '乡村振',
      '乡村振兴',
      '乡村振',
      '乡',
      '',
      '发',
      '发展 ',
      '发展 改',
      '发展 改革',
      '改革',
      'gd',
      'gdp',
      '科技',
      '科技 乡',
      '乡',
    ];
    for (const q of steps) expect(Array.from(match(q)), q).toEqual(Array.from(matchQuery(index, q)));
  });
});

describe('highlightSegments', () => {
  it('splits text into plain and matching segments that rebuild the original', () => {
    const text = '國家發展，发展为了人民';
    const segments = highlightSegments(text, '发展');
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['發展', '发展']);
  });

  it('merges overlapping matches of several terms', () => {
    const segments = highlightSegments('社会主义现代化', '社会 会主义 现代');
    expect(segments).toEqual([
      { text: '社会主义现代', match: true },
      { text: '化', match: false },
    ]);
  });

  it('returns the whole text unmarked when nothing matches', () => {
    expect(highlightSegments('abc', 'x')).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('previewAround', () => {
  it('starts a preview shortly before a match that the clamped text would hide', () => {
    const text = `${'前'.repeat(100)}乡村振兴${'后'.repeat(10)}`;
    expect(previewAround(text, '乡村')).toBe(`…${'前'.repeat(16)}乡村振兴${'后'.repeat(10)}`);
    expect(previewAround(text, '')).toBe(text);
    expect(previewAround('乡村振兴在前面', '振兴')).toBe('乡村振兴在前面');
    expect(previewAround(text, '没有')).toBe(text);
  });
});

describe('filters', () => {
  const a = makeClip({
    site: 'www.gov.cn',
    url: 'https://www.gov.cn/a',
    tags: ['民生'],
    color: 'yellow',
    mentions: [{ category: 'formulation', key: '四个全面', text: '四个全面' }],
  });
  const b = makeClip({ site: 'www.gov.cn', url: 'https://www.gov.cn/b', tags: ['民生', '改革'], color: 'green' });
  const c = makeClip({
    site: 'www.news.cn',
    url: 'https://www.news.cn/c',
    tags: ['改革'],
    color: 'green',
    mentions: [{ category: 'target', key: '5%', text: '5%左右' }],
  });
  const all = [a, b, c];

  it('combines facets with AND and values of one facet with OR', () => {
    let filter = toggleFacetValue(emptyFilter(), 'tag', '改革');
    expect(applyFilter(all, null, filter).clips).toEqual([b, c]);
    filter = toggleFacetValue(filter, 'site', 'www.gov.cn');
    expect(applyFilter(all, null, filter).clips).toEqual([b]);
    filter = toggleFacetValue(filter, 'site', 'www.news.cn');
    expect(applyFilter(all, null, filter).clips).toEqual([b, c]);
    filter = toggleFacetValue(filter, 'tag', '改革');
    expect(applyFilter(all, null, filter).clips).toEqual(all);
  });

  it('counts each value as if it were toggled in, given the other facets', () => {
    const filter = toggleFacetValue(emptyFilter(), 'color', 'green');
    const { counts } = applyFilter(all, null, filter);
    // Colour counts ignore the colour selection itself …
    expect(counts.color.get('yellow')).toBe(1);
    expect(counts.color.get('green')).toBe(2);
    // … other facets count within it.
    expect(counts.tag.get('民生')).toBe(1);
    expect(counts.tag.get('改革')).toBe(2);
    expect(counts.site.get('www.news.cn')).toBe(1);
  });

  it('offers programs/formulations but not quantitative targets as mention filters', () => {
    const { counts } = applyFilter(all, null, emptyFilter());
    expect([...counts.mention.keys()]).toEqual(['formulation:四个全面']);
    const filtered = applyFilter(all, null, toggleFacetValue(emptyFilter(), 'mention', 'formulation:四个全面'));
    expect(filtered.clips).toEqual([a]);
  });

  it('can skip counting without changing the result', () => {
    const filter = toggleFacetValue(emptyFilter(), 'tag', '民生');
    const counted = applyFilter(all, null, filter);
    const uncounted = applyFilter(all, null, filter, { counts: false });
    expect(uncounted.clips).toEqual(counted.clips);
    expect(uncounted.counts.tag.size).toBe(0);
    expect(applyFilter(all, null, emptyFilter(), { counts: false }).clips).toEqual(all);
  });

  it('counts a value repeated in one clip once', () => {
    const twice = makeClip({
      mentions: [
        { category: 'program', key: '三大行动', text: '三大行动' },
        { category: 'program', key: '三大行动', text: '“三大行动”' },
      ],
    });
    expect(applyFilter([twice], null, emptyFilter()).counts.mention.get('program:三大行动')).toBe(1);
  });

  it('applies the text query before counting', () => {
    const matches = matchQuery(buildSearchIndex(all), a.text.slice(0, 6));
    const { counts } = applyFilter(all, matches, emptyFilter());
    const total = [...counts.color.values()].reduce((x, y) => x + y, 0);
    expect(total).toBe(applyFilter(all, matches, emptyFilter()).clips.length);
  });

  it('filters by an inclusive local date range', () => {
    const day = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
    const early = makeClip({ created: day(2024, 3, 1) });
    const late = makeClip({ created: day(2024, 3, 31, 23) });
    const filter = { ...emptyFilter(), from: '2024-03-01', to: '2024-03-31' };
    expect(applyFilter([early, late], null, filter).clips).toEqual([early, late]);
    expect(applyFilter([early, late], null, { ...filter, to: '2024-03-30' }).clips).toEqual([early]);
    expect(dateBounds({ from: '', to: 'nonsense' })).toEqual({ from: -Infinity, to: Infinity });
  });
});

describe('grouping', () => {
  it('groups by page with speech title, clips in reading order, newest group first', () => {
    const url1 = 'https://www.gov.cn/one';
    const url2 = 'https://www.gov.cn/two';
    const later = makeClip({ url: url1, created: 3000, speechTitle: '讲话一', selectors: undefined });
    const first = makeClip({ url: url1, created: 1000, title: '页面' });
    first.selectors[1] = { type: 'TextPositionSelector', start: 0, end: 5 };
    later.selectors[1] = { type: 'TextPositionSelector', start: 900, end: 910 };
    const other = makeClip({ url: url2, created: 2000, title: '第二篇' });
    const groups = groupBySpeech([later, other, first]);
    expect(groups.map((g) => g.url)).toEqual([url1, url2]);
    expect(groups[0].clips).toEqual([first, later]);
    expect(groups[1].title).toBe('第二篇');
    expect(sortByDate([first, later, other])).toEqual([later, other, first]);
  });
});
