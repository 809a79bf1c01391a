import { describe, expect, it } from 'vitest';
import { extractText, rangeFor } from '../../lib/extract';
import { supportsHighlightApi } from '../../lib/highlight/highlightApi';
import { MarkPainter, textNodesIn } from '../../lib/highlight/marks';
import type { HighlightCategory } from '../../lib/highlight/categories';
import { installPageStyles, pageCss } from '../../lib/highlight/stylesheet';

/** Builds a page whose text is split across inline elements, like real portal pages. */
function setup(html: string) {
  document.body.replaceChildren();
  const host = document.createElement('div');
  document.body.append(host);
  // Fixture markup is ours and static; DOMParser keeps the test free of innerHTML.
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  host.append(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return host;
}

function snapshotDom(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node, depth: number) => {
    out.push(`${depth}:${n.nodeName}:${n.nodeType === 3 ? (n as Text).data : ''}`);
    n.childNodes.forEach((c) => walk(c, depth + 1));
  };
  walk(root, 0);
  return out;
}

const all: ReadonlySet<HighlightCategory> = new Set([
  'section',
  'program',
  'formulation',
  'document',
  'meeting',
  'target',
]);

describe('environment', () => {
  it('happy-dom has no CSS Custom Highlight API, so the fallback is what runs here', () => {
    expect(supportsHighlightApi(window)).toBe(false);
  });
});

describe('textNodesIn', () => {
  it('lists each text node a range covers with the covered offsets', () => {
    const host = setup('<p>一、提高<b>思想</b>站位抓推进</p>');
    const ex = extractText(host);
    const start = ex.text.indexOf('提高');
    const range = rangeFor(ex, start, start + 6);
    expect(textNodesIn(range).map(([n, s, e]) => n.data.slice(s, e))).toEqual(['提高', '思想', '站位']);
  });
});

describe('MarkPainter (fallback without the Highlight API)', () => {
  it('wraps spans in marks without changing the text, and nests nothing', () => {
    const host = setup('<p>一、实施“千村<b>头雁</b>”培育工程，推动<i>四个全面</i>。</p><p>第二段。</p>');
    const before = host.textContent;
    const ex = extractText(host);
    const t = ex.text;
    const program = [t.indexOf('“千村'), t.indexOf('工程') + 2] as const;
    const section = [t.indexOf('一、'), t.indexOf('，')] as const;
    const formulation = [t.indexOf('四个全面'), t.indexOf('四个全面') + 4] as const;
    const painter = new MarkPainter(document);
    painter.paint(
      [
        { category: 'section', range: rangeFor(ex, ...section) },
        { category: 'program', range: rangeFor(ex, ...program) },
        { category: 'formulation', range: rangeFor(ex, ...formulation) },
      ],
      all,
    );
    expect(host.textContent).toBe(before);
    const marks = [...host.querySelectorAll('mark.tifa-mark')];
    expect(marks.length).toBeGreaterThan(3);
    expect(host.querySelectorAll('mark mark')).toHaveLength(0);
    const programText = marks
      .filter((m) => m.classList.contains('tifa-mark-program'))
      .map((m) => m.textContent)
      .join('');
    expect(programText).toBe('“千村头雁”培育工程');
    const sectionOnly = marks
      .filter((m) => m.classList.contains('tifa-mark-section'))
      .map((m) => m.textContent)
      .join('');
    // Where a program lies inside the heading, the program's colour is the one painted.
    expect(sectionOnly).toBe('一、实施');
    expect(marks.filter((m) => m.classList.contains('tifa-mark-formulation')).map((m) => m.textContent)).toEqual([
      '四个全面',
    ]);
    expect(painter.sizes()).toEqual({ section: 1, program: 1, formulation: 1 });
  });

  it('a toggle removes its marks completely and restores the original nodes; switching back re-marks', () => {
    const host = setup('<p>一、实施“千村<b>头雁</b>”培育工程，推动<i>四个全面</i>。</p>');
    const domBefore = snapshotDom(host);
    const originalNodes = [...host.querySelectorAll('p, b, i')].flatMap((e) => [...e.childNodes]);
    const ex = extractText(host);
    const t = ex.text;
    const painter = new MarkPainter(document);
    painter.paint(
      [
        { category: 'section', range: rangeFor(ex, t.indexOf('一、'), t.indexOf('，')) },
        { category: 'program', range: rangeFor(ex, t.indexOf('“千村'), t.indexOf('工程') + 2) },
        { category: 'formulation', range: rangeFor(ex, t.indexOf('四个全面'), t.indexOf('四个全面') + 4) },
      ],
      all,
    );
    painter.setVisible(new Set(['section', 'formulation']));
    expect(host.querySelectorAll('mark.tifa-mark-program')).toHaveLength(0);
    // The heading's marks now cover the program's text too (it is part of the heading).
    expect([...host.querySelectorAll('mark.tifa-mark-section')].map((m) => m.textContent).join('')).toBe(
      '一、实施“千村头雁”培育工程',
    );

    painter.setVisible(new Set());
    expect(host.querySelectorAll('mark')).toHaveLength(0);
    expect(snapshotDom(host)).toEqual(domBefore);
    // Same node objects as before: the page's own references to its text nodes stay valid.
    const nodesAfter = [...host.querySelectorAll('p, b, i')].flatMap((e) => [...e.childNodes]);
    expect(nodesAfter).toEqual(originalNodes);

    painter.setVisible(all);
    expect(host.querySelectorAll('mark.tifa-mark-program').length).toBeGreaterThan(0);
    painter.clear();
    expect(host.querySelectorAll('mark')).toHaveLength(0);
    expect(snapshotDom(host)).toEqual(domBefore);
  });

  it('maps a mark back to its item for hit testing', () => {
    const host = setup('<p>召开党的二十大。</p>');
    const ex = extractText(host);
    const painter = new MarkPainter(document);
    const s = ex.text.indexOf('党的二十大');
    painter.paint([{ category: 'meeting', range: rangeFor(ex, s, s + 5) }], all);
    const mark = host.querySelector('mark')!;
    const original = document.elementFromPoint;
    document.elementFromPoint = () => mark;
    try {
      expect(painter.itemAt(1, 1)).toBe(0);
    } finally {
      document.elementFromPoint = original;
    }
  });
});

describe('page styles', () => {
  it('declares one ::highlight rule per category and never sets a text colour for them', () => {
    const css = pageCss();
    for (const c of all) expect(css).toContain(`::highlight(tifa-${c})`);
    const categoryRules = css.split('\n').filter((l) => /::highlight\(tifa-(?!flash)/.test(l));
    for (const rule of categoryRules) expect(rule).not.toMatch(/(^|[^-])color:/);
  });

  it('installs and removes the page styles without touching the body', () => {
    const host = setup('<p>正文</p>');
    const before = document.body.innerHTML;
    const remove = installPageStyles(document);
    expect(document.body.innerHTML).toBe(before);
    remove();
    expect(document.querySelector('style[data-tifa]')).toBeNull();
    expect(host.textContent).toBe('正文');
  });
});

describe('Tifa UI host', () => {
  it('all in-page UI shares one closed shadow-root host outside <body>, removed when the last part leaves', async () => {
    const { mountInTifaUi, isTifaUiNode, existingTifaUiRoot } = await import('../../lib/reading/uiHost');
    const a = document.createElement('div');
    const b = document.createElement('div');
    const unmountA = mountInTifaUi(document, a);
    const unmountB = mountInTifaUi(document, b);
    const host = document.documentElement.lastElementChild as HTMLElement;
    expect(host.localName).toBe('div');
    expect(host.shadowRoot).toBeNull(); // closed: page scripts cannot reach in
    const root = existingTifaUiRoot(document)!;
    expect(root.contains(a) && root.contains(b)).toBe(true);
    expect(isTifaUiNode(document, host)).toBe(true);
    expect(isTifaUiNode(document, a)).toBe(true);
    expect(isTifaUiNode(document, document.body)).toBe(false);
    unmountA();
    expect(existingTifaUiRoot(document)).toBe(root);
    unmountB();
    expect(existingTifaUiRoot(document)).toBeNull();
    expect(host.isConnected).toBe(false);
  });

  it('is out of flow, and put back when the page removes it', async () => {
    const { mountInTifaUi, existingTifaUiRoot } = await import('../../lib/reading/uiHost');
    const unmount = mountInTifaUi(document, document.createElement('div'));
    const host = document.documentElement.lastElementChild as HTMLElement;
    expect(host.getAttribute('style')).toMatch(/position: fixed !important/);
    expect(host.getAttribute('style')).toMatch(/all: initial !important/);
    host.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(host.isConnected).toBe(true);
    expect(existingTifaUiRoot(document)).not.toBeNull();
    unmount();
  });

  it('cannot be pre-empted by a page defining a custom element name first', async () => {
    customElements.define(
      'tifa-ui',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' });
        }
      },
    );
    const { mountInTifaUi, existingTifaUiRoot } = await import('../../lib/reading/uiHost');
    const part = document.createElement('div');
    const unmount = mountInTifaUi(document, part);
    expect(existingTifaUiRoot(document)?.contains(part)).toBe(true);
    unmount();
  });
});
