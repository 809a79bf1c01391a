import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rooms that do one job stay small (issue #10): no source file over MAX_LINES lines outside tests/fixtures
 * (corpus texts and captured pages are data, not code). Checked on every `npm run lint`.
 */
export const MAX_LINES = 400;

/** Folders that are not the project's own source: dependencies, build output, data, images. */
const SKIPPED_DIRS = new Set(['node_modules', '.output', '.wxt', '.git', 'artifacts', 'test-results', 'screenshots']);
const SKIPPED_PATHS = new Set(['tests/fixtures', 'public/_locales']);
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|css|json|jsonc|md|sh)$|^run$/;
const GENERATED = new Set(['package-lock.json']);

export interface LongFile {
  file: string;
  lines: number;
}

function* sourceFiles(root: string, dir = ''): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !SKIPPED_PATHS.has(path)) yield* sourceFiles(root, path);
    } else if (SOURCE.test(entry.name) && !GENERATED.has(entry.name)) {
      yield path;
    }
  }
}

/** Every source file under `root` longer than `max` lines, longest first. */
export function findLongFiles(root: string, max = MAX_LINES): LongFile[] {
  const long: LongFile[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    const lines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > max) long.push({ file: file.split(sep).join('/'), lines });
  }
  return long.sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const long = findLongFiles(root);
  for (const f of long) console.error(`${f.file}: ${f.lines} lines (at most ${MAX_LINES})`);
  if (long.length > 0) {
    console.error(`file length: ${long.length} file(s) over ${MAX_LINES} lines — split them by job`);
    process.exit(1);
  }
  console.log(`file length: every source file is at most ${MAX_LINES} lines`);
}
