/**
 * Verdict quality on the self-written genre corpus (tests/fixtures/corpus/genre/, see its README): local
 * speeches of town, county, district and city level and same-register negatives, each read as the pages
 * serve it (plain, ASCII punctuation, traditional script, both, page chrome, title glued to the body).
 * Prints precision/recall per genre, per negative kind, per level, per source and per page variant, for the
 * dev part and — separately — the holdout part, which rules are not written against.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import type { Verdict } from '../../lib/rules/types';
import { loadGenreCorpus, STRESS_VARIANTS, VARIANTS, type GenreDoc, type GenreSplit } from './helpers/genre-corpus';

interface Row {
  doc: GenreDoc;
  variant: string;
  verdict: Verdict;
}

interface Score {
  precision: number;
  recall: number;
  n: number;
}

function score(rows: Row[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { doc, verdict } of rows) {
    if (doc.positive && verdict.isPolicy) tp++;
    else if (doc.positive) fn++;
    else if (verdict.isPolicy) fp++;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), n: rows.length };
}

/** Negatives alone have no recall: report how many were rightly rejected. */
function line(label: string, rows: Row[]): string {
  const s = score(rows);
  const negatives = rows.filter((r) => !r.doc.positive);
  const rejected = negatives.filter((r) => !r.verdict.isPolicy).length;
  const positives = rows.length - negatives.length;
  const parts = [`${label.padEnd(28)} n=${String(s.n).padStart(4)}`];
  if (positives) parts.push(`recall ${s.recall.toFixed(3)}`);
  if (negatives.length) parts.push(`rejected ${rejected}/${negatives.length}`);
  if (positives && negatives.length) parts.push(`precision ${s.precision.toFixed(3)}`);
  return parts.join('  ');
}

function groupBy(rows: Row[], key: (r: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function run(split: GenreSplit, variants: Record<string, (t: string) => string>): Row[] {
  const rows: Row[] = [];
  for (const doc of loadGenreCorpus(split))
    for (const [variant, make] of Object.entries(variants))
      rows.push({ doc, variant, verdict: analyze(make(doc.text)).verdict });
  return rows;
}

/**
 * How the negatives are rejected: by a rule that recognises their genre (a negative-weight rule other than the
 * short-text penalty), or only by the short-text penalty and the bias. Precision only means something for the first.
 */
function rejectionLine(rows: Row[]): string {
  const negatives = rows.filter((r) => !r.doc.positive);
  const bySpecific = negatives.filter((r) => r.verdict.reasons.some((x) => x.weight < 0 && x.id !== 'length.short'));
  return (
    `negatives with a specific negative rule ${bySpecific.length}/${negatives.length}; ` +
    `only the short-text penalty or bias ${negatives.length - bySpecific.length}/${negatives.length}`
  );
}

function report(split: GenreSplit, rows: Row[], stress: Row[]): void {
  const out = [`[genre corpus: ${split}] ${line('all page variants', rows)}`, `  ${rejectionLine(rows)}`];
  for (const [kind, group] of groupBy(rows, (r) => r.doc.kind)) out.push('  genre ' + line(kind, group));
  for (const [level, group] of groupBy(rows, (r) => r.doc.level)) out.push('  level ' + line(level, group));
  for (const [source, group] of groupBy(rows, (r) => r.doc.source)) out.push('  source ' + line(source, group));
  for (const [variant, group] of groupBy(rows, (r) => r.variant)) out.push('  page ' + line(variant, group));
  for (const [variant, group] of groupBy(stress, (r) => r.variant)) out.push('  stress ' + line(variant, group));
  for (const r of [...rows, ...stress].filter((row) => row.verdict.isPolicy !== row.doc.positive))
    out.push(
      `  MISS ${r.doc.positive ? 'FN' : 'FP'} ${r.doc.id} (${r.variant}) score ${r.verdict.score}: ` +
        r.verdict.reasons.map((x) => `${x.id}(${x.weight})`).join(', '),
    );
  console.log(out.join('\n'));
}

/**
 * A slice written with the rules frozen (now a regression set): at least `positives`/`negatives` documents, recall
 * ≥ 0.9 at precision ≥ 0.97 over all page variants, and ≥ 95% of its negatives rejected by a rule of their own.
 */
function checkFrozenSlice(slice: GenreSplit, min: { positives: number; negatives?: number }): void {
  const rows = run(slice, VARIANTS);
  const stress = run(slice, STRESS_VARIANTS);
  report(slice, rows, stress);
  const perVariant = (n: number) => n / Object.keys(VARIANTS).length;
  expect(perVariant(rows.filter((r) => r.doc.positive).length)).toBeGreaterThanOrEqual(min.positives);
  if (min.negatives !== undefined)
    expect(perVariant(rows.filter((r) => !r.doc.positive).length)).toBeGreaterThanOrEqual(min.negatives);
  const s = score(rows);
  expect(s.recall).toBeGreaterThanOrEqual(0.9);
  expect(s.precision).toBeGreaterThanOrEqual(0.97);
  const negatives = rows.filter((r) => !r.doc.positive);
  const bySpecific = negatives.filter((r) => r.verdict.reasons.some((x) => x.weight < 0 && x.id !== 'length.short'));
  expect(bySpecific.length / negatives.length).toBeGreaterThanOrEqual(0.95);
}

describe('genre corpus verdict quality', () => {
  it('dev: local speeches recall ≥ 0.9 at precision ≥ 0.97 in every page variant', () => {
    const rows = run('dev', VARIANTS);
    const stress = run('dev', STRESS_VARIANTS);
    report('dev', rows, stress);
    expect(rows.filter((r) => r.doc.positive).length / Object.keys(VARIANTS).length).toBeGreaterThanOrEqual(30);
    expect(rows.filter((r) => !r.doc.positive).length / Object.keys(VARIANTS).length).toBeGreaterThanOrEqual(30);
    for (const [variant, group] of groupBy(rows, (r) => r.variant)) {
      const s = score(group);
      expect({ variant, ok: s.recall >= 0.9 && s.precision >= 0.97 }).toEqual({ variant, ok: true });
    }
    const s = score(stress);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('holdout (not tuned against): recall ≥ 0.85 at precision ≥ 0.95 over all page variants', () => {
    const rows = run('holdout', VARIANTS);
    const stress = run('holdout', STRESS_VARIANTS);
    report('holdout', rows, stress);
    const s = score(rows);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  // Written with the rules frozen and scored once before any fix (R 0.923 / P 0.923 over all page variants:
  // a lecture without salutation, `今天我们聚在一起召开`, and fiction/writing guides quoting speech cues); the
  // fixes it revealed came after, so from now on it is a regression set like holdout, not a blind one (README).
  it('excerpts (written after the rules were frozen): recall ≥ 0.9 at precision ≥ 0.97; negatives rejected by their own rules', () => {
    checkFrozenSlice('excerpts', { positives: 25 });
  });

  // Written from ~25 further template-site pages (信访, 意识形态, 巡察, 营商环境, 主持词, 表态发言, 总结讲话, wenku PDF
  // text with spaces inside words, page numbers, 目錄 pages) with the rules frozen, and scored once before any fix:
  // R 0.950 / P 1.000 over all page variants, negatives 125/192 by a rule of their own (README: excerpts-2). The
  // fixes were cue families with their own examples, so from now on it is a regression set, not a blind one.
  it('excerpts-2 (written after the rules were frozen): recall ≥ 0.9 at precision ≥ 0.97; negatives rejected by their own rules', () => {
    checkFrozenSlice('excerpts-2', { positives: 30, negatives: 30 });
  });

  // Written from ~10 further `pages` searches for colon-form and unusual speech titles (县长讲话：在…会议上,
  // 讲话稿：…, XX同志讲话：…, 关于…的讲话, …上的讲话(2篇), 党课讲稿：…) and look-alike titles (news `县长：…`,
  // interviews, notices, 心得体会 and reports on a speech), with the rules frozen, and scored once before any fix:
  // R 0.615 / P 1.000 over all page variants (162 rows; stress forms 0.563–0.625 / 1.000), negatives 60/66 by a
  // rule of their own. Misses: colon titles (县长讲话：在…上, XX同志讲话：…), 关于…的讲话提纲 and 区长讲话：… over a body
  // with one cue or none. After the title-family fixes: R 0.938 / P 1.000, negatives 66/66 by a rule of their own
  // (a `关于…的讲话提纲` over a bare outline is left a miss: a title alone does not make a short page a speech).
  // From now on it is a regression set like the others (README: excerpts-3).
  it('excerpts-3 (colon and unusual titles, written after the rules were frozen): recall ≥ 0.9 at precision ≥ 0.97', () => {
    checkFrozenSlice('excerpts-3', { positives: 15, negatives: 10 });
  });
});
