import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Each area of the product keeps its user-facing strings in locales/<area>.json as
 * { "key": { "en": "...", "zh_CN": "...", "description"?: "..." } }. This merges them into the
 * extension's public/_locales/<lang>/messages.json, failing loudly on a duplicate key or a missing language.
 */
export const LANGS = ['en', 'zh_CN'] as const;

export function mergeLocales(root: string): Record<string, Record<string, { message: string; description?: string }>> {
  const out: Record<string, Record<string, { message: string; description?: string }>> = { en: {}, zh_CN: {} };
  const seen = new Map<string, string>();
  const dir = join(root, 'locales');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const entries = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Record<string, string>>;
    for (const [key, value] of Object.entries(entries)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`locales/${file}: key "${key}" must be [A-Za-z0-9_]`);
      if (seen.has(key)) throw new Error(`locales/${file}: key "${key}" already defined in ${seen.get(key)}`);
      seen.set(key, file);
      for (const lang of LANGS) {
        if (typeof value[lang] !== 'string') throw new Error(`locales/${file}: key "${key}" has no ${lang} text`);
        out[lang][key] = { message: value[lang], ...(value.description ? { description: value.description } : {}) };
      }
    }
  }
  return out;
}

export function writeLocales(root = join(dirname(fileURLToPath(import.meta.url)), '..')): void {
  const merged = mergeLocales(root);
  for (const lang of LANGS) {
    const dir = join(root, 'public', '_locales', lang);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'messages.json'), JSON.stringify(merged[lang], null, 2) + '\n');
  }
}
