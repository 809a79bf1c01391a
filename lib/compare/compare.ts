import { analyze } from '../rules';
import type { Analysis } from '../rules/types';
import { diffText, overlapCompact, type DiffOp } from '../similarity/align';
import { compactText } from '../similarity/fingerprint';
import { ParagraphIndex, paragraphHashes } from '../similarity/paragraph-index';
import { splitParagraphs, splitSentences } from '../similarity/paragraphs';
import { matchParagraphs } from './match-paragraphs';
import { mentionChanges } from './mentions';
import type { CompareRow, CompareSide, Comparison, MovedFragment, SectionPair } from './types';

/**
 * Compares two versions of a speech or report (issue 12): paragraphs paired and ordered, a character diff for
 * changed paragraphs, moved paragraphs and moved sentences named as moved, top-level sections matched, and the
 * 提法 / programs / documents / meetings / targets that only one version has. `left` is the older text.
 * Pass analyses already made (the background has them) to skip re-running the rule set.
 */
export function compareTexts(
  left: string,
  right: string,
  analyses: { left?: Analysis; right?: Analysis } = {},
): Comparison {
  const leftAnalysis = analyses.left ?? analyze(left);
  const rightAnalysis = analyses.right ?? analyze(right);
  const a = side(left, leftAnalysis);
  const b = side(right, rightAnalysis);
  const pairs = matchParagraphs(
    a.paragraphs.map((p) => p.text),
    b.paragraphs.map((p) => p.text),
  );
  const rows = orderRows(pairs, a.paragraphs.length, b.paragraphs.length, (l, r) =>
    diffText(a.paragraphs[l].text, b.paragraphs[r].text),
  );
  const moved = movedFragments(rows, a, b);
  const counts = { same: 0, changed: 0, moved: 0, added: 0, dropped: 0 };
  for (const row of rows) counts[row.kind]++;
  return {
    left: a,
    right: b,
    rows,
    moved,
    ...mentionChanges(leftAnalysis.mentions, rightAnalysis.mentions),
    sections: pairSections(a, b, rows),
    counts,
  };
}

function side(text: string, analysis: Analysis): CompareSide {
  const paragraphs = splitParagraphs(text, { minChars: 2 });
  const sections = analysis.outline
    .filter((item) => item.depth === 0)
    .map((item) => ({ marker: item.marker, title: item.title, start: item.start, end: item.end }));
  const sectionOf = paragraphs.map((p) => sections.findIndex((s) => p.start >= s.start && p.start < s.end));
  return { title: analysis.title, date: analysis.date, paragraphs, sections, sectionOf };
}

/** Rows in the newer text's order; a dropped paragraph goes right after the row of its nearest kept predecessor. */
function orderRows(
  pairs: ReturnType<typeof matchParagraphs>,
  leftCount: number,
  rightCount: number,
  diff: (left: number, right: number) => DiffOp[],
): CompareRow[] {
  const pairOfRight = new Map(pairs.map((p) => [p.right, p]));
  const pairedLeft = new Set(pairs.map((p) => p.left));
  const rows: CompareRow[] = [];
  let nextLeft = 0;
  const flushDropped = (upTo: number) => {
    for (; nextLeft < upTo; nextLeft++) if (!pairedLeft.has(nextLeft)) rows.push({ kind: 'dropped', left: nextLeft });
  };
  for (let r = 0; r < rightCount; r++) {
    const p = pairOfRight.get(r);
    if (!p) {
      rows.push({ kind: 'added', right: r });
      continue;
    }
    if (!p.moved) flushDropped(p.left);
    const ops = p.identical ? undefined : diff(p.left, p.right);
    if (p.moved)
      rows.push(ops ? { kind: 'moved', left: p.left, right: r, ops } : { kind: 'moved', left: p.left, right: r });
    else rows.push(ops ? { kind: 'changed', left: p.left, right: r, ops } : { kind: 'same', left: p.left, right: r });
    if (!p.moved) nextLeft = Math.max(nextLeft, p.left + 1);
  }
  flushDropped(leftCount);
  return rows;
}

/** Deleted and inserted pieces of 10+ significant characters that are the same text: a sentence that moved. */
const MIN_MOVED_CHARS = 10;

function movedFragments(rows: readonly CompareRow[], a: CompareSide, b: CompareSide): MovedFragment[] {
  const gone: Array<{ text: string; compact: string; paragraph: number }> = [];
  const come: Array<{ text: string; compact: string; paragraph: number }> = [];
  const pieces = (text: string) => splitSentences(text).map((s) => s.text);
  for (const row of rows) {
    if (row.kind === 'dropped')
      for (const s of pieces(a.paragraphs[row.left].text))
        gone.push({ text: s, compact: compactText(s).compact, paragraph: row.left });
    else if (row.kind === 'added')
      for (const s of pieces(b.paragraphs[row.right].text))
        come.push({ text: s, compact: compactText(s).compact, paragraph: row.right });
    else if ((row.kind === 'changed' || row.kind === 'moved') && row.ops) {
      for (const [op, text] of row.ops) {
        if (op === 0) continue;
        const entry = { text, compact: compactText(text).compact, paragraph: op < 0 ? row.left : row.right };
        (op < 0 ? gone : come).push(entry);
      }
    }
  }
  // Fingerprint candidates first: aligning every inserted piece with every deleted one is quadratic in diffs.
  const long = gone.filter((g) => g.compact.length >= MIN_MOVED_CHARS);
  const index = ParagraphIndex.build(long.map((g) => paragraphHashes(g.compact)));
  const out: MovedFragment[] = [];
  const taken = new Set<number>();
  for (const c of come) {
    if (c.compact.length < MIN_MOVED_CHARS) continue;
    for (const { paragraph: g } of index.candidates(paragraphHashes(c.compact), {
      minShared: 1,
      minShare: 0.3,
      limit: 4,
    })) {
      if (taken.has(g)) continue;
      const o = overlapCompact(long[g].compact, c.compact);
      if (o.coverA >= 0.9 && o.coverB >= 0.9) {
        taken.add(g);
        out.push({ text: c.text, left: long[g].paragraph, right: c.paragraph });
        break;
      }
    }
  }
  return out;
}

/** Each newer section is paired with the older section holding most of its paragraphs' counterparts. */
function pairSections(a: CompareSide, b: CompareSide, rows: readonly CompareRow[]): SectionPair[] {
  const votes = new Map<number, Map<number, number>>();
  for (const row of rows) {
    if (row.kind === 'added' || row.kind === 'dropped') continue;
    const rs = b.sectionOf[row.right];
    const ls = a.sectionOf[row.left];
    if (rs < 0 || ls < 0) continue;
    const v = votes.get(rs) ?? new Map<number, number>();
    v.set(ls, (v.get(ls) ?? 0) + 1);
    votes.set(rs, v);
  }
  const out: SectionPair[] = [];
  const usedLeft = new Set<number>();
  for (let r = 0; r < b.sections.length; r++) {
    const best = [...(votes.get(r) ?? [])].sort((x, y) => y[1] - x[1]).find(([l]) => !usedLeft.has(l));
    if (best) usedLeft.add(best[0]);
    out.push(best ? { left: best[0], right: r } : { right: r });
  }
  for (let l = 0; l < a.sections.length; l++) if (!usedLeft.has(l)) out.push({ left: l });
  return out;
}
