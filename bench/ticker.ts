/**
 * A constantly changing page (issue 9 item 9): the seed speech with a ticker outside the article, updated every
 * 10 ms. What does Tifa cost the page's renderer while it ticks? The renderer main thread's busy time
 * (CDP Performance.getMetrics: TaskDuration, and its script, style and layout shares) per tick, measured over the
 * same number of ticks with Tifa's highlights on (the page under a listed host) and with the extension off (the
 * same page under a host it does not run on), alternating, side by side in one run; and with Tifa on but every
 * category hidden (its page watcher runs, nothing is painted), which tells the watcher's share from the paint's.
 *
 * Standalone: `npx tsx bench/ticker.ts` (needs `.output/chrome-mv3` or TIFA_EXTENSION_DIR).
 */
import { readFileSync } from 'node:fs';
import {
  launchBrowser,
  SEED_TEXT_FILE,
  speechPageHtml,
  newTab,
  OTHER_HOST,
  seedPageHtml,
  startServer,
  waitForTifa,
  type ExtensionBrowser,
} from '../tests/e2e/harness';
import { compareRow, summarize, runAlone } from './measure';
import type { BenchRow } from './types';

const AREA = 'ticker';
const SAMPLES = Number(process.env.TIFA_BENCH_TICKER_RUNS ?? 5);
/** Ticks measured per sample (≥ 2 s at one tick per 10 ms: past the page watcher's debounce and maximum wait). */
const TICKS = 250;
/** The cost Tifa may add on a page it does not need to re-read: at most this times the page's own. */
const GOAL_RATIO = 1.5;
/** Copies of the article on the long page (its cost grows with the ranges registered, not with the page). */
const LONG_COPIES = 6;

/** The seed speech with a ticker; `copies` > 1 repeats its article (a long page: ~8,000 characters a copy). */
function tickerPage(copies = 1): string {
  const script = `let n = 0; setInterval(() => { document.getElementById('ticker').textContent = '实时 ' + (++n); }, 10);`;
  const [, title, ...paragraphs] = readFileSync(SEED_TEXT_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const page =
    copies > 1 ? speechPageHtml({ title, paragraphs: Array(copies).fill(paragraphs).flat() }) : seedPageHtml();
  return page
    .replace('<div class="nav">', '<div class="nav"><span id="ticker">0</span>')
    .replace('</body>', `<script>${script}</script>\n</body>`);
}

interface TickCost {
  /** Renderer main-thread busy ms per tick, and its parts. */
  task: number;
  script: number;
  style: number;
  layout: number;
}

/** Tifa on with every highlight category (or none: the page watcher runs, nothing is painted). */
async function setCategories(tifa: ExtensionBrowser, on: boolean): Promise<void> {
  await tifa.serviceWorker.evaluate(async (on: boolean) => {
    const categories = Object.fromEntries(
      ['section', 'program', 'formulation', 'document', 'meeting', 'target', 'result'].map((c) => [c, on]),
    );
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ readingToggles: { all: true, categories } });
  }, on);
}

type Mode = 'off' | 'watching' | 'highlights';

async function tickCost(tifa: ExtensionBrowser, url: string, mode: Mode): Promise<TickCost> {
  if (mode !== 'off') await setCategories(tifa, mode === 'highlights');
  const { page } = await newTab(tifa, url);
  try {
    if (mode !== 'off') {
      if ((await waitForTifa(page, 30_000)) !== 'policy') throw new Error('Tifa did not see a policy text');
      if (mode === 'highlights') await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
    }
    const cdp = await tifa.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
      const ticks = await page.evaluate(() => Number(document.getElementById('ticker')!.textContent!.split(' ')[1]));
      return { ticks, m };
    };
    const a = await read();
    await page.waitForFunction(
      (n) => Number(document.getElementById('ticker')!.textContent!.split(' ')[1]) >= n,
      a.ticks + TICKS,
      {
        timeout: 60_000,
      },
    );
    const b = await read();
    await cdp.detach();
    const per = (name: string) => ((b.m[name] - a.m[name]) * 1000) / (b.ticks - a.ticks);
    return {
      task: per('TaskDuration'),
      script: per('ScriptDuration'),
      style: per('RecalcStyleDuration'),
      layout: per('LayoutDuration'),
    };
  } finally {
    await page.close();
  }
}

const fmt = (ms: number) => ms.toFixed(3);

export async function run(): Promise<BenchRow[]> {
  const server = await startServer({
    routes: { '/ticker.html': { body: tickerPage() }, '/long.html': { body: tickerPage(LONG_COPIES) } },
  });
  const tifa = await launchBrowser();
  try {
    const on: TickCost[] = [];
    const off: TickCost[] = [];
    const watching: TickCost[] = [];
    const long: TickCost[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      on.push(await tickCost(tifa, server.url('/ticker.html'), 'highlights'));
      long.push(await tickCost(tifa, server.url('/long.html'), 'highlights'));
      off.push(await tickCost(tifa, server.url('/ticker.html', OTHER_HOST), 'off'));
      watching.push(await tickCost(tifa, server.url('/ticker.html'), 'watching'));
    }
    const parts = (xs: TickCost[]) =>
      `script ${fmt(summarize(xs.map((x) => x.script)).medianMs)}, style ${fmt(summarize(xs.map((x) => x.style)).medianMs)}, ` +
      `layout ${fmt(summarize(xs.map((x) => x.layout)).medianMs)} ms/tick`;
    const offTask = summarize(off.map((x) => x.task));
    return [
      compareRow(
        {
          area: AREA,
          case: 'ticker every 10 ms, extension off: renderer busy ms per tick (baseline)',
          extra: parts(off),
        },
        offTask,
        undefined,
      ),
      compareRow(
        {
          area: AREA,
          case: 'ticker every 10 ms, Tifa on with every category hidden (watcher only): busy ms per tick',
          extra: parts(watching),
        },
        summarize(watching.map((x) => x.task)),
        offTask,
      ),
      compareRow(
        {
          area: AREA,
          case: 'ticker every 10 ms, Tifa highlights on (all categories): busy ms per tick',
          extra: parts(on),
        },
        summarize(on.map((x) => x.task)),
        offTask,
        { maxRatio: GOAL_RATIO },
      ),
      compareRow(
        {
          area: AREA,
          case: `same, the article ${LONG_COPIES}× (a long page): busy ms per tick, vs the one-copy page off`,
          extra: parts(long),
        },
        summarize(long.map((x) => x.task)),
        offTask,
      ),
    ];
  } finally {
    await tifa.close();
    await server.close();
  }
}

runAlone(import.meta.url, run, fmt);
