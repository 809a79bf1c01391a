import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, decodeHtmlBytes, metaCharset, normalizeLabel } from '../../lib/html/decode';
import { prepareHtmlForParsing } from '../../lib/html/prepare';

const FIXTURES = join(__dirname, '../fixtures');
const ascii = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
/** 中华人民共和国 and 同志们： in GBK. */
const GBK_PRC = hex('d6d0bbaac8cbc3f1b9b2bacdb9fa');
const GBK_COMRADES = hex('cdacd6bec3c7a3ba');

describe('decodeHtml', () => {
  it('reads UTF-8 by default and strips a UTF-8 BOM', () => {
    expect(decodeHtmlBytes(ascii('<p>同志们：</p>'))).toBe('<p>同志们：</p>');
    const withBom = decodeHtml(concat(hex('efbbbf'), ascii('<p>讲话</p>')));
    expect(withBom).toMatchObject({ text: '<p>讲话</p>', encoding: 'utf-8', source: 'bom' });
  });

  it('honours a UTF-16 BOM', () => {
    const le = concat(hex('fffe'), hex('3c0070003e00b28bdd8b'));
    expect(decodeHtml(le)).toMatchObject({ text: '<p>讲话', encoding: 'utf-16le', source: 'bom' });
  });

  it('decodes GBK bytes declared by <meta http-equiv content=...charset=gb2312>', () => {
    const page = concat(
      ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'),
      GBK_PRC,
      ascii('</body></html>'),
    );
    expect(decodeHtml(page)).toMatchObject({ encoding: 'gb18030', source: 'meta', declared: 'gb18030' });
    expect(decodeHtmlBytes(page)).toContain('<body>中华人民共和国</body>');
  });

  it('decodes GBK bytes declared by <meta charset=GBK> and by the Content-Type header', () => {
    const meta = concat(ascii("<meta charset='GBK'>"), GBK_COMRADES);
    expect(decodeHtmlBytes(meta)).toBe("<meta charset='GBK'>同志们：");
    const bare = concat(ascii('<p>'), GBK_COMRADES);
    expect(decodeHtml(bare, 'gb2312')).toMatchObject({ text: '<p>同志们：', source: 'content-type' });
  });

  it('sniffs undeclared GBK bytes as GB18030', () => {
    expect(decodeHtml(concat(ascii('<p>'), GBK_PRC))).toMatchObject({
      text: '<p>中华人民共和国',
      source: 'gb18030-sniff',
    });
  });

  it('reads valid UTF-8 as UTF-8 even when the page claims gb2312 (re-saved pages)', () => {
    const page = ascii('<meta charset="gb2312"><p>同志们：</p>');
    expect(decodeHtml(page)).toMatchObject({
      text: '<meta charset="gb2312"><p>同志们：</p>',
      source: 'utf8-sniff',
      declared: 'gb18030',
    });
  });

  it('ignores a charset beyond the first 1024 bytes or inside a comment', () => {
    expect(metaCharset(ascii(' '.repeat(1100) + '<meta charset="gbk">'))).toBeNull();
    expect(metaCharset(ascii('<!-- <meta charset="gbk"> --><meta charset="utf-8">'))).toBe('utf-8');
    expect(metaCharset(ascii('<meta name="description" content="charset=gbk">'))).toBeNull();
  });

  it('normalises labels', () => {
    expect(normalizeLabel('GB2312')).toBe('gb18030');
    expect(normalizeLabel(' "gbk" ')).toBe('gb18030');
    expect(normalizeLabel('UTF-8')).toBe('utf-8');
    expect(normalizeLabel('utf-16')).toBe('utf-8');
    expect(normalizeLabel('big5')).toBe('big5');
    expect(normalizeLabel('no-such-charset')).toBeNull();
  });

  it('decodes the corpus pages that declare gb2312 to readable Chinese', () => {
    const expected: Record<string, string> = {
      'gne__people_1.html': '女儿出嫁，郑板桥画了几笔兰花当嫁妆',
      'gne__qq_2.html': '数据业大整顿：爬虫与现金贷共生共荣',
      'gne__163_9.html': '京沪高速无锡至江阴大桥至广陵枢纽段封闭',
      'gerapy__rtfund_xxpl.html': '信息披露_融通基金管理有限公司',
    };
    for (const [file, title] of Object.entries(expected)) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'corpus/html', file)));
      expect(metaCharset(bytes)).toBe('gb18030');
      const text = decodeHtmlBytes(bytes);
      expect(text).toContain(title);
      expect(text).not.toContain('\uFFFD');
    }
  });

  it('decodes a page served in real GBK bytes to the same text as its UTF-8 copy', () => {
    const gbk = new Uint8Array(readFileSync(join(FIXTURES, 'extract/people_1.gbk.html')));
    const utf8 = new Uint8Array(readFileSync(join(FIXTURES, 'corpus/html/gne__people_1.html')));
    const decoded = decodeHtml(gbk);
    expect(decoded).toMatchObject({ encoding: 'gb18030', source: 'meta' });
    expect(decoded.text).toContain('女儿出嫁，郑板桥画了几笔兰花当嫁妆');
    expect(decoded.text.length).toBeGreaterThan(10000);
    // Same document up to characters GBK cannot encode (written as &#NNNN; references in the fixture).
    const withoutRefs = decoded.text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    expect(withoutRefs).toBe(decodeHtmlBytes(utf8));
  });
});

describe('prepareHtmlForParsing', () => {
  it('removes comments, including ones that comment out end tags, so happy-dom keeps the rest', () => {
    const html = '<p>前</p><!--div class="x"><img src="y"></div--><p>后</p><!----><!--><p>尾</p>';
    expect(prepareHtmlForParsing(html)).toBe('<p>前</p><p>后</p><p>尾</p>');
    const doc = new DOMParser().parseFromString(prepareHtmlForParsing(html), 'text/html');
    expect(doc.body.textContent).toBe('前后尾');
  });

  it('drops scripts, styles, inline SVG, iframes and link tags, but leaves raw text elements that show text', () => {
    const html =
      '<head><title>a <!-- b --></title><link rel="stylesheet" href="x.css"><style>p{}</style></head>' +
      '<script>if (a <!-- b) {}</script><svg><style>.a{}</style><text>图</text></svg>' +
      '<iframe src="x"></iframe><textarea><!-- kept --></textarea><p>正文</p>';
    expect(prepareHtmlForParsing(html)).toBe(
      '<head><title>a <!-- b --></title></head><textarea><!-- kept --></textarea><p>正文</p>',
    );
  });

  it('leaves an unterminated comment to swallow the rest, as a browser would', () => {
    expect(prepareHtmlForParsing('<p>a</p><!-- open <p>b</p>')).toBe('<p>a</p>');
  });
});
