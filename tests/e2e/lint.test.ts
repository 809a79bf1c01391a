/**
 * The Firefox build passes Mozilla's add-on linter (`web-ext lint`, the checks addons.mozilla.org runs) with no
 * errors. Warnings are printed so they stay visible; the known one is preact's own innerHTML code path (used
 * only for dangerouslySetInnerHTML, which this project never uses).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv3');
// The linter parses every script of the build (1.4 MB): ~8 s on an idle 2-core machine, over 60 s at load 25.
const LINT_TIMEOUT_MS = 240_000;

function webExtLint(dir: string): LintReport {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js'),
      'lint',
      '--source-dir',
      dir,
      '--output',
      'json',
      '--no-config-discovery',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, timeout: LINT_TIMEOUT_MS },
  );
  if (result.error) throw new Error(`web-ext lint did not finish: ${result.error.message}`);
  const start = result.stdout.indexOf('{');
  if (start < 0)
    throw new Error(`web-ext lint printed no JSON (exit ${result.status}): ${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout.slice(start)) as LintReport;
}

const describeMessage = (m: LintMessage) =>
  `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}${m.description ? `: ${m.description}` : ''}`;

describe('Firefox build', () => {
  it('passes web-ext lint with no errors', { timeout: LINT_TIMEOUT_MS + 10_000 }, () => {
    if (!existsSync(join(FIREFOX_DIR, 'manifest.json'))) {
      throw new Error(`No Firefox build at ${FIREFOX_DIR}: run \`npm run build\` (npm test does) first.`);
    }
    const report = webExtLint(FIREFOX_DIR);
    for (const w of report.warnings) console.warn(`web-ext lint warning: ${describeMessage(w)}`);
    expect(report.errors.map(describeMessage)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
