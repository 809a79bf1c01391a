/** The bench runner's one table: aligned columns with CJK text, wrapped long cells, and discovery of modules. */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchModuleFiles, displayWidth, formatMs, formatTable, wrapText } from '../../bench/run';

describe('bench table', () => {
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('讲话abc')).toBe(7);
    expect(displayWidth('（一）')).toBe(6);
  });

  it('wraps long cells by width, splitting words wider than the column', () => {
    expect(wrapText('short', 10)).toEqual(['short']);
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('一二三四五六', 4)).toEqual(['一二', '三四', '五六']);
    for (const line of wrapText('extract 1.7 + analyse 1.8 + highlight 0.4 ms; 132 ranges; first load 67.2 ms', 20)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
    }
  });

  it('formats milliseconds with sensible precision', () => {
    expect(formatMs(123.456)).toBe('123');
    expect(formatMs(12.345)).toBe('12.3');
    expect(formatMs(1.2345)).toBe('1.23');
    expect(formatMs(0.012345)).toBe('0.012');
    expect(formatMs(undefined)).toBe('');
  });

  it('lines up every row of the table, CJK cases included', () => {
    const table = formatTable([
      {
        area: 'rules',
        case: '种子讲话 seed',
        medianMs: 1.5,
        baselineMs: 0.5,
        ratio: 3,
        goal: '≤ 10× baseline',
        pass: true,
      },
      { area: 'reading', case: 'a very long case name '.repeat(4), medianMs: 20, extra: 'x', pass: false },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^area\s+│ case\s+│ median ms/);
    const separators = (l: string) =>
      [...l].flatMap((ch, i) => (ch === '│' || ch === '┼' ? [displayWidth(l.slice(0, i))] : []));
    const reference = separators(lines[1]);
    for (const l of lines.slice(2)) expect(separators(l)).toEqual(reference.slice(0, separators(l).length));
    expect(table).toContain('3.00×');
    expect(table).toContain('NO');
    expect(lines.length).toBeGreaterThan(5); // the long case wrapped, and a rule separates the two areas
  });

  it('discovers bench modules but not the runner and helpers', () => {
    const names = benchModuleFiles().map((f) => basename(f));
    expect(names).not.toContain('run.ts');
    expect(names).not.toContain('types.ts');
    expect(names).not.toContain('measure.ts');
    expect(names.every((n) => n.endsWith('.ts'))).toBe(true);
  });
});
