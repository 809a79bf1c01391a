import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES, findBoilerplate } from '../../lib/rules/boilerplate';
import { GLOSSARY, glossFor } from '../../lib/rules/glossary';
import { isNumberedTerm, LEXICON, MENTION_RULES, trieRegexSource } from '../../lib/rules/mention-rules';
import { findMentions, mentionKey, runMentionRule } from '../../lib/rules/mentions';
import { readText, SEED_FILE } from './helpers/rules-corpus';

/** `⟦…⟧` in an example marks the exact mention text the rule must produce. */
function parseExample(example: string): { text: string; expected: string[] } {
  const expected = [...example.matchAll(/⟦([^⟧]*)⟧/g)].map((m) => m[1]);
  return { text: example.replace(/[⟦⟧]/g, ''), expected };
}

describe('mention rules: examples and counter-examples (table-driven from the rule data)', () => {
  for (const rule of MENTION_RULES) {
    describe(rule.id, () => {
      it('has a description in both languages and at least one example and counter-example', () => {
        expect(rule.description.zh.length).toBeGreaterThan(4);
        expect(rule.description.en.length).toBeGreaterThan(4);
        expect(rule.examples.length).toBeGreaterThan(0);
        expect(rule.counterExamples.length).toBeGreaterThan(0);
      });
      for (const example of rule.examples) {
        it(`fires on: ${example}`, () => {
          const { text, expected } = parseExample(example);
          const found = runMentionRule(rule, text).map((s) => text.slice(s.start, s.end));
          if (expected.length === 0) expect(found.length).toBeGreaterThan(0);
          for (const want of expected) expect(found).toContain(want);
        });
      }
      for (const counter of rule.counterExamples) {
        it(`stays quiet on: ${counter}`, () => {
          const found = runMentionRule(rule, counter).map((s) => counter.slice(s.start, s.end));
          expect(found).toEqual([]);
        });
      }
    });
  }
});

describe('boilerplate rules', () => {
  // Rules that only count near the end of a text get a long speech-like prefix.
  const pad = '同志们，我们要坚持问题导向，把各项工作抓实抓细。'.repeat(60) + '\n';
  for (const rule of BOILERPLATE_RULES) {
    for (const example of rule.examples) {
      it(`${rule.id} fires on: ${example.slice(0, 30)}`, () => {
        const text = pad + example;
        const spans = findBoilerplate(text);
        expect(spans.length).toBeGreaterThan(0);
        expect(spans[0][0]).toBeGreaterThanOrEqual(pad.length - 1);
      });
    }
    for (const counter of rule.counterExamples) {
      it(`${rule.id} stays quiet on: ${counter}`, () => {
        expect(findBoilerplate(pad + counter)).toEqual([]);
      });
    }
  }
  it('a related-links heading at the top of a page is navigation, not the tail', () => {
    expect(findBoilerplate('相关链接：\n' + '正文内容，我们要抓好落实。'.repeat(80))).toEqual([]);
  });
});

describe('isNumberedTerm (unseen numbered formulations in quotes)', () => {
  it.each(['三把尺子', '三强型', '两张皮', '两新', '一带一路', '一老一小', '双随机、一公开', '十个指头弹钢琴'])(
    'accepts %s',
    (t) => {
      expect(isNumberedTerm(t)).toBe(true);
    },
  );
  it.each(['破', '虚化', '一肩挑', '一刀切', '一将难求、后继乏人', '第一书记', '四项', '两个', '90后', '能人治村'])(
    'rejects %s',
    (t) => {
      expect(isNumberedTerm(t)).toBe(false);
    },
  );
});

describe('trieRegexSource', () => {
  it('matches every term and prefers the longest at a position', () => {
    const terms = ['六稳', '六稳六保', '六保', '互联网+', '三会一课'];
    const re = new RegExp(trieRegexSource(terms), 'g');
    for (const t of terms) expect(t.match(re)).toEqual([t]);
    expect('落实六稳六保任务'.match(re)).toEqual(['六稳六保']);
    expect('六'.match(re)).toBeNull();
  });
});

describe('lexicon and glossary data', () => {
  it('has no duplicate lexicon terms', () => {
    const terms = LEXICON.map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
  });
  it('keeps glosses short and in Chinese', () => {
    for (const [key, gloss] of Object.entries(GLOSSARY)) {
      expect(gloss.length, key).toBeGreaterThan(3);
      expect(gloss.length, key).toBeLessThanOrEqual(160);
      expect(/[\u4e00-\u9fff]/.test(gloss), key).toBe(true);
    }
  });
  it('expands the well-known national formulations', () => {
    expect(glossFor('四个全面')).toContain('全面深化改革');
    expect(glossFor('四个意识')).toBe('政治意识、大局意识、核心意识、看齐意识');
    expect(glossFor('四个自信')).toContain('文化自信');
    for (const key of [
      '五位一体',
      '两个维护',
      '两个确立',
      '八项规定',
      '三严三实',
      '两学一做',
      '三会一课',
      '放管服',
      '六稳六保',
    ]) {
      expect(glossFor(key), key).toBeTruthy();
    }
    expect(glossFor('三把尺子')).toBeUndefined();
    expect(glossFor('hasOwnProperty')).toBeUndefined();
  });
});

describe('findMentions', () => {
  it('returns sorted, non-overlapping mentions whose text is the source slice', () => {
    const text =
      '统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。实施“千村头雁”培育工程，确保3年内培养储备5000名以上村级后备干部。';
    const mentions = findMentions(text);
    expect(mentions.length).toBeGreaterThan(3);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(mentions[i - 1].end);
    }
  });

  it('normalises keys (quotes stripped) and attaches glosses to national formulations', () => {
    const [m] = findMentions('协调推进“四个全面”战略布局');
    expect(m).toMatchObject({ category: 'formulation', text: '“四个全面”', key: '四个全面' });
    expect(m.gloss).toContain('全面从严治党');
    expect(mentionKey('“千村头雁”培育工程', 'program')).toBe('千村头雁培育工程');
    expect(mentionKey('党的十九大', 'meeting')).toBe('十九大');
  });

  it('prefers the program over the formulation inside it, and the document over everything inside it', () => {
    const text = '扎实实施好“四个一批”工程，认真学习《关于坚持“两个毫不动摇”的意见》。';
    const mentions = findMentions(text);
    expect(mentions.map((m) => [m.category, m.text])).toEqual([
      ['program', '“四个一批”工程'],
      ['document', '《关于坚持“两个毫不动摇”的意见》'],
    ]);
  });

  it('treats a numeral in running text as a meeting or ordinary counting, not a formulation', () => {
    const mentions = findMentions(
      '在党的十九大即将开幕之际，主要有四个特点，用了两个月时间，向第二个百年奋斗目标进军。',
    );
    expect(mentions.map((m) => [m.category, m.key])).toEqual([
      ['meeting', '十九大'],
      ['formulation', '第二个百年奋斗目标'],
    ]);
  });

  it('ignores quotes used for emphasis', () => {
    const text = '思路是“破”出来的、优势是“干”出来的、经验是“炼”出来的。要着重解决责任落实“虚化”问题。';
    expect(findMentions(text)).toEqual([]);
  });

  it('takes nothing from boilerplate', () => {
    const footer = '本DOCX文档由 www.zciku.com/中词库网 生成，实施“千万工程”，增长5.5%';
    const text = '要深化“放管服”改革。\n' + footer;
    const mentions = findMentions(text);
    expect(mentions.map((m) => m.key)).toEqual(['放管服']);
  });
});

describe('seed gold (tests/fixtures/corpus/gold/seed.json)', () => {
  const seed = readText(SEED_FILE);
  const gold = JSON.parse(readText('gold/seed.json')) as {
    mustFind: Record<string, string[]>;
    mustNotBeProgramOrFormulation: string[];
    boilerplate: string[];
  };
  const mentions = findMentions(seed);

  for (const [category, items] of Object.entries(gold.mustFind)) {
    for (const item of items) {
      it(`finds ${category} “${item}”`, () => {
        const hits = mentions.filter((m) => m.category === category && m.text.includes(item));
        expect(
          hits.length,
          `${category} containing ${item}; found: ${mentions
            .filter((m) => m.text.includes(item))
            .map((m) => `${m.category}:${m.text}`)
            .join(', ')}`,
        ).toBeGreaterThan(0);
      });
    }
  }

  it('marks none of the emphasis words as program or formulation', () => {
    const bad = mentions.filter(
      (m) =>
        (m.category === 'program' || m.category === 'formulation') &&
        gold.mustNotBeProgramOrFormulation.includes(m.key),
    );
    expect(bad).toEqual([]);
  });

  it('takes no mention from the template footer', () => {
    const footerAt = seed.indexOf(gold.boilerplate[0]);
    expect(footerAt).toBeGreaterThan(0);
    expect(mentions.filter((m) => m.end > footerAt)).toEqual([]);
  });
});
