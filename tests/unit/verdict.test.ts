import { describe, expect, it } from 'vitest';
import { findMentions } from '../../lib/rules/mentions';
import { normalizeText } from '../../lib/rules/normalize';
import { extractOutline } from '../../lib/rules/outline';
import { buildVerdictContext, evaluateVerdictRule, judge, verdictFor } from '../../lib/rules/verdict';
import { VERDICT_RULES } from '../../lib/rules/verdict-rules';
import { EXHORT_CUE } from '../../lib/rules/verdict-speech-cues';
import { readText, SEED_FILE } from './helpers/rules-corpus';

/** Rule examples are written as pages serve them (ASCII punctuation, traditional script); rules read them folded. */
function contextOf(raw: string) {
  const text = normalizeText(raw).text;
  return buildVerdictContext(text, extractOutline(text), findMentions(text));
}

function verdictOf(raw: string) {
  const text = normalizeText(raw).text;
  return verdictFor(text, extractOutline(text), findMentions(text));
}

describe('verdict rules: examples and counter-examples (table-driven from the rule data)', () => {
  for (const rule of VERDICT_RULES) {
    describe(`${rule.id} (${rule.weight > 0 ? '+' : ''}${rule.weight})`, () => {
      it('explains itself in Chinese and English and is either a pattern or a measure', () => {
        expect(rule.description.zh.length).toBeGreaterThan(4);
        expect(rule.description.en.length).toBeGreaterThan(4);
        expect(Boolean(rule.pattern) !== Boolean(rule.measure)).toBe(true);
        expect(rule.weight).not.toBe(0);
        expect(rule.examples.length).toBeGreaterThan(0);
        expect(rule.counterExamples.length).toBeGreaterThan(0);
      });
      for (const example of rule.examples) {
        it(`fires on: ${example.slice(0, 40)}`, () => {
          expect(evaluateVerdictRule(rule, contextOf(example)).fired).toBe(true);
        });
      }
      for (const counter of rule.counterExamples) {
        it(`stays quiet on: ${counter.slice(0, 40)}`, () => {
          expect(evaluateVerdictRule(rule, contextOf(counter)).fired).toBe(false);
        });
      }
    });
  }
});

describe('cue.exhort (a family for the short-text rule only, no weight of its own)', () => {
  for (const example of EXHORT_CUE.examples)
    it(`fires on: ${example.slice(0, 40)}`, () => {
      expect(EXHORT_CUE.pattern.test(normalizeText(example).text)).toBe(true);
    });
  for (const counter of EXHORT_CUE.counterExamples)
    it(`stays quiet on: ${counter.slice(0, 40)}`, () => {
      expect(EXHORT_CUE.pattern.test(normalizeText(counter).text)).toBe(false);
    });
  it('never adds a reason or weight by itself', () => {
    expect(VERDICT_RULES.map((r) => r.id)).not.toContain(EXHORT_CUE.id);
    const v = verdictOf('我们必须全面把握会议精神。');
    expect(v.isPolicy).toBe(false);
  });
});

describe('judge', () => {
  it('explains every rule that fires, strongest evidence first, in Chinese and English', () => {
    const ctx = contextOf(readText(SEED_FILE));
    const v = judge(ctx);
    const fired = VERDICT_RULES.filter((r) => evaluateVerdictRule(r, ctx).fired);
    expect(v.reasons.map((r) => r.id).sort()).toEqual(fired.map((r) => r.id).sort());
    for (const reason of v.reasons) {
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.en).toMatch(/[A-Za-z]/);
      if (reason.evidence !== undefined) expect(reason.evidence.length).toBeLessThanOrEqual(40);
    }
    const weights = v.reasons.map((r) => Math.abs(r.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('scores lower as evidence for a speech is taken away', () => {
    const seed = readText(SEED_FILE);
    const untitled = seed.replace(/\d{4}年在全市基层党建工作现场推进会上的讲话/g, '');
    const bare = untitled.replaceAll('同志们：', '');
    const [full, noTitle, noSalutation] = [seed, untitled, bare].map(verdictOf);
    expect(noTitle.reasons.map((r) => r.id)).not.toContain('title.speech');
    expect(noSalutation.reasons.map((r) => r.id)).not.toContain('salutation');
    expect(noTitle.score).toBeLessThan(full.score);
    expect(noSalutation.score).toBeLessThan(noTitle.score);
  });

  it('recognises the seed as a policy speech', () => {
    const v = verdictOf(readText(SEED_FILE));
    expect(v).toMatchObject({ isPolicy: true, genre: 'speech' });
    expect(v.score).toBeGreaterThan(0.9);
    expect(v.reasons.map((r) => r.id)).toEqual(
      expect.arrayContaining(['title.speech', 'salutation', 'speaker.agenda']),
    );
  });

  it('calls a government work report a report', () => {
    const text =
      '2026年某省政府工作报告\n——2026年1月26日在某省第十四届人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n' +
      '一、过去一年工作回顾\n我们坚持稳中求进，必须坚持人民至上，要把发展经济的着力点放在实体经济上。'.repeat(60);
    expect(verdictOf(text)).toMatchObject({ isPolicy: true, genre: 'report' });
  });

  it.each([
    [
      'a news report about a meeting',
      '新华社北京3月1日电 中共中央政治局3月1日召开会议。会议强调，要坚持稳中求进。会议要求，各地区各部门要抓好落实。'.repeat(
        20,
      ),
    ],
    ['a letter', '回信\n同学们：\n你们好！来信收悉。希望你们努力学习，早日成为栋梁之材。'],
    [
      'a resolution',
      '第十四届全国人民代表大会第三次会议关于政府工作报告的决议\n（2025年3月11日第十四届全国人民代表大会第三次会议通过）\n会议充分肯定国务院的工作，决定批准这个报告。',
    ],
    [
      'a notice',
      '某市人民政府办公室关于印发《某市绿色建筑管理办法》的通知\n（某府发〔2012〕3号）\n各县（区）人民政府：现予印发，请认真遵照执行。',
    ],
    [
      'a law text',
      '第一章　总则\n' +
        Array.from({ length: 12 }, (_, i) => `第${'一二三四五六七八九十'[i % 10]}条　为了规范管理，制定本办法。`).join(
          '\n',
        ),
    ],
    [
      'a list page',
      Array.from({ length: 40 }, (_, i) => `2020-07-0${i % 9}\n融通基金关于调整限额的公告${i}`).join('\n'),
    ],
    ['an unrelated article', '苹果发布新iPhone 11，售价5499元起，配6种颜色，本周五开始预售。'.repeat(40)],
  ])('stays quiet on %s', (_, text) => {
    expect(verdictOf(text)).toMatchObject({ isPolicy: false, genre: 'other' });
  });

  it('needs a speech or report cue: long, directive, outlined text full of formulations alone is not enough', () => {
    const plan =
      '一、总体要求\n坚持稳中求进，统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局，必须坚持人民至上。\n' +
      '二、主要任务\n要把发展经济的着力点放在实体经济上，坚持创新驱动，深入实施“十四五”规划。\n'.repeat(100) +
      '三、保障措施\n要加强组织领导，坚持问题导向，增强“四个意识”，做到“两个维护”。\n';
    const v = verdictOf(plan);
    expect(v.reasons.map((r) => r.id)).toEqual(
      expect.arrayContaining(['register.directive', 'length.substantial', 'structure.outline', 'density.formulations']),
    );
    expect(v).toMatchObject({ isPolicy: false, genre: 'other' });
    expect(v.score).toBeLessThanOrEqual(0.5);
  });

  it('keeps the score within 0..1 and gives genre other exactly when not policy', () => {
    for (const text of ['', '同志们：', '回信'.repeat(1000), readText(SEED_FILE)]) {
      const v = verdictOf(text);
      expect(v.score).toBeGreaterThanOrEqual(0);
      expect(v.score).toBeLessThanOrEqual(1);
      expect(v.isPolicy).toBe(v.score > 0.5);
      expect(v.genre === 'other').toBe(!v.isPolicy);
    }
  });

  it('ignores the template footer (boilerplate) when judging', () => {
    const seed = readText(SEED_FILE);
    const footer = seed.indexOf('本DOCX文档由');
    expect(verdictOf(seed).score).toBe(verdictOf(seed.slice(0, footer)).score);
  });
});

describe('a speech that cites documents by their numbers', () => {
  it('is still a speech: a number cited in a sentence is no notice header, one on its own line is', () => {
    const speech =
      '在全县农村工作会议上的讲话\n同志们：\n要认真贯彻落实中央一号文件精神，严格执行县委办公室《关于进一步加强农村集体“三资”管理的通知》' +
      '（县委办发〔2025〕12号）和国办发〔2024〕36号文件要求。\n一、提高认识\n二、狠抓落实\n';
    expect(verdictFor(speech)).toMatchObject({ isPolicy: true, genre: 'speech' });
    const notice =
      '县委办公室关于加强农村集体“三资”管理的通知\n县委办发〔2025〕12号\n各乡镇党委：\n现将有关事项通知如下。';
    expect(verdictFor(notice).isPolicy).toBe(false);
  });
});
