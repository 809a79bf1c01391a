/**
 * Verdict quality over the whole corpus: every positive (pos/) detected, every negative (neg/, html/) quiet.
 * Prints precision, recall and a table of misses with the reasons the verdict gave, so a miss is a named,
 * explained failure rather than a number. HTML pages are read twice: crude tag-stripped text (independent of
 * lib/extract) and the product's own extraction (lib/extract via the CLI's happy-dom extractor).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtmlTextExtractor } from '../../cli/html-text';
import { analyze } from '../../lib/rules';
import type { Genre, Verdict } from '../../lib/rules/types';
import { CORPUS_DIR, decodeHtml, loadVerdictCorpus } from './helpers/rules-corpus';

interface Row {
  name: string;
  positive: boolean;
  verdict: Verdict;
}

function summarise(label: string, rows: Row[]): { precision: number; recall: number; misses: Row[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses: Row[] = [];
  for (const row of rows) {
    const said = row.verdict.isPolicy;
    if (row.positive && said) tp++;
    else if (row.positive) fn++;
    else if (said) fp++;
    else tn++;
    if (said !== row.positive) misses.push(row);
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const positives = rows.filter((r) => r.positive).map((r) => r.verdict.score);
  const negatives = rows.filter((r) => !r.positive).map((r) => r.verdict.score);
  const lines = [
    `[verdict quality: ${label}] ${rows.length} docs — TP ${tp}  FP ${fp}  FN ${fn}  TN ${tn}` +
      `  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}`,
    `  margin: lowest positive score ${positives.length ? Math.min(...positives).toFixed(3) : '—'}, ` +
      `highest negative score ${negatives.length ? Math.max(...negatives).toFixed(3) : '—'} (threshold 0.5)`,
  ];
  if (misses.length === 0) lines.push('  misses: none');
  for (const miss of misses) {
    lines.push(
      `  MISS ${miss.positive ? 'FN' : 'FP'} ${miss.name}  score ${miss.verdict.score}  reasons: ` +
        miss.verdict.reasons.map((r) => `${r.id}(${r.weight}${r.evidence ? ` “${r.evidence}”` : ''})`).join(', '),
    );
  }
  console.log(lines.join('\n'));
  return { precision, recall, misses };
}

/** The genre a positive should get: reports (政府工作报告, 党代会报告) vs speeches (讲话). */
function expectedGenre(name: string): Genre {
  return /natgwr|provgwr|cpccongress/.test(name) ? 'report' : 'speech';
}

describe('corpus verdict quality', () => {
  const rows: Row[] = loadVerdictCorpus().map((doc) => ({
    name: doc.name,
    positive: doc.positive,
    verdict: analyze(doc.text).verdict,
  }));

  it('detects every positive and stays quiet on every negative (pos + neg + html as crude text)', () => {
    // Every fixture is judged (none silently skipped), and there are enough of each for the rates to mean something.
    const files = ['pos', 'neg', 'html'].flatMap((dir) => readdirSync(join(CORPUS_DIR, dir)).map((f) => `${dir}/${f}`));
    expect(rows.map((r) => r.name).sort()).toEqual(files.sort());
    expect(rows.filter((r) => r.positive).length).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => !r.positive).length).toBeGreaterThanOrEqual(50);
    const { precision, recall, misses } = summarise('pos+neg+html (crude HTML text)', rows);
    expect(misses.map((m) => m.name)).toEqual([]);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });

  it('tells reports from speeches among the positives', () => {
    const wrong = rows
      .filter((r) => r.positive && r.verdict.genre !== expectedGenre(r.name))
      .map((r) => `${r.name}: ${r.verdict.genre}, expected ${expectedGenre(r.name)}`);
    if (wrong.length) console.log(['[genre] mismatches:', ...wrong].join('\n  '));
    expect(wrong).toEqual([]);
  });
});

describe('corpus verdict quality with the product extraction (lib/extract)', () => {
  const extractor = new HtmlTextExtractor();
  afterAll(() => extractor.close());

  it('stays quiet on every saved page', { timeout: 120_000 }, async () => {
    const rows: Row[] = [];
    for (const file of readdirSync(join(CORPUS_DIR, 'html')).sort()) {
      const html = decodeHtml(readFileSync(join(CORPUS_DIR, 'html', file)));
      const { text } = await extractor.extract(html);
      rows.push({ name: `html/${file}`, positive: false, verdict: analyze(text).verdict });
    }
    const { misses } = summarise('html via lib/extract', rows);
    expect(misses.map((m) => m.name)).toEqual([]);
  });
});
