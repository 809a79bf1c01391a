/**
 * The verdict engine: evaluates every verdict rule on a text and combines the weights of those that fire
 * into a score (logistic of bias + Σ weights) and a genre.
 */
import { withoutBoilerplate } from './boilerplate';
import type { Genre, Mention, OutlineItem, Reason, Verdict } from './types';
import { VERDICT_BIAS, VERDICT_RULES, countMatches, type VerdictContext, type VerdictRule } from './verdict-rules';

const HEAD_CHARS = 3000;
const TAIL_CHARS = 1200;
const FRONT_FRACTION = 0.4;
const FRONT_MAX = 6000;
const SAMPLE_HEAD = 8000;
/** Length measures stop counting here: 20000 characters are enough to tell a full speech from a short page. */
const COUNT_LIMIT = 20000;
/** Verdict rules' evidence is shown to users; keep it short. */
const EVIDENCE_CHARS = 40;

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Derived views of a text for the verdict rules. `text` should already be free of boilerplate. */
export function buildVerdictContext(
  text: string,
  outline: readonly OutlineItem[] = [],
  mentions: readonly Mention[] = [],
): VerdictContext {
  let cjk = 0;
  let proseCjk = 0;
  let sampleProseCjk = 0;
  let shortLines = 0;
  let lineCjk = 0;
  let lineHasStop = false;
  const tailStart = Math.max(SAMPLE_HEAD, text.length - TAIL_CHARS);
  const endLine = (at: number) => {
    if (lineCjk >= 20 && lineHasStop) {
      proseCjk += lineCjk;
      if (at <= SAMPLE_HEAD || at >= tailStart) sampleProseCjk += lineCjk;
    }
    if (lineCjk > 0 && lineCjk < 12) shortLines++;
    lineCjk = 0;
    lineHasStop = false;
  };
  const countTo = Math.min(text.length, COUNT_LIMIT);
  for (let i = 0; i < countTo; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) endLine(i);
    else if (isCjk(c)) {
      cjk++;
      lineCjk++;
    } else if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) lineHasStop = true; // 。！？；
  }
  endLine(countTo);
  // Texts without line breaks are one long prose line: attribute the sample's share of it.
  if (sampleProseCjk === 0 && proseCjk > 0) {
    const sampleChars = Math.min(text.length, SAMPLE_HEAD) + Math.max(0, text.length - tailStart);
    sampleProseCjk = Math.round((proseCjk * Math.min(sampleChars, countTo)) / countTo);
  }
  return {
    text,
    head: text.slice(0, HEAD_CHARS),
    tail: text.slice(Math.max(0, text.length - TAIL_CHARS)),
    front: text.slice(0, Math.min(FRONT_MAX, Math.ceil(text.length * FRONT_FRACTION))),
    sample: text.length <= SAMPLE_HEAD + TAIL_CHARS ? text : text.slice(0, SAMPLE_HEAD) + '\n' + text.slice(tailStart),
    cjk,
    proseCjk,
    sampleProseCjk,
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
  return count >= needed ? { fired: true, evidence: first === undefined ? undefined : shorten(first) } : { fired: false };
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
  const isPolicy = score >= 0.5;
  const genre: Genre = !isPolicy ? 'other' : reportEvidence ? 'report' : 'speech';
  return { isPolicy, genre, score, reasons };
}

/** Verdict for a raw text (boilerplate removed first). */
export function verdictFor(
  text: string,
  outline: readonly OutlineItem[] = [],
  mentions: readonly Mention[] = [],
): Verdict {
  return judge(buildVerdictContext(withoutBoilerplate(text), outline, mentions));
}
