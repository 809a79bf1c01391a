/**
 * A reader's regular expression, made safe to run on any page: compiled once with re2js (a port of RE2, which
 * matches in time linear in the text — no catastrophic backtracking, whatever the pattern), and refused when
 * it is invalid, can match the empty string, is too large, or is too slow on a long sample.
 *
 * This is where the re2js dependency lives: lib/rules stays free of outside imports and only sees the
 * `PatternMatcher` interface that `compileUserPattern` returns.
 */
import { RE2JS } from 're2js';
import type { PatternMatcher } from '../rules/custom-rules';
import { speedSample } from './sample';

/** Why a pattern was refused; the reader sees patternProblemText(problem) (lib/rulepacks/messages.ts). */
export type PatternProblem =
  | { code: 'invalid'; detail: string }
  | { code: 'flags'; detail: string }
  | { code: 'empty' }
  | { code: 'complex'; detail: string }
  | { code: 'slow'; detail: string };

export type PatternCheck = { ok: true; matcher: PatternMatcher } | { ok: false; problem: PatternProblem };

/** Flags a pack may carry. `u` is implied (RE2 always reads Unicode); `g` is implied too (every match counts). */
export const ALLOWED_FLAGS = 'gimsu';
/** RE2 program instructions: a rough size of the compiled automaton; `x{1,1000}` nests blow it up. */
export const MAX_PROGRAM_SIZE = 5000;
/** A pattern that finds more than this on a page is not naming something; the rest is ignored. */
export const MAX_MATCHES_PER_PATTERN = 2000;
export const MAX_PATTERN_LENGTH = 500;

export interface SpeedCheck {
  /** Time allowed for the whole sample (default 400 ms, far above what an ordinary pattern needs). */
  budgetMs?: number;
  /** Clock, injectable so tests of the guard do not depend on the machine's speed. */
  now?: () => number;
  /** Text to time the pattern on (default: speedSample(), 100,000 characters of speech-like text). */
  sample?: string;
}

const CHUNK = 10_000;

function re2Flags(flags: string): number {
  let out = 0;
  if (flags.includes('i')) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) out |= RE2JS.MULTILINE;
  if (flags.includes('s')) out |= RE2JS.DOTALL;
  return out;
}

function matcherFor(re: RE2JS): PatternMatcher {
  return {
    findAll(text, until) {
      const out: Array<[number, number]> = [];
      const m = re.matcher(text);
      while (out.length < MAX_MATCHES_PER_PATTERN && m.find()) {
        const start = m.start();
        if (start >= until) break;
        const end = m.end();
        if (end > start) out.push([start, end]);
      }
      return out;
    },
  };
}

/** A zero-length match anywhere in a few probes (empty text, Chinese, Latin, digits, line breaks). */
function matchesEmpty(re: RE2JS): boolean {
  for (const probe of ['', '各级党委要抓好落实。\n', 'Plan 2025, item 3.\n', '“三个一”工程 5%']) {
    const m = re.matcher(probe);
    while (m.find()) if (m.end() === m.start()) return true;
  }
  return false;
}

/** Times the pattern chunk by chunk so a slow one is stopped at the first chunk past the budget. */
function tooSlow(re: RE2JS, check: SpeedCheck): string | null {
  const budget = check.budgetMs ?? 400;
  const now = check.now ?? (() => performance.now());
  const sample = check.sample ?? speedSample();
  const started = now();
  for (let at = 0; at < sample.length; at += CHUNK) {
    const m = re.matcher(sample.slice(at, at + CHUNK));
    let found = 0;
    while (found < MAX_MATCHES_PER_PATTERN && m.find()) found++;
    const elapsed = now() - started;
    if (elapsed > budget) {
      return `${Math.round(elapsed)} ms for ${Math.min(at + CHUNK, sample.length).toLocaleString('en')} of ${sample.length.toLocaleString('en')} characters (budget ${budget} ms)`;
    }
  }
  return null;
}

/** Compiles a reader's pattern once and returns its matcher, or the reason it is refused. */
export function compileUserPattern(source: string, flags = 'u', speed: SpeedCheck = {}): PatternCheck {
  const badFlag = [...flags].find((f) => !ALLOWED_FLAGS.includes(f));
  if (badFlag !== undefined) return { ok: false, problem: { code: 'flags', detail: badFlag } };
  if (source.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (source.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      problem: { code: 'complex', detail: `${source.length} characters (at most ${MAX_PATTERN_LENGTH})` },
    };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, re2Flags(flags));
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp:\s*/, '') : String(err);
    return { ok: false, problem: { code: 'invalid', detail } };
  }
  const size = re.matcher('').programSize();
  if (size > MAX_PROGRAM_SIZE) {
    return { ok: false, problem: { code: 'complex', detail: `${size} instructions (at most ${MAX_PROGRAM_SIZE})` } };
  }
  if (matchesEmpty(re)) return { ok: false, problem: { code: 'empty' } };
  const slow = tooSlow(re, speed);
  if (slow) return { ok: false, problem: { code: 'slow', detail: slow } };
  return { ok: true, matcher: matcherFor(re) };
}
