import { describe, expect, it } from 'vitest';
import { buildClipDraft, ClipRefused, mentionsWithin, outlinePathFor, trimSpan } from '../../lib/clipping/build-clip';
import { normalizeUrl, siteOf } from '../../lib/clips/url';
import { computeDedupeKey } from '../../lib/clips/dedupe';
import { MAX_CLIP_CHARS } from '../../lib/clips/types';
import type { Analysis, OutlineItem } from '../../lib/rules/types';

describe('normalizeUrl', () => {
  it('drops tracking parameters and the fragment, keeping the others in order', () => {
    expect(
      normalizeUrl('HTTP://WWW.Gov.CN:80/a/b.htm?id=3&utm_source=x&spm=1.2&from=timeline&fbclid=z&gclid=q&page=2#sec'),
    ).toBe('http://www.gov.cn/a/b.htm?id=3&page=2');
    expect(normalizeUrl('https://www.news.cn/x.htm?utm_medium=a&UTM_CAMPAIGN=b')).toBe('https://www.news.cn/x.htm');
    expect(normalizeUrl('https://www.news.cn/x.htm#p1')).toBe('https://www.news.cn/x.htm');
  });

  it('keeps meaningful parameters that look similar', () => {
    expect(normalizeUrl('http://a.gov.cn/p?fromDate=2024&spmx=1')).toBe('http://a.gov.cn/p?fromDate=2024&spmx=1');
  });

  it('reports the site', () => {
    expect(siteOf('http://www.gov.cn:8080/a')).toBe('www.gov.cn');
  });
});

describe('dedupe key', () => {
  it('ignores whitespace and width variants but not the page', () => {
    const url = 'http://www.gov.cn/a';
    expect(computeDedupeKey(url, '四个全面，一要\n提高')).toBe(computeDedupeKey(url, '四个全面，一要 提高'));
    expect(computeDedupeKey(url, 'ＡＢＣ１')).toBe(computeDedupeKey(url, 'ABC1'));
    expect(computeDedupeKey(url, '一要提高')).not.toBe(computeDedupeKey('http://www.gov.cn/b', '一要提高'));
    expect(computeDedupeKey(url, '一要提高')).not.toBe(computeDedupeKey(url, '二要提高'));
  });
});

// 二、坚持分类施策 > 第一，要围绕脱贫攻坚 > 一要扎实 / 二要创新; 三、强化保障
const text =
  '二、坚持分类施策\n第一，要围绕脱贫攻坚抓党建。一要扎扎实实实施“千村头雁”培育工程，落实四个全面。二要创新方式，推进三会一课。\n三、强化保障\n要落实党的二十大精神。';
const at = (s: string) => {
  const i = text.indexOf(s);
  if (i < 0) throw new Error(s);
  return i;
};
const item = (marker: string, titleText: string, end: number, parent: number | null, depth: number): OutlineItem => ({
  family: 'dun',
  ordinal: 1,
  marker,
  title: titleText,
  start: at(marker + titleText.slice(0, 2)),
  headEnd: at(marker + titleText.slice(0, 2)) + marker.length + titleText.length,
  end,
  parent,
  depth,
});
const outline: OutlineItem[] = [
  item('二、', '坚持分类施策', at('三、'), null, 0),
  item('第一，', '要围绕脱贫攻坚抓党建', at('三、'), 0, 1),
  item('一要', '扎扎实实实施“千村头雁”培育工程', at('二要'), 1, 2),
  item('二要', '创新方式', at('三、'), 1, 2),
  item('三、', '强化保障', text.length, null, 0),
];
const mention = (category: 'program' | 'formulation' | 'meeting', s: string, key = s.replace(/[“”]/g, '')) => ({
  category,
  text: s,
  start: at(s),
  end: at(s) + s.length,
  ruleId: 'test',
  key,
});
const analysis: Analysis = {
  verdict: { isPolicy: true, genre: 'speech', score: 0.9, reasons: [] },
  outline,
  mentions: [
    mention('program', '“千村头雁”培育工程'),
    mention('formulation', '四个全面'),
    mention('formulation', '三会一课'),
    mention('meeting', '党的二十大'),
  ],
  title: '在全市基层党建工作现场推进会上的讲话',
  date: '2024-06-01',
  textLength: text.length,
};

describe('outline path', () => {
  it('is the chain of sections containing the clip, outermost first', () => {
    const s = at('落实四个全面');
    expect(outlinePathFor(outline, s, s + 6).map((p) => p.marker)).toEqual(['二、', '第一，', '一要']);
  });

  it('is the common parent for a clip spanning sibling sections', () => {
    const s = at('落实四个全面');
    expect(outlinePathFor(outline, s, at('推进三会一课')).map((p) => p.marker)).toEqual(['二、', '第一，']);
  });

  it('includes a section whose heading the clip starts with', () => {
    expect(outlinePathFor(outline, at('二要'), at('。\n三、')).map((p) => p.marker)).toEqual([
      '二、',
      '第一，',
      '二要',
    ]);
  });

  it('falls back to where the clip starts when it straddles top-level sections', () => {
    expect(outlinePathFor(outline, at('二要'), at('党的二十大')).map((p) => p.marker)).toEqual([
      '二、',
      '第一，',
      '二要',
    ]);
  });

  it('is empty without an outline', () => {
    expect(outlinePathFor([], 0, 5)).toEqual([]);
  });
});

describe('buildClipDraft', () => {
  const source = { text, analysis, url: 'http://www.gov.cn/a.htm?utm_source=x#frag', title: '  讲话  ' };

  it('records text, selectors, outline path, mentions inside, speech title and date, normalised page', () => {
    const s = at('一要');
    const e = at('二要');
    const draft = buildClipDraft(source, s, e);
    expect(draft.text).toBe(text.slice(s, e));
    expect(draft.url).toBe('http://www.gov.cn/a.htm');
    expect(draft.title).toBe('讲话');
    expect(draft.outlinePath).toEqual([
      { marker: '二、', title: '坚持分类施策' },
      { marker: '第一，', title: '要围绕脱贫攻坚抓党建' },
      { marker: '一要', title: '扎扎实实实施“千村头雁”培育工程' },
    ]);
    expect(draft.mentions).toEqual([
      { category: 'program', key: '千村头雁培育工程', text: '“千村头雁”培育工程' },
      { category: 'formulation', key: '四个全面', text: '四个全面' },
    ]);
    expect(draft.speechTitle).toBe(analysis.title);
    expect(draft.speechDate).toBe('2024-06-01');
    expect(draft.selectors[0]).toMatchObject({ exact: draft.text, suffix: text.slice(e, e + 32) });
    expect(draft.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start: s,
      end: e,
      codePoints: { start: s, end: e },
    });
  });

  it('trims whitespace at the edges of a multi-paragraph selection that includes a heading', () => {
    const s = at('二要');
    const e = text.indexOf('要落实') + 2;
    const draft = buildClipDraft(source, s - 0, e);
    expect(draft.text).toBe(text.slice(s, e));
    expect(draft.text).toContain('\n三、强化保障\n');
    const padded = buildClipDraft(source, at('。\n三、') + 1, at('三、') + 2);
    expect(padded.text).toBe('三、');
    expect(padded.selectors[1].start).toBe(at('三、'));
    expect(padded.outlinePath.map((p) => p.marker)).toEqual(['三、']);
  });

  it('leaves mentions that only partly overlap the clip out', () => {
    const s = at('三会一课') + 1;
    expect(mentionsWithin(analysis.mentions, s, s + 10)).toEqual([]);
  });

  it('records no outline context on pages without an analysis', () => {
    const draft = buildClipDraft({ ...source, analysis: null }, 0, 8);
    expect(draft.outlinePath).toEqual([]);
    expect(draft.mentions).toEqual([]);
    expect(draft.speechTitle).toBeUndefined();
  });

  it('refuses empty and over-long selections with a reason', () => {
    expect(() => buildClipDraft(source, at('\n三、'), at('\n三、') + 1)).toThrow(ClipRefused);
    const long = '字'.repeat(MAX_CLIP_CHARS + 1);
    try {
      buildClipDraft({ ...source, text: long, analysis: null }, 0, long.length);
      expect.unreachable();
    } catch (err) {
      expect((err as ClipRefused).reason).toBe('tooLong');
    }
    expect(trimSpan('  a ', 0, 4)).toEqual({ start: 2, end: 3 });
  });
});
