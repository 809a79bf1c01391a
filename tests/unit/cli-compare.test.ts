/** `tifa compare OLDER NEWER` (issue 12): Markdown by default, JSON with --json, usage errors named. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../cli/args';
import { runCli } from '../../cli/run';
import { analyze } from '../../lib/rules';

const dir = mkdtempSync(join(tmpdir(), 'tifa-compare-'));
const older = join(dir, 'older.txt');
const newer = join(dir, 'newer.txt');
const A =
  '坚持以人民为中心的发展思想，扎实推进共同富裕，着力解决好人民群众急难愁盼问题，让改革发展成果更多更公平惠及全体人民。';
const B = '全面推进乡村振兴，实施“千村头雁”培育工程，因地制宜发展乡村特色产业，持续巩固拓展脱贫攻坚成果。';
writeFileSync(older, `${A}\n${B}\n`);
writeFileSync(
  newer,
  `${A.replace('扎实推进', '稳步推进')}\n${B.replace('实施“千村头雁”培育工程', '学习运用“千万工程”经验')}\n`,
);

async function tifa(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { out: (c) => out.push(c), err: (l) => err.push(l) }, analyze);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('tifa compare', () => {
  it('prints the comparison as Markdown: added and dropped mentions, then the edits', async () => {
    const run = await tifa('compare', older, newer);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# 比较：/);
    expect(run.stdout).toMatch(/## 新增提法\n\n- 工程与行动：“千万工程”/);
    expect(run.stdout).toMatch(/## 删除提法\n\n- 工程与行动：“千村头雁”培育工程/);
    expect(run.stdout).toContain('~~扎实~~**稳步**');
  }, 60_000);

  it('prints JSON with --json and names a missing file', async () => {
    const json = await tifa('compare', older, newer, '--json');
    expect(JSON.parse(json.stdout).counts).toMatchObject({ changed: 2 });
    const missing = await tifa('compare', older, join(dir, 'nope.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.txt');
  }, 60_000);

  it('wants exactly two files', () => {
    expect(() => parseArgs(['compare', older])).toThrow(UsageError);
    expect(parseArgs(['compare', older, newer])).toMatchObject({ command: 'compare', files: [older, newer] });
  });
});
