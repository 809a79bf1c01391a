import { describe, expect, it } from 'vitest';
import { chineseDate, citationLine } from '../../lib/citation/citation';
import { cleanPageTitle } from '../../lib/citation/page-title';
import { siteNameForHost } from '../../lib/citation/site-names';

describe('cleanPageTitle', () => {
  it.each([
    ['2026年青海省政府工作报告_青海省人民政府', '2026年青海省政府工作报告', '青海省人民政府'],
    ['在全市经济工作会议上的讲话_领导讲话_某某市人民政府', '在全市经济工作会议上的讲话', '某某市人民政府'],
    ['政府工作报告 - 中国政府网', '政府工作报告', '中国政府网'],
    ['全面推进乡村振兴--人民网', '全面推进乡村振兴', '人民网'],
    ['习近平：在某某座谈会上的讲话|求是网', '习近平：在某某座谈会上的讲话', '求是网'],
  ])('%s', (raw, title, site) => {
    expect(cleanPageTitle(raw)).toEqual({ title, site });
  });

  it('keeps titles whose tail is not a site: subtitles, plain titles, a lone site name', () => {
    for (const raw of [
      '决胜全面建成小康社会 — 在党的十九大上的报告',
      '在全县安全生产工作会议上的讲话',
      '青海省人民政府',
    ]) {
      expect(cleanPageTitle(raw)).toEqual({ title: raw });
    }
  });
});

describe('siteNameForHost', () => {
  it('names national and provincial sites by their host suffix', () => {
    expect(siteNameForHost('www.qinghai.gov.cn')).toBe('青海省人民政府网');
    expect(siteNameForHost('www.gov.cn')).toBe('中国政府网');
    expect(siteNameForHost('cpc.people.com.cn')).toBe('中国共产党新闻网');
    expect(siteNameForHost('theory.people.com.cn')).toBe('人民网');
    expect(siteNameForHost('www.example.org')).toBeUndefined();
  });
});

describe('citationLine', () => {
  it('follows the writer convention: speaker, 《title》, Chinese date, site', () => {
    const line = citationLine({
      speaker: '罗东川',
      speechTitle: '政府工作报告',
      pageTitle: '2026年青海省政府工作报告_青海省人民政府',
      date: '2026-01-27',
      site: 'www.qinghai.gov.cn',
    });
    expect(line).toBe('罗东川：《政府工作报告》，2026年1月27日，青海省人民政府网');
  });

  it('leaves out what is unknown instead of guessing, and falls back to the page title and its site suffix', () => {
    expect(citationLine({ pageTitle: '在全县春耕生产工作会议上的讲话_某某县人民政府', site: 'www.example.org' })).toBe(
      '《在全县春耕生产工作会议上的讲话》，某某县人民政府',
    );
  });

  it('has an English form', () => {
    expect(
      citationLine(
        {
          speaker: '省长 罗东川',
          speechTitle: '政府工作报告',
          pageTitle: '',
          date: '2026-01-27',
          site: 'www.qinghai.gov.cn',
        },
        'en',
      ),
    ).toBe('省长 罗东川, "政府工作报告", 2026-01-27, 青海省人民政府网');
  });

  it('writes partial dates in Chinese', () => {
    expect(chineseDate('2026-03')).toBe('2026年3月');
    expect(chineseDate('2026')).toBe('2026年');
  });
});
