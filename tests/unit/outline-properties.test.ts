/**
 * Property-based tests of the outline's invariants (issue 9 item 4): whatever the text, every analysis passes the
 * validation the content script applies before it paints (lib/reading/wire.ts: decodeAnalysis → outlineProblem) —
 * start < end, heading inside the item, parents before and around their children.
 *
 * Texts are generated from the numbering families the rules know, well-formed (nested lists of every family, ASCII
 * and full-width brackets) and broken (gaps, repeats, lone items, markers glued to filler), mixed with filler that
 * holds the traps (第一书记, 统一是, “一是”, dates and amounts). Fixed seed, modest runs: fast and deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAnalysis, encodeAnalysis, outlineProblem } from '../../lib/reading/wire';
import { analyze } from '../../lib/rules/analyze';
import { extractOutline } from '../../lib/rules/outline';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const SEQ = ['首先，', '其次，', '再次，', '最后，'];

/** Marker of the n-th item (1-based) of a family. */
const MARKERS: Record<string, (n: number) => string> = {
  dun: (n) => `${CN[n - 1]}、`,
  paren: (n) => `（${CN[n - 1]}）`,
  parenAscii: (n) => `(${CN[n - 1]})`,
  di: (n) => `第${CN[n - 1]}，`,
  yao: (n) => `${CN[n - 1]}要`,
  shi: (n) => `${CN[n - 1]}是`,
  arabic: (n) => `${n}.`,
  arabicDun: (n) => `${n}、`,
  arabicParen: (n) => `（${n}）`,
  seq: (n) => SEQ[Math.min(n, SEQ.length) - 1],
  tiao: (n) => `第${CN[n - 1]}条　`,
};
const FAMILIES = Object.keys(MARKERS);

const FILLER = [
  '加强党的领导',
  '提高政治站位，压实主体责任',
  '重视程度普遍提高',
  '第一书记要带头',
  '统一是前提',
  '“一是”要落实',
  '2026年增长5.5%左右',
  '20.2026年10件民生实事',
  '实施“千村头雁”培育工程',
  '主要措施是',
  '同志们',
  '进一步要求',
  '一肩挑',
  '（2025年）',
  '1.5万亿元',
];
const SEPARATORS = ['\n', '。', '：', '；', '　　', '，', '', '\n\n', '。\n', ' '];

const filler = fc.constantFrom(...FILLER);
const separator = fc.constantFrom(...SEPARATORS);
const sentence = fc
  .tuple(fc.array(filler, { minLength: 1, maxLength: 3 }), separator)
  .map(([f, s]) => f.join('，') + s);

/** Ordinals of a list: usually 1..k, sometimes broken (a gap, a repeat, a start above 1). */
const ordinals = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }).map((k) => Array.from({ length: k }, (_, i) => i + 1)) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }) },
);

/** A list of one family whose items may hold a nested list; depth-bounded. */
const { block } = fc.letrec<{ block: string; list: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    sentence,
    tie('list'),
    fc.array(tie('block'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  ),
  list: fc
    .tuple(
      fc.constantFrom(...FAMILIES),
      ordinals,
      separator,
      fc.array(fc.tuple(sentence, fc.option(tie('block'), { nil: '' })), { minLength: 6, maxLength: 6 }),
    )
    .map(([family, ns, before, bodies]) =>
      ns
        .map((n, i) => before + MARKERS[family](n) + bodies[i % bodies.length][0] + bodies[i % bodies.length][1])
        .join(''),
    ),
}));

/** Markers and filler in any order: what a crawled page with lost structure looks like. */
const soup = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...FAMILIES), fc.integer({ min: 1, max: 12 })).map(([f, n]) => MARKERS[f](n)),
      filler,
      separator,
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const PARAMS = { seed: 20260, numRuns: 250 } as const;

/** What the content script does with the background's reply; throws on any violated invariant. */
function contentScriptAccepts(text: string): void {
  decodeAnalysis(encodeAnalysis(analyze(text), text), text);
}

describe('outline invariants hold for every text (fast-check, fixed seed)', () => {
  it('the smallest known failure: an inline list item closes with its paragraph', () => {
    const text =
      '一要抓学习，提高站位。二要抓落实，压实责任。\n一是强化领导，重视程度普遍提高。二是完善制度，形成格局。';
    const outline = extractOutline(text);
    expect(outlineProblem(outline, text.length)).toBeNull();
    expect(() => contentScriptAccepts(text)).not.toThrow();
    // The 一是 list in the next paragraph is not a child of 二要, whose paragraph has ended.
    expect(outline.map((o) => [o.marker, o.parent])).toEqual([
      ['一要', null],
      ['二要', null],
      ['一是', null],
      ['二是', null],
    ]);
  });

  it('nested lists of every family, well-formed or broken', () => {
    fc.assert(
      fc.property(block, (text) => {
        expect(outlineProblem(extractOutline(text), text.length)).toBeNull();
      }),
      PARAMS,
    );
  });

  it('markers and filler in any order', () => {
    fc.assert(
      fc.property(soup, (text) => {
        expect(outlineProblem(extractOutline(text), text.length)).toBeNull();
      }),
      PARAMS,
    );
  });

  it('whole analyses survive the content script’s decoding', () => {
    fc.assert(
      fc.property(fc.tuple(block, soup, block), (parts) => {
        contentScriptAccepts(parts.join('\n'));
      }),
      { ...PARAMS, numRuns: 120 },
    );
  });

  it('the validator rejects what the content script must not paint', () => {
    const base = { family: 'dun' as const, ordinal: 1, marker: '一、', title: 't', depth: 0, parent: null };
    expect(outlineProblem([{ ...base, start: 5, headEnd: 5, end: 4 }], 10)).toMatch(/range/);
    expect(outlineProblem([{ ...base, start: 0, headEnd: 3, end: 11 }], 10)).toMatch(/range/);
    const parent = { ...base, start: 0, headEnd: 2, end: 5 };
    expect(outlineProblem([parent, { ...base, start: 3, headEnd: 4, end: 8, parent: 0, depth: 1 }], 10)).toMatch(
      /outside its parent/,
    );
    expect(outlineProblem([{ ...base, start: 3, headEnd: 4, end: 5, parent: 0, depth: 1 }], 10)).toMatch(/come before/);
    expect(outlineProblem([parent, { ...base, start: 3, headEnd: 4, end: 5, parent: 0, depth: 1 }], 10)).toBeNull();
  });
});
