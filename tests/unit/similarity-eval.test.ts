/**
 * Reuse detection measured (issue 12): template variants of corpus paragraphs against unrelated same-genre
 * paragraphs, through the real pipeline (fingerprint candidates → alignment → label). Prints the
 * precision/recall curve the label thresholds were chosen from, the shingle-length table, and the real case:
 * the seed speech against the whole corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** Measurements over the whole corpus: generous, the machine is shared. */
const SLOW = 120_000;
import { overlap } from '../../lib/similarity/align';
import { compactText } from '../../lib/similarity/fingerprint';
import { labelOverlap, REUSE_THRESHOLDS, reuseScore } from '../../lib/similarity/labels';
import { ParagraphIndex, paragraphHashes } from '../../lib/similarity/paragraph-index';
import { splitParagraphs } from '../../lib/similarity/paragraphs';
import { findCandidates, findReuse } from '../../lib/similarity/reuse';
import { reuseEvalSet, type ReuseEvalSet } from '../helpers/reuse-eval';
import { seededRandom } from '../helpers/seeded-random';
import { pick } from '../helpers/template-variants';

let set: ReuseEvalSet;
let index: ParagraphIndex;
beforeAll(() => {
  set = reuseEvalSet();
  index = ParagraphIndex.build(set.history.map((t) => paragraphHashes(t)));
}, SLOW);

/** A hit on another history paragraph is correct when that paragraph itself reuses the source (real reuse). */
function alsoReusesSource(source: number, other: number): boolean {
  return labelOverlap(overlap(set.history[source], set.history[other])) !== undefined;
}

describe('reuse detection on template variants (5–30% changed, 50+ characters)', () => {
  it(
    'meets precision ≥ 0.95 and recall ≥ 0.9 at the chosen threshold, and prints the curve',
    () => {
      const sourceScores: number[] = [];
      const others: Array<{ score: number; correct: boolean }> = [];
      for (const q of set.positives) {
        let sourceScore = 0;
        for (const c of findCandidates(index, q.text)) {
          const score = reuseScore(overlap(q.text, set.history[c.paragraph]));
          if (c.paragraph === q.source) sourceScore = score;
          else others.push({ score, correct: alsoReusesSource(q.source, c.paragraph) });
        }
        sourceScores.push(sourceScore);
      }
      for (const text of set.negatives) {
        for (const c of findCandidates(index, text))
          others.push({ score: reuseScore(overlap(text, set.history[c.paragraph])), correct: false });
      }
      const rows: string[] = [];
      for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
        const tp = sourceScores.filter((s) => s >= t).length;
        const extraOk = others.filter((o) => o.correct && o.score >= t).length;
        const fp = others.filter((o) => !o.correct && o.score >= t).length;
        rows.push(
          `  ${t.toFixed(2)}  precision ${((tp + extraOk) / Math.max(1, tp + extraOk + fp)).toFixed(3)}  recall ${(tp / sourceScores.length).toFixed(3)}  false hits ${fp}`,
        );
      }
      console.log(
        `reuse P/R curve (score = share of the shorter passage aligned; ${set.positives.length} variants, ${set.negatives.length} negatives, history ${set.history.length} paragraphs):\n${rows.join('\n')}`,
      );

      // The product's decision, end to end: findReuse with the shipped thresholds.
      let truePositives = 0;
      let falsePositives = 0;
      let found = 0;
      for (const q of set.positives) {
        const matches = findReuse(index, q.text, (p) => set.history[p]);
        if (matches.some((m) => m.paragraph === q.source)) found++;
        for (const m of matches) {
          if (m.paragraph === q.source || alsoReusesSource(q.source, m.paragraph)) truePositives++;
          else falsePositives++;
        }
      }
      for (const text of set.negatives) falsePositives += findReuse(index, text, (p) => set.history[p]).length;
      const precision = truePositives / (truePositives + falsePositives);
      const recall = found / set.positives.length;
      console.log(
        `at variant threshold ${REUSE_THRESHOLDS.variant}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${falsePositives} false hits)`,
      );
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    },
    SLOW,
  );

  it(
    'labels near-identical copies `same`, variants `variant` and embedded passages `contained`',
    () => {
      const rng = seededRandom(99);
      const confusion = {
        same: new Map<string, number>(),
        variant: new Map<string, number>(),
        contained: new Map<string, number>(),
      };
      const tally = (expected: keyof typeof confusion, a: string, b: string) => {
        const got = labelOverlap(overlap(a, b)) ?? 'none';
        confusion[expected].set(got, (confusion[expected].get(got) ?? 0) + 1);
      };
      for (const q of set.positives.slice(0, 100)) {
        const source = set.history[q.source];
        // Same: layout and punctuation redone, full-width digits, one traditional character.
        const relaid = source
          .replace(/，/g, '、')
          .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
          .replace('发', '發');
        tally('same', relaid, source);
        if (q.share >= 0.08) tally('variant', q.text, source);
        // Contained: the passage quoted inside a paragraph more than twice its length.
        let before = '';
        let after = '';
        while (compactText(before + after).compact.length < compactText(source).compact.length * 1.2) {
          if (rng() < 0.5) before += pick(rng, set.fillers);
          else after += pick(rng, set.fillers);
        }
        tally('contained', before + source + after, source);
      }
      const lines = Object.entries(confusion).map(
        ([expected, got]) => `  ${expected.padEnd(9)} → ${[...got].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      );
      console.log(`labels (expected → got):\n${lines.join('\n')}`);
      for (const [expected, got] of Object.entries(confusion)) {
        const total = [...got.values()].reduce((s, n) => s + n, 0);
        expect((got.get(expected) ?? 0) / total, expected).toBeGreaterThanOrEqual(0.9);
      }
    },
    SLOW,
  );

  it(
    'prints the shingle length / window table the history constants were chosen from',
    () => {
      const rows: string[] = [];
      for (const [k, w] of [
        [5, 4],
        [7, 6],
        [9, 4],
        [8, 8],
        [10, 10],
      ]) {
        const idx = ParagraphIndex.build(set.history.map((t) => paragraphHashes(t, k, w)));
        let found = 0;
        let negatives = 0;
        for (const q of set.positives)
          if (idx.candidates(paragraphHashes(q.text, k, w)).some((c) => c.paragraph === q.source)) found++;
        for (const t of set.negatives) negatives += idx.candidates(paragraphHashes(t, k, w)).length;
        rows.push(
          `  k=${k} w=${w}: ${(idx.postingCount / set.history.length).toFixed(1)} fingerprints/paragraph, candidate recall ${(found / set.positives.length).toFixed(3)}, ${(negatives / set.negatives.length).toFixed(2)} candidates per negative`,
        );
      }
      console.log(`shingles:\n${rows.join('\n')}`);
      expect(rows).toHaveLength(5);
    },
    SLOW,
  );
});

describe('the real case: the seed speech against the corpus', () => {
  it(
    'finds no corpus text sharing a passage with the seed (only stock phrases), while real reuse between reports is found',
    () => {
      const corpus = join(__dirname, '../fixtures/corpus');
      const all: Array<{ file: string; text: string }> = [];
      for (const sub of ['pos', 'neg']) {
        for (const file of readdirSync(join(corpus, sub)).sort()) {
          for (const p of splitParagraphs(readFileSync(join(corpus, sub, file), 'utf8'), { minChars: 20 }))
            all.push({ file: `${sub}/${file}`, text: p.text });
        }
      }
      const idx = ParagraphIndex.build(all.map((p) => paragraphHashes(p.text)));
      const seed = splitParagraphs(readFileSync(join(corpus, 'seed/party-building-speech.txt'), 'utf8'), {
        minChars: 20,
      });
      let best = { shared: 0, file: '' };
      for (const p of seed) {
        for (const c of idx.candidates(paragraphHashes(p.text), { minShared: 1, minShare: 0 })) {
          const o = overlap(p.text, all[c.paragraph].text);
          if (o.shared > best.shared) best = { shared: o.shared, file: all[c.paragraph].file };
        }
      }
      const seedMatches = seed.flatMap((p) => findReuse(idx, p.text, (i) => all[i].text));
      console.log(
        `seed: ${seed.length} paragraphs against ${all.length} corpus paragraphs → ${seedMatches.length} reused; most aligned: ${best.shared} characters in ${best.file}`,
      );
      expect(seedMatches).toEqual([]);
      expect(best.shared).toBeLessThan(REUSE_THRESHOLDS.minShared + 20);

      // Real reuse exists in the corpus: the 2025 national report reuses passages of the 2023 one.
      const gwr2023 = all.filter((p) => p.file === 'pos/natgwr__2023.txt');
      const reused = gwr2023.filter((p) =>
        findReuse(idx, p.text, (i) => all[i].text).some((m) => all[m.paragraph].file === 'pos/natgwr__2025.txt'),
      );
      console.log(
        `natgwr 2023 paragraphs reused in 2025: ${reused.length} of ${gwr2023.length}, e.g. ${reused[0]?.text.slice(0, 40)}…`,
      );
      expect(reused.length).toBeGreaterThan(0);
    },
    SLOW,
  );
});
