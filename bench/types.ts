/**
 * One row of `npm run bench`'s table. Medians over repeated runs; `baselineMs` is the floor measured in the same
 * run (e.g. a plain regex scan), `ratio` = medianMs / baselineMs. `goal` states the target in words and `pass`
 * whether this run met it.
 */
export interface BenchRow {
  area: string;
  case: string;
  medianMs: number;
  p95Ms?: number;
  maxMs?: number;
  baselineMs?: number;
  ratio?: number;
  extra?: string;
  goal?: string;
  pass?: boolean;
}

/** Each area's bench module exports `run` returning its rows. */
export type BenchModule = { run: () => Promise<BenchRow[]> };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
