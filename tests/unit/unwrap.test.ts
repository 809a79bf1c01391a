import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import { normalizeText } from '../../lib/rules/normalize';
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

describe('hard wraps in the normaliser: every rule reads the wrapped lines joined', () => {
  // A county speech as a 文库 page's PDF preview prints it: ASCII punctuation, lines cut at 20 characters.
  const SPEECH =
    '县长在全县安全生产工作会议上的讲话\n同志们:\n刚才,分管副县长通报了去年全县安全生产工作情况,几个部门作了发言,我都同意。下面,我再强调三点意见。\n' +
    '一、清醒认识严峻形势,切实增强抓好安全生产工作的责任感和紧迫感\n去年,全县共发生生产安全事故12起,死亡5人,同比分别下降20%和16.7%。' +
    '但是,我们也要清醒看到,当前全县安全生产形势依然复杂严峻,容不得半点松懈。\n' +
    '二、聚焦重点领域,全面排查整治风险隐患\n要深入开展道路交通安全专项整治,严厉打击超速超载等违法行为,全年查处交通违法行为2万起以上,坚决遏制较大事故发生。';

  it('reads a heading and an amount the wrap cut as one (2万起以\\n上), on the page as printed', () => {
    const page = wrap(SPEECH, 22);
    expect(page).toContain('以\n上');
    expect(page).toContain('安全生产工\n作的责任感');
    const a = analyze(page);
    expect(a.outline.map((o) => o.title)).toEqual([
      '清醒认识严峻形势，切实增强抓好安全生产工作的责任感和紧迫感',
      '聚焦重点领域，全面排查整治风险隐患',
    ]);
    const amounts = a.mentions.filter((m) => m.category === 'target' || m.category === 'result');
    expect(amounts.map((m) => m.text.replace(/\n/g, ''))).toEqual(
      expect.arrayContaining(['12起', '5人', '下降20%', '2万起以上']),
    );
    for (const m of a.mentions) expect(page.slice(m.start, m.end)).toBe(m.text);
  });

  it('leaves a column of short parallel lines alone (a list, not a wrap)', () => {
    const list = [
      '坚持党的全面领导，确保正确方向',
      '坚持以人民为中心，增进民生福祉',
      '坚持新发展理念，推动高质量发展',
      '坚持深化改革开放，增强发展动力',
      '坚持系统观念，统筹发展和安全',
    ].join('\n');
    const text = `在全县干部大会上的讲话\n同志们：\n今年工作要做到五个坚持：\n${list}\n要抓好落实。`;
    expect(normalizeText(text).text).toContain(list);
  });

  it('leaves a short speech alone whose headings are as long as its sentences', () => {
    const text =
      '在全县组织工作会议上的讲话\n同志们：\n下面，我讲三点意见。\n一．提高政治站位，增强做好组织工作的责任感\n组织工作是党的建设的重要组成部分。\n' +
      '二．突出工作重点，推动组织工作提质增效\n（ 一 ）加强干部队伍建设。要坚持好干部标准。\n（ 二 ）加强基层组织建设。要深化抓党建促乡村振兴。\n' +
      '三．加强自身建设，打造模范部门\n同志们，让我们团结一心，扎实工作！';
    expect(analyze(text).outline.map((o) => o.title)).toEqual([
      '提高政治站位，增强做好组织工作的责任感',
      '突出工作重点，推动组织工作提质增效',
      '加强干部队伍建设',
      '加强基层组织建设',
      '加强自身建设，打造模范部门',
    ]);
  });
});
