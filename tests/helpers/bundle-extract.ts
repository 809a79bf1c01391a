import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * lib/extract bundled as one script that defines `window.TifaExtract`, to run the library in a plain Chromium page
 * (no extension build needed): the parity test compares it with happy-dom, the bench times it.
 */
export async function bundleExtractor(options: { minify?: boolean } = {}): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'lib/extract/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'TifaExtract',
    target: 'chrome120',
    minify: options.minify ?? false,
  });
  return out.outputFiles[0].text;
}
