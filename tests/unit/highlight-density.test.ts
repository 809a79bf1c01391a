/**
 * Fewer, better highlights (issues 8 and 11): painted ranges per 1,000 characters on the corpus reports in the calm
 * default (DEFAULT_VISIBLE_CATEGORIES, targets and results off, and the quiet selection of lib/reading/spans.ts:
 * spansToPaint), every range counted, nested ones too; printed per report. The calm default keeps every outline
 * item and every program.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VISIBLE_CATEGORIES, HIGHLIGHT_CATEGORIES } from '../../lib/highlight/categories';
import { buildSpans, spansToPaint } from '../../lib/reading/spans';
import { defaultToggles, visibleCategories } from '../../lib/reading/toggles';
import { analyze } from '../../lib/rules/analyze';

const POS = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus/pos/');
/** Reports: government work reports and party-congress reports (the xi2020 crawl holds speeches and letters). */
const REPORTS = readdirSync(POS).filter((f) => !f.startsWith('xi2020'));

describe('highlight density with the default categories', () => {
  it('the default toggles show exactly DEFAULT_VISIBLE_CATEGORIES: target and result start off', () => {
    expect([...visibleCategories(defaultToggles())]).toEqual(
      HIGHLIGHT_CATEGORIES.filter((c) => DEFAULT_VISIBLE_CATEGORIES.includes(c)),
    );
    expect(DEFAULT_VISIBLE_CATEGORIES).not.toContain('target');
    expect(DEFAULT_VISIBLE_CATEGORIES).not.toContain('result');
    expect(DEFAULT_VISIBLE_CATEGORIES).toContain('section');
    expect(DEFAULT_VISIBLE_CATEGORIES).toContain('program');
  });

  it('paints at most 8 ranges per 1,000 characters on the corpus reports, every outline item and program kept', () => {
    const visible = new Set(DEFAULT_VISIBLE_CATEGORIES);
    const rows: string[] = [];
    let ranges = 0;
    let chars = 0;
    let allRanges = 0;
    for (const file of REPORTS) {
      const text = readFileSync(join(POS, file), 'utf8');
      const analysis = analyze(text);
      const spans = buildSpans(analysis);
      const shown = spansToPaint(spans, analysis, text, visible).filter((s) => visible.has(s.category));
      // Nothing of the outline or the programs is lost by the default.
      expect(shown.filter((s) => s.category === 'section').length, file).toBe(
        analysis.outline.filter((o) => o.headEnd > o.start).length,
      );
      expect(shown.filter((s) => s.category === 'program').length, file).toBe(
        analysis.mentions.filter((m) => m.category === 'program').length,
      );
      ranges += shown.length;
      allRanges += spans.length;
      chars += text.length;
      rows.push(
        `${file.padEnd(32)} ${String(text.length).padStart(6)} chars ${((1000 * shown.length) / text.length).toFixed(1).padStart(5)} /1k default ${((1000 * spans.length) / text.length).toFixed(1).padStart(5)} /1k all`,
      );
    }
    const density = (1000 * ranges) / chars;
    console.log(
      `${rows.join('\n')}\nhighlight density on ${REPORTS.length} reports: ${density.toFixed(1)} ranges per 1,000 characters by default, ${((1000 * allRanges) / chars).toFixed(1)} with every category`,
    );
    expect(density).toBeGreaterThan(4);
    expect(density).toBeLessThanOrEqual(8);
  });
});
