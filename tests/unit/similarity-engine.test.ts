/**
 * The similar-texts engine piece by piece (issue 12): folding, segmentation, fingerprints, the inverted index,
 * alignment, labels, paragraph matching and the Markdown of a comparison — examples and counter-examples.
 */
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../lib/compare/compare';
import { comparisonMarkdown } from '../../lib/compare/markdown';
import { longestIncreasing, matchParagraphs } from '../../lib/compare/match-paragraphs';
import { mentionChanges } from '../../lib/compare/mentions';
import { coverBound, diffText, overlap } from '../../lib/similarity/align';
import { compactOnly, compactText } from '../../lib/similarity/fingerprint';
import { labelOverlap } from '../../lib/similarity/labels';
import { ParagraphIndex, paragraphHashes } from '../../lib/similarity/paragraph-index';
import { splitParagraphs, splitSentences } from '../../lib/similarity/paragraphs';
import { findReuse } from '../../lib/similarity/reuse';
import { findMentions } from '../../lib/rules';

const A =
  '坚持以人民为中心的发展思想，扎实推进共同富裕，着力解决好人民群众急难愁盼问题，让改革发展成果更多更公平惠及全体人民。';
const B =
  '深入实施创新驱动发展战略，加快建设科技强省，推动科技创新和产业创新深度融合，培育壮大战略性新兴产业和未来产业。';
const C =
  '全面推进乡村振兴，学习运用“千万工程”经验，因地制宜发展乡村特色产业，持续巩固拓展脱贫攻坚成果，守牢不发生规模性返贫致贫底线。';

describe('segmentation', () => {
  it('splits lines into paragraphs with offsets, drops chrome lines, and cuts run-on lines at sentence ends', () => {
    const text = `下载\n  ${A}\n\n${B}\n`;
    const paragraphs = splitParagraphs(text, { minChars: 10 });
    expect(paragraphs.map((p) => p.text)).toEqual([A, B]);
    expect(text.slice(paragraphs[0].start, paragraphs[0].end)).toBe(A);
    const runOn = splitParagraphs(A + B + C + A + B, { maxChars: 200, targetChars: 100 });
    expect(runOn.length).toBeGreaterThan(1);
    expect(runOn.every((p) => p.text.endsWith('。'))).toBe(true);
  });

  it('splits sentences keeping their closing punctuation', () => {
    expect(splitSentences('一是抓学习。二是抓落实！三是抓督查').map((s) => s.text)).toEqual([
      '一是抓学习。',
      '二是抓落实！',
      '三是抓督查',
    ]);
  });
});

describe('fingerprints and candidates', () => {
  it('gives the same fingerprints to width, punctuation and traditional-form variants', () => {
    const trad = A.replace('发展', '發展').replace(/，/g, ', ');
    expect(Array.from(paragraphHashes(trad))).toEqual(Array.from(paragraphHashes(A)));
    expect(Array.from(paragraphHashes(B))).not.toEqual(Array.from(paragraphHashes(A)));
  });

  it('finds a paragraph by a variant of it, and not by an unrelated one', () => {
    const index = ParagraphIndex.build([A, B, C].map((t) => paragraphHashes(t)));
    const variant = C.replace('乡村特色产业', '茶叶、中药材等特色产业').replace('底线', '底线，建设宜居宜业和美乡村');
    expect(index.candidates(paragraphHashes(variant)).map((c) => c.paragraph)).toEqual([2]);
    expect(
      index.candidates(paragraphHashes('加强生态环境保护，打好蓝天碧水净土保卫战，推动发展方式绿色转型。')),
    ).toEqual([]);
    const [match] = findReuse(index, variant, (p) => [A, B, C][p]);
    expect(match).toMatchObject({ paragraph: 2, label: 'variant' });
  });
});

describe('alignment and labels', () => {
  it('diffs characters with edits grouped (semantic clean-up) and reconstructs both sides', () => {
    const b = A.replace('扎实推进', '稳步推进');
    const ops = diffText(A, b);
    expect(ops.filter(([op]) => op !== 0).map(([op, t]) => `${op}${t}`)).toEqual(['-1扎实', '1稳步']);
    expect(
      ops
        .filter(([op]) => op <= 0)
        .map(([, t]) => t)
        .join(''),
    ).toBe(A);
  });

  it('counts only aligned runs of 4+ characters as shared, and bounds it cheaply', () => {
    expect(overlap(A, B).shared).toBeLessThan(10);
    expect(overlap(A, A + B).coverA).toBe(1);
    expect(coverBound('abcdefgh', 'xxabcdxx')).toBe(0.5);
    expect(coverBound('abcdefgh', 'zzzzzzzz')).toBe(0);
    // The n-gram table is shared between calls: a long text first must not leave n-grams behind for the next.
    expect(coverBound(A, `${B}${C}`.repeat(40))).toBeLessThan(0.2);
    expect(coverBound('abcdefgh', 'zzzzzzzz')).toBe(0);
  });

  it('folds a candidate in one pass exactly as compactText does', () => {
    const mixed = '堅持以人民為中心，ＡＢＣ　２０２５年！\n“千万工程”经验（试行）；々〇 done.';
    expect(compactOnly(mixed)).toBe(compactText(mixed).compact);
    expect(compactOnly(A.repeat(30))).toBe(compactText(A.repeat(30)).compact);
  });

  it('labels same, variant, contained — and nothing for unrelated texts', () => {
    expect(labelOverlap(overlap(A, A.replace(/，/g, '、')))).toBe('same');
    expect(labelOverlap(overlap(C, C.replace('乡村特色产业', '茶叶特色产业').replace('持续巩固', '着力巩固')))).toBe(
      'variant',
    );
    expect(labelOverlap(overlap(A, `${B}${A}${C}${B}`))).toBe('contained');
    expect(labelOverlap(overlap(A, B))).toBeUndefined();
    expect(labelOverlap(overlap('推进共同富裕。', '推进共同富裕。'))).toBeUndefined(); // too short to be reuse
  });
});

describe('compare', () => {
  it('pairs paragraphs and finds the moved one by the longest in-order chain', () => {
    expect([...longestIncreasing([0, 1, 5, 2, 3, 4])].sort()).toEqual([0, 1, 3, 4, 5]);
    const pairs = matchParagraphs([A, B, C], [B, C, A.replace('扎实', '稳步')]);
    expect(pairs.map((p) => [p.left, p.right, p.identical, p.moved])).toEqual([
      [1, 0, true, false],
      [2, 1, true, false],
      [0, 2, false, true],
    ]);
  });

  it('lists added and dropped mentions by key', () => {
    const { added, dropped } = mentionChanges(
      findMentions('落实“两个确立”，实施“千村头雁”培育工程。'),
      findMentions('落实两个确立，推进“千万工程”。'),
    );
    expect(added.map((m) => m.key)).toContain('千万工程');
    expect(dropped.map((m) => m.key)).toContain('千村头雁培育工程');
    expect([...added, ...dropped].map((m) => m.key)).not.toContain('两个确立');
  });

  it('renders the comparison as Markdown with full-width punctuation and marked edits', () => {
    const older = `一、总体要求\n${A}\n${B}\n二、重点任务\n${C}`;
    const newer = `一、总体要求\n${A.replace('扎实推进', '稳步推进')}\n二、重点任务\n${C}\n${B}\n深化“放管服”改革，持续优化营商环境，激发各类经营主体活力。`;
    const c = compareTexts(older, newer);
    expect(c.counts).toMatchObject({ changed: 1, moved: 1, added: 1, dropped: 0 });
    const md = comparisonMarkdown(c);
    expect(md).toContain('## 新增提法');
    expect(md).toContain('放管服');
    expect(md).toContain('~~扎实~~**稳步**');
    expect(md).toMatch(/\*\*移动\*\* 原第3段 → 第5段/);
    expect(md).toContain('### 一、总体要求');
    expect(md).not.toMatch(/[\u4e00-\u9fff], /);
  });
});
