import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImport, findBoundaryViolations, formatViolation } from '../../scripts/check-boundaries';

const root = join(__dirname, '..', '..');

describe('import boundaries (npm run lint)', () => {
  it('holds on the tree as it is', () => {
    expect(findBoundaryViolations(root).map(formatViolation)).toEqual([]);
  });

  describe('in a copy of lib/ with a file that breaks them', () => {
    const copy = mkdtempSync(join(tmpdir(), 'tifa-boundaries-'));
    cpSync(join(root, 'lib'), join(copy, 'lib'), { recursive: true });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('fails a rule file that imports the UI, another lib folder or a package', () => {
      writeFileSync(
        join(copy, 'lib/rules/leaky.ts'),
        [
          "import { LibraryView } from '../../components/library/LibraryView';",
          "import type { PageState } from '../messages/page';",
          "export { z } from 'zod';",
          "import { analyze } from './analyze';",
          '',
        ].join('\n'),
      );
      const found = findBoundaryViolations(copy).filter((v) => v.file === 'lib/rules/leaky.ts');
      expect(found.map((v) => [v.line, v.specifier, v.rule])).toEqual([
        [1, '../../components/library/LibraryView', 'lib/rules imports nothing outside lib/rules'],
        [1, '../../components/library/LibraryView', 'lib/ never imports components/'],
        [2, '../messages/page', 'lib/rules imports nothing outside lib/rules'],
        [3, 'zod', 'lib/rules imports nothing outside lib/rules'],
      ]);
    });

    it('fails a lib file that imports an entry point, also through the @/ alias or a dynamic import', () => {
      writeFileSync(
        join(copy, 'lib/reading/leaky.ts'),
        "import '@/entrypoints/background';\nexport const later = () => import('../../entrypoints/popup/main');\n",
      );
      const found = findBoundaryViolations(copy).filter((v) => v.file === 'lib/reading/leaky.ts');
      expect(found.map((v) => v.specifier)).toEqual(['@/entrypoints/background', '../../entrypoints/popup/main']);
      expect(new Set(found.map((v) => v.rule))).toEqual(new Set(['lib/ never imports entrypoints/']));
    });
  });

  it('allows what the layering allows', () => {
    expect(checkImport('lib/rules/outline/scan.ts', '../types')).toEqual([]);
    expect(checkImport('lib/reading/controller.ts', '../rules/types')).toEqual([]);
    expect(checkImport('lib/store/db.ts', 'dexie')).toEqual([]);
    expect(checkImport('components/library/LibraryView.tsx', '../../lib/store/db')).toEqual([]);
  });
});
