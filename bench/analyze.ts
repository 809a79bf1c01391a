/**
 * Benchmark of the shared rule set: `analyze()` per corpus document (seed, pos/, neg/), against the floor of one
 * plain regex scan over the same text (`/[\u4e00-\u9fff]+/g`: every character visited once, one match per run
 * of Chinese characters), measured in the same run. Goal (issue 2): the longest report under 10 ms and within
 * 10× of the floor. analyze() includes the outline (lib/rules/outline.ts), timed by its owner separately.
 *
 * Part of `npm run bench` (bench/run.ts); also runs on its own: `npx tsx bench/analyze.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze } from '../lib/rules/analyze';
import { compareRow, measure } from './measure';
import { type BenchRow, median } from './types';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/corpus');
const WARMUP = 5;
const RUNS = 21;
const GOAL_MS = 10;
const GOAL_RATIO = 10;
/** CPU-time row: batches of this many runs, floor and analyze() alternating, this many batches each. */
const CPU_BATCH = 20;
const CPU_BATCHES = 31;

interface Doc {
  name: string;
  text: string;
}

function corpusDocs(): Doc[] {
  const seed = 'seed/party-building-speech.txt';
  const docs: Doc[] = [{ name: seed, text: readFileSync(join(CORPUS, seed), 'utf8') }];
  for (const dir of ['pos', 'neg']) {
    for (const file of readdirSync(join(CORPUS, dir)).sort()) {
      docs.push({ name: `${dir}/${file}`, text: readFileSync(join(CORPUS, dir, file), 'utf8') });
    }
  }
  return docs;
}

/** The floor: one pass of a plain regex over the text. */
function floorScan(text: string): number {
  const re = /[\u4e00-\u9fff]+/g;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

export async function run(): Promise<BenchRow[]> {
  const docs = corpusDocs();
  // Warm the engine on the whole corpus first so the first documents are not timed while V8 compiles.
  for (let i = 0; i < 3; i++) for (const d of docs) analyze(d.text);

  const longest = docs.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const rows: BenchRow[] = [];
  let totalChars = 0;
  let totalMs = 0;
  let worstRatio = 0;
  for (const doc of docs) {
    const floor = await measure(() => floorScan(doc.text), { runs: RUNS, warmup: WARMUP });
    const ours = await measure(() => analyze(doc.text), { runs: RUNS, warmup: WARMUP });
    totalChars += doc.text.length;
    totalMs += ours.medianMs;
    worstRatio = Math.max(worstRatio, ours.medianMs / floor.medianMs);
    const extra = `${doc.text.length} chars, ${Math.round(doc.text.length / ours.medianMs)} chars/ms`;
    const goal = doc === longest ? { maxMs: GOAL_MS, maxRatio: GOAL_RATIO } : {};
    rows.push(compareRow({ area: 'rules', case: `analyze ${doc.name}`, extra }, ours, floor, goal));
  }
  rows.push(cpuTimeRow(longest));
  rows.push({
    area: 'rules',
    case: `analyze corpus total (${docs.length} docs, sum of medians)`,
    medianMs: totalMs,
    extra:
      `${totalChars} chars, ${Math.round(totalChars / totalMs)} chars/ms; ` +
      `worst ratio ${worstRatio.toFixed(1)}× (on tiny texts: fixed cost of a few µs)`,
  });
  return rows;
}

/**
 * The longest document again, on CPU time (process.cpuUsage: time this process spent on a core) in batches that
 * alternate floor and analyze(). On a shared machine the wall-clock median of a 1–2 ms task is mostly other
 * processes' time slices (at load 20 on 2 cores it reads 5–10× too high); CPU time leaves those out, so this
 * ratio is comparable between runs at different loads. The goal stays on the wall-clock row.
 */
function cpuTimeRow(doc: Doc): BenchRow {
  const perRun = (fn: () => unknown): number => {
    const start = process.cpuUsage();
    for (let i = 0; i < CPU_BATCH; i++) fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / CPU_BATCH;
  };
  const floor: number[] = [];
  const ours: number[] = [];
  for (let b = 0; b < CPU_BATCHES; b++) {
    floor.push(perRun(() => floorScan(doc.text)));
    ours.push(perRun(() => analyze(doc.text)));
  }
  const medianMs = median(ours);
  const baselineMs = median(floor);
  return {
    area: 'rules',
    case: `analyze ${doc.name}, CPU time (floor and analyze alternating, ${CPU_BATCHES}×${CPU_BATCH} runs)`,
    medianMs,
    baselineMs,
    ratio: medianMs / baselineMs,
    extra: 'load-independent: a time slice lost to another process is not counted',
  };
}

function printTable(rows: BenchRow[]): void {
  const fmt = (n: number | undefined, digits = 3) => (n === undefined ? '' : n.toFixed(digits));
  console.log(['case', 'median ms', 'p95 ms', 'max ms', 'floor ms', 'ratio', 'extra', 'goal'].join('\t'));
  for (const r of rows) {
    const goal = r.goal ? `${r.goal}: ${r.pass ? 'PASS' : 'FAIL'}` : '';
    console.log(
      [
        r.case,
        fmt(r.medianMs),
        fmt(r.p95Ms),
        fmt(r.maxMs),
        fmt(r.baselineMs),
        fmt(r.ratio, 1),
        r.extra ?? '',
        goal,
      ].join('\t'),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(printTable, (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
