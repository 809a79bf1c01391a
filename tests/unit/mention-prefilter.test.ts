import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPrefilter, scanFiltered } from '../../lib/rules/mention-prefilter';
import { MENTION_RULES } from '../../lib/rules/mention-rules';
import { normalizeText } from '../../lib/rules/normalize';
import { CORPUS_DIR, loadVerdictCorpus } from './helpers/rules-corpus';

/** What the engine did before the one-pass scan: a global exec loop from 0 (empty matches skipped). */
function plainScan(pattern: RegExp, text: string, until = text.length): string[] {
  const out: string[] = [];
  const g = new RegExp(pattern.source, pattern.flags);
  for (let m = g.exec(text); m && m.index < until; m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++;
    else out.push(`${m.index}:${m[0]}:${JSON.stringify(m.groups ?? null)}`);
  }
  return out;
}

const patterns = [
  ...new Set(MENTION_RULES.flatMap((r) => (r.pattern instanceof RegExp ? [r.pattern] : [...r.pattern]))),
].filter(hasPrefilter);

function filteredScan(text: string, until?: number): Map<RegExp, string[]> {
  const found = scanFiltered(new Set(patterns), text, until);
  return new Map(
    patterns.map((p) => [p, (found.get(p) ?? []).map((m) => `${m.index}:${m[0]}:${JSON.stringify(m.groups ?? null)}`)]),
  );
}

function genreTexts(): string[] {
  const dir = join(CORPUS_DIR, 'genre');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => readFileSync(join(dir, d.name, f), 'utf8')));
}

describe('mention prefilter: one pass finds exactly what each regex finds on its own', () => {
  it('covers the scans that cannot skip ahead (lexicon, heads, meetings, numbers)', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(10);
  });

  it('matches the plain scans on every rule example and counter-example', () => {
    const texts = MENTION_RULES.flatMap((r) => [...r.examples, ...r.counterExamples]).map((e) =>
      e.replace(/[⟦⟧]/g, ''),
    );
    for (const text of texts) {
      const found = filteredScan(text);
      for (const p of patterns) expect(found.get(p), `${p.source.slice(0, 30)} on ${text}`).toEqual(plainScan(p, text));
    }
  });

  it('matches the plain scans on the corpus (folded, as analyze() reads it), and stops where told', () => {
    const texts = [...loadVerdictCorpus().map((d) => d.text), ...genreTexts()].map((t) => normalizeText(t).text);
    let total = 0;
    for (const text of texts) {
      const until = Math.floor(text.length * 0.7);
      const found = filteredScan(text, until);
      for (const p of patterns) {
        const want = plainScan(p, text, until);
        total += want.length;
        expect(found.get(p), p.source.slice(0, 30)).toEqual(want);
      }
    }
    expect(total).toBeGreaterThan(1000);
  });

  it('handles matches at the very end and the start of the text', () => {
    for (const text of ['十九大', '增长5%', '“两个维护”', '实施乡村振兴战略', '中央经济工作会议', '5']) {
      const found = filteredScan(text);
      for (const p of patterns) expect(found.get(p), text).toEqual(plainScan(p, text));
    }
  });
});
