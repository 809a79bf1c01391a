import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_VISIBLE_CATEGORIES } from '../../lib/highlight/categories';
import { outlineToMarkdown } from '../../lib/reading/outlineMarkdown';
import { buildSpans, countByCategory, headingOf, spansToPaint } from '../../lib/reading/spans';
import {
  defaultToggles,
  loadToggles,
  MAX_PAGE_TOGGLES,
  pageKey,
  PAGE_TOGGLES_KEY,
  sanitizeToggles,
  saveGlobalToggles,
  savePageToggles,
  visibleCategories,
} from '../../lib/reading/toggles';
import { isBuiltInSite, patternMatches, sitePattern } from '../../lib/permissions/sites';
import { outlineTree } from '../../components/page/PageView';
import type { Analysis, Mention } from '../../lib/rules/types';

describe('outlineToMarkdown', () => {
  it('indents two spaces per level, marker then title, and escapes Markdown syntax', () => {
    const md = outlineToMarkdown(
      [
        { marker: '一、', title: '提高思想站位抓推进', depth: 0 },
        { marker: '第一，', title: '要从筑牢党的执政根基的*高度*认识', depth: 1 },
        { marker: '一要', title: '扎扎实实实施“千村头雁”培育工程', depth: 2 },
        { marker: '二、', title: '坚持分类施策', depth: 0 },
      ],
      '在全市基层党建工作现场推进会上的讲话',
    );
    expect(md).toBe(
      [
        '# 在全市基层党建工作现场推进会上的讲话',
        '',
        '- 一、提高思想站位抓推进',
        '  - 第一，要从筑牢党的执政根基的\\*高度\\*认识',
        '    - 一要扎扎实实实施“千村头雁”培育工程',
        '- 二、坚持分类施策',
        '',
      ].join('\n'),
    );
    expect(outlineToMarkdown([])).toBe('');
  });
});

describe('outlineTree', () => {
  it('nests items under their parents in document order', () => {
    const item = (marker: string, depth: number, parent: number | null) => ({
      family: 'dun',
      ordinal: 1,
      marker,
      title: '',
      depth,
      parent,
      start: 0,
      headEnd: 1,
    });
    const tree = outlineTree([
      item('一是', 0, null),
      item('一、', 0, null),
      item('第一，', 1, 1),
      item('一要', 2, 2),
      item('第二，', 1, 1),
    ]);
    expect(tree.map((n) => n.item.marker)).toEqual(['一是', '一、']);
    expect(tree[1].children.map((n) => n.item.marker)).toEqual(['第一，', '第二，']);
    expect(tree[1].children[0].children.map((n) => n.index)).toEqual([3]);
  });
});

describe('buildSpans', () => {
  it('marks section headings from marker to the end of the lead, mentions by their span, sorted', () => {
    const analysis = {
      verdict: { isPolicy: true, genre: 'speech', score: 1, reasons: [] },
      outline: [
        {
          family: 'dun',
          ordinal: 1,
          marker: '一、',
          title: 'X',
          start: 10,
          headEnd: 30,
          end: 200,
          parent: null,
          depth: 0,
        },
        { family: 'shi', ordinal: 1, marker: '一是', title: '', start: 50, headEnd: 50, end: 60, parent: 0, depth: 1 },
      ],
      mentions: [
        { category: 'program', text: 'p', start: 12, end: 20, ruleId: 'r', key: 'p' },
        { category: 'meeting', text: 'm', start: 2, end: 6, ruleId: 'r', key: 'm' },
      ],
      textLength: 300,
    } as Analysis;
    const spans = buildSpans(analysis);
    expect(spans.map((s) => [s.category, s.start, s.end, s.source])).toEqual([
      ['meeting', 2, 6, 1],
      ['section', 10, 30, 0],
      ['program', 12, 20, 0],
    ]);
    expect(countByCategory(spans)).toEqual({
      section: 1,
      program: 1,
      formulation: 0,
      document: 0,
      meeting: 1,
      target: 0,
      result: 0,
    });
  });
});

describe('spansToPaint: what each mode paints', () => {
  const text = [
    '在全市安全生产工作会议上的讲话',
    '——2026年1月5日',
    '同志们：',
    '全市安全生产工作会议今天召开。要坚持“四个全面”，落实“四个全面”，学习《中华人民共和国安全生产法》。',
    '一、坚持“四个全面”。“四个全面”要落到千村头雁培育工程上，千村头雁培育工程年年推进。',
  ].join('\n');
  /** The n-th occurrence (from 0) of `needle` in the text, as a mention. */
  const at = (category: Mention['category'], needle: string, n = 0, key = needle) => {
    let start = -1;
    for (let i = 0; i <= n; i++) start = text.indexOf(needle, start + 1);
    return { category, text: needle, start, end: start + needle.length, ruleId: 'r', key };
  };
  const section = text.indexOf('一、');
  const analysis = {
    verdict: { isPolicy: true, genre: 'speech', score: 1, reasons: [] },
    title: '在全市安全生产工作会议上的讲话',
    outline: [
      {
        family: 'dun',
        ordinal: 1,
        marker: '一、',
        title: '坚持“四个全面”',
        start: section,
        headEnd: text.indexOf('。', section) + 1,
        end: text.length,
        parent: null,
        depth: 0,
      },
    ],
    mentions: [
      at('meeting', '全市安全生产工作会议', 0),
      at('meeting', '全市安全生产工作会议', 1),
      at('formulation', '“四个全面”', 0, '四个全面'),
      at('formulation', '“四个全面”', 1, '四个全面'),
      at('document', '《中华人民共和国安全生产法》', 0, '中华人民共和国安全生产法'),
      at('formulation', '安全生产', 2),
      at('formulation', '“四个全面”', 2, '四个全面'),
      at('formulation', '“四个全面”', 3, '四个全面'),
      at('program', '千村头雁培育工程', 0),
      at('program', '千村头雁培育工程', 1),
    ],
    textLength: text.length,
  } as Analysis;

  it('finds the heading: the title line and the short lines under it, up to the salutation', () => {
    expect(headingOf(text, analysis.title)).toEqual([0, text.indexOf('\n同志们')]);
    expect(headingOf(text, undefined)).toBeNull();
  });

  it('keeps every heading and program; drops the self-naming meeting, a nested mention and repeats in a paragraph', () => {
    const all = buildSpans(analysis);
    const quiet = spansToPaint(all, analysis, text, new Set(DEFAULT_VISIBLE_CATEGORIES));
    const shown = (spans: typeof all) =>
      spans.map((s) => `${s.category}@${text.lastIndexOf('\n', s.start) + 1}:${text.slice(s.start, s.end)}`);
    const line = (n: number) => text.split('\n').slice(0, n).join('\n').length + 1;
    expect(shown(quiet)).toEqual([
      `meeting@${line(3)}:全市安全生产工作会议`,
      `formulation@${line(3)}:“四个全面”`,
      `document@${line(3)}:《中华人民共和国安全生产法》`,
      `section@${line(4)}:一、坚持“四个全面”。`,
      `formulation@${line(4)}:“四个全面”`,
      `program@${line(4)}:千村头雁培育工程`,
      `program@${line(4)}:千村头雁培育工程`,
    ]);
    // The full mode paints them all.
    expect(all).toHaveLength(analysis.mentions.length + 1);
  });

  it('a hidden category marks nothing: what lies inside a hidden mention is painted', () => {
    const all = buildSpans(analysis);
    const noDocuments = new Set(DEFAULT_VISIBLE_CATEGORIES.filter((c) => c !== 'document'));
    const texts = spansToPaint(all, analysis, text, noDocuments).map((s) => text.slice(s.start, s.end));
    expect(texts).toContain('安全生产');
  });
});

describe('toggles', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sanitises whatever is in storage', () => {
    expect(sanitizeToggles(null)).toBeNull();
    expect(sanitizeToggles({ all: 'yes' })).toBeNull();
    const t = sanitizeToggles({ all: true, categories: { program: false, bogus: true, meeting: 'no' } })!;
    expect(t.categories.program).toBe(false);
    expect(t.categories.meeting).toBe(true);
    expect(Object.keys(t.categories)).not.toContain('bogus');
    expect([...visibleCategories({ ...t, all: false })]).toEqual([]);
    expect(visibleCategories(t).has('program')).toBe(false);
  });

  it('page toggles override the global ones until dropped', async () => {
    const url = 'http://www.gov.cn/a.html#frag';
    expect(await loadToggles(url)).toEqual({ toggles: defaultToggles(), scope: 'global' });
    const noPrograms = { ...defaultToggles(), categories: { ...defaultToggles().categories, program: false } };
    await saveGlobalToggles(noPrograms);
    expect((await loadToggles(url)).toggles.categories.program).toBe(false);
    await savePageToggles(url, { ...defaultToggles(), all: false });
    expect(await loadToggles('http://www.gov.cn/a.html')).toMatchObject({ scope: 'page', toggles: { all: false } });
    expect((await loadToggles('http://www.gov.cn/b.html')).scope).toBe('global');
    await savePageToggles(url, null);
    expect(await loadToggles(url)).toEqual({ toggles: noPrograms, scope: 'global' });
    expect(pageKey(url)).toBe('http://www.gov.cn/a.html');
  });

  it('keeps at most MAX_PAGE_TOGGLES pages, dropping the oldest', async () => {
    const pages: Record<string, unknown> = {};
    for (let i = 0; i < MAX_PAGE_TOGGLES; i++) pages[`http://x.gov.cn/${i}`] = { toggles: defaultToggles(), at: i };
    await fakeBrowser.storage.local.set({ [PAGE_TOGGLES_KEY]: pages });
    await savePageToggles('http://x.gov.cn/new', defaultToggles(), 1e9);
    const stored = (await fakeBrowser.storage.local.get(PAGE_TOGGLES_KEY))[PAGE_TOGGLES_KEY] as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(MAX_PAGE_TOGGLES);
    expect(stored['http://x.gov.cn/0']).toBeUndefined();
    expect(stored['http://x.gov.cn/new']).toBeDefined();
  });
});

describe('site permissions helpers', () => {
  it('knows the built-in hosts and builds per-site patterns without ports', () => {
    expect(isBuiltInSite('http://www.gov.cn:8080/x.html')).toBe(true);
    expect(isBuiltInSite('https://gov.cn/')).toBe(true);
    expect(isBuiltInSite('https://notgov.cn/')).toBe(false);
    expect(isBuiltInSite('https://www.people.com.cn/n1/2025/a.html')).toBe(true);
    expect(isBuiltInSite('https://example.org/')).toBe(false);
    expect(isBuiltInSite('ftp://www.gov.cn/')).toBe(false);
    expect(sitePattern('https://www.example.org:8443/a/b?c')).toBe('https://www.example.org/*');
    expect(sitePattern('chrome://extensions')).toBeNull();
    expect(patternMatches('https://example.org/*', 'http://example.org/')).toBe(false);
  });
});
