/**
 * Benchmark of the reader's own rules (issue 13): a user pattern on a 300,000-character page with re2js (what
 * Tifa runs) against native RegExp (the floor, which a hostile pattern could hang); the catastrophic pattern
 * `(a+)+$` on growing inputs, re2js linear against native exponential; analyze() with a rule set against
 * analyze() alone; and the cost of accepting a pattern (compile + the guards on the 100,000-character sample).
 *
 * Part of `npm run bench` (bench/run.ts): `npm run bench -- rulepacks`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileUserPattern } from '../lib/rulepacks/pattern';
import { RuleSetCompiler } from '../lib/rulepacks/compile';
import { emptyCustomRules } from '../lib/rulepacks/schema';
import { analyze } from '../lib/rules/analyze';
import type { PatternMatcher } from '../lib/rules/custom-rules';
import { compareRow, measure } from './measure';
import type { BenchRow } from './types';

const AREA = 'rulepacks';
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/corpus');
const PAGE_CHARS = 300_000;
const USER_PATTERN = '“[^”]{2,12}”(?:工程|行动)|[一二三四五六七八九十]个(?:全面|维护|确立|自信|务必)';

function page(): string {
  const report = readFileSync(join(CORPUS, 'pos/cpccongress__20.txt'), 'utf8');
  let text = '';
  while (text.length < PAGE_CHARS) text += report + '\n';
  return text.slice(0, PAGE_CHARS);
}

function matcher(source: string): PatternMatcher {
  const check = compileUserPattern(source, 'u', { budgetMs: 60_000 });
  if (!check.ok) throw new Error(`bench pattern refused: ${check.problem.code}`);
  return check.matcher;
}

function nativeCount(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

async function userPatternRows(text: string): Promise<BenchRow[]> {
  const re2 = matcher(USER_PATTERN);
  const native = new RegExp(USER_PATTERN, 'gu');
  const found = re2.findAll(text, text.length).length;
  const floor = await measure(() => nativeCount(native, text), { runs: 9, warmup: 2 });
  const ours = await measure(() => re2.findAll(text, text.length), { runs: 9, warmup: 2 });
  return [
    compareRow(
      { area: AREA, case: 'user pattern, 300k-char page: re2js (baseline: native RegExp)', extra: `${found} matches` },
      ours,
      floor,
      { maxMs: 300 },
    ),
  ];
}

/** `(a+)+$` on "a…a!": native RegExp doubles per extra character; re2js grows with the length only. */
async function catastrophicRows(): Promise<BenchRow[]> {
  const re2 = matcher('(a+)+$');
  const input = (n: number) => 'a'.repeat(n) + '!';
  // From 100,000 characters on, RE2 runs its NFA (below, a bounded backtracker with other constants).
  const small = await measure(() => re2.findAll(input(100_000), Infinity), { runs: 5, warmup: 1 });
  const large = await measure(() => re2.findAll(input(300_000), Infinity), { runs: 5, warmup: 1 });
  const native20 = await measure(() => /(a+)+$/.test(input(20)), { runs: 3, warmup: 0 });
  const native24 = await measure(() => /(a+)+$/.test(input(24)), { runs: 3, warmup: 0 });
  return [
    compareRow(
      { area: AREA, case: '(a+)+$ re2js, 300,000 chars (baseline: 100,000 chars)', extra: 'linear: ratio ≈ 3' },
      large,
      small,
      { maxRatio: 5 },
    ),
    compareRow(
      { area: AREA, case: '(a+)+$ native RegExp, 24 chars (baseline: 20 chars)', extra: 'exponential: ratio ≈ 16' },
      native24,
      native20,
    ),
  ];
}

async function analyzeRows(text: string): Promise<BenchRow[]> {
  const rules = emptyCustomRules();
  for (let i = 0; i < 50; i++) rules.terms.push({ text: `示范项目${i}号`, category: 'program' });
  rules.terms.push({ text: '高质量发展', category: 'formulation', gloss: '首要任务' });
  rules.patterns.push({ id: 'bench', pattern: USER_PATTERN, category: 'formulation' });
  rules.hidden.push('四个全面');
  const { ruleSet } = new RuleSetCompiler({ budgetMs: 60_000 }).compile(rules);
  const plain = await measure(() => analyze(text), { runs: 7, warmup: 2 });
  const custom = await measure(() => analyze(text, { ruleSet }), { runs: 7, warmup: 2 });
  const compile = await measure(() => compileUserPattern(USER_PATTERN, 'u', { budgetMs: 60_000 }), {
    runs: 7,
    warmup: 1,
  });
  return [
    compareRow(
      { area: AREA, case: 'analyze 300k page + 51 terms, 1 pattern (baseline: built-in only)' },
      custom,
      plain,
    ),
    compareRow({ area: AREA, case: 'accept a pattern: compile + guards on 100k sample' }, compile, undefined, {
      maxMs: 400,
    }),
  ];
}

export async function run(): Promise<BenchRow[]> {
  const text = page();
  return [...(await userPatternRows(text)), ...(await catastrophicRows()), ...(await analyzeRows(text))];
}
