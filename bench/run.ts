/**
 * `npm run bench [-- name…]`: runs every bench module (bench/<area>.ts exporting `run(): Promise<BenchRow[]>`)
 * one after another — never in parallel, so they do not disturb each other's timings — then prints one table
 * and writes artifacts/bench.json. Name arguments restrict the run to modules whose file name contains one.
 *
 * A module that throws is reported (and makes the exit status non-zero); the others still run. Missed goals are
 * listed but do not change the exit status: the bench reports, the tests assert.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './types';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
/** Files in bench/ that are infrastructure, not bench modules. */
const NOT_MODULES = new Set(['run.ts', 'types.ts', 'measure.ts']);

export function benchModuleFiles(filters: string[] = []): string[] {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !NOT_MODULES.has(f))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort()
    .map((f) => join(BENCH_DIR, f));
}

// ---------------------------------------------------------------------------------------------------------------
// Table

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (s: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(2);
}

/** Greedy word wrap by display width; words wider than the column are split by character. */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const word of text.split(/(?<= )/)) {
    if (displayWidth((line + word).trimEnd()) <= width) {
      line += word;
      continue;
    }
    push();
    for (const ch of word) {
      if (displayWidth(line + ch) > width) push();
      line += ch;
    }
  }
  push();
  return lines;
}

interface Column {
  title: string;
  right: boolean;
  /** Cells wider than this wrap onto more lines. */
  maxWidth?: number;
  cell: (r: BenchRow) => string;
}

const COLUMNS: Column[] = [
  { title: 'area', right: false, cell: (r) => r.area },
  { title: 'case', right: false, maxWidth: 52, cell: (r) => r.case },
  { title: 'median ms', right: true, cell: (r) => formatMs(r.medianMs) },
  { title: 'p95', right: true, cell: (r) => formatMs(r.p95Ms) },
  { title: 'max', right: true, cell: (r) => formatMs(r.maxMs) },
  { title: 'baseline ms', right: true, cell: (r) => formatMs(r.baselineMs) },
  {
    title: 'ratio',
    right: true,
    cell: (r) => (r.ratio === undefined || !Number.isFinite(r.ratio) ? '' : `${r.ratio.toFixed(2)}×`),
  },
  { title: 'extra', right: false, maxWidth: 48, cell: (r) => r.extra ?? '' },
  { title: 'goal', right: false, maxWidth: 24, cell: (r) => r.goal ?? '' },
  { title: 'pass', right: false, cell: (r) => (r.pass === undefined ? '' : r.pass ? 'yes' : 'NO') },
];

/** One table; long cells wrap within their column, and a rule separates areas. */
export function formatTable(rows: BenchRow[]): string {
  const cells = rows.map((r) => COLUMNS.map((c) => (c.maxWidth ? wrapText(c.cell(r), c.maxWidth) : [c.cell(r)])));
  const widths = COLUMNS.map((c, i) =>
    Math.max(displayWidth(c.title), ...cells.flatMap((row) => row[i].map(displayWidth))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i], COLUMNS[i].right))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const out = [line(COLUMNS.map((c) => c.title)), rule];
  cells.forEach((row, r) => {
    if (r > 0 && rows[r].area !== rows[r - 1].area) out.push(rule);
    const height = Math.max(...row.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(line(row.map((c) => c[k] ?? '')));
  });
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Running

interface Failure {
  module: string;
  error: string;
}

async function runModule(file: string): Promise<{ rows: BenchRow[]; failure?: Failure }> {
  const name = basename(file);
  try {
    const mod = (await import(pathToFileURL(file).href)) as Partial<BenchModule>;
    if (typeof mod.run !== 'function') return { rows: [] };
    const t0 = performance.now();
    process.stderr.write(`bench: ${name} …\n`);
    const rows = await mod.run();
    if (!Array.isArray(rows)) throw new Error('run() must resolve to an array of BenchRow');
    process.stderr.write(
      `bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${rows.length} rows\n`,
    );
    return { rows };
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`bench: ${name} FAILED: ${error}\n`);
    return { rows: [], failure: { module: name, error: err instanceof Error ? err.message : String(err) } };
  }
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = benchModuleFiles(filters);
  if (files.length === 0) {
    console.error(`bench: no bench modules${filters.length ? ` matching ${filters.join(', ')}` : ''} in ${BENCH_DIR}`);
    return 1;
  }
  const rows: BenchRow[] = [];
  const failures: Failure[] = [];
  for (const file of files) {
    const result = await runModule(file);
    rows.push(...result.rows);
    if (result.failure) failures.push(result.failure);
  }

  console.log(formatTable(rows));
  const missed = rows.filter((r) => r.pass === false);
  const withGoal = rows.filter((r) => r.pass !== undefined);
  console.log(
    `\n${withGoal.length - missed.length}/${withGoal.length} goals met${missed.length ? `; missed: ${missed.map((r) => `${r.area}/${r.case}`).join(', ')}` : ''}`,
  );
  for (const f of failures) console.log(`module failed: ${f.module}: ${f.error}`);

  const out = join(ROOT, 'artifacts', 'bench.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        modules: files.map((f) => basename(f)),
        rows,
        failures,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote ${out}`);
  return failures.length ? 1 : 0;
}

// Only run when executed (tests import the formatting helpers).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
