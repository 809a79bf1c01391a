/**
 * Timing helpers for bench modules. Medians, not means: the machine is shared and a single slow run (GC, another
 * process) must not move the result. Compare against a baseline measured in the same run, never a stored one.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { median, percentile, type BenchRow } from './types';

export interface Samples {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  samples: number[];
}

export function summarize(samples: number[]): Samples {
  if (samples.length === 0) throw new Error('summarize(): no samples');
  return { medianMs: median(samples), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples), samples };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured; returns the summary of the measured runs. */
export async function measure(
  fn: () => unknown,
  { runs = 15, warmup = 3 }: { runs?: number; warmup?: number } = {},
): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/**
 * A row comparing `subject` against `baseline` (both measured in this run): ratio of medians, and pass when
 * the ratio is at most `maxRatio` and/or the median at most `maxMs` (whichever are given).
 */
export function compareRow(
  fields: { area: string; case: string; extra?: string },
  subject: Samples,
  baseline: Samples | undefined,
  goal: { maxRatio?: number; maxMs?: number } = {},
): BenchRow {
  const ratio = baseline ? subject.medianMs / baseline.medianMs : undefined;
  const checks: boolean[] = [];
  const words: string[] = [];
  if (goal.maxMs !== undefined) {
    checks.push(subject.medianMs <= goal.maxMs);
    words.push(`≤ ${goal.maxMs} ms`);
  }
  if (goal.maxRatio !== undefined && ratio !== undefined) {
    checks.push(ratio <= goal.maxRatio);
    words.push(`≤ ${goal.maxRatio}× baseline`);
  }
  return {
    ...fields,
    medianMs: subject.medianMs,
    p95Ms: subject.p95Ms,
    maxMs: subject.maxMs,
    baselineMs: baseline?.medianMs,
    ratio,
    ...(words.length ? { goal: words.join(', '), pass: checks.every(Boolean) } : {}),
  };
}

/**
 * A bench module run on its own (`npx tsx bench/<area>.ts`): runs it when `metaUrl` is the script node was started
 * with, prints one line per row (case | median | base | ratio | extra | goal ok/NO), exits 1 on an error.
 */
export function runAlone(metaUrl: string, run: () => Promise<BenchRow[]>, fmt: (ms: number) => string): void {
  if (metaUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  run().then(
    (rows) => {
      for (const r of rows) {
        const ms = Number.isFinite(r.medianMs) ? fmt(r.medianMs) : '';
        const base = r.baselineMs !== undefined ? ` | base ${fmt(r.baselineMs)} | ×${r.ratio?.toFixed(2)}` : '';
        const verdict = r.pass === undefined ? '' : r.pass ? 'ok' : 'NO';
        console.log(`${r.case} | ${ms}${base} | ${r.extra ?? ''} | ${r.goal ?? ''} ${verdict}`);
      }
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
