/**
 * The verdict engine: evaluates every verdict rule on a text and combines the weights of those that fire
 * into a score (logistic of bias + Σ weights) and a genre.
 */
import { speechOnly } from './cover-note';
import type { Genre, Mention, OutlineItem, Reason, Verdict } from './types';
import { joinSpacedWraps, unwrapHardLines } from './unwrap';
import { VERDICT_BIAS, VERDICT_RULES, countMatches, type VerdictContext, type VerdictRule } from './verdict-rules';

const HEAD_CHARS = 3000;
const TAIL_CHARS = 1200;
const FRONT_FRACTION = 0.4;
const FRONT_MIN = 2000;
const FRONT_MAX = 6000;
const SAMPLE_HEAD = 8000;
/** Verdict rules' evidence is shown to users; keep it short. */
const EVIDENCE_CHARS = 40;

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/**
 * CJK characters, those on prose lines and short lines of the sample: `text` from..to, a line break, then
 * from2..to2 and a line break. Counted on `text` itself, not on the sample: the sample is a concatenation, and
 * reading a concatenated string character by character is several times slower than reading a flat one.
 */
function countLines(text: string, from: number, to: number, from2: number, to2: number) {
  let cjk = 0;
  let proseCjk = 0;
  let shortLines = 0;
  let lineCjk = 0;
  let lineHasStop = false;
  let i = from;
  let end = to;
  for (let part = 0; part < 2; part++) {
    for (; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : 10;
      if (c === 10) {
        if (lineCjk >= 20 && lineHasStop) proseCjk += lineCjk;
        if (lineCjk > 0 && lineCjk < 12) shortLines++;
        lineCjk = 0;
        lineHasStop = false;
      } else if (isCjk(c)) {
        cjk++;
        lineCjk++;
      } else if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) lineHasStop = true; // 。！？；
    }
    if (to2 <= from2) break;
    i = from2;
    end = to2;
  }
  return { cjk, proseCjk, shortLines };
}

/** Derived views of a text for the verdict rules. `text` should already be free of boilerplate. */
export function buildVerdictContext(
  pageText: string,
  outline: readonly OutlineItem[] = [],
  mentions: readonly Mention[] = [],
): VerdictContext {
  // A hard-wrapped PDF page splits cue phrases across lines (or blanks); the verdict reads it with them joined.
  const text = unwrapHardLines(joinSpacedWraps(pageText));
  const sample =
    text.length <= SAMPLE_HEAD + TAIL_CHARS
      ? text
      : text.slice(0, SAMPLE_HEAD) + '\n' + text.slice(text.length - TAIL_CHARS);
  const { cjk, proseCjk, shortLines } =
    sample === text
      ? countLines(text, 0, text.length, 0, 0)
      : countLines(text, 0, SAMPLE_HEAD, text.length - TAIL_CHARS, text.length);
  return {
    text,
    head: text.slice(0, HEAD_CHARS),
    tail: text.slice(Math.max(0, text.length - TAIL_CHARS)),
    front: text.slice(0, Math.min(FRONT_MAX, Math.max(FRONT_MIN, Math.ceil(text.length * FRONT_FRACTION)))),
    sample,
    sampled: sample.length < text.length,
    cjk,
    proseCjk,
    shortLines,
    outline,
    mentions,
  };
}

function shorten(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return oneLine.length > EVIDENCE_CHARS ? oneLine.slice(0, EVIDENCE_CHARS - 1) + '…' : oneLine;
}

/** Whether one rule fires on a context, with its evidence. */
export function evaluateVerdictRule(rule: VerdictRule, ctx: VerdictContext): { fired: boolean; evidence?: string } {
  if (rule.measure) {
    const evidence = rule.measure(ctx);
    return evidence === null ? { fired: false } : { fired: true, evidence };
  }
  if (!rule.pattern) throw new Error(`verdict rule ${rule.id} has neither a pattern nor a measure`);
  const scoped = ctx[rule.scope ?? 'sample'];
  const needed = rule.minCount ?? 1;
  const { count, first } = countMatches(rule.pattern, scoped, needed);
  return count >= needed
    ? { fired: true, evidence: first === undefined ? undefined : shorten(first) }
    : { fired: false };
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Judge a prepared context. */
export function judge(ctx: VerdictContext, rules: readonly VerdictRule[] = VERDICT_RULES): Verdict {
  const reasons: Reason[] = [];
  let logit = VERDICT_BIAS;
  let reportEvidence = false;
  for (const rule of rules) {
    const { fired, evidence } = evaluateVerdictRule(rule, ctx);
    if (!fired) continue;
    logit += rule.weight;
    if (rule.genre === 'report') reportEvidence = true;
    const reason: Reason = { id: rule.id, weight: rule.weight, zh: rule.description.zh, en: rule.description.en };
    if (evidence) reason.evidence = evidence;
    reasons.push(reason);
  }
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const score = Math.round(logistic(logit) * 1000) / 1000;
  // Strictly above 0.5: the generic features (long, directive, outlined, many formulations) sum exactly to the
  // bias, so a long normative document with all of them stays "other" — a speech or report cue must fire.
  const isPolicy = logit > 0;
  const genre: Genre = !isPolicy ? 'other' : reportEvidence ? 'report' : 'speech';
  return { isPolicy, genre, score, reasons };
}

/** Verdict for a raw text (boilerplate and a cover note removed first). */
export function verdictFor(
  text: string,
  outline: readonly OutlineItem[] = [],
  mentions: readonly Mention[] = [],
): Verdict {
  return judge(buildVerdictContext(speechOnly(text), outline, mentions));
}
