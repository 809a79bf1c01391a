import type { Clip } from '../clips/types';
import { fingerprint, SHINGLE_CHARS, WINNOW_WINDOW, type Fingerprints } from './fingerprint';

/**
 * Passages that recur across speeches. An inverted index maps each winnowed shingle fingerprint to the clips
 * containing it; for one clip, counting shared fingerprints per other clip finds near-identical passages
 * without comparing all pairs. Building it for 10,000 clips of paragraph length is a linear pass (see
 * bench/reviewing.ts); a lookup touches only the posting lists of one clip's fingerprints.
 */

/** Fingerprints shared by more clips than this are stock phrases; they are skipped at lookup. */
const MAX_POSTINGS = 2_000;

/** Posting keys pack hash and clip index into one float: hash · 2^20 + clip (exact below 2^53). */
const CLIP_BITS = 2 ** 20;

export interface SimilarityIndex {
  readonly clips: readonly Clip[];
  readonly prints: readonly Fingerprints[];
  /** Sorted packed (hash, clip) keys: the inverted index as one typed array (compact, fast to build). */
  readonly keys: Float64Array;
  readonly byId: ReadonlyMap<string, number>;
}

export function buildSimilarityIndex(clips: readonly Clip[], previous?: SimilarityIndex): SimilarityIndex {
  const builder = startBuild(clips, previous);
  while (!builder.step(Infinity));
  return builder.finish();
}

/**
 * The same build in slices, yielding between them (`pause`) so a page stays responsive while 10,000 clips are
 * fingerprinted. Fingerprints of clips whose text is unchanged are taken from `previous`.
 */
export async function buildSimilarityIndexAsync(
  clips: readonly Clip[],
  options: { previous?: SimilarityIndex; slice?: number; pause?: () => Promise<void> } = {},
): Promise<SimilarityIndex> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const builder = startBuild(clips, options.previous);
  while (!builder.step(options.slice ?? 500)) await pause();
  return builder.finish();
}

function startBuild(clips: readonly Clip[], previous?: SimilarityIndex) {
  if (clips.length >= CLIP_BITS) throw new Error(`similarity: at most ${CLIP_BITS - 1} clips`);
  const prints: Fingerprints[] = new Array(clips.length);
  const byId = new Map<string, number>();
  let next = 0;
  let total = 0;
  return {
    /** Fingerprints up to `count` more clips; true when all are done. */
    step(count: number): boolean {
      const end = Math.min(clips.length, next + count);
      for (let c = next; c < end; c++) {
        const clip = clips[c];
        byId.set(clip.id, c);
        const old = previous?.byId.get(clip.id);
        prints[c] =
          old !== undefined && previous!.clips[old].text === clip.text ? previous!.prints[old] : fingerprint(clip.text);
        total += prints[c].hashes.length;
      }
      next = end;
      return next >= clips.length;
    },
    finish(): SimilarityIndex {
      const keys = new Float64Array(total);
      let k = 0;
      for (let c = 0; c < clips.length; c++) {
        const hashes = prints[c].hashes;
        for (let i = 0; i < hashes.length; i++) keys[k++] = hashes[i] * CLIP_BITS + c;
      }
      keys.sort();
      return { clips, prints, keys: dedupeSorted(keys), byId };
    },
  };
}

/** A clip repeating a fingerprint is one posting. */
function dedupeSorted(keys: Float64Array): Float64Array {
  let w = 0;
  for (let r = 0; r < keys.length; r++) if (r === 0 || keys[r] !== keys[r - 1]) keys[w++] = keys[r];
  return keys.subarray(0, w);
}

/** Clip indexes containing fingerprint `hash` (a view; empty when absent). */
function postingsOf(keys: Float64Array, hash: number): number[] {
  const low = hash * CLIP_BITS;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < low) lo = mid + 1;
    else hi = mid;
  }
  const high = low + CLIP_BITS;
  const out: number[] = [];
  for (let i = lo; i < keys.length && keys[i] < high; i++) {
    if (out.length > MAX_POSTINGS) return [];
    out.push(keys[i] - low);
  }
  return out;
}

export interface RecurringPassage {
  /** Offsets into the clip's own text. */
  start: number;
  end: number;
  text: string;
}

export interface SimilarClip {
  clip: Clip;
  /** Share of the smaller clip's fingerprints found in the other (0..1): 1 means one contains the other. */
  score: number;
  /** Longest recurring run, in significant characters (punctuation and spaces not counted). */
  longestRun: number;
  /** The recurring passages as they read in the QUERY clip. */
  passages: RecurringPassage[];
  /** The same passages as they read in the other clip. */
  otherPassages: RecurringPassage[];
}

export interface SimilarOptions {
  /** Include clips from the same page (overlapping clips of one speech); default false: other speeches only. */
  samePage?: boolean;
  /** A recurring run at least this long (significant characters) counts as a recurrence. */
  minRun?: number;
  /** Or this share of the smaller clip recurring. */
  minScore?: number;
  limit?: number;
}

export function findSimilar(index: SimilarityIndex, clipId: string, options: SimilarOptions = {}): SimilarClip[] {
  const { samePage = false, minRun = 16, minScore = 0.6, limit = 50 } = options;
  const q = index.byId.get(clipId);
  if (q === undefined) throw new Error(`similarity: no clip with id ${clipId} in the index`);
  const query = index.clips[q];
  const qfp = index.prints[q];
  // For each candidate clip: which of the query's fingerprints (by their position in the query) it shares.
  const shared = new Map<number, number[]>();
  for (let i = 0; i < qfp.hashes.length; i++) {
    for (const c of postingsOf(index.keys, qfp.hashes[i])) {
      if (c === q) continue;
      if (!samePage && index.clips[c].url === query.url) continue;
      const hits = shared.get(c);
      if (hits) hits.push(i);
      else shared.set(c, [i]);
    }
  }
  const results: SimilarClip[] = [];
  for (const [c, hits] of shared) {
    const other = index.prints[c];
    const qRuns = runsOf(qfp, hits);
    const hashesInQuery = new Set(hits.map((i) => qfp.hashes[i]));
    const otherHits: number[] = [];
    for (let i = 0; i < other.hashes.length; i++) if (hashesInQuery.has(other.hashes[i])) otherHits.push(i);
    const oRuns = runsOf(other, otherHits);
    const longestRun = Math.min(longest(qRuns), longest(oRuns));
    const smaller = Math.min(qfp.hashes.length, other.hashes.length) || 1;
    const score = Math.min(1, Math.min(hits.length, otherHits.length) / smaller);
    if (longestRun < minRun && score < minScore) continue;
    results.push({
      clip: index.clips[c],
      score,
      longestRun,
      passages: qRuns.map((r) => passageOf(query.text, qfp, r)),
      otherPassages: oRuns.map((r) => passageOf(index.clips[c].text, other, r)),
    });
  }
  results.sort((a, b) => b.longestRun - a.longestRun || b.score - a.score || b.clip.created - a.clip.created);
  return results.slice(0, limit);
}

type Run = [start: number, end: number];

/**
 * Merges shared fingerprints into runs of the compact text: consecutive fingerprints no further apart than the
 * winnowing window belong to the same recurring passage.
 */
function runsOf(fp: Fingerprints, hitIndexes: number[]): Run[] {
  const runs: Run[] = [];
  const sorted = [...hitIndexes].sort((a, b) => fp.positions[a] - fp.positions[b]);
  for (const i of sorted) {
    const start = fp.positions[i];
    const end = start + SHINGLE_CHARS;
    const last = runs[runs.length - 1];
    if (last && start <= last[1] + WINNOW_WINDOW) last[1] = Math.max(last[1], end);
    else runs.push([start, end]);
  }
  return runs;
}

function longest(runs: Run[]): number {
  return runs.reduce((m, [s, e]) => Math.max(m, e - s), 0);
}

function passageOf(text: string, fp: Fingerprints, [start, end]: Run): RecurringPassage {
  const from = fp.offsets[start];
  const to = fp.offsets[Math.min(end, fp.compact.length) - 1] + 1;
  return { start: from, end: to, text: text.slice(from, to) };
}

/** Groups results by speech (page), best first — what the UI lists. */
export function groupSimilarBySpeech(results: readonly SimilarClip[]): Array<{ url: string; results: SimilarClip[] }> {
  const groups = new Map<string, SimilarClip[]>();
  for (const r of results) {
    const list = groups.get(r.clip.url);
    if (list) list.push(r);
    else groups.set(r.clip.url, [r]);
  }
  return [...groups].map(([url, list]) => ({ url, results: list }));
}
