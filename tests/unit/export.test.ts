import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../lib/export/markdown';
import { exportCsv, CSV_BOM, CSV_COLUMNS } from '../../lib/export/csv';
import { exportBackup, BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/export/backup';
import { exportW3c, ANNO_CONTEXT, TIFA_NS } from '../../lib/export/w3c';
import { exportClips, EXPORT_FORMATS } from '../../lib/export';
import { makeClip } from '../fixtures/reviewing/clips';

const url = 'https://www.gov.cn/zhengce/2024-03/05/content_1.htm';
const sectionOne = { marker: '一、', title: '过去一年工作回顾' };
const sectionTwo = { marker: '二、', title: '2024年政府工作任务' };
const sub = { marker: '（一）', title: '大力推进现代化产业体系建设' };

const clips = [
  makeClip({
    url,
    speechTitle: '政府工作报告',
    speechDate: '2024-03-05',
    outlinePath: [sectionTwo, sub],
    text: '推动产业链供应链优化升级。\n\n# 不是标题',
    note: '重点',
    tags: ['产业', '2024'],
    selectors: undefined,
  }),
  makeClip({ url, speechTitle: '政府工作报告', outlinePath: [sectionOne], text: '经济总体回升向好。' }),
  makeClip({
    url,
    speechTitle: '政府工作报告',
    outlinePath: [sectionTwo, sub],
    text: '加快发展新质生产力。',
    color: 'green',
  }),
  makeClip({ url: 'javascript:alert(1)' as string, site: 'x', title: '恶意页面', text: '<b>不是HTML</b>' }),
];
// Two astral characters (𠮷, 😀) earlier on the page: the code-point span starts two earlier than the UTF-16 one.
clips[0].selectors[1] = { type: 'TextPositionSelector', start: 500, end: 530, codePoints: { start: 498, end: 528 } };
clips[1].selectors[1] = { type: 'TextPositionSelector', start: 10, end: 19 };
clips[2].selectors[1] = { type: 'TextPositionSelector', start: 600, end: 610 };

describe('Markdown export', () => {
  const md = exportMarkdown(clips, { heading: '摘录' });

  it('groups by speech with source link and date, and uses the outline path as headings in reading order', () => {
    expect(md.startsWith('# 摘录\n')).toBe(true);
    expect(md).toContain('## 政府工作报告');
    expect(md).toContain('"政府工作报告", 2024-03-05, 中国政府网');
    expect(md).toContain(`Source: <${url}>`);
    const order = [
      '### 一、过去一年工作回顾',
      '经济总体回升向好',
      '### 二、2024年政府工作任务',
      '#### （一）大力推进现代化产业体系建设',
      '推动产业链',
      '加快发展新质生产力',
    ];
    const positions = order.map((s) => md.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The shared section heading appears once for its two clips.
    expect(md.split('#### （一）大力推进').length - 1).toBe(1);
  });

  it('quotes clip text line by line and neutralises Markdown syntax inside it', () => {
    expect(md).toContain('> 推动产业链供应链优化升级。\n>\n> \\# 不是标题');
    expect(md).toContain('Note: 重点');
    expect(md).toContain('Tags: `产业` `2024`');
  });

  it('renders hostile clip text, titles and notes as the characters written: no HTML, links, images or comments', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '![i](http://evil.example/t.png)',
      '<!-- hides the rest',
      '<a href="javascript:alert(1)">a</a> &lt;b&gt; *em* _u_ `c` ~~s~~ | t |',
    ].join('\n');
    const evil = makeClip({
      text: `正文${hostile}`,
      title: hostile,
      speechTitle: hostile,
      note: hostile,
      outlinePath: [{ marker: '一、', title: hostile }],
    });
    const html = new HtmlRenderer().render(new Parser().parse(exportMarkdown([evil], { heading: '摘录' })));
    // The one link is the page's own http(s) source line.
    expect(html.match(/<a\b[^>]*>/g)).toEqual([`<a href="${evil.url}">`]);
    expect(html).not.toMatch(/<(img|em|strong|code|del|table|script)\b/);
    expect(html).not.toContain('<!--');
    // What the reader sees is what was written.
    const shown = html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    for (const line of hostile.split('\n')) expect(shown).toContain(line);
  });

  it('never turns a non-http(s) source into a link', () => {
    expect(md).not.toContain('<javascript:');
    expect(md).toContain('Source: `javascript:alert(1)`');
  });
});

describe('CSV export', () => {
  const csv = exportCsv(clips);

  it('starts with a UTF-8 BOM, has a header and one CRLF row per clip', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(clips.length + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes fields so commas, quotes and newlines survive', () => {
    const tricky = makeClip({ text: '他说："好，很好"\n第二行', note: '=1+1' });
    const rows = parseCsv(exportCsv([tricky]).slice(1));
    const col = (name: string) => rows[1][CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number])];
    expect(col('text')).toBe('他说："好，很好"\n第二行');
    // A cell a spreadsheet would evaluate is defused.
    expect(col('note')).toBe("'=1+1");
    expect(col('id')).toBe(tricky.id);
  });

  it('joins the outline path and tags readably', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[1][CSV_COLUMNS.indexOf('outline_path')]).toBe(
      '二、2024年政府工作任务 › （一）大力推进现代化产业体系建设',
    );
    expect(rows[1][CSV_COLUMNS.indexOf('tags')]).toBe('产业; 2024');
  });
});

describe('JSON backup', () => {
  it('is versioned and carries every clip field unchanged', () => {
    const backup = JSON.parse(exportBackup(clips, Date.UTC(2024, 5, 1)));
    expect(backup.format).toBe(BACKUP_FORMAT);
    // Version 1 unless the library holds a clip not yet placed (tests/unit/place-unplaced.test.ts).
    expect(backup.version).toBe(1);
    expect(BACKUP_VERSION).toBe(2);
    expect(backup.exported).toBe('2024-06-01T00:00:00.000Z');
    expect(backup.count).toBe(clips.length);
    expect(backup.clips).toEqual(JSON.parse(JSON.stringify(clips)));
  });
});

describe('W3C Web Annotation export', () => {
  const collection = JSON.parse(
    exportW3c(clips.slice(0, 3), { exportedAt: 0, collectionId: 'urn:uuid:11111111-1111-4111-8111-111111111111' }),
  );

  it('is an AnnotationCollection with an embedded first page of Annotations', () => {
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(/^urn:uuid:/);
    expect(collection.total).toBe(3);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items).toHaveLength(3);
  });

  it('gives each annotation the required fields, both selectors, and note/tags bodies', () => {
    const [item] = collection.first.items;
    // The model's context first (required), then ours for the extension property.
    expect(item['@context'][0]).toBe(ANNO_CONTEXT);
    expect(item['@context'][1].tifa).toBe(TIFA_NS);
    expect(item.type).toBe('Annotation');
    expect(item.id).toBe(`urn:uuid:${clips[0].id}`);
    expect(item.target.source).toBe(url);
    expect(item.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: clips[0].selectors[0].exact, prefix: '前文', suffix: '后文' },
      { type: 'TextPositionSelector', start: 498, end: 528 },
    ]);
    expect(item.body).toEqual([
      { type: 'TextualBody', value: '重点', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: '产业', purpose: 'tagging' },
      { type: 'TextualBody', value: '2024', purpose: 'tagging' },
    ]);
    expect(item.motivation).toBe('commenting');
    expect(collection.first.items[1].body).toBeUndefined();
    expect(collection.first.items[2].target.styleClass).toBe('tifa-green');
    expect(collection.first.items[2].stylesheet.value).toContain('.tifa-green');
  });

  it('carries what the model has no property for in a namespaced tifa:clip extension', () => {
    const [item] = collection.first.items;
    expect(item['tifa:clip']).toEqual({
      version: 1,
      title: clips[0].title,
      site: 'www.gov.cn',
      speechTitle: '政府工作报告',
      speechDate: '2024-03-05',
      outlinePath: [sectionTwo, sub],
      mentions: [],
      utf16Position: { start: 500, end: 530 },
    });
    // Optional fields the clip lacks are absent, not null.
    expect('speechDate' in collection.first.items[1]['tifa:clip']).toBe(false);
  });
});

describe('exportClips', () => {
  it('names files by format and date', () => {
    const now = Date.UTC(2024, 2, 5, 12);
    const names = EXPORT_FORMATS.map((f) => exportClips(f, clips, { now }).filename);
    expect(names).toEqual([
      'tifa-2024-03-05.md',
      'tifa-2024-03-05.csv',
      'tifa-2024-03-05.backup.json',
      'tifa-2024-03-05.annotations.jsonld',
    ]);
  });
});

/** A strict RFC 4180 reader, to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const row: string[] = [];
    for (;;) {
      if (text[i] !== '"') throw new Error(`unquoted field at ${i}`);
      let value = '';
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      row.push(value);
      if (text[i] === ',') i++;
      else if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
    rows.push(row);
  }
  return rows;
}
