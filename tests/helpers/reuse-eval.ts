/**
 * The reuse evaluation set (issue 12), shared by tests/unit/similarity-eval.test.ts and bench/similarity.ts.
 * History: every paragraph of the 20 provincial 2026 work reports. Positives: template variants of history
 * paragraphs of 50+ significant characters (5–30% of characters changed). Negatives: paragraphs of the other
 * corpus speeches and reports (national reports, congress reports, 2020 speeches) — same genre, other texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactText } from '../../lib/similarity/fingerprint';
import { splitParagraphs, splitSentences } from '../../lib/similarity/paragraphs';
import { seededRandom } from './seeded-random';
import { templateVariant } from './template-variants';

export const POS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus/pos');

export function corpusParagraphs(
  filter: (file: string) => boolean,
  minChars = 20,
): Array<{ file: string; text: string }> {
  return readdirSync(POS_DIR)
    .filter(filter)
    .sort()
    .flatMap((file) =>
      splitParagraphs(readFileSync(join(POS_DIR, file), 'utf8'), { minChars }).map((p) => ({ file, text: p.text })),
    );
}

export interface ReuseEvalSet {
  history: string[];
  positives: Array<{ source: number; text: string; share: number }>;
  negatives: string[];
  fillers: string[];
}

export function reuseEvalSet(seed = 12, count = 300): ReuseEvalSet {
  const history = corpusParagraphs((f) => f.startsWith('provgwr')).map((p) => p.text);
  const others = corpusParagraphs((f) => !f.startsWith('provgwr'))
    .map((p) => p.text)
    .filter((t) => compactText(t).compact.length >= 50);
  const fillers = others
    .flatMap((p) => splitSentences(p).map((s) => s.text))
    .filter((s) => s.length > 10 && s.length < 80);
  const rng = seededRandom(seed);
  const positives: ReuseEvalSet['positives'] = [];
  while (positives.length < count) {
    const source = Math.floor(rng() * history.length);
    if (compactText(history[source]).compact.length < 50) continue;
    const share = 0.05 + rng() * 0.25;
    positives.push({ source, share, text: templateVariant(history[source], rng, share, fillers).text });
  }
  const negatives = Array.from({ length: count }, () => others[Math.floor(rng() * others.length)]);
  return { history, positives, negatives, fillers };
}
