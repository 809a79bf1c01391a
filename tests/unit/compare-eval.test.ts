/**
 * Compare measured (issue 12): a real report with 100 known edits — the comparison must recover ≥ 95% of them
 * with ≤ 5% of its reported changes unexplained by any edit. Then two real consecutive national work reports
 * (2024 and 2025): the 提法 and targets added and dropped, printed for a spot check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Measurements over the whole corpus: generous, the machine is shared. */
const SLOW = 120_000;
import { compareTexts } from '../../lib/compare/compare';
import type { Comparison } from '../../lib/compare/types';
import { coverBound, overlapCompact } from '../../lib/similarity/align';
import { compactText } from '../../lib/similarity/fingerprint';
import { applyKnownEdits, type KnownEdit } from '../helpers/known-edits';
import { reuseEvalSet } from '../helpers/reuse-eval';
import { seededRandom } from '../helpers/seeded-random';

const POS = join(__dirname, '../fixtures/corpus/pos');
const compacted = new Map<string, string>();
const compact = (s: string) => {
  let c = compacted.get(s);
  if (c === undefined) compacted.set(s, (c = compactText(s).compact));
  return c;
};
/**
 * Whether aligning `a` with `b` covers at least `min` of `a`. Scoring pairs every reported change with every edit
 * (tens of thousands of alignments, most of unrelated sentences); coverBound, an upper bound on the cover that
 * needs no alignment, settles those unrelated pairs first with the same answer.
 */
const coversAtLeast = (a: string, b: string, min: number) =>
  coverBound(compact(a), compact(b), 2) >= min && overlapCompact(compact(a), compact(b), 2).coverA >= min;
const covers = (piece: string, target: string, min = 0.8) => coversAtLeast(target, piece, min);

interface Reported {
  kind: 'inserted' | 'deleted' | 'moved-paragraph' | 'moved-text';
  text: string;
}

function reportedChanges(c: Comparison): Reported[] {
  const out: Reported[] = [];
  for (const row of c.rows) {
    if (row.kind === 'added') out.push({ kind: 'inserted', text: c.right.paragraphs[row.right].text });
    else if (row.kind === 'dropped') out.push({ kind: 'deleted', text: c.left.paragraphs[row.left].text });
    if (row.kind === 'moved') out.push({ kind: 'moved-paragraph', text: c.right.paragraphs[row.right].text });
    if ((row.kind === 'changed' || row.kind === 'moved') && row.ops) {
      for (const [op, text] of row.ops)
        if (op !== 0 && compact(text)) out.push({ kind: op > 0 ? 'inserted' : 'deleted', text });
    }
  }
  for (const m of c.moved) out.push({ kind: 'moved-text', text: m.text });
  return out;
}

function recovered(edit: KnownEdit, reported: Reported[]): boolean {
  const has = (kind: Reported['kind'], text: string) => reported.some((r) => r.kind === kind && covers(r.text, text));
  switch (edit.kind) {
    case 'insert-sentence':
    case 'insert-paragraph':
      return has('inserted', edit.inserted!);
    case 'delete-sentence':
    case 'delete-paragraph':
      return has('deleted', edit.removed!);
    case 'replace-sentence':
      return has('inserted', edit.inserted!) && has('deleted', edit.removed!);
    case 'move-sentence':
      return has('moved-text', edit.removed!);
    case 'move-paragraph':
      return has('moved-paragraph', edit.removed!);
  }
}

describe('compare: 100 known edits on a real report', () => {
  it(
    'recovers ≥ 95% of the edits with ≤ 5% spurious changes',
    () => {
      const original = readFileSync(join(POS, 'cpccongress__20.txt'), 'utf8');
      const { fillers } = reuseEvalSet(3, 1);
      const { text: edited, edits } = applyKnownEdits(original, seededRandom(2026), fillers);
      expect(edits).toHaveLength(100);
      const comparison = compareTexts(original, edited);
      const reported = reportedChanges(comparison);
      const misses = edits.filter((e) => !recovered(e, reported));
      const editTexts = edits.flatMap((e) => [e.removed, e.inserted]).filter((t): t is string => Boolean(t));
      const spurious = reported.filter((r) => !editTexts.some((t) => coversAtLeast(r.text, t, 0.5)));
      const byKind = new Map<string, [number, number]>();
      for (const e of edits) {
        const [ok, all] = byKind.get(e.kind) ?? [0, 0];
        byKind.set(e.kind, [ok + (misses.includes(e) ? 0 : 1), all + 1]);
      }
      console.log(
        `compare recovery: ${100 - misses.length}/100 edits recovered; ${spurious.length} of ${reported.length} reported changes spurious (${((100 * spurious.length) / reported.length).toFixed(1)}%)\n` +
          [...byKind].map(([k, [ok, all]]) => `  ${k.padEnd(17)} ${ok}/${all}`).join('\n') +
          `\n  rows: ${JSON.stringify(comparison.counts)}, moved sentences ${comparison.moved.length}` +
          (misses.length
            ? `\n  missed: ${misses.map((m) => `${m.kind} «${(m.removed ?? m.inserted)!.slice(0, 24)}»`).join('; ')}`
            : '') +
          (spurious.length
            ? `\n  spurious: ${spurious.map((s) => `${s.kind} «${s.text.slice(0, 24)}»`).join('; ')}`
            : ''),
      );
      expect(100 - misses.length).toBeGreaterThanOrEqual(95);
      expect(spurious.length / reported.length).toBeLessThanOrEqual(0.05);
    },
    SLOW,
  );
});

describe('compare: two consecutive national government work reports', () => {
  it(
    'lists the 提法 and targets 2025 added and dropped against 2024',
    () => {
      const older = readFileSync(join(__dirname, '../fixtures/similar/natgwr__2024.txt'), 'utf8');
      const newer = readFileSync(join(POS, 'natgwr__2025.txt'), 'utf8');
      const c = compareTexts(older, newer);
      const show = (list: Comparison['added']) =>
        ['formulation', 'program', 'document', 'meeting', 'target']
          .map(
            (cat) =>
              `  ${cat}: ${list
                .filter((m) => m.category === cat)
                .map((m) => m.key + (m.count > 1 ? `×${m.count}` : ''))
                .join('、')}`,
          )
          .join('\n');
      console.log(`2024 → 2025 rows ${JSON.stringify(c.counts)}\nADDED\n${show(c.added)}\nDROPPED\n${show(c.dropped)}`);
      const added = new Set(c.added.map((m) => m.key));
      const dropped = new Set(c.dropped.map((m) => m.key));
      // Spot checks (read in both texts): 2025 is the last year of the 14th five-year plan and sets the 15th's
      // preparation; 2024's report was the first after the third plenum had not yet been held.
      expect([...added].some((k) => k.includes('十五五'))).toBe(true);
      for (const key of added) expect(dropped.has(key)).toBe(false);
      expect(c.counts.same + c.counts.changed + c.counts.moved).toBeGreaterThan(10);
    },
    SLOW,
  );
});
