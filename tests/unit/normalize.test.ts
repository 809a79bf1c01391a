import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import { normalizeText } from '../../lib/rules/normalize';
import { findDate, findTitle } from '../../lib/rules/title';
import { TRAD_TO_SIMP } from '../../lib/rules/trad-simp';
import { normalizeForSearch } from '../../lib/search/normalize';
import { seededRandom } from '../helpers/seeded-random';

const fold = (s: string) => normalizeText(s).text;

describe('normalizeText: what it folds', () => {
  it.each([
    ['同志们:\n下面,我讲几点意见;一是(一)抓党建!行吗?', '同志们：\n下面，我讲几点意见；一是（一）抓党建！行吗？'],
    ['同志們：我講三點意見。', '同志们：我讲三点意见。'],
    ['２０２６年增长６.５%，ＧＤＰ', '2026年增长6.5%，GDP'],
    ['增长8 ．8 ％，达到1 .5亿元', '增长8.8％，达到1.5亿元'],
    ['户籍人口 195 万，完成 1000 多公里，投入 4 亿多元', '户籍人口195万，完成1000多公里，投入4亿多元'],
    ['增长 6.5 %，公路 200 公里，2019 年 3 月', '增长6.5%，公路200公里，2019年3月'],
    ['政府工作报告――2026年1月', '政府工作报告——2026年1月'],
    ['「四个全面」『两个维护』﹁三农﹂', '“四个全面”‘两个维护’“三农”'],
    ['提出"两个确保"的要求', '提出“两个确保”的要求'],
    ['在全县大会上的讲话\n同志\n们：今天召开会\n议', '在全县大会上的讲话\n同志们：今天召开会议'],
    ['题目－－副题', '题目——副题'],
    ['(一)产业提质增效.新培育企业26家.\n思想统一.行动一致', '（一）产业提质增效。新培育企业26家。\n思想统一。行动一致'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it.each([
    ['decimals and times', '增长6.5%，上午10:30开会，共1,000人'],
    ['numbering', '1. 总体要求\n2. 主要任务'],
    ['URLs', '网址 http://www.gov.cn/a,b?c=1'],
    ['outline markers and names with a dot', '一.提高站位\n十二. 加强领导\n访问www.gov.cn查询，Node.js版本'],
    ['English', 'Hello, world: (yes)!'],
    ['a title line followed by the body', '在全县大会上的讲话\n同志们：'],
  ])('leaves %s alone', (_, input) => {
    expect(fold(input)).toBe(input);
  });

  it('returns the same string, unmapped, when nothing needs folding', () => {
    const text = '同志们：\n今天召开全县经济工作会议。';
    const n = normalizeText(text);
    expect(n.identity).toBe(true);
    expect(n.text).toBe(text);
  });
});

describe('normalizeText: the offset map (property-style over random texts)', () => {
  const alphabet = [...'同志們们讲講话話三点點意见:,;()!?，：；（）。 \n８8.．％%――「」会\n議'];
  const rand = seededRandom(8);
  const samples = Array.from({ length: 300 }, () =>
    Array.from({ length: 5 + Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''),
  );

  it('maps every folded character to an original character that folds to it', () => {
    const bad: string[] = [];
    for (const original of samples) {
      const n = normalizeText(original);
      for (let f = 0; f < n.text.length; f++) {
        const o = n.toOriginal(f);
        const back = normalizeText(original[o]).text;
        // Context-dependent folds (an ASCII mark becomes full-width only inside Chinese text) are checked above.
        const same = back === n.text[f] || /[，：；（）！？“”—.。]/.test(n.text[f]);
        if (!same) bad.push(`${JSON.stringify(original)} @${f}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('maps spans so that the original slice folds back to the folded slice, modulo removed blanks', () => {
    const bad: string[] = [];
    for (const original of samples) {
      const n = normalizeText(original);
      for (let s = 0; s < n.text.length; s += 3) {
        const e = Math.min(n.text.length, s + 4);
        const slice = original.slice(n.toOriginal(s), n.toOriginalEnd(e));
        const strip = (x: string) => x.replace(/[\s　]/g, '');
        if (strip(normalizeText(slice).text).length !== strip(n.text.slice(s, e)).length)
          bad.push(`${JSON.stringify(original)} [${s},${e})`);
      }
      expect(n.toOriginal(n.text.length)).toBe(original.length);
    }
    expect(bad).toEqual([]);
  });
});

describe('analyze() on a folded page reports spans on the original text', () => {
  it('finds the outline and mentions of an ASCII-punctuation, traditional page at their original offsets', () => {
    const page =
      '在全縣幹部大會上的講話\n同志們:\n下面,我講三點意見.\n一、要實施"千村示範"工程\n(一)抓好黨建.要增長8 ．8 ％。\n(二)抓好發展.\n二、要抓作風\n三、要抓落實\n';
    const a = analyze(page);
    expect(a.outline.length).toBeGreaterThan(2);
    for (const item of a.outline) expect(page.slice(item.start, item.start + item.marker.length)).toBe(item.marker);
    expect(a.outline.map((i) => i.marker)).toContain('(一)');
    for (const m of a.mentions) expect(page.slice(m.start, m.end)).toBe(m.text);
    expect(a.textLength).toBe(page.length);
  });
});

describe('amounts in traditional script (big5 gateway pages)', () => {
  it('reads 萬畝, 輛, 噸 and 公頃 as amounts, with the look-back lead of their paragraph', () => {
    const text =
      '在全縣經濟工作會議上的講話\n同志們：\n今年以來，全縣上下真抓實幹。我們新建高標準農田5.2萬畝，新增公交車120輛，' +
      '建成冷庫3000噸，完成造林800公頃。\n明年要力爭新建高標準農田6萬畝。';
    const found = analyze(text).mentions.map((m) => `${m.category} ${m.text}`);
    expect(found).toEqual(
      expect.arrayContaining(['result 5.2萬畝', 'result 120輛', 'result 3000噸', 'result 800公頃', 'target 6萬畝']),
    );
  });
});

describe('pinyin notes printed after characters (copy-deterring document sites)', () => {
  const page =
    '在全縣優(yōu)化營商環(huán)境大會上的講話\n同志們：\n今天召開全縣優(yōu)化營商環(huán)境大會。下面，我講兩點意見。\n' +
    '一、端正思想認(rèn)識\n一是要認(rèn)清優(yōu)化環(huán)境的重大意義。二是要明確責(zé)任。\n二、強化措施\n要深入推進“放管服”改革。';

  it('reads the text without them, and reports spans on the page as printed', () => {
    expect(normalizeText(page).text).toContain('今天召开全县优化营商环境大会。');
    const a = analyze(page);
    expect(a.title).toBe('在全县优化营商环境大会上的讲话');
    expect(a.outline.map((o) => o.marker + o.title)).toEqual([
      '一、端正思想认识',
      '一是要认清优化环境的重大意义',
      '二是要明确责任',
      '二、强化措施',
    ]);
    for (const m of a.mentions) expect(page.slice(m.start, m.end)).toBe(m.text);
    expect(a.mentions.map((m) => m.key)).toContain('全县优化营商环境大会');
  });

  it('keeps letters in brackets that carry no tone mark: (a), (pm), (GDP)', () => {
    const text = '增长(a)和(pm)，全县(GDP)';
    expect(normalizeText(text).text).toHaveLength(text.length);
  });
});

describe('traditional script: names the rules know', () => {
  it('reads 廁所革命 and 圍繞 in a big5 page', () => {
    const page = '在全縣農村人居環境整治工作會議上的講話\n同志們：\n要深入推進農村“廁所革命”，圍繞鄉村振興抓落實。';
    expect(normalizeText(page).text).toContain('“厕所革命”，围绕乡村振兴');
    expect(analyze(page).mentions.map((m) => m.key)).toContain('厕所革命');
  });
});

describe('trad-simp table', () => {
  it('never maps a character that is itself a simplified target, so folding is idempotent', () => {
    const targets = new Set(TRAD_TO_SIMP.values());
    expect([...TRAD_TO_SIMP.keys()].filter((k) => targets.has(k))).toEqual([]);
    expect(normalizeForSearch('講話')).toBe('讲话');
  });
});

describe('title and date behind page variants', () => {
  it('finds a report title and date behind a U+2015 subtitle dash (――)', () => {
    const text =
      '2026年某省政府工作报告\n――2026年1月26日在某省第十四届人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府向大会报告工作。';
    expect(findTitle(text)).toBe('2026年某省政府工作报告');
    expect(findDate(text)).toBe('2026-01-26');
    expect(analyze(text)).toMatchObject({ title: '2026年某省政府工作报告', date: '2026-01-26' });
  });

  it('finds a local speech title served in traditional script with ASCII brackets', () => {
    const text = '在全縣安全生產工作會議上的講話稿\n(2024年3月8日)\n同志們:\n今天召開全縣安全生產工作會議.';
    expect(analyze(text)).toMatchObject({ title: '在全县安全生产工作会议上的讲话稿', date: '2024-03-08' });
  });

  it("leaves out a template site's label for one of several speeches on a page (篇一：, 【篇2】)", () => {
    const page = (label: string) =>
      `2025年在全县经济工作会议上的讲话范文(精选3篇)\n${label}在全县经济工作会议上的讲话\n同志们：\n今天召开全县经济工作会议。`;
    for (const label of ['篇一：', '【篇2】', '第1篇：', '范文一：'])
      expect(findTitle(page(label))).toBe('在全县经济工作会议上的讲话');
  });

  it('finds a date alone on its line, under the speaker or signed at the end', () => {
    const body = '今天召开全县安全生产工作会议。下面，我讲三点意见。\n一、认清形势\n二、明确任务\n三、狠抓落实\n';
    const under = `在全县安全生产工作会议上的讲话\n县长 李明\n2026年3月8日\n同志们：\n${body}`;
    expect(findDate(under)).toBe('2026-03-08');
    const signed = `王建国同志在全县安全生产工作会议上的讲话\n同志们：\n${body}同志们，让我们共同努力！\n二〇二六年三月八日\n`;
    expect(findDate(signed)).toBe('2026-03-08');
    // A date line in the middle of a long body is the body's (a timeline), not the speech's.
    const timeline = `在全县安全生产工作会议上的讲话\n同志们：\n${'全县安全生产形势总体平稳。'.repeat(30)}\n2019年5月1日\n${'要压实责任。'.repeat(60)}`;
    expect(findDate(timeline)).toBeUndefined();
  });

  it("finds the chair's script of a meeting as the title, as the verdict counts it a speech", () => {
    const text =
      '在全县安全生产工作会议上的主持词\n（2026年4月2日）\n同志们：\n现在开会。今天召开全县安全生产工作会议。';
    expect(analyze(text)).toMatchObject({ title: '在全县安全生产工作会议上的主持词', date: '2026-04-02' });
    expect(findTitle('会议主持词的写法\n主持词要简洁。')).toBeUndefined();
  });

  it('finds a title that names the kind of speech (总结讲话, 动员讲话, 点评讲话)', () => {
    for (const title of [
      '在全县经济工作会议上的总结讲话',
      '在全市宣传工作会议上的动员讲话',
      '在全县安全生产会议上的点评讲话',
    ])
      expect(analyze(`${title}\n同志们：\n今天召开会议。`).title).toBe(title);
  });

  it('does not take a quoted speech for a title', () => {
    expect(findTitle('深入学习贯彻县委书记在全县经济工作会议上的讲话精神\n各乡镇要')).toBeUndefined();
  });
});
