import { describe, expect, it } from 'vitest';
import { boundsFor, boundsForAll, extractText, offsetsOf, rangeFor } from '../../lib/extract/index';
import type { ExtractedText } from '../../lib/extract/types';
import { loadPage } from './extract.helpers';

function parse(html: string): Document {
  return loadPage(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
}

/** Extraction-only checks parse without any preparation, so skipped elements really reach the walker. */
function textOf(html: string, opts?: Parameters<typeof extractText>[1]): string {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  return extractText(doc, opts).text;
}

/** Every segment maps linearly: same length, same characters except whitespace shown as ' '. */
function expectLinearSegments(ex: ExtractedText): void {
  let previousEnd = 0;
  for (const seg of ex.segments) {
    expect(seg.end).toBeGreaterThan(seg.start);
    expect(seg.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = seg.end;
    const source = seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + (seg.end - seg.start));
    expect(source.replace(/[\t\n\r\f]/g, ' ')).toBe(ex.text.slice(seg.start, seg.end));
  }
  // Characters between segments are inserted line breaks only.
  let covered = 0;
  for (const seg of ex.segments) {
    expect(ex.text.slice(covered, seg.start)).toMatch(/^\n*$/);
    covered = seg.end;
  }
  expect(ex.text.slice(covered)).toBe('');
}

describe('extractText: blocks and lines', () => {
  it('puts block boundaries on their own line and collapses repeated ones', () => {
    expect(textOf('<div>一、总体要求</div><p>第一段。</p><h2>二、主要任务</h2><ul><li>甲</li><li>乙</li></ul>')).toBe(
      '一、总体要求\n第一段。\n二、主要任务\n甲\n乙',
    );
    expect(textOf('<div><div><p>a</p></div></div><div></div><section><article><p>b</p></article></section>')).toBe(
      'a\nb',
    );
  });

  it('joins text split across inline elements without spurious breaks or spaces', () => {
    const ex = extractText(
      parse(
        '<p>习近平<b>总书记</b><span>强调</span><font color="red">，</font>要<a href="#">坚持</a><em>“两个</em>确立”。</p>',
      ),
    );
    expect(ex.text).toBe('习近平总书记强调，要坚持“两个确立”。');
    expect(ex.segments.length).toBe(8);
    expectLinearSegments(ex);
  });

  it('treats <br> as a line break, collapsing <br><br>', () => {
    expect(textOf('<p>一是抓学习。<br>二是抓落实。<br><br>三是抓作风。</p><p><br>四是</p>')).toBe(
      '一是抓学习。\n二是抓落实。\n三是抓作风。\n四是',
    );
  });

  it('puts table cells and rows on separate lines', () => {
    expect(textOf('<table><tr><td>指标</td><td>目标</td></tr><tr><th>增长</th><td>5%</td></tr></table>')).toBe(
      '指标\n目标\n增长\n5%',
    );
  });
});

describe('extractText: whitespace', () => {
  it('collapses ASCII whitespace runs to one space and drops spaces at line starts and ends', () => {
    const ex = extractText(parse('<p>\n   Hello \t\n  world  </p>  <p>  <span> a </span> <b> b </b>  </p>'));
    expect(ex.text).toBe('Hello world\na b');
    expectLinearSegments(ex);
  });

  it('keeps full-width spaces and no-break spaces as written', () => {
    const ex = extractText(parse('<p>　　同志们：</p><p>a&nbsp;&nbsp;b　 c</p>'));
    expect(ex.text).toBe('　　同志们：\na\u00a0\u00a0b　 c');
    expectLinearSegments(ex);
  });

  it('keeps whitespace inside <pre>', () => {
    expect(textOf('<p>x</p><pre>一、  甲\n   二、乙</pre><p>y</p>')).toBe('x\n一、  甲\n   二、乙\ny');
  });

  it('splits segments where collapsing removes characters, so each stays linear', () => {
    const ex = extractText(parse('<p>一  二\n\n三    四 五</p>'));
    expect(ex.text).toBe('一 二 三 四 五');
    expectLinearSegments(ex);
    // The single space between 四 and 五 needs no split: 四 五 is one piece of the node.
    expect(ex.segments.some((s) => ex.text.slice(s.start, s.end).endsWith('四 五'))).toBe(true);
  });
});

describe('extractText: what is skipped', () => {
  it('skips scripts, styles, templates, form fields, embedded content and editable regions', () => {
    const text = textOf(
      '<p>正文</p><script>var a = "脚本";</script><style>.x{}</style><noscript>请启用</noscript>' +
        '<template><p>模板</p></template><svg><text>图形</text></svg><canvas>画布</canvas><iframe>框架</iframe>' +
        '<object>对象</object><input value="输入"><textarea>文本框</textarea><select><option>选项</option></select>' +
        '<button>按钮</button><div contenteditable="true">编辑区</div><div contenteditable="false">只读区</div><p>结尾</p>',
    );
    expect(text).toBe('正文\n只读区\n结尾');
  });

  it('skips elements hidden by markup', () => {
    const text = textOf(
      '<p>甲</p><p hidden>隐藏</p><p aria-hidden="true">读屏隐藏</p><p aria-hidden="false">乙</p>' +
        '<div style="color:red; display: none">不显示</div><span style="visibility:hidden">不可见</span>' +
        '<div style="display:block">丙</div>',
    );
    expect(text).toBe('甲\n乙\n丙');
  });

  it('shows only the summary of a closed <details>', () => {
    expect(
      textOf(
        '<details><summary>摘要</summary>详情<p>段落</p></details><details open><summary>甲</summary>乙</details>',
      ),
    ).toBe('摘要\n甲\n乙');
  });

  it('asks the isHidden callback once per element and skips what it hides', () => {
    const doc = parse('<div class="a"><p class="hide">不要</p><p>要<span class="hide">不</span>的</p></div>');
    const asked: Element[] = [];
    const ex = extractText(doc, {
      isHidden: (el) => {
        asked.push(el);
        return el.classList.contains('hide');
      },
    });
    expect(ex.text).toBe('要的');
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.map((el) => el.localName)).toEqual(['div', 'p', 'p', 'span']);
  });
});

describe('extractText: navigation chrome', () => {
  const page =
    '<header><a href="/">首页</a> 网站名</header>' +
    '<nav><a href="/a">要闻</a><a href="/b">政务</a></nav>' +
    '<div role="navigation"><a href="/c">导航</a></div>' +
    '<main><article><header><h1>在全市工作会议上的讲话</h1></header><p>同志们：今天召开会议。</p>' +
    '<ul class="related"><li><a href="/1">相关新闻一</a></li><li><a href="/2">相关新闻二</a></li><li><a href="/3">相关新闻三</a></li></ul>' +
    '<p>一是要<a href="/x">学习</a>文件精神。二是要抓好落实。</p></article>' +
    '<aside>侧栏</aside></main><footer>版权所有</footer>';

  it('skips nav, page header/footer, aside, navigation roles and link-dense blocks, keeping an article header', () => {
    expect(textOf(page)).toBe('在全市工作会议上的讲话\n同志们：今天召开会议。\n一是要学习文件精神。二是要抓好落实。');
  });

  it('keeps everything with skipChrome: false', () => {
    const text = textOf(page, { skipChrome: false });
    for (const s of ['首页', '要闻', '导航', '相关新闻二', '侧栏', '版权所有']) expect(text).toContain(s);
  });

  it('keeps a block with links when it reads as prose', () => {
    const text = textOf(
      '<div><a href="/1">党的二十大</a>报告指出，<a href="/2">全面建设</a>社会主义现代化国家。<a href="/3">高质量发展</a>是首要任务。要坚持稳中求进。</div>',
    );
    expect(text).toContain('党的二十大报告指出');
  });

  it('drops a link-dense block without breaking the surrounding text map', () => {
    const ex = extractText(
      parse('<p>前文</p><div><a href="/1">一</a> | <a href="/2">二</a> | <a href="/3">三</a></div><p>后文</p>'),
    );
    expect(ex.text).toBe('前文\n后文');
    expectLinearSegments(ex);
  });
});

describe('extractText: robustness', () => {
  it('survives very deep nesting without recursion limits', () => {
    const doc = parse('');
    let parent: Element = doc.body;
    for (let i = 0; i < 5000; i++) {
      const child = doc.createElement(i % 2 ? 'span' : 'div');
      parent.appendChild(child);
      parent = child;
    }
    parent.appendChild(doc.createTextNode('深处'));
    doc.body.appendChild(doc.createTextNode('外面'));
    expect(extractText(doc).text).toBe('深处\n外面');
  });

  it('can start from an element instead of the document', () => {
    const doc = parse('<p>外</p><div id="x"><p>里一</p><p>里二</p></div>');
    const ex = extractText(doc.getElementById('x') as Element);
    expect(ex.text).toBe('里一\n里二');
    expect(ex.root).toBe(doc.getElementById('x'));
  });

  it('returns empty text for an empty body', () => {
    const ex = extractText(parse(''));
    expect(ex.text).toBe('');
    expect(ex.segments).toEqual([]);
  });
});

describe('rangeFor and offsetsOf', () => {
  const html = '<div><p>一、总体<b>要求</b></p>\n  <p hidden>隐藏</p><p>  二是要  <i>抓</i>落实。</p></div>';

  it('maps a span inside one text node and back', () => {
    const ex = extractText(parse(html));
    expect(ex.text).toBe('一、总体要求\n二是要 抓落实。');
    const range = rangeFor(ex, 2, 4);
    expect(range.toString()).toBe('总体');
    expect(offsetsOf(ex, range)).toEqual({ start: 2, end: 4 });
  });

  it('spans inline elements and line breaks', () => {
    const ex = extractText(parse(html));
    const start = ex.text.indexOf('总体');
    const end = ex.text.indexOf('落实') + 2;
    const range = rangeFor(ex, start, end);
    expect(range.startContainer.textContent).toBe('一、总体');
    expect(range.endContainer.textContent).toBe('落实。');
    expect(offsetsOf(ex, range)).toEqual({ start, end });
  });

  it('snaps offsets on inserted line breaks to neighbouring text', () => {
    const ex = extractText(parse(html));
    const nl = ex.text.indexOf('\n');
    // Starting on the line break: starts at the next line's text.
    const r1 = rangeFor(ex, nl, nl + 3);
    expect(r1.toString()).toBe('二是');
    expect(offsetsOf(ex, r1)).toEqual({ start: nl + 1, end: nl + 3 });
    // Ending just after the line break: ends at the previous line's text.
    const r2 = rangeFor(ex, nl - 2, nl + 1);
    expect(r2.toString()).toBe('要求');
    // Only the line break: collapsed where the next text begins.
    const r3 = rangeFor(ex, nl, nl + 1);
    expect(r3.collapsed).toBe(true);
    expect(offsetsOf(ex, r3)).toEqual({ start: nl + 1, end: nl + 1 });
  });

  it('maps element-boundary ranges and ranges into skipped content to the nearest extracted text', () => {
    const doc = parse(html);
    const ex = extractText(doc);
    const paragraphs = doc.querySelectorAll('p');
    const whole = doc.createRange();
    whole.selectNodeContents(paragraphs[2]);
    expect(offsetsOf(ex, whole)).toEqual({ start: ex.text.indexOf('二是'), end: ex.text.length });
    const hidden = doc.createRange();
    hidden.selectNodeContents(paragraphs[1]);
    const at = ex.text.indexOf('二是');
    expect(offsetsOf(ex, hidden)).toEqual({ start: at, end: at });
    // A range from inside the hidden paragraph to inside the last one.
    const mixed = doc.createRange();
    mixed.setStart(paragraphs[1].firstChild as Text, 1);
    mixed.setEnd(paragraphs[2].lastChild as Text, 1);
    expect(offsetsOf(ex, mixed)).toEqual({ start: at, end: ex.text.indexOf('落') + 1 });
  });

  it('accepts a StaticRange (any object with the four boundary fields)', () => {
    const doc = parse(html);
    const ex = extractText(doc);
    const node = doc.querySelector('b')?.firstChild as Text;
    // happy-dom has no StaticRange constructor; this object has exactly StaticRange's shape.
    const stat = { startContainer: node, startOffset: 0, endContainer: node, endOffset: 2, collapsed: false };
    expect(offsetsOf(ex, stat)).toEqual({ start: 4, end: 6 });
  });

  it('places many spans at once exactly as one at a time, sorted or not', () => {
    const ex = extractText(parse(`${html}<p>三、<b></b>再<i>部署</i></p>`));
    const spans: { start: number; end: number }[] = [];
    for (let start = 0; start <= ex.text.length; start++)
      for (let end = start; end <= ex.text.length; end++) spans.push({ start, end });
    const one = spans.map((s) => boundsFor(ex, s.start, s.end));
    expect(boundsForAll(ex, spans)).toEqual(one);
    expect(boundsForAll(ex, [...spans].reverse())).toEqual([...one].reverse());
    expect(() => boundsForAll(ex, [{ start: 0, end: ex.text.length + 1 }])).toThrow(RangeError);
  });

  it('throws for offsets outside the text and ranges outside the root', () => {
    const doc = parse('<p>外面</p><div id="x"><p>里面</p></div>');
    const ex = extractText(doc.getElementById('x') as Element);
    expect(() => rangeFor(ex, 0, 99)).toThrow(RangeError);
    expect(() => rangeFor(ex, 2, 1)).toThrow(RangeError);
    const outside = doc.createRange();
    outside.selectNodeContents(doc.querySelector('p') as Element);
    expect(() => offsetsOf(ex, outside)).toThrow(/outside/);
  });
});
