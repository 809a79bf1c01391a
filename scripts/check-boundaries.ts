import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layering the README promises, checked on every `npm run lint`:
 * - `lib/rules` is pure TypeScript shared by the content script, background, UI, CLI and tests, so it imports
 *   nothing outside `lib/rules` (no other lib folder, no package);
 * - `lib/` is the product's logic, so it never imports the UI (`components/`) or an entry point (`entrypoints/`).
 * Biome's noRestrictedImports matches import strings, not resolved paths, so `../x` cannot be told apart by depth;
 * this resolves every relative (and WXT `@/`, `~/` alias) specifier against the importing file instead.
 */

export interface Violation {
  /** Importing file, relative to the root, with forward slashes. */
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx)$/;
/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `require('x')`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;
const ALIASES = ['@@/', '~~/', '@/', '~/'];

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** Where a specifier points, relative to the root ('lib/rules/x'), or null for a package import. */
export function resolveSpecifier(importer: string, specifier: string): string | null {
  const alias = ALIASES.find((a) => specifier.startsWith(a));
  if (alias) return toPosix(specifier.slice(alias.length));
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(importer), specifier));
}

/** The boundary rules one import breaks (empty when it is allowed). */
export function checkImport(importer: string, specifier: string): string[] {
  const target = resolveSpecifier(importer, specifier);
  const broken: string[] = [];
  if (isInside(importer, 'lib/rules') && (target === null || !isInside(target, 'lib/rules'))) {
    broken.push('lib/rules imports nothing outside lib/rules');
  }
  if (isInside(importer, 'lib') && target !== null) {
    for (const ui of ['components', 'entrypoints']) {
      if (isInside(target, ui)) broken.push(`lib/ never imports ${ui}/`);
    }
  }
  return broken;
}

/** Every boundary violation in one file's source text (`file` relative to the root, forward slashes). */
export function violationsInSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[2];
    const line = source.slice(0, match.index).split('\n').length;
    for (const rule of checkImport(file, specifier)) out.push({ file, line, specifier, rule });
  }
  return out;
}

function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) out.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, folder));
  return out.sort();
}

/** Checks every source file under `root/lib`. */
export function findBoundaryViolations(root: string): Violation[] {
  return sourceFiles(root, 'lib').flatMap((file) => violationsInSource(file, readFileSync(join(root, file), 'utf8')));
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: imports '${v.specifier}' — ${v.rule}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = findBoundaryViolations(root);
  for (const v of violations) console.error(formatViolation(v));
  if (violations.length > 0) {
    console.error(`boundaries: ${violations.length} import(s) cross a layer boundary`);
    process.exit(1);
  }
  console.log('boundaries: lib/rules and lib/ imports stay inside their layers');
}
