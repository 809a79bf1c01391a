/**
 * `npm start`: the product on the bundled sample speech (tests/fixtures/pages/seed.html), served from
 * 127.0.0.1 as http://www.gov.cn:<port>/seed.html so the content script's site list applies.
 *
 * - With a display ($DISPLAY / $WAYLAND_DISPLAY, and not CI): opens Chromium with the extension and the sample,
 *   and keeps running until the browser window is closed (or Ctrl-C).
 * - Without one (servers, CI, or `npm start -- --headless`): runs headless, saves screenshots of the marked-up
 *   page, the popup and the side panel to artifacts/start/, prints their paths and the CLI's analysis of the
 *   sample (`npm run -s tifa -- analyze …`), and exits.
 *
 * `npm start` builds the Chrome extension first (see package.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PAGES_DIR, ROOT, launchBrowser, startServer, waitForTifa } from '../tests/e2e/harness';
import { runSteps } from './screenshots';
import { steps as shellSteps } from './screenshots/shell';

const SAMPLE_FILE = join(PAGES_DIR, 'seed.html');
const ARTIFACTS_DIR = join(ROOT, 'artifacts', 'start');

function hasDisplay(): boolean {
  if (process.argv.includes('--headless') || process.env.CI) return false;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** The desktop's language (LANG=zh_CN.UTF-8 → zh-CN), so the extension speaks it; en-US otherwise. */
function systemLocale(): string {
  const lang = (process.env.LC_ALL || process.env.LANG || '').split('.')[0];
  return /^[a-z]{2}(_[A-Z]{2})?$/.test(lang) ? lang.replace('_', '-') : 'en-US';
}

async function runHeaded(): Promise<number> {
  const server = await startServer({ dir: PAGES_DIR });
  // Chromium uses X11 unless told otherwise; on a Wayland-only session let it pick Wayland.
  const args = process.env.DISPLAY ? [] : ['--ozone-platform-hint=auto'];
  const tifa = await launchBrowser({ headless: false, viewport: null, args, locale: systemLocale() });
  const page = tifa.context.pages()[0] ?? (await tifa.context.newPage());
  await page.goto(server.url('/seed.html'));
  console.log(`Tifa is loaded (extension id ${tifa.extensionId}). Sample speech: ${server.url('/seed.html')}`);
  console.log('Pin Tifa from the puzzle-piece menu to open its popup and side panel. Close the browser to quit.');
  waitForTifa(page).then(
    (verdict) => console.log(`Tifa's verdict on the sample: ${verdict}`),
    (err: Error) => console.warn(`warning: ${err.message}`),
  );
  await new Promise<void>((done) => {
    tifa.context.on('close', () => done());
    process.once('SIGINT', () => done());
  });
  await tifa.close().catch(() => undefined);
  await server.close();
  return 0;
}

/** The CLI's human-readable analysis of the sample, printed as is. */
function printCliAnalysis(): boolean {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', 'tifa', '--', 'analyze', relative(ROOT, SAMPLE_FILE)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  console.log(`\n$ npm run -s tifa -- analyze ${relative(ROOT, SAMPLE_FILE)}`);
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) console.error(`tifa analyze exited with status ${result.status}`);
  return result.status === 0;
}

async function runHeadless(): Promise<number> {
  console.log('No display: running headless and saving screenshots instead.\n');
  const result = await runSteps([{ area: 'shell', steps: shellSteps }], ARTIFACTS_DIR);
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  for (const f of result.failures) console.error(`failed: ${f}`);
  const cliOk = printCliAnalysis();
  return result.failures.length === 0 && result.warnings.length === 0 && cliOk ? 0 : 1;
}

async function main(): Promise<number> {
  if (!existsSync(SAMPLE_FILE)) throw new Error(`sample page missing: ${SAMPLE_FILE}`);
  return hasDisplay() ? runHeaded() : runHeadless();
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
