/**
 * Outline engine timing: extractOutline() per corpus document against a plain regex scan of the same text (the
 * floor: one pass of /[一二三四五六七八九十]+[、是要]/g, which is what any outline finder costs at least).
 * The outline is one part of analyze(), whose budget is 10 ms on the longest report, so its own goal is ≤ 1 ms.
 *
 * Standalone: `npx tsx bench/outline.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractOutline } from '../lib/rules/outline';
import { compareRow, measure, summarize, type Samples } from './measure';
import { median, type BenchRow } from './types';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/corpus');
const FLOOR = /[一二三四五六七八九十]+[、是要]/g;
const GOAL_MS = 1;

function plainScan(text: string): number {
  let n = 0;
  FLOOR.lastIndex = 0;
  while (FLOOR.exec(text) !== null) n++;
  return n;
}

function corpusFiles(): string[] {
  const dir = (d: string) =>
    readdirSync(join(CORPUS, d))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `${d}/${f}`);
  return [...dir('pos'), ...dir('neg'), ...dir('seed')].sort();
}

const charsPerMs = (chars: number, ms: number) => `${Math.round(chars / ms).toLocaleString('en')} chars/ms`;

export async function run(): Promise<BenchRow[]> {
  const texts = corpusFiles().map((file) => ({ file, text: readFileSync(join(CORPUS, file), 'utf8') }));
  const rows: BenchRow[] = [];

  // The longest report, measured carefully (median of 50).
  const longest = texts.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const floor = await measure(() => plainScan(longest.text), { runs: 50, warmup: 50 });
  const ours = await measure(() => extractOutline(longest.text), { runs: 50, warmup: 50 });
  const items = extractOutline(longest.text).length;
  rows.push(
    compareRow(
      {
        area: 'outline',
        case: `${longest.file} (${longest.text.length} chars)`,
        extra: `${items} items, ${charsPerMs(longest.text.length, ours.medianMs)}`,
      },
      ours,
      floor,
      { maxMs: GOAL_MS },
    ),
  );

  // Every corpus document: per-document medians, summarised (median and worst document).
  const perDoc: Array<{ file: string; chars: number; ours: Samples; floor: Samples }> = [];
  for (const { file, text } of texts) {
    perDoc.push({
      file,
      chars: text.length,
      floor: await measure(() => plainScan(text), { runs: 15, warmup: 3 }),
      ours: await measure(() => extractOutline(text), { runs: 15, warmup: 3 }),
    });
  }
  const worst = perDoc.reduce((a, b) => (b.ours.medianMs > a.ours.medianMs ? b : a));
  const docMedians = summarize(perDoc.map((d) => d.ours.medianMs));
  const floorMedians = summarize(perDoc.map((d) => d.floor.medianMs));
  const totalChars = perDoc.reduce((s, d) => s + d.chars, 0);
  const totalMs = perDoc.reduce((s, d) => s + d.ours.medianMs, 0);
  rows.push({
    ...compareRow(
      {
        area: 'outline',
        case: `each of ${perDoc.length} corpus docs`,
        extra: `worst ${worst.file} ${worst.ours.medianMs.toFixed(3)} ms; overall ${charsPerMs(totalChars, totalMs)}`,
      },
      { ...docMedians, medianMs: median(docMedians.samples) },
      floorMedians,
      { maxMs: GOAL_MS },
    ),
    // The goal is about the worst document, not the typical one.
    pass: worst.ours.medianMs <= GOAL_MS,
    goal: `worst doc ≤ ${GOAL_MS} ms`,
  });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (rows) => console.table(rows),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
