/**
 * Every user-facing string exists in both languages: locales/*.json merge into the same keys for en and zh_CN,
 * no message is empty, and every t('key') / __MSG_key__ the sources use is defined.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, mergeLocales } from '../../scripts/locales';

const ROOT = resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['components', 'entrypoints', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

/** Literal keys passed to t(): t('key'), t("key", …), t(`key`). Dynamic keys cannot be checked here. */
function translatedKeys(source: string): string[] {
  return [...source.matchAll(/(?<![\w$.])t\(\s*(['"`])([A-Za-z0-9_]+)\1/g)].map((m) => m[2]);
}

describe('locales', () => {
  const merged = mergeLocales(ROOT);

  it('defines the same keys in en and zh_CN', () => {
    const [first, ...rest] = LANGS;
    for (const lang of rest) expect(Object.keys(merged[lang]).sort()).toEqual(Object.keys(merged[first]).sort());
    expect(Object.keys(merged.en).length).toBeGreaterThan(0);
  });

  it('has no empty messages', () => {
    const empty = LANGS.flatMap((lang) =>
      Object.entries(merged[lang])
        .filter(([, v]) => v.message.trim() === '')
        .map(([k]) => `${lang}:${k}`),
    );
    expect(empty).toEqual([]);
  });

  it('defines every t("key") used in components/, entrypoints/ and lib/', () => {
    const missing: string[] = [];
    let used = 0;
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        for (const key of translatedKeys(readFileSync(file, 'utf8'))) {
          used++;
          if (!(key in merged.en)) missing.push(`${relative(ROOT, file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(used).toBeGreaterThan(0);
  });

  it('defines every __MSG_key__ in wxt.config.ts and entrypoint HTML', () => {
    const files = [join(ROOT, 'wxt.config.ts'), ...sourceFiles(join(ROOT, 'entrypoints'))];
    const missing = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/__MSG_(\w+)__/g)]
        .map((m) => m[1])
        .filter((key) => !(key in merged.en))
        .map((key) => `${relative(ROOT, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds t() keys the way the sources write them', () => {
    expect(translatedKeys(`t('a_1'); t("b") + t(\`c\`); set('x'); obj.t('y'); t(dynamic); t(\`p\${x}\`)`)).toEqual([
      'a_1',
      'b',
      'c',
    ]);
  });
});
