/**
 * The `tifa` CLI on corpus files and on broken inputs. Most cases call `runCli` in this process with the same
 * analyzer `cli/tifa.ts` passes (a child process pays Node + tsx start-up, seconds on a loaded machine); one case
 * spawns the real command to check that tifa.ts wires runCli to stdout, stderr and the exit status.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { analyze } from '../../lib/rules/index';
import type { Mention, OutlineItem, Verdict } from '../../lib/rules/types';

const ROOT = resolve(__dirname, '../..');
const SEED_TXT = join(ROOT, 'tests/fixtures/corpus/seed/party-building-speech.txt');
const SEED_PAGE = join(ROOT, 'tests/fixtures/pages/seed.html');
const GBK_PAGE = join(ROOT, 'tests/fixtures/extract/people_1.gbk.html');
const UTF8_PAGE = join(ROOT, 'tests/fixtures/corpus/html/gne__people_1.html');
const LAW_PAGE = join(ROOT, 'tests/fixtures/corpus/html/gne__sxmu_1.html');
const NEG_TXT = join(ROOT, 'tests/fixtures/corpus/neg/npc_resolution__line2.txt');
const GOLD = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus/gold/seed.json'), 'utf8')) as {
  sections: { startsWith: string; parent: number | null }[];
};

interface JsonRecord {
  file: string;
  verdict: Verdict;
  outline: OutlineItem[];
  mentions: Mention[];
  textLength: number;
  ms: number;
  text?: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `tifa ARGS…` in this process, with stdout and stderr captured as the real command would print them. */
async function tifa(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = { out: (chunk: string) => (stdout += `${chunk}\n`), err: (line: string) => (stderr += `${line}\n`) };
  const status = await runCli(args, io, analyze);
  return { status, stdout, stderr };
}

/** The real command in a child process. */
function tifaProcess(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/tifa.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): JsonRecord[] {
  return stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as JsonRecord);
}

describe('tifa analyze --json --text', () => {
  let records: JsonRecord[];
  let run: Run;

  beforeAll(async () => {
    run = await tifa('analyze', SEED_TXT, SEED_PAGE, GBK_PAGE, UTF8_PAGE, LAW_PAGE, NEG_TXT, '--json', '--text');
    records = jsonLines(run.stdout);
  }, 60_000);

  it('prints exactly one JSON object per line per file, in order, and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(6);
    expect(records.map((r) => r.file)).toEqual([SEED_TXT, SEED_PAGE, GBK_PAGE, UTF8_PAGE, LAW_PAGE, NEG_TXT]);
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual(['file', 'mentions', 'ms', 'outline', 'text', 'textLength', 'verdict']);
      expect(typeof r.ms).toBe('number');
      expect(r.textLength).toBe(r.text?.length);
      expect(typeof r.verdict.isPolicy).toBe('boolean');
    }
  });

  it('gives offsets into the printed text: every mention and outline item slices out of it', () => {
    for (const r of records) {
      const text = r.text as string;
      for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const item of r.outline) {
        expect(text.slice(item.start, item.headEnd).startsWith(item.marker)).toBe(true);
        expect(item.end).toBeLessThanOrEqual(text.length);
      }
    }
  });

  it('recognises the seed speech, as text and as a portal page, with its gold outline', () => {
    const [txt, page] = records;
    for (const r of [txt, page]) {
      expect(r.verdict).toMatchObject({ isPolicy: true, genre: 'speech' });
      expect(r.outline).toHaveLength(GOLD.sections.length);
      r.outline.forEach((item, i) => {
        expect((r.text as string).slice(item.start).startsWith(GOLD.sections[i].startsWith)).toBe(true);
        expect(item.parent).toBe(GOLD.sections[i].parent);
      });
    }
    // The page's extracted text holds the speech's title (main content widened to the <h1>) and not the nav.
    expect(page.text).toContain('2025年在全市基层党建工作现场推进会上的讲话');
    expect(page.text).not.toMatch(/首页\s*要闻/);
  });

  it('decodes a page served in GBK bytes (meta charset=GB2312) to the same text as its UTF-8 copy', () => {
    const [, , gbk, utf8] = records;
    expect(gbk.text).toContain('父亲的教诲像一盏灯，为我们照亮前行的路');
    expect(gbk.text).not.toContain('\uFFFD');
    expect(gbk.text).toBe(utf8.text);
  });

  it('keeps negatives quiet', () => {
    const [, , , people, law, resolution] = records;
    for (const r of [people, law, resolution]) expect(r.verdict).toMatchObject({ isPolicy: false, genre: 'other' });
  });
});

describe('tifa: bad input', () => {
  it('reports each bad file on one stderr line naming it, analyses the rest, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-cli-'));
    const empty = join(dir, 'empty.txt');
    const blank = join(dir, 'blank.txt');
    const binary = join(dir, 'image.txt');
    const garbage = join(dir, 'garbage.html');
    const folder = join(dir, 'folder.html');
    const missing = join(dir, 'missing.txt');
    writeFileSync(empty, '');
    writeFileSync(blank, ' \n\t\n');
    writeFileSync(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]),
    );
    // Bytes that are neither UTF-8 nor GB18030 (0xFF never occurs in either) and no NUL.
    writeFileSync(garbage, Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0xff : 0x80 + (i % 50)))));
    mkdirSync(folder);

    const run = await tifa('analyze', empty, missing, SEED_TXT, folder, binary, blank, garbage, '--json');
    expect(run.status).toBe(1);
    const records = jsonLines(run.stdout);
    expect(records.map((r) => r.file)).toEqual([SEED_TXT]);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toEqual([
      `tifa: ${empty}: empty file`,
      `tifa: ${missing}: no such file`,
      `tifa: ${folder}: is a directory`,
      `tifa: ${binary}: binary file (contains NUL bytes)`,
      `tifa: ${blank}: empty file (only whitespace)`,
      expect.stringMatching(
        new RegExp(`^tifa: ${garbage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: binary or undecodable file`),
      ),
    ]);
  });

  it('exits 2 with a usage hint for usage errors, and 0 for --help', async () => {
    const none = await tifa();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/missing command/);
    const unknown = await tifa('analyze', SEED_TXT, '--jsn');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --jsn/);
    expect(unknown.stdout).toBe('');
    const help = await tifa('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tifa analyze FILE\.\.\. \[--json\] \[--text\]/);
  });
});

describe('tifa: human output and --text', () => {
  it('prints the verdict with reasons, the outline as an indented tree and mentions by category', async () => {
    const run = await tifa('analyze', SEED_TXT);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`== ${SEED_TXT} ==`);
    expect(run.stdout).toMatch(/^Verdict: policy speech \(genre speech, score \d\.\d\d\)$/m);
    expect(run.stdout).toMatch(/^ {2}\+\d\.\d\d .*会议上的讲话/m);
    expect(run.stdout).toMatch(/^Outline 提纲 \(24 items\):$/m);
    // 一、 at depth 0, 第一， under it, 一要 under that: indentation grows with depth.
    const indentOf = (prefix: string) => lines.find((l) => l.trimStart().startsWith(prefix))?.match(/^ */)?.[0].length;
    expect(indentOf('一、')).toBe(2);
    expect(indentOf('第一，')).toBe(4);
    expect(indentOf('一要')).toBe(6);
    expect(run.stdout).toMatch(/^ {2}program \(\d+, \d+ distinct\):$/m);
    expect(run.stdout).toMatch(/^ {4}“千村头雁”培育工程/m);
    expect(run.stdout).toMatch(/^ {2}meeting \(\d+, \d+ distinct\):$/m);
  });

  it('--text alone prints exactly the analysed text', async () => {
    const text = await tifa('analyze', SEED_PAGE, '--text');
    const json = jsonLines((await tifa('analyze', SEED_PAGE, '--text', '--json')).stdout)[0];
    expect(text.status).toBe(0);
    expect(text.stdout).toBe(`${json.text}\n`);
  });
});

describe('the tifa command (a real process)', () => {
  it("prints the report on stdout, a bad file on stderr, and exits with runCli's status", () => {
    const seed = 'tests/fixtures/corpus/seed/party-building-speech.txt';
    const run = tifaProcess('analyze', seed, 'no/such/file.txt', '--json');
    expect(run.status).toBe(1);
    expect(jsonLines(run.stdout).map((r) => [r.file, r.verdict.isPolicy])).toEqual([[seed, true]]);
    expect(run.stderr).toBe('tifa: no/such/file.txt: no such file\n');
  }, 120_000);
});
