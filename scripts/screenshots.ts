/**
 * `npm run screenshots [-- name…]`: runs the screenshot steps of every area (scripts/screenshots/<area>.ts
 * exporting `steps`) in one browser profile per UI language (zh_CN, then en) and writes PNGs to docs/screenshots/
 * as <name>.zh_CN.png and <name>.en.png (the README embeds them).
 * Name arguments run only the steps (or areas) whose name contains one of them.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openSession, SCREENSHOT_LOCALES, type ScreenshotStep } from './screenshots/session';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const STEPS_DIR = join(HERE, 'screenshots');
/** Areas run in the product's order (a later area may rely on what an earlier one did); others follow by name. */
const AREA_ORDER = ['shell', 'reading', 'clipping', 'reviewing'];

export interface AreaSteps {
  area: string;
  steps: ScreenshotStep[];
}

export async function loadSteps(): Promise<AreaSteps[]> {
  const files = readdirSync(STEPS_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'session.ts')
    .map((f) => basename(f, '.ts'));
  const rank = (area: string) => (AREA_ORDER.includes(area) ? AREA_ORDER.indexOf(area) : AREA_ORDER.length);
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const out: AreaSteps[] = [];
  for (const area of files) {
    const mod = (await import(pathToFileURL(join(STEPS_DIR, `${area}.ts`)).href)) as { steps?: ScreenshotStep[] };
    if (Array.isArray(mod.steps)) out.push({ area, steps: mod.steps });
  }
  return out;
}

/** Runs the steps into `outDir`; returns the session's warnings and failures (the caller sets the exit status). */
export async function runSteps(
  areas: AreaSteps[],
  outDir: string,
  options: { filters?: string[]; headless?: boolean; locale?: string; suffix?: string } = {},
): Promise<{ written: string[]; warnings: string[]; failures: string[] }> {
  const filters = options.filters ?? [];
  const selected = areas.flatMap(({ area, steps }) =>
    steps
      .filter((s) => filters.length === 0 || filters.some((f) => s.name.includes(f) || area.includes(f)))
      .map((step) => ({ area, step })),
  );
  if (selected.length === 0) throw new Error(`no screenshot steps match ${filters.join(', ')}`);
  const session = await openSession(outDir, {
    headless: options.headless,
    locale: options.locale,
    suffix: options.suffix,
  });
  const failures: string[] = [];
  try {
    for (const { area, step } of selected) {
      const before = session.written.length;
      try {
        await step.run(session);
        for (const path of session.written.slice(before)) console.log(`${relative(ROOT, path)}  — ${step.description}`);
      } catch (err) {
        failures.push(`${area}/${step.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await session.close();
  }
  return { written: session.written, warnings: [...new Set(session.warnings)], failures };
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const areas = await loadSteps();
  let failures = 0;
  // One browser profile per language (the extension's language follows the browser's), Chinese first.
  for (const { locale, suffix } of SCREENSHOT_LOCALES) {
    const result = await runSteps(areas, join(ROOT, 'docs', 'screenshots'), { filters, locale, suffix });
    for (const w of result.warnings) console.warn(`warning (${suffix}): ${w}`);
    for (const f of result.failures) console.error(`step failed (${suffix}): ${f}`);
    console.log(`${result.written.length} screenshots (${suffix}) in docs/screenshots/`);
    failures += result.failures.length;
  }
  return failures ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
