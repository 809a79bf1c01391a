import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, findMainContent, offsetsOf, rangeFor } from '../../lib/extract/index';
import type { ExtractedText } from '../../lib/extract/types';
import { decodeHtmlBytes } from '../../lib/html/decode';
import { loadPage } from './extract.helpers';
import { seededRandom } from '../helpers/seeded-random';
import { useFastTreeOrder } from './helpers/tree-order';

const HTML_DIR = join(__dirname, '../fixtures/corpus/html');
const PAGES = readdirSync(HTML_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();

// loadPage puts the page into happy-dom's one document. Both extraction modes of a file run one after the other
// and read the same page (extraction never changes it), so a file is parsed once for both: parsing a large
// portal page is most of a case's time under happy-dom.
let loaded: string | undefined;
function load(file: string): Document {
  if (loaded !== file) {
    loadPage(decodeHtmlBytes(new Uint8Array(readFileSync(join(HTML_DIR, file)))));
    loaded = file;
  }
  return document;
}

// rangeFor and offsetsOf compare boundary points; happy-dom answers each comparison by walking the document from
// one node to its end (thousands of nodes on a portal page). The replacement compares ancestor chains, as a
// browser does, with the same answers (tests/unit/tree-order.test.ts); the cases now take under half their time.
let restoreTreeOrder: () => void;
beforeAll(() => {
  restoreTreeOrder = useFastTreeOrder();
});
afterAll(() => restoreTreeOrder());

const stripWs = (s: string) => s.replace(/[ \t\n\r\f]/g, '');

/**
 * The text of a range restricted to the text nodes the extraction used (so skipped content does not count),
 * found by walking the document from the range's start to its end. Ranges that do not start and end in text
 * nodes are reported as such, so that the comparison below fails on them.
 */
function extractedTextInRange(ex: ExtractedText, range: Range): string {
  const used = new Set<Node>(ex.segments.map((s) => s.node));
  if (range.collapsed) return '';
  if (range.startContainer.nodeType !== 3 || range.endContainer.nodeType !== 3) return '<range ends outside text>';
  const doc = range.startContainer.ownerDocument as Document;
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  walker.currentNode = range.startContainer;
  let out = '';
  for (let n: Node | null = range.startContainer; n !== null; n = walker.nextNode()) {
    const node = n as Text;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (used.has(node)) out += node.data.slice(from, to);
    if (node === range.endContainer) break;
  }
  return out;
}

/** Where offsets on inserted line breaks are expected to land (see rangeFor's contract). */
function snapped(covered: Uint8Array, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s < covered.length && !covered[s]) s++;
  let e = end;
  while (e > 0 && !covered[e - 1]) e--;
  return { start: s, end: Math.max(s, e) };
}

const tabsToSpaces = (s: string) => s.replace(/[\t\n\r\f]/g, ' ');

// Each case gathers what it checks into arrays and compares them once: one failure shows every mismatch.
// Each case samples 30 spans of each kind (happy-dom's Range.toString still walks the whole document, so the
// texts below are read from the nodes instead) and has a generous timeout.
const SAMPLES = 30;
describe('extraction round trips on real corpus pages', { timeout: 60_000 }, () => {
  const cases = PAGES.flatMap((file) => [false, true].map((mainContent) => ({ file, mainContent })));

  it.each(cases)(
    '$file (mainContent $mainContent): segments are linear and rangeFor/offsetsOf are inverse',
    ({ file, mainContent }) => {
      const ex = extractText(load(file), { mainContent });
      expect(ex.text.length).toBeGreaterThan(0);

      const covered = new Uint8Array(ex.text.length);
      for (const seg of ex.segments) covered.fill(1, seg.start, seg.end);
      const segmentTexts = ex.segments.map((seg) =>
        tabsToSpaces(seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + (seg.end - seg.start))),
      );
      expect(segmentTexts).toEqual(ex.segments.map((seg) => ex.text.slice(seg.start, seg.end)));
      // Text no segment covers is only the line breaks the extraction inserts.
      const uncovered = [...ex.text].filter((_, i) => !covered[i]);
      expect(uncovered.join('')).toBe('\n'.repeat(uncovered.length));

      const rnd = seededRandom(file.length * 7919 + (mainContent ? 1 : 0));
      const spans = Array.from({ length: SAMPLES }, () => {
        const start = Math.floor(rnd() * (ex.text.length + 1));
        return { start, end: Math.min(ex.text.length, start + Math.floor(rnd() * 400)) };
      });
      const ranges = spans.map(({ start, end }) => rangeFor(ex, start, end));
      expect(ranges.map((range) => offsetsOf(ex, range))).toEqual(
        spans.map(({ start, end }) => snapped(covered, start, end)),
      );
      expect(ranges.map((range) => stripWs(extractedTextInRange(ex, range)))).toEqual(
        spans.map(({ start, end }) => stripWs(ex.text.slice(start, end))),
      );

      // Spans inside one segment come back character for character.
      const inSegment =
        ex.segments.length === 0
          ? []
          : Array.from({ length: SAMPLES }, () => {
              const seg = ex.segments[Math.floor(rnd() * ex.segments.length)];
              const start = seg.start + Math.floor(rnd() * (seg.end - seg.start));
              return { start, end: start + 1 + Math.floor(rnd() * (seg.end - start)) };
            });
      // Such a range starts and ends in the segment's own text node, so its text is that node's data between its
      // offsets (happy-dom's Range.toString would walk the whole document for each).
      const textInOneNode = (range: Range) =>
        range.startContainer === range.endContainer && range.startContainer.nodeType === 3
          ? (range.startContainer as Text).data.slice(range.startOffset, range.endOffset)
          : '<range spans several nodes>';
      expect(inSegment.map(({ start, end }) => tabsToSpaces(textInOneNode(rangeFor(ex, start, end))))).toEqual(
        inSegment.map(({ start, end }) => ex.text.slice(start, end)),
      );
    },
  );
});

describe('main content on real pages', () => {
  // Each case: a sentence of the article, which must be in the main text, and site chrome, which must not.
  const cases: { file: string; article: string[]; chrome: string[] }[] = [
    {
      file: 'gne__thepaper_3.html',
      article: ['新年伊始，习近平的重要文章谈了啥？', '【编前语】2020年1月1日出版的《求是》杂志'],
      chrome: ['澎湃新闻APP下载', '沪ICP备14003370号', '热门推荐'],
    },
    {
      file: 'gne__shanxi_1.html',
      article: ['山西品牌丝路行（南美站）正式启动'],
      chrome: ['山西省人民政府网站', '晋ICP备12000773号', '热门搜索'],
    },
    {
      file: 'gerapy__china_news1.html',
      article: ['坚定实施扩大内需战略', '编者按：突如其来的新冠肺炎疫情'],
      chrome: ['京ICP证040655号', '还没有评论，快来抢沙发吧！', '热点视频'],
    },
    {
      file: 'gne__qq_2.html',
      article: ['数据业大整顿：爬虫与现金贷共生共荣', '一位接近监管的人士'],
      chrome: ['热门搜索', '为你推荐', 'QQ空间'],
    },
    {
      file: 'gne__stcn_1.html',
      article: ['午间公告：天奇股份中标广汽丰田项目', '证券时报e公司讯，当升科技'],
      chrome: ['扫描上方二维码关注微信公众号'],
    },
  ];

  it.each(cases)('$file: the article, not the chrome', ({ file, article, chrome }) => {
    const doc = load(file);
    const main = findMainContent(doc);
    expect(main).not.toBe(doc.body);
    const text = extractText(doc, { mainContent: true }).text;
    for (const s of article) expect(text).toContain(s);
    for (const s of chrome) expect(text).not.toContain(s);
  });

  it('falls back to the body on a list page with no prose', () => {
    const doc = load('gerapy__rtfund_xxpl.html');
    expect(findMainContent(doc)).toBe(doc.body);
  });
});
