/**
 * Text extraction speed in Chromium: `extractText` (whole body, and with main-content detection) and `rangeFor`
 * on the seed page, the longest corpus report as a page, the largest real corpus HTML page and a
 * 300,000-character page — next to the floor, a bare TreeWalker that concatenates every text node, measured in
 * the same page in the same run. Runs without the extension: the library is bundled with esbuild and injected.
 *
 *   npx tsx bench/extract.ts        (standalone)   ·   npm run bench -- extract
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleExtractor } from '../tests/helpers/bundle-extract';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CORPUS_DIR, seedPageHtml, speechPageHtml } from '../tests/e2e/harness';
import { summarize } from './measure';
import type { BenchRow } from './types';

const RUNS = 21;
const WARMUP = 5;
const RANGES = 1200;

interface PageCase {
  name: string;
  html: string;
}

interface InPageResult {
  chars: number;
  mainChars: number;
  segments: number;
  floor: number[];
  extract: number[];
  extractMain: number[];
  findMain: number[];
  withStyle: number[];
  ranges: number[];
}

/** Paragraph text of the longest positive corpus document. */
function longestReport(): { title: string; paragraphs: string[] } {
  const dir = join(CORPUS_DIR, 'pos');
  const files = ['cpccongress__20.txt', 'cpccongress__19.txt', 'provgwr2026__guangdong.txt'];
  const file = files.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  const lines = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { title: lines[0], paragraphs: lines.slice(1) };
}

/**
 * A 300,000-character page: report paragraphs with inline markup inside (<b>, <span>, <a>), as portals write
 * them, repeated until long enough, inside the usual portal chrome.
 */
function bigPage(target = 300_000): string {
  const { title, paragraphs } = longestReport();
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; chars < target; i++) {
    const p = paragraphs[i % paragraphs.length];
    out.push(p);
    chars += p.length + 1;
  }
  const html = speechPageHtml({ title, paragraphs: out });
  // Put inline elements inside paragraphs: every “quoted term” becomes <b>…</b>.
  return html
    .replace(/“([^”<]{1,20})”/g, '“<b>$1</b>”')
    .replace(/（([^）<]{1,12})）/g, '<span class="n">（$1）</span>');
}

function cases(): PageCase[] {
  const report = longestReport();
  const largestCorpusPage = 'gne__gzggw_1.html';
  return [
    { name: 'seed page', html: seedPageHtml() },
    { name: `longest report (${report.title.slice(0, 12)}…)`, html: speechPageHtml(report) },
    {
      name: `real portal page ${largestCorpusPage}`,
      html: readFileSync(join(CORPUS_DIR, 'html', largestCorpusPage), 'utf8'),
    },
    { name: '300k-character page', html: bigPage() },
  ];
}

/** Runs inside the page: times everything there, so no CDP round trip is measured. */
function measureInPage(args: { runs: number; warmup: number; ranges: number }): InPageResult {
  type Lib = typeof import('../lib/extract/index');
  const lib = (globalThis as unknown as { TifaExtract: Lib }).TifaExtract;
  // Chromium coarsens performance.now() to 0.1 ms here, so fast cases are timed in batches of `inner` calls.
  const time = (fn: () => unknown): number[] => {
    for (let i = 0; i < args.warmup; i++) fn();
    const t0 = performance.now();
    fn();
    const once = performance.now() - t0;
    const inner = Math.max(1, Math.ceil(2 / Math.max(once, 0.02)));
    const samples: number[] = [];
    for (let i = 0; i < args.runs; i++) {
      const start = performance.now();
      for (let k = 0; k < inner; k++) fn();
      samples.push((performance.now() - start) / inner);
    }
    return samples;
  };
  let sink = 0;
  const floor = time(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) parts.push((n as Text).data);
    sink += parts.join('').length;
  });
  const extract = time(() => {
    sink += lib.extractText(document).text.length;
  });
  const extractMain = time(() => {
    sink += lib.extractText(document, { mainContent: true }).text.length;
  });
  const withStyle = time(() => {
    sink += lib.extractText(document, { isHidden: lib.isHiddenByStyle }).text.length;
  });
  const findMain = time(() => {
    sink += lib.findMainContent(document).childElementCount;
  });
  const ex = lib.extractText(document);
  const main = lib.extractText(document, { mainContent: true });
  const step = Math.max(1, Math.floor(ex.text.length / args.ranges));
  const ranges = time(() => {
    for (let s = 0; s + 8 <= ex.text.length; s += step) sink += lib.rangeFor(ex, s, s + 8).endOffset;
  });
  (globalThis as unknown as { sink: number }).sink = sink;
  return {
    chars: ex.text.length,
    mainChars: main.text.length,
    segments: ex.segments.length,
    floor,
    extract,
    extractMain,
    findMain,
    withStyle,
    ranges,
  };
}

export async function run(): Promise<BenchRow[]> {
  const bundle = await bundleExtractor({ minify: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    // Pages are set from memory; block every request (images, scripts of the real portal page).
    await page.route('**/*', (route) => route.abort());
    for (const c of cases()) {
      await page.setContent(c.html, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: bundle });
      // tsx compiles this file with esbuild's keepNames, which wraps functions in __name(); measureInPage is
      // serialized into the page, so give it the helper there.
      await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
      const r = await page.evaluate(measureInPage, { runs: RUNS, warmup: WARMUP, ranges: RANGES });
      const floor = summarize(r.floor);
      const extract = summarize(r.extract);
      const main = summarize(r.extractMain);
      const ranges = summarize(r.ranges);
      const cpm = Math.round(r.chars / extract.medianMs);
      const big = r.chars >= 250_000;
      rows.push(
        row(
          `${c.name}: extractText`,
          extract,
          floor,
          `${r.chars} chars, ${r.segments} segments, ${cpm} chars/ms`,
          big ? 5 : undefined,
        ),
        row(`${c.name}: extractText mainContent`, main, floor, `${r.mainChars} chars`, big ? 10 : undefined),
        row(`${c.name}: findMainContent alone`, summarize(r.findMain), floor, 'included in the row above'),
        row(
          `${c.name}: extractText + isHiddenByStyle`,
          summarize(r.withStyle),
          floor,
          'checkVisibility per element',
          big ? 10 : undefined,
        ),
        row(
          `${c.name}: rangeFor ×${Math.min(RANGES, Math.floor(r.chars / 8))}`,
          ranges,
          undefined,
          'binary search per range',
        ),
      );
    }
  } finally {
    await browser.close();
  }
  rows.push({
    area: 'extract',
    case: 'bundle (lib/extract, minified)',
    medianMs: 0,
    extra: `${(bundle.length / 1024).toFixed(1)} KB`,
  });
  return rows;
}

function row(
  name: string,
  s: ReturnType<typeof summarize>,
  floor: ReturnType<typeof summarize> | undefined,
  extra: string,
  maxMs?: number,
): BenchRow {
  const ratio = floor ? s.medianMs / floor.medianMs : undefined;
  return {
    area: 'extract',
    case: name,
    medianMs: s.medianMs,
    p95Ms: s.p95Ms,
    maxMs: s.maxMs,
    baselineMs: floor?.medianMs,
    ratio,
    extra,
    ...(maxMs !== undefined ? { goal: `≤ ${maxMs} ms`, pass: s.medianMs <= maxMs } : {}),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  run().then(
    (rows) => {
      for (const r of rows) {
        const f = (n?: number) => (n === undefined ? '' : n.toFixed(2));
        console.log(
          [
            r.case.padEnd(60),
            f(r.medianMs).padStart(8),
            f(r.p95Ms).padStart(8),
            f(r.baselineMs).padStart(8),
            r.ratio ? r.ratio.toFixed(1) + '×' : '',
            r.extra ?? '',
            r.goal ? `${r.goal} ${r.pass ? 'ok' : 'NO'}` : '',
          ].join('  '),
        );
      }
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
