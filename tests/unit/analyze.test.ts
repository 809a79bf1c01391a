import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import { MENTION_RULES } from '../../lib/rules/mention-rules';
import { MENTION_CATEGORIES, type Analysis } from '../../lib/rules/types';
import { loadVerdictCorpus, readText, SEED_FILE } from './helpers/rules-corpus';

const RULE_IDS = new Set(MENTION_RULES.map((r) => r.id));

/** Everything analyze() promises about any text. */
function expectInvariants(text: string, a: Analysis): void {
  expect(a.textLength).toBe(text.length);
  expect(a.verdict.score).toBeGreaterThanOrEqual(0);
  expect(a.verdict.score).toBeLessThanOrEqual(1);
  expect(a.verdict.genre === 'other').toBe(!a.verdict.isPolicy);
  let previousEnd = 0;
  for (const m of a.mentions) {
    expect(m.start).toBeGreaterThanOrEqual(previousEnd); // sorted by start and non-overlapping
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(MENTION_CATEGORIES).toContain(m.category);
    expect(RULE_IDS.has(m.ruleId)).toBe(true);
    expect(m.key.length).toBeGreaterThan(0);
    expect(m.key).not.toMatch(/[“”《》]/);
    previousEnd = m.end;
  }
  for (const item of a.outline) {
    expect(item.start).toBeGreaterThanOrEqual(0);
    expect(item.end).toBeLessThanOrEqual(text.length);
  }
}

describe('analyze(): invariants on every corpus text', () => {
  const docs = [{ name: SEED_FILE, positive: true, text: readText(SEED_FILE) }, ...loadVerdictCorpus()];
  it.each(docs.map((d) => [d.name, d.text] as const))('%s', (_, text) => {
    expectInvariants(text, analyze(text));
  });

  it('handles edge inputs', () => {
    for (const text of ['', ' ', '\n\n', '“”', '《》', '一', '5%', '同志们：']) expectInvariants(text, analyze(text));
    expect(analyze('').verdict).toMatchObject({ isPolicy: false, genre: 'other' });
  });

  it('rejects a non-string with a clear error', () => {
    expect(() => analyze(undefined as unknown as string)).toThrow(/text must be a string/);
  });
});

describe('analyze(): the seed speech', () => {
  const seed = readText(SEED_FILE);
  const a = analyze(seed);
  const gold = JSON.parse(readText('gold/seed.json')) as {
    title: string;
    mustFind: Record<string, string[]>;
    mustNotBeProgramOrFormulation: string[];
  };

  it('is a policy speech with its title and year', () => {
    expect(a.verdict).toMatchObject({ isPolicy: true, genre: 'speech' });
    expect(a.title).toBe(gold.title);
    expect(a.date).toBe('2025');
  });

  it('finds every gold mention in its category and no emphasis word as program/formulation', () => {
    const missing: string[] = [];
    for (const [category, items] of Object.entries(gold.mustFind)) {
      for (const item of items) {
        if (!a.mentions.some((m) => m.category === category && m.text.includes(item)))
          missing.push(`${category}:${item}`);
      }
    }
    expect(missing).toEqual([]);
    const bad = a.mentions.filter(
      (m) =>
        (m.category === 'program' || m.category === 'formulation') &&
        gold.mustNotBeProgramOrFormulation.includes(m.key),
    );
    expect(bad).toEqual([]);
  });

  it('marks the quantitative targets the speech sets', () => {
    const targets = a.mentions.filter((m) => m.category === 'target').map((m) => m.text);
    expect(targets).toEqual(expect.arrayContaining(['3年内', '2名以上', '不少于3人', '5000人以上']));
    expect(targets.some((t) => t.endsWith('5000名以上'))).toBe(true);
  });

  it('keeps what the city has already done apart from its targets (近几年…投入就达2.9亿元, 我市90%行政村)', () => {
    const results = a.mentions.filter((m) => m.category === 'result').map((m) => m.text);
    expect(results).toEqual(expect.arrayContaining(['2.9亿元', '90%']));
  });
});

describe('analyze(): layout variants', () => {
  it('reads a crawl without line breaks (title run into the text)', () => {
    const a = analyze(readText('pos/xi2020__row003.txt'));
    expect(a.title).toBe('在打好精准脱贫攻坚战座谈会上的讲话');
    expect(a.date).toBe('2018-02-12');
    expect(a.verdict.genre).toBe('speech');
    expect(a.mentions.some((m) => m.category === 'program' && m.key === '精准脱贫攻坚战')).toBe(true);
  });

  it('reads a portal page with chrome (下载/打印/字号…) around the report', () => {
    const text = readText('pos/provgwr2026__anhui.txt');
    const a = analyze(text);
    expect(a.title).toBe('2026年安徽省政府工作报告');
    expect(a.date).toBe('2026-02-05');
    expect(a.verdict.genre).toBe('report');
    const chromeEnd = text.indexOf('】');
    expect(a.mentions.filter((m) => m.start < chromeEnd)).toEqual([]);
  });

  it('joins a title the page broke across lines and reads the occasion line for the date', () => {
    const a = analyze(readText('pos/natgwr__2021.txt'));
    expect(a.title).toBe('政府工作报告');
    expect(a.date).toBe('2021-03-05');
    expect(a.verdict.genre).toBe('report');
  });

  it('reads a two-line title with its subtitle and ignores the archive licence at the end', () => {
    const text = readText('pos/cpccongress__20.txt');
    const a = analyze(text);
    expect(a.title).toContain('在中国共产党第二十次全国代表大会上的报告');
    expect(a.date).toBe('2022-10-16');
    const licence = text.indexOf('本作品来自');
    expect(licence).toBeGreaterThan(0);
    expect(a.mentions.filter((m) => m.start >= licence)).toEqual([]);
  });

  it('reads the date of a reprint from its source note', () => {
    const a = analyze(readText('pos/xi2020__row018.txt'));
    expect(a.date).toBe('2020-06-02');
    expect(a.verdict.reasons.map((r) => r.id)).toContain('source.speechNote');
  });
});
