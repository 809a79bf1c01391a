/**
 * Reviewing bench (issue 5), in Chromium with the built extension and 10,000 clips generated from the corpus
 * (tests/fixtures/reviewing/clips.ts: 1–3 consecutive paragraphs of real speeches, ~660 characters each):
 *  - library first useful paint: Library tab clicked → first clip rows painted (goal ≤ 300 ms);
 *  - search keystroke → updated list painted, p95 over typed queries (goal ≤ 50 ms);
 *  - export of the whole library to Markdown (goal ≤ 1 s), against the JSON backup as baseline;
 *  - scrolling the virtual list (frame time), and building the similarity index (no goal; for reference).
 * Standalone: `npx tsx bench/reviewing.ts` (needs a Chrome build in .output/chrome-mv3 or TIFA_EXTENSION_DIR).
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type ExtensionBrowser } from '../tests/e2e/harness';
import { generateLibrary } from '../tests/fixtures/reviewing/clips';
import { summarize } from './measure';
import { median, type BenchRow } from './types';

const CLIPS = 10_000;
const PAINT_RUNS = 9;
const EXPORT_RUNS = 5;
/** Typed one character at a time (the box then holds each prefix), and erased again. */
const QUERIES = ['乡村振兴', '高质量发展', '科技', '党的建设', '全面深化改革', '一带一路', 'gdp'];

async function seed(page: Page): Promise<void> {
  const clips = generateLibrary(CLIPS);
  const reply = await page.evaluate(async (payload) => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    return chrome.runtime.sendMessage({ tifa: 1, kind: 'clips.import', payload: { clips: payload } });
  }, clips);
  const value = reply as { ok: boolean; value?: { added: number }; error?: string };
  if (!value.ok || value.value?.added !== CLIPS)
    throw new Error(`seeding the library failed: ${JSON.stringify(reply).slice(0, 300)}`);
}

async function openLibrary(page: Page): Promise<{ clickToRows: number; fcp: number; clickToComplete: number }> {
  await page.reload({ waitUntil: 'load' });
  await page.waitForTimeout(300);
  await page.evaluate(() =>
    document.addEventListener('click', () => ((window as unknown as { clickAt: number }).clickAt = performance.now()), {
      capture: true,
      once: true,
    }),
  );
  await page.getByRole('tab', { name: /摘录库|Library/ }).click();
  await page.waitForFunction(() => performance.getEntriesByName('tifa:library:first-rows').length > 0, undefined, {
    polling: 5,
  });
  await page.waitForSelector('.tifa-lib[data-loaded="complete"]', { timeout: 60_000 });
  const completeAt = await page.evaluate(() => performance.now());
  return page.evaluate((completeAt) => {
    const clickAt = (window as unknown as { clickAt: number }).clickAt;
    const rows = performance.getEntriesByName('tifa:library:first-rows')[0].startTime;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return { clickToRows: rows - clickAt, fcp, clickToComplete: completeAt - clickAt };
  }, completeAt);
}

/** Types each query character by character in the page, timing input event → list updated → next frame. */
async function typeQueries(page: Page): Promise<{ samples: number[]; floor: number[] }> {
  return page.evaluate(async (queries) => {
    const box = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const marker = document.querySelector<HTMLElement>('.tifa-lib-rendered')!;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    const samples: number[] = [];
    const setValue = async (value: string) => {
      const updated = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (marker.dataset.query === value) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(marker, { attributes: true });
      });
      const start = performance.now();
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await updated;
      samples.push((await frame()) - start);
      await new Promise((r) => setTimeout(r, 30));
    };
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) await setValue(query.slice(0, i));
      for (let i = query.length - 1; i >= 0; i--) await setValue(query.slice(0, i));
    }
    // Floor: one frame with no work (what "next frame" costs by itself).
    const floor: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      floor.push((await frame()) - start);
    }
    return { samples, floor };
  }, QUERIES);
}

async function exportOnce(page: Page, format: 'markdown' | 'json'): Promise<number> {
  await page
    .getByRole('button', { name: /^(导出|Export)$/ })
    .first()
    .click();
  await page.locator('input[name="tifa-export-scope"][value="all"]').check();
  const download = page.waitForEvent('download');
  await page.locator(`[data-format="${format}"]`).click();
  const file = await download;
  await file.path();
  return page.evaluate((name) => {
    const entries = performance.getEntriesByName(name);
    return entries[entries.length - 1].duration;
  }, `tifa:export:${format}`);
}

async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.tifa-lib-scroller')!;
    scroller.scrollTop = 0;
    const deltas: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    for (let i = 0; i < 120; i++) {
      scroller.scrollTop += 900;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      deltas.push(now - last);
      last = now;
    }
    return deltas;
  });
}

async function similarityBuild(page: Page): Promise<number> {
  await page.locator('.tifa-lib-clip .tifa-lib-actions button').nth(1).click(); // the second icon: "similar passages"
  await page.waitForSelector('[role="dialog"]');
  await page.waitForFunction(() => performance.getEntriesByName('tifa:similarity:build').length > 0, undefined, {
    timeout: 60_000,
  });
  const ms = await page.evaluate(() => performance.getEntriesByName('tifa:similarity:build').at(-1)?.duration ?? NaN);
  await page.keyboard.press('Escape');
  return ms;
}

export async function run(): Promise<BenchRow[]> {
  let tifa: ExtensionBrowser | undefined;
  try {
    tifa = await launchBrowser({ viewport: { width: 420, height: 860 } });
    const page = await tifa.openExtensionPage('sidepanel.html');
    // tsx compiles the page functions below with esbuild's keepNames, which calls a __name helper.
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.evaluate('globalThis.__name = (f) => f');
    await seed(page);

    const opens = [];
    for (let i = 0; i < PAINT_RUNS; i++) opens.push(await openLibrary(page));
    const paint = summarize(opens.map((o) => o.clickToRows));
    const fcp = median(opens.map((o) => o.fcp));
    const complete = median(opens.map((o) => o.clickToComplete));

    const typed = await typeQueries(page);
    const keystroke = summarize(typed.samples);
    const frameFloor = median(typed.floor);
    await page.locator('input[type="search"]').fill('');

    const markdown: number[] = [];
    const json: number[] = [];
    for (let i = 0; i < EXPORT_RUNS; i++) {
      markdown.push(await exportOnce(page, 'markdown'));
      json.push(await exportOnce(page, 'json'));
    }
    const md = summarize(markdown);
    const js = summarize(json);

    const frames = summarize(await scrollFrames(page));
    const similarity = await similarityBuild(page);

    return [
      {
        area: 'reviewing',
        case: `library first useful paint (${CLIPS} clips)`,
        medianMs: paint.medianMs,
        p95Ms: paint.p95Ms,
        maxMs: paint.maxMs,
        extra: `tab click → first rows; panel FCP ${fcp.toFixed(0)} ms; whole library in ${complete.toFixed(0)} ms`,
        goal: '≤ 300 ms',
        pass: paint.medianMs <= 300,
      },
      {
        area: 'reviewing',
        case: `search keystroke → list painted (${CLIPS})`,
        medianMs: keystroke.medianMs,
        p95Ms: keystroke.p95Ms,
        maxMs: keystroke.maxMs,
        baselineMs: frameFloor,
        ratio: keystroke.medianMs / frameFloor,
        extra: `${typed.samples.length} keystrokes; baseline = one idle frame`,
        goal: 'p95 ≤ 50 ms',
        pass: keystroke.p95Ms <= 50,
      },
      {
        area: 'reviewing',
        case: `export ${CLIPS} clips to Markdown`,
        medianMs: md.medianMs,
        p95Ms: md.p95Ms,
        maxMs: md.maxMs,
        baselineMs: js.medianMs,
        ratio: md.medianMs / js.medianMs,
        extra: 'baseline = JSON backup (JSON.stringify) of the same clips',
        goal: '≤ 1000 ms',
        pass: md.medianMs <= 1000,
      },
      {
        area: 'reviewing',
        case: `scroll virtual list (${CLIPS})`,
        medianMs: frames.medianMs,
        p95Ms: frames.p95Ms,
        maxMs: frames.maxMs,
        extra: 'frame interval while scrolling 900 px per frame',
      },
      {
        area: 'reviewing',
        case: `similarity index build (${CLIPS})`,
        medianMs: similarity,
        extra: 'in 500-clip slices, when "similar passages" is first opened',
      },
    ];
  } finally {
    await tifa?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (rows) => console.table(rows),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
