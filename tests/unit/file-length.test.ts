import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLongFiles } from '../../scripts/check-file-length';

const root = join(__dirname, '..', '..');
const lines = (n: number) => `${Array.from({ length: n }, (_, i) => `export const x${i} = ${i};`).join('\n')}\n`;

describe('file length (npm run lint)', () => {
  it('holds on the tree as it is', () => {
    expect(findLongFiles(root)).toEqual([]);
  });

  describe('in a scratch tree', () => {
    const copy = mkdtempSync(join(tmpdir(), 'tifa-length-'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    mkdirSync(join(copy, 'lib', 'rules'), { recursive: true });
    mkdirSync(join(copy, 'tests', 'fixtures'), { recursive: true });
    mkdirSync(join(copy, 'node_modules', 'dep'), { recursive: true });

    it('names a source file one line over the limit, and not one at the limit', () => {
      writeFileSync(join(copy, 'lib', 'rules', 'long.ts'), lines(401));
      writeFileSync(join(copy, 'lib', 'rules', 'full.ts'), lines(400));
      expect(findLongFiles(copy)).toEqual([{ file: 'lib/rules/long.ts', lines: 401 }]);
    });

    it('leaves data and dependencies alone: fixtures, node_modules, the lockfile', () => {
      writeFileSync(join(copy, 'tests', 'fixtures', 'speech.txt.ts'), lines(900));
      writeFileSync(join(copy, 'node_modules', 'dep', 'index.js'), lines(900));
      writeFileSync(join(copy, 'package-lock.json'), lines(900));
      expect(findLongFiles(copy).map((f) => f.file)).toEqual(['lib/rules/long.ts']);
    });
  });
});
