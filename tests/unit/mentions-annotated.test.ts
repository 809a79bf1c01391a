/**
 * Program precision / recall and target tense on hand-annotated passages of corpus reports
 * (tests/fixtures/corpus/gold/mentions-annotated.json; method in gold/README.md). Prints the numbers it asserts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules/analyze';
import type { Mention } from '../../lib/rules/types';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus/');
const read = (rel: string) => readFileSync(join(CORPUS, rel), 'utf8');

interface Passage {
  file: string;
  start: number;
  end: number;
  /** plan: every quantity in it is forward-looking; review: every quantity is a past result (read by hand). */
  section: 'plan' | 'review';
  programs?: string[];
  /** Named things the annotation leaves out (designated zones …示范区/先行区/试验区): neither right nor wrong. */
  outOfScope?: string[];
}

const gold = JSON.parse(read('gold/mentions-annotated.json')) as { passages: Passage[] };
const analyses = new Map<string, Mention[]>();
const mentionsIn = (p: Passage): Mention[] => {
  if (!analyses.has(p.file)) analyses.set(p.file, analyze(read(p.file)).mentions);
  return analyses.get(p.file)!.filter((m) => m.start >= p.start && m.end <= p.end);
};

describe('annotated passages', () => {
  it('programs: precision ≥ 0.95 and recall ≥ 0.9', () => {
    let tp = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    let annotated = 0;
    for (const p of gold.passages.filter((q) => q.programs)) {
      const want = new Set(p.programs);
      const ignore = new Set(p.outOfScope ?? []);
      const found = new Set(
        mentionsIn(p)
          .filter((m) => m.category === 'program')
          .map((m) => m.key),
      );
      annotated += want.size;
      for (const key of found) {
        if (want.has(key)) tp++;
        else if (!ignore.has(key)) wrong.push(key);
      }
      for (const key of want) if (!found.has(key)) missed.push(key);
    }
    const precision = tp / (tp + wrong.length);
    const recall = tp / annotated;
    console.log(
      `programs on annotated passages: ${annotated} annotated, ${tp} found, ${wrong.length} wrong, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n` +
        `  wrong: ${wrong.join(' | ') || '—'}\n  missed: ${missed.join(' | ') || '—'}`,
    );
    expect(annotated).toBeGreaterThanOrEqual(30);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('target: ≥ 90% forward-looking; the review parts’ numbers are results', () => {
    let forward = 0;
    let past = 0;
    let results = 0;
    for (const p of gold.passages) {
      const ms = mentionsIn(p);
      const targets = ms.filter((m) => m.category === 'target').length;
      if (p.section === 'plan') forward += targets;
      else {
        past += targets;
        results += ms.filter((m) => m.category === 'result').length;
      }
    }
    const share = forward / (forward + past);
    console.log(
      `target on annotated passages: ${forward} forward-looking, ${past} past (${(100 * share).toFixed(1)}% forward); ${results} results in review parts`,
    );
    expect(forward + past).toBeGreaterThanOrEqual(30);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(results).toBeGreaterThan(past * 5);
  });
});
