import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import { unwrapHardLines, wrapWidth } from '../../lib/rules/unwrap';

/** A PDF page as 文库 sites serve it: every paragraph cut at `width` characters. */
function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => line.replace(new RegExp(`(.{${width}})(?=.)`, 'g'), '$1\n'))
    .join('\n');
}

const LECTURE =
  '专题党课讲稿\n按照领导干部带头讲党课的要求，今天，我结合近期学习党的创新理论的一些体会，围绕怎样当好新时代的基层干部这个题目，与大家作个交流。\n' +
  '一、要有坚定的信念\n党的二十大报告指出，全面建设社会主义现代化国家，最艰巨最繁重的任务仍然在农村，群众看党首先看身边的干部。';

describe('unwrapHardLines: the verdict reads a hard-wrapped PDF page with its wrap joined', () => {
  it('joins the breaks of a wrap, wherever they cut a phrase', () => {
    const wrapped = wrap(LECTURE, 23);
    expect(wrapWidth(wrapped)).toBe(23);
    expect(unwrapHardLines(wrapped)).toContain('与大家作个交流。');
  });

  it('keeps the title on its line and a heading on its own line', () => {
    const out = unwrapHardLines(wrap(LECTURE, 23));
    expect(out.startsWith('专题党课讲稿\n按照')).toBe(true);
    expect(out).toContain('\n一、要有坚定的信念\n');
  });

  it('leaves running text that is not cut evenly unchanged', () => {
    expect(wrapWidth(LECTURE)).toBe(0);
    expect(unwrapHardLines(LECTURE)).toBe(LECTURE);
  });

  it('does not take a list of links of equal length for a wrap', () => {
    const list = Array.from({ length: 30 }, (_, i) => `2020-07-0${i % 9} 基金公告第${i}号`).join('\n');
    expect(wrapWidth(list)).toBe(0);
    expect(unwrapHardLines(list)).toBe(list);
  });

  it('lets the verdict see a lecture whose agenda the wrap cut (与大家作\\n个交流)', () => {
    for (const width of [17, 23, 29, 37]) expect(analyze(wrap(LECTURE, width)).verdict.isPolicy).toBe(true);
  });
});
