import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import { joinSpacedWraps, spacedWrapWidth, unwrapHardLines, wrapWidth } from '../../lib/rules/unwrap';

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

/** The same page as other 文库 sites serve it: the PDF's lines joined with a blank (`主 要任务是`). */
function spaced(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => line.replace(new RegExp(`(.{${width}})(?=.)`, 'g'), '$1 '))
    .join('\n');
}

describe('joinSpacedWraps: blanks a PDF conversion left where its lines ended', () => {
  it('drops blanks inside Chinese text that recur at one width', () => {
    const page = spaced(LECTURE, 19);
    expect(spacedWrapWidth(page)).toBe(19);
    expect(joinSpacedWraps(page)).toBe(LECTURE);
  });

  it('keeps blanks that do not recur at one width: a page without punctuation, chrome, Latin text', () => {
    const noPunctuation = LECTURE.replace(/[，。、]/g, ' ');
    expect(spacedWrapWidth(noPunctuation)).toBe(0);
    expect(joinSpacedWraps(noPunctuation)).toBe(noPunctuation);
    const chrome = '首页 > 范文大全 > 领导讲话 > 正文\n发布时间 2024-05-06 来源 网络整理\nWXT and Preact build';
    expect(joinSpacedWraps(chrome)).toBe(chrome);
  });

  it('lets the verdict see a speech whose cue words the blanks split', () => {
    for (const width of [13, 19, 27]) expect(analyze(spaced(LECTURE, width)).verdict.isPolicy).toBe(true);
  });
});
