/**
 * Outline on the shapes real speeches and reports take (issue 8, outline): a list that starts after another has
 * closed, item numbers followed by a year or a count, a page that shows only part of a speech, and a report that
 * turns to its audience (各位代表！) between subsections. Sentences written for this test in those patterns.
 */
import { describe, expect, it } from 'vitest';
import { extractOutline } from '../../lib/rules/outline';

/** [marker, marker of the parent or null] per item, in order. */
function shape(text: string): Array<[string, string | null]> {
  const items = extractOutline(text);
  return items.map((o) => [o.marker, o.parent === null ? null : items[o.parent].marker]);
}

describe('outline on real shapes', () => {
  it('a list that starts after a closed one is not nested under that list’s last item', () => {
    const text =
      '一、加强党的建设\n（一）强化政治引领。一是加强理论学习。二是压实主体责任。\n' +
      '主要措施是：一要健全工作机制。二要加强督促检查。\n（二）深化改革创新。一是简政放权。二是优化服务。\n二、保障改善民生';
    expect(shape(text)).toEqual([
      ['一、', null],
      ['（一）', '一、'],
      ['一是', '（一）'],
      ['二是', '（一）'],
      ['一要', '（一）'],
      ['二要', '（一）'],
      ['（二）', '一、'],
      ['一是', '（二）'],
      ['二是', '（二）'],
      ['二、', null],
    ]);
  });

  it('an inline list item ends with its paragraph: the next paragraph’s list is its sibling, not its child', () => {
    const text =
      '一要抓学习，提高站位。二要抓落实，压实责任。\n一是强化领导，重视程度普遍提高。二是完善制度，形成格局。';
    expect(shape(text)).toEqual([
      ['一要', null],
      ['二要', null],
      ['一是', null],
      ['二是', null],
    ]);
  });

  it('an item number followed by a year or a count is still an item, so the sequence goes on', () => {
    const lines = Array.from({ length: 26 }, (_, i) => `${i + 1}.完成第${i + 1}项任务。`);
    lines[19] = '20.2026年10件民生实事全部办结。';
    lines[20] = '21.100件为民办实事项目按期完成。';
    const items = extractOutline(`今年重点任务如下：\n${lines.join('\n')}`);
    expect(items.map((o) => o.ordinal)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(items[19].title).toBe('2026年10件民生实事全部办结');
  });

  it('a decimal amount is still no item', () => {
    expect(extractOutline('投资情况：\n1.5亿元用于修路。\n2.3亿元用于民生。')).toEqual([]);
  });

  it('a page showing only part of a speech keeps its lone 一、 with the children under it', () => {
    const text =
      '一、坚持党建引领，夯实基层基础\n（一）强化政治功能，提高组织力。\n（二）压实主体责任，抓好工作落实。\n（三）加强队伍建设，选优配强班子。';
    expect(shape(text)).toEqual([
      ['一、', null],
      ['（一）', '一、'],
      ['（二）', '一、'],
      ['（三）', '一、'],
    ]);
  });

  it('a lone 一、 without children is still no item', () => {
    expect(extractOutline('会议指出：\n一、要提高认识。会后各单位抓好落实。')).toEqual([]);
  });

  it('各位代表！ between subsections returns to the top section; the subsection numbering still goes on', () => {
    const text =
      '一、过去一年工作回顾\n（一）稳住经济大盘。投资增长。\n（二）办好民生实事。就业稳定。\n' +
      '各位代表！五年来，我们干好了三件大事：一是推动改革。二是扩大开放。三是保障民生。\n' +
      '（三）守牢安全底线。隐患清零。\n二、今年工作安排\n（一）扩大内需。\n（二）稳定就业。';
    expect(shape(text)).toEqual([
      ['一、', null],
      ['（一）', '一、'],
      ['（二）', '一、'],
      ['一是', '一、'],
      ['二是', '一、'],
      ['三是', '一、'],
      ['（三）', '一、'],
      ['二、', null],
      ['（一）', '二、'],
      ['（二）', '二、'],
    ]);
  });
});
