/**
 * Similar texts bench (issue 12), pure TypeScript in Node (the engine runs in the background service worker):
 *  - fingerprinting a 300-character paragraph (goal well under 1 ms), against folding it alone;
 *  - the similar passages of one paragraph in a history of 50,000 paragraphs (goal < 20 ms), against a naive
 *    scan of every paragraph for a 12-character piece of the query;
 *  - marking a 200-paragraph page against that history (goal < 200 ms), against fingerprinting the page alone;
 *  - comparing two 30,000-character reports (goal < 500 ms), against one diff-match-patch diff of the whole texts;
 *  - the diff libraries on 400 corpus paragraph / template variant pairs (why diff-match-patch: lib/similarity/align.ts).
 * The history: every corpus paragraph plus seeded template variants of them up to 50,000 paragraphs.
 * Standalone: `npx tsx bench/similarity.ts`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffChars } from 'diff';
import { compareTexts } from '../lib/compare/compare';
import { diffText, type DiffOp } from '../lib/similarity/align';
import { compactText } from '../lib/similarity/fingerprint';
import { confirmPage, pageCandidates } from '../lib/similarity/mark';
import { ParagraphIndex, paragraphHashes } from '../lib/similarity/paragraph-index';
import type { Paragraph } from '../lib/similarity/paragraphs';
import { findReuse } from '../lib/similarity/reuse';
import { applyKnownEdits } from '../tests/helpers/known-edits';
import { corpusParagraphs, reuseEvalSet } from '../tests/helpers/reuse-eval';
import { seededRandom } from '../tests/helpers/seeded-random';
import { pick, templateVariant } from '../tests/helpers/template-variants';
import { compareRow, measure, summarize, type Samples } from './measure';
import type { BenchRow } from './types';

const HISTORY = 50_000;
const POS = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/corpus/pos');

/** Runs `fn` over every item per measured run and reports the time per item. */
async function perItem<T>(items: readonly T[], fn: (item: T) => unknown, runs = 9): Promise<Samples> {
  const s = await measure(() => items.forEach(fn), { runs, warmup: 2 });
  return summarize(s.samples.map((ms) => ms / items.length));
}

/** Speeches kept out of the history: the unrelated half of the marked page comes from them. */
const HELD_OUT = (file: string) => file.startsWith('xi2020');

function buildHistory(): string[] {
  const base = corpusParagraphs((f) => !HELD_OUT(f)).map((p) => p.text);
  const { fillers } = reuseEvalSet(5, 1);
  const rng = seededRandom(50_000);
  const history = [...base];
  while (history.length < HISTORY)
    history.push(templateVariant(pick(rng, base), rng, 0.05 + rng() * 0.25, fillers).text);
  return history;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { positives, fillers } = reuseEvalSet();

  // 1. Fingerprint one paragraph of about 300 characters.
  const p300 = corpusParagraphs(() => true)
    .map((p) => p.text)
    .filter((t) => t.length >= 280 && t.length <= 320)
    .slice(0, 50);
  const folding = await perItem(p300, (t) => compactText(t));
  const hashing = await perItem(p300, (t) => paragraphHashes(t));
  rows.push(
    compareRow(
      {
        area: 'similar',
        case: 'fingerprint a 300-char paragraph',
        extra: `${p300.length} paragraphs; baseline: folding only`,
      },
      hashing,
      folding,
      { maxMs: 0.5 },
    ),
  );

  // 2. One paragraph against 50,000.
  const history = buildHistory();
  const t0 = performance.now();
  const hashes = history.map((t) => paragraphHashes(t));
  const t1 = performance.now();
  const index = ParagraphIndex.build(hashes);
  const buildMs = performance.now() - t1;
  const hashMs = t1 - t0;
  const textOf = (p: number) => history[p];
  const unrelated = corpusParagraphs(HELD_OUT, 50)
    .map((p) => p.text)
    .slice(0, 100);
  const queries = [...positives.slice(0, 40).map((p) => p.text), ...unrelated.slice(0, 40)];
  const pieces = queries.map((q) => compactText(q).compact.slice(10, 22));
  // Counted so the engine cannot drop the scan as dead code.
  let naiveHits = 0;
  const naive = await perItem(
    pieces,
    (piece) => {
      for (const t of history) if (t.includes(piece)) naiveHits++;
    },
    3,
  );
  if (naiveHits < 0) throw new Error('unreachable');
  const lookup = await perItem(queries, (q) => findReuse(index, q, textOf));
  rows.push(
    compareRow(
      {
        area: 'similar',
        case: `similar passages of 1 paragraph in ${HISTORY.toLocaleString('en')}`,
        extra: `${index.postingCount.toLocaleString('en')} postings; naive substring scan as baseline`,
      },
      lookup,
      naive,
      { maxMs: 20 },
    ),
  );

  // 3. A 200-paragraph page: half reused (variants of history paragraphs), half from speeches not in the history.
  const page: Paragraph[] = [...positives.slice(0, 100).map((p) => p.text), ...unrelated].map((text, index) => ({
    index,
    start: 0,
    end: text.length,
    text,
  }));
  let marked = 0;
  const fingerprintOnly = await measure(() => page.forEach((p) => paragraphHashes(p.text)), { runs: 9, warmup: 2 });
  const marking = await measure(() => (marked = confirmPage(page, pageCandidates(index, page), textOf).length), {
    runs: 9,
    warmup: 2,
  });
  rows.push(
    compareRow(
      {
        area: 'similar',
        case: 'mark a 200-paragraph page against 50,000',
        extra: `${marked} paragraphs marked; baseline: fingerprinting the page`,
      },
      marking,
      fingerprintOnly,
      { maxMs: 200 },
    ),
  );
  rows.push({
    area: 'similar',
    case: 'index 50,000 stored paragraphs (no goal)',
    medianMs: buildMs,
    extra: `from stored fingerprints; fingerprinting them: ${Math.round(hashMs)} ms`,
  });

  // 4. Two 30,000-character reports: a report and its copy with 100 known edits; and two congress reports.
  const report = readFileSync(join(POS, 'cpccongress__20.txt'), 'utf8');
  const edited = applyKnownEdits(report, seededRandom(2026), fillers).text;
  const wholeDiff = await measure(() => diffText(report, edited, { semantic: false }), { runs: 7, warmup: 1 });
  const comparing = await measure(() => compareTexts(report, edited), { runs: 7, warmup: 1 });
  rows.push(
    compareRow(
      {
        area: 'similar',
        case: 'compare two 30,000-char reports (100 edits)',
        extra: `${report.length}/${edited.length} chars; baseline: one flat diff`,
      },
      comparing,
      wholeDiff,
      { maxMs: 500 },
    ),
  );
  const older = readFileSync(join(POS, 'cpccongress__19.txt'), 'utf8');
  const rewrite = await measure(() => compareTexts(older, report), { runs: 5, warmup: 1 });
  rows.push(
    compareRow(
      {
        area: 'similar',
        case: 'compare 19th vs 20th congress reports (no goal)',
        extra: `${older.length}/${report.length} chars, mostly rewritten`,
      },
      rewrite,
      wholeDiff,
    ),
  );

  // 5. Diff libraries on CJK paragraph pairs.
  const rng = seededRandom(7);
  const pairs = Array.from({ length: 400 }, () => {
    const a = pick(rng, history.slice(0, 5000));
    return [a, templateVariant(a, rng, 0.05 + rng() * 0.25, fillers).text] as const;
  });
  const libs: Record<string, (a: string, b: string) => DiffOp[]> = {
    'jsdiff diffChars': (a, b) => diffChars(a, b).map((c) => [c.added ? 1 : c.removed ? -1 : 0, c.value] as DiffOp),
    'own Myers O(ND)': myers,
    'diff-match-patch': (a, b) => diffText(a, b, { semantic: false }),
    'diff-match-patch + semantic': (a, b) => diffText(a, b),
  };
  const baseline = await perItem(pairs, ([a, b]) => libs['jsdiff diffChars'](a, b), 5);
  for (const [name, fn] of Object.entries(libs)) {
    const samples = name === 'jsdiff diffChars' ? baseline : await perItem(pairs, ([a, b]) => fn(a, b), 5);
    let edit = 0;
    let hunks = 0;
    for (const [a, b] of pairs) {
      let previous = 0;
      for (const [op, text] of fn(a, b)) {
        if (op !== 0) edit += text.length;
        if (op !== 0 && previous === 0) hunks++;
        previous = op;
      }
    }
    rows.push(
      compareRow(
        { area: 'similar', case: `diff: ${name}`, extra: `edit ${edit} chars, ${hunks} hunks (400 pairs)` },
        samples,
        baseline,
      ),
    );
  }
  return rows;
}

/** A plain greedy Myers diff (O(ND) time, O(D²) trace), the "own" contender for the diff choice. */
function myers(a: string, b: string): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const t = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && t[max + k - 1] < t[max + k + 1]) ? k + 1 : k - 1;
    const px = t[max + prevK];
    const py = px - prevK;
    while (x > px && y > py) {
      ops.push([0, a[--x]]);
      y--;
    }
    if (d > 0) ops.push(x === px ? [1, b[--y]] : [-1, a[--x]]);
    x = px;
    y = py;
  }
  return ops.reverse();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
