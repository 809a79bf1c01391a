/** `tifa analyze --rules pack.json FILE`: packs applied in order; a bad pack stops everything with one line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../cli/args';
import { runCli } from '../../cli/run';
import { analyze } from '../../lib/rules';
import type { Mention } from '../../lib/rules/types';

const SPEECH = '同志们：今年全省要深入实施“百千万工程”，开展“翼龙”无人机应急演练，推进清源攻坚行动。';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-rules-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  return { file, speech: file('speech.txt', SPEECH) };
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, analyze);
  const mentions = out.map((line) => JSON.parse(line).mentions as Mention[]);
  return { status, out, err, mentions };
}

describe('tifa analyze --rules', () => {
  it('parses --rules PACK and --rules=PACK, repeatable, and refuses a missing value', () => {
    expect(parseArgs(['analyze', '--rules', 'a.json', 'x.txt', '--rules=b.json']).rules).toEqual(['a.json', 'b.json']);
    expect(() => parseArgs(['analyze', 'x.txt', '--rules'])).toThrow(UsageError);
    expect(() => parseArgs(['analyze', '--rules', '--json', 'x.txt'])).toThrow(/--rules needs a rule pack file/);
  });

  it('applies the terms, patterns and hidden terms of several packs', async () => {
    const { file, speech } = setup();
    const terms = file('terms.json', {
      tifaRules: 1,
      name: 'terms',
      terms: [{ text: '翼龙', category: 'program', gloss: '无人机型号' }],
      hidden: ['百千万工程'],
    });
    const patterns = file('patterns.json', {
      tifaRules: 1,
      name: 'patterns',
      patterns: [{ id: 'campaign', pattern: '清源攻坚行动', category: 'program' }],
    });
    const plain = await run('analyze', speech, '--json');
    expect(plain.mentions[0].map((m) => m.text)).toContain('“百千万工程”');

    const withPacks = await run('analyze', '--rules', terms, speech, '--rules', patterns, '--json');
    expect(withPacks.status).toBe(0);
    const found = withPacks.mentions[0];
    expect(found.find((m) => m.text === '翼龙')).toMatchObject({ ruleId: 'custom.term', gloss: '无人机型号' });
    expect(found.find((m) => m.text === '清源攻坚行动')).toMatchObject({ ruleId: 'custom.pattern:campaign' });
    expect(found.some((m) => m.text.includes('百千万工程'))).toBe(false);
  });

  it('stops before analysing anything when a pack is bad, naming the file and the entry', async () => {
    const { file, speech } = setup();
    const good = file('good.json', { tifaRules: 1, terms: [{ text: '翼龙', category: 'program' }] });
    const bad = file('bad.json', {
      tifaRules: 1,
      terms: [{ text: '两山', category: 'program' }],
      patterns: [{ id: 'loose', pattern: '工程|', category: 'program' }],
    });
    const r = await run('analyze', '--rules', good, '--rules', bad, speech, '--json');
    expect(r.status).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      `tifa: ${bad}: patterns[0] (id "loose"): matches the empty string, so it cannot mark anything`,
    ]);

    const missing = await run('analyze', '--rules', `${bad}.nope`, speech);
    expect(missing.err).toEqual([`tifa: ${bad}.nope: no such rule pack`]);
    const notJson = await run('analyze', '--rules', file('x.json', '{"tifaRules": 1,'), speech);
    expect(notJson.err[0]).toMatch(/x\.json: not valid JSON \(/);
    expect(notJson.err).toHaveLength(1);
  });
});
