import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../lib/export/docx';
import { exportMarkdown } from '../../lib/export/markdown';
import { makeClip } from '../fixtures/reviewing/clips';

const url = 'https://www.qinghai.gov.cn/zwgk/system/2026/01/30/010456789.shtml';
const clips = [
  makeClip({
    url,
    site: 'www.qinghai.gov.cn',
    title: '2026年青海省政府工作报告_青海省人民政府',
    speechTitle: '政府工作报告',
    speechDate: '2026-01-27',
    speechSpeaker: '省长 罗东川',
    outlinePath: [{ marker: '二、', title: '2026年主要目标任务' }],
    text: '坚定不移推进生态保护和高质量发展。\n全力打造生态文明高地。',
    note: '可用于开头',
    tags: ['生态', '高质量发展'],
  }),
  makeClip({
    url: 'https://www.example.org/a.html',
    site: 'www.example.org',
    title: '在全县春耕生产工作会议上的讲话_某某县人民政府',
    text: '抓好春耕生产。',
  }),
];

/** The text Word shows: every w:t run of word/document.xml, joined. */
function documentText(bytes: Uint8Array): { xml: string; text: string } {
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toContain('word/document.xml');
  const xml = strFromU8(files['word/document.xml']);
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

describe('Word export', () => {
  it('writes a .docx whose document holds each clip, its outline path and the citation line', async () => {
    const bytes = await exportDocx(clips, {
      heading: '提法摘录',
      language: 'zh',
      exportedAt: Date.UTC(2026, 11, 2),
      labels: { source: '来源', note: '批注', tags: '标签', summary: '导出于{date} · 共{n}条' },
    });
    expect(bytes[0]).toBe(0x50); // "PK": a zip container
    const { text } = documentText(bytes);
    expect(text).toContain('坚定不移推进生态保护和高质量发展。');
    expect(text).toContain('全力打造生态文明高地。');
    expect(text).toContain('二、2026年主要目标任务');
    expect(text).toContain('省长 罗东川：《政府工作报告》，2026年1月27日，青海省人民政府网');
    expect(text).toContain('批注：可用于开头');
    expect(text).toContain('《在全县春耕生产工作会议上的讲话》，某某县人民政府');
    expect(text).toContain('共2条');
  });

  it('links only http(s) sources', async () => {
    const bytes = await exportDocx([
      makeClip({ url: 'javascript:alert(1)' as string, site: 'x', text: '不链接' }),
      clips[0],
    ]);
    const rels = strFromU8(unzipSync(bytes)['word/_rels/document.xml.rels']);
    expect(rels).toContain(url);
    expect(rels).not.toContain('javascript:');
  });
});

describe('Markdown export for a Chinese draft', () => {
  it('says what the file is, cites each speech and uses full-width colons', () => {
    const md = exportMarkdown(clips, {
      heading: '提法摘录',
      language: 'zh',
      exportedAt: Date.UTC(2026, 11, 2),
      labels: {
        source: '来源',
        note: '批注',
        tags: '标签',
        clipped: '摘录于',
        summary: '提法（Tifa）摘录导出 · {date} · 共{n}条',
      },
    });
    expect(md.split('\n').slice(0, 3)).toEqual(['# 提法摘录', '', '提法（Tifa）摘录导出 · 2026-12-02 · 共2条']);
    expect(md).toContain('省长 罗东川：《政府工作报告》，2026年1月27日，青海省人民政府网');
    expect(md).toContain(`来源：<${url}>`);
    expect(md).toContain('批注：可用于开头');
    expect(md).not.toMatch(/[\u4e00-\u9fff]: /);
  });
});
