import { describe, expect, it } from 'vitest';
import { extractOutline, TITLE_MAX } from '../../lib/rules/outline';
import { OUTLINE_RULES, ordinalOf } from '../../lib/rules/outline-rules';
import type { OutlineItem } from '../../lib/rules/types';

/** Compact view of an outline: `marker@depth` in document order. */
function shape(items: OutlineItem[]): string[] {
  return items.map((i) => `${i.marker.trim()}@${i.depth}`);
}

function itemAt(text: string, items: OutlineItem[], needle: string): OutlineItem {
  const at = text.indexOf(needle);
  const item = items.find((i) => i.start === at);
  if (!item) throw new Error(`no outline item starts at “${needle}”: ${JSON.stringify(shape(items))}`);
  return item;
}

describe('outline rules (data-driven: every example and counter-example is a test)', () => {
  it('have unique ids and at least one example and counter-example each', () => {
    const ids = OUTLINE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of OUTLINE_RULES) {
      expect(rule.examples.length, rule.id).toBeGreaterThan(0);
      expect(rule.counterExamples.length, rule.id).toBeGreaterThan(0);
      expect(rule.description.zh.length, rule.id).toBeGreaterThan(0);
      expect(rule.description.en.length, rule.id).toBeGreaterThan(0);
    }
  });

  for (const rule of OUTLINE_RULES) {
    describe(rule.id, () => {
      for (const example of rule.examples) {
        it(`finds a ${rule.family} sequence in: ${example.slice(0, 40)}`, () => {
          const found = extractOutline(example).filter((i) => i.family === rule.family);
          expect(found.length).toBeGreaterThanOrEqual(2);
          expect(found[0].ordinal).toBe(1);
          for (const item of found) expect(example.slice(item.start, item.headEnd).startsWith(item.marker)).toBe(true);
        });
      }
      for (const counter of rule.counterExamples) {
        it(`finds no ${rule.family} item in: ${counter.slice(0, 40)}`, () => {
          const found = extractOutline(counter).filter((i) => i.family === rule.family);
          expect(found.map((i) => i.marker)).toEqual([]);
        });
      }
    });
  }
});

describe('ordinals', () => {
  it('reads Chinese and Arabic numerals', () => {
    expect([
      ordinalOf('一'),
      ordinalOf('九'),
      ordinalOf('十'),
      ordinalOf('十一'),
      ordinalOf('二十'),
      ordinalOf('二十三'),
    ]).toEqual([1, 9, 10, 11, 20, 23]);
    expect([ordinalOf('7'), ordinalOf('12'), ordinalOf('１２')]).toEqual([7, 12, 12]);
    expect([ordinalOf('首先'), ordinalOf('其次'), ordinalOf('再次')]).toEqual([1, 2, 3]);
  });

  it('gives 最后 the position it closes', () => {
    const text = '首先，要提高认识。其次，要完善制度。再次，要加强队伍。最后，要狠抓落实。';
    const items = extractOutline(text);
    expect(items.map((i) => [i.marker, i.ordinal])).toEqual([
      ['首先，', 1],
      ['其次，', 2],
      ['再次，', 3],
      ['最后，', 4],
    ]);
  });

  it('counts past ten: 十一、 follows 十、', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const text = numerals.map((n) => `${n}、标题\n正文。`).join('\n');
    const items = extractOutline(text);
    expect(items.map((i) => i.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('nesting', () => {
  it('follows the official convention 一、 > （一） > 1. > （1）', () => {
    const text = [
      '一、总体要求',
      '（一）指导思想。坚持稳中求进。',
      '1.加强领导。（1）建立机制。（2）压实责任。',
      '2.强化保障。',
      '（二）基本原则。坚持问题导向。',
      '二、主要任务',
      '（一）稳增长。扩大内需。',
      '（二）促改革。深化改革。',
    ].join('\n');
    expect(shape(extractOutline(text))).toEqual([
      '一、@0',
      '（一）@1',
      '1.@2',
      '（1）@3',
      '（2）@3',
      '2.@2',
      '（二）@1',
      '二、@0',
      '（一）@1',
      '（二）@1',
    ]);
  });

  it('nests speech families in the order they open: 一、 > 第一， > 一要 > 一是', () => {
    const text = [
      '一、坚持分类施策',
      '第一，要加强农村党建。一要实施头雁工程。一是选好人。二是育好人。二要实施破零工程。',
      '第二，要加强城市党建。一要开展强化行动。二要开展提升行动。',
      '二、强化组织保障',
      '第一，要压实责任。第二，要严格考核。',
    ].join('\n');
    expect(shape(extractOutline(text))).toEqual([
      '一、@0',
      '第一，@1',
      '一要@2',
      '一是@3',
      '二是@3',
      '二要@2',
      '第二，@1',
      '一要@2',
      '二要@2',
      '二、@0',
      '第一，@1',
      '第二，@1',
    ]);
  });

  it('puts 一、 after a preamble list at the top level, not under the list', () => {
    const text =
      '同志们：\n主要有两个特点：一是重视程度提高。二是基层基础夯实。\n一、提高思想站位\n正文。\n二、坚持分类施策\n正文。';
    const items = extractOutline(text);
    expect(shape(items)).toEqual(['一是@0', '二是@0', '一、@0', '二、@0']);
    expect(items.every((i) => i.parent === null)).toBe(true);
  });

  it('closes inline lists at the next heading, and restarts them inside each new parent', () => {
    const text =
      '一、回顾\n（一）稳经济。一是扩内需。二是稳投资。\n（二）促改革。一是放管服。二是优环境。三是强监管。\n二、安排\n（一）抓落实。\n（二）强保障。';
    const items = extractOutline(text);
    expect(shape(items)).toEqual([
      '一、@0',
      '（一）@1',
      '一是@2',
      '二是@2',
      '（二）@1',
      '一是@2',
      '二是@2',
      '三是@2',
      '二、@0',
      '（一）@1',
      '（二）@1',
    ]);
    const secondList = items.filter((i) => i.family === 'shi').slice(2);
    expect(secondList.every((i) => i.parent === items.findIndex((x) => x.marker === '（二）'))).toBe(true);
  });

  it('opens （一） inside a speech point 第一个问题： (not above it)', () => {
    const text =
      '第一个问题：关于形势\n（一）成绩显著。\n（二）问题突出。\n第二个问题：关于任务\n（一）稳增长。\n（二）促改革。';
    expect(shape(extractOutline(text))).toEqual([
      '第一个问题：@0',
      '（一）@1',
      '（二）@1',
      '第二个问题：@0',
      '（一）@1',
      '（二）@1',
    ]);
  });

  it('keeps 第一部分 above 一、', () => {
    const text =
      '第一部分　总体要求\n一、指导思想\n正文。\n二、基本原则\n正文。\n第二部分　主要任务\n一、稳增长\n正文。\n二、促改革\n正文。';
    expect(shape(extractOutline(text))).toEqual(['第一部分@0', '一、@1', '二、@1', '第二部分@0', '一、@1', '二、@1']);
  });

  it('lets law articles run on across chapters (第七条 follows 第六条 in the chapter before)', () => {
    const text = '第一章　总则\n第一条　目的。\n第二条　范围。\n第二章　管理\n第三条　职责。\n第四条　程序。';
    const items = extractOutline(text);
    expect(shape(items)).toEqual(['第一章@0', '第一条@1', '第二条@1', '第二章@0', '第三条@1', '第四条@1']);
    expect(items.filter((i) => i.family === 'tiao').map((i) => i.ordinal)).toEqual([1, 2, 3, 4]);
  });

  it('starts afresh after an annex line: a glossary does not nest under the last section', () => {
    const text =
      '一、回顾\n正文。\n二、安排\n（一）稳增长。一是扩内需。二是稳投资。\n名词解释\n1.“两重”：重大战略。\n2.“两新”：设备更新。';
    const items = extractOutline(text);
    const glossary = items.filter((i) => i.family === 'arabic');
    expect(glossary.map((i) => [i.parent, i.depth])).toEqual([
      [null, 0],
      [null, 0],
    ]);
    expect(itemAt(text, items, '二、安排').end).toBe(text.indexOf('名词解释'));
  });
});

describe('consecutive sequences', () => {
  it('drops a lone 一是 and a 二、 without 一、', () => {
    expect(extractOutline('一是加强学习。其他工作照常。')).toEqual([]);
    expect(extractOutline('二、坚持分类施策\n正文。\n三、强化保障\n正文。')).toEqual([]);
  });

  it('ends a sequence at a gap: 一、二、四、 keeps 一、二、 only', () => {
    const items = extractOutline('一、甲\n正文。\n二、乙\n正文。\n四、丁\n正文。\n五、戊\n正文。');
    expect(items.map((i) => i.marker)).toEqual(['一、', '二、']);
  });

  it('ignores a repeated ordinal and carries on with the next one', () => {
    const items = extractOutline('一是扩内需。二是稳投资。二是稳投资。三是促消费。');
    expect(items.map((i) => i.ordinal)).toEqual([1, 2, 3]);
  });

  it('does not let a stray 一是 in the middle swallow a real sequence', () => {
    const text = '主要做法：一是扩内需。二是稳投资。他说：一是一个好的开始，这是我们的共识。三是促消费。';
    const items = extractOutline(text);
    expect(items.map((i) => i.ordinal)).toEqual([1, 2, 3]);
    expect(items[2].start).toBe(text.indexOf('三是'));
  });

  it('requires 其次 before 最后 and 首先 before 其次', () => {
    expect(extractOutline('首先，我代表党中央表示祝贺。最后，我强调纪律。')).toEqual([]);
    expect(extractOutline('其次，要完善制度。最后，要狠抓落实。')).toEqual([]);
  });
});

describe('text without line breaks', () => {
  it('finds headings after 。 and after full-width space runs in a run-together crawl', () => {
    const body = '各地区各部门要把各项工作抓紧抓实抓细，确保取得实效。'.repeat(40);
    const text =
      `同志们：　　下面，我讲几点意见。一、关于当前形势${body}第一，加强领导。${body}第二，压实责任。${body}` +
      `二、关于下一步工作${body}　　三、关于组织保障　　一要狠抓落实。二要增强本领。`;
    const items = extractOutline(text);
    expect(shape(items)).toEqual(['一、@0', '第一，@1', '第二，@1', '二、@0', '三、@0', '一要@1', '二要@1']);
  });

  it('treats a photo credit (新华社记者 X/摄) as a paragraph end', () => {
    const text = '我讲几点意见。第一，加强领导。要统一指挥。 新华社记者 鞠鹏/摄第二，压实责任。要落实到人。';
    expect(extractOutline(text).map((i) => i.marker)).toEqual(['第一，', '第二，']);
  });

  it('does not take an inline 一、 list in a short laid-out paragraph for headings', () => {
    const text = '报告分三个部分：一、回顾；二、任务；三、建设。\n一、过去一年的工作\n正文。\n二、今年的任务\n正文。';
    const items = extractOutline(text);
    expect(items.map((i) => i.start)).toEqual([text.indexOf('一、过去'), text.indexOf('二、今年')]);
  });
});

describe('traps', () => {
  const traps: Array<[string, string]> = [
    ['第一书记', '加强“第一书记”管理。第一书记、农技员选派不匹配。第二书记也来了。'],
    ['“第一责任”', '有的书记履行“第一责任”仅是发文。“第二责任”也没落实。'],
    ['统一是 / 唯一是', '思想统一是前提。唯一是标准。二是其他。'],
    ['一要求 / 进一步要', '这是一要求。进一步要加强管理。二要求也有。'],
    ['一肩挑 / 一将难求', '书记和主任“一肩挑”。陷入“一将难求”的困境。'],
    [
      'dates and amounts',
      '2024年1、2月，投资1.5亿元。\n1、2月份增长较快。\n1.5亿元用于民生。\n2.3亿元用于教育。依照第1.2条处理。',
    ],
    ['“…”一是 mid-sentence', '要破解“两张皮”一是要融合。“空壳村”二是要消除。'],
    ['quoted 一要…二要', '他强调：“同志们：一要加强学习。二要改进作风。”这很重要。'],
    ['quoted law articles', '我们的态度是：“第一条，反对；第二条，不怕”。'],
    [
      '第一次 / 第一批 / 第一线 / 第一时间 / 第一位',
      '这是第一次会议。第一批试点已经启动。第一线人员到位。第一时间处置。第一位的是安全。第二位是效率。',
    ],
    ['一是一、二是二', '做到一是一、二是二。一是一，二是二。'],
    ['首先 in a sentence', '只有首先把思想统一起来，其次才能谈落实。'],
    ['最后一公里', '打通“最后一公里”。最后一公里问题突出。其次，要完善制度。'],
    ['其次 alone', '其次，要完善制度。再次，要强化保障。'],
    ['list numbers 一、二、三级', '要冲破一、二、三级批发的层次。\n二、三产业比重提高。'],
    ['第一、二轮', '第一、二轮中央生态环保督察反馈问题全部整改。第三轮整改推进。'],
  ];
  for (const [name, text] of traps) {
    it(`no item: ${name}`, () => {
      expect(extractOutline(text).map((i) => i.marker)).toEqual([]);
    });
  }

  it('keeps 第一条 of a quoted law text in its own family, never di', () => {
    const text =
      '第一，要依法办事。条例规定：\n第一条　为了加强管理，制定本条例。\n第二条　本条例适用于全市。\n第二，要严格执法。';
    const items = extractOutline(text);
    expect(items.map((i) => `${i.family}:${i.ordinal}`)).toEqual(['di:1', 'tiao:1', 'tiao:2', 'di:2']);
    expect(items[1].parent).toBe(0);
  });
});

describe('heads and section ends', () => {
  const text = [
    '同志们：',
    '一、提高思想站位，切实强化使命担当',
    '基层党建处于基石地位。',
    '第一，要从政治高度认识。这是根本。',
    '第二，要从全局维度认识。一要抓班子。二要带队伍。',
    '这一段不属于“二要”。',
    '二、坚持分类施策',
    '正文。',
    '',
    '本DOCX文档由 www.zciku.com/中词库网 生成，海量范文文档任你选',
  ].join('\n');
  const items = extractOutline(text);

  it('has marker, title and headEnd covering the lead', () => {
    const first = items[0];
    expect(first).toMatchObject({ family: 'dun', ordinal: 1, marker: '一、', title: '提高思想站位，切实强化使命担当' });
    expect(text.slice(first.start, first.headEnd)).toBe('一、提高思想站位，切实强化使命担当');
    const di = itemAt(text, items, '第一，');
    expect(di.title).toBe('要从政治高度认识');
    expect(text.slice(di.start, di.headEnd)).toBe('第一，要从政治高度认识。');
  });

  it('ends a section at the next item of the same or a higher level', () => {
    expect(items[0].end).toBe(text.indexOf('二、坚持'));
    expect(itemAt(text, items, '第一，').end).toBe(text.indexOf('第二，'));
    expect(itemAt(text, items, '第二，').end).toBe(text.indexOf('二、坚持'));
    expect(itemAt(text, items, '一要').end).toBe(text.indexOf('二要'));
  });

  it('ends the last item of an inline list with its paragraph', () => {
    expect(itemAt(text, items, '二要').end).toBe(text.indexOf('\n这一段'));
  });

  it('ends the last section before the template footer', () => {
    const last = items[items.length - 1];
    expect(last.marker).toBe('二、');
    expect(last.end).toBe(text.indexOf('正文。\n\n本DOCX') + '正文。'.length);
  });

  it('keeps every child inside its parent and every head inside its section', () => {
    for (const item of items) {
      expect(item.start).toBeLessThan(item.headEnd);
      expect(item.headEnd).toBeLessThanOrEqual(item.end);
      if (item.parent !== null) {
        const parent = items[item.parent];
        expect(item.start).toBeGreaterThanOrEqual(parent.headEnd);
        expect(item.end).toBeLessThanOrEqual(parent.end);
        expect(item.depth).toBe(parent.depth + 1);
      }
    }
  });

  it('shortens long titles and strips trailing punctuation', () => {
    const long = '坚持'.repeat(50);
    const found = extractOutline(`一是${long}。二是短标题，\n三是另一个标题：具体内容。`);
    expect(found[0].title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(found[0].title.endsWith('…')).toBe(true);
    expect(found[1].title).toBe('短标题');
    expect(found[2].title).toBe('另一个标题');
  });

  it('takes the lead from the next line when the marker stands alone, and joins spaced-out titles', () => {
    const found = extractOutline('第一章\n总则\n第二章\n附则');
    expect(found.map((i) => i.title)).toEqual(['总则', '附则']);
    const spaced = extractOutline('第一章　总　则\n第一条　目的。\n第二章　附　则\n第二条　施行。');
    expect(spaced.filter((i) => i.family === 'zhang').map((i) => i.title)).toEqual(['总则', '附则']);
    const ownLine = extractOutline('\u3000\u3000\n一是\n发行长期国债；\n\u3000\u3000\n二是\n调整收入分配。');
    expect(ownLine.map((i) => i.title)).toEqual(['发行长期国债', '调整收入分配']);
  });

  it('keeps a lone 一、 right after the announced points on a page cut off after its first heading', () => {
    const cut =
      '同志们:\n今天召开全县教育工作会议。下面,我讲几点意见。\n一、要把立德树人作为根本任务\n教育是国之大计。';
    expect(shape(extractOutline(cut))).toEqual(['一、@0']);
    const announced = '刚才几位同志讲得很好。我着重讲两个问题：\n一、周密部署，立即行动\n各乡镇要迅速行动。';
    expect(shape(extractOutline(announced))).toEqual(['一、@0']);
    // Counter-examples: no announcement before it, or another numbered item after it.
    expect(extractOutline('会议要求，各地要做好以下工作。\n一、加强领导\n')).toEqual([]);
    expect(extractOutline('下面，我讲三点意见。\n一、认清形势\n要看到成绩。一是经济增长。\n')).toEqual([]);
    expect(extractOutline('下面，我讲三点意见。中间还有很长的一段话，不是紧跟着的标题。\n一、认清形势\n')).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(extractOutline('')).toEqual([]);
  });
});
