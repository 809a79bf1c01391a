import { describe, expect, it } from 'vitest';
import { paragraphSpan, sentenceSpan, snapSpan } from '../../lib/clipping/snap';

/** The span of `part` (its first occurrence) in `text`. */
const at = (text: string, part: string) => {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" not in the text`);
  return [start, start + part.length] as const;
};
const cut = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

const PARA1 =
  '我们要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十八大和十八届历次全会精神。要坚持选、育、管“三位一体”，实施“千村头雁”培育工程！';
const PARA2 = '村党支部书记是农村改革发展的“领头雁”。要建强队伍；要压实责任？';
const TEXT = `${PARA1}\n  ${PARA2}\n第三段。`;

describe('snapping a clip to sentences and paragraphs', () => {
  it('a clip ending mid-phrase grows to its whole sentence (。 ends it)', () => {
    const [s, e] = at(TEXT, '全面贯彻党的十八大和十八');
    expect(cut(TEXT, sentenceSpan(TEXT, s, e))).toBe(
      '我们要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十八大和十八届历次全会精神。',
    );
  });

  it('！ ？ and ； end sentences too, and a closing quote stays with its sentence', () => {
    const [s, e] = at(TEXT, '培育工程');
    expect(cut(TEXT, sentenceSpan(TEXT, s, e))).toBe('要坚持选、育、管“三位一体”，实施“千村头雁”培育工程！');
    const [s2, e2] = at(TEXT, '压实');
    expect(cut(TEXT, sentenceSpan(TEXT, s2, e2))).toBe('要压实责任？');
    const [s3, e3] = at(TEXT, '建强');
    expect(cut(TEXT, sentenceSpan(TEXT, s3, e3))).toBe('要建强队伍；');
    const quoted = '他说：“要抓落实。”然后散会。';
    const [s4, e4] = at(quoted, '抓落');
    expect(cut(quoted, sentenceSpan(quoted, s4, e4))).toBe('他说：“要抓落实。”');
  });

  it('a clip across two sentences grows at both ends, never past the line break', () => {
    const [s, e] = at(TEXT, '全会精神。要坚持');
    expect(cut(TEXT, sentenceSpan(TEXT, s, e))).toBe(PARA1);
    const [s2, e2] = at(TEXT, '领头雁');
    expect(cut(TEXT, sentenceSpan(TEXT, s2, e2))).toBe('村党支部书记是农村改革发展的“领头雁”。');
  });

  it('a paragraph runs from line break to line break, without the indent', () => {
    const [s, e] = at(TEXT, '建强队伍');
    expect(cut(TEXT, paragraphSpan(TEXT, s, e))).toBe(PARA2);
    const [s2, e2] = at(TEXT, '第三');
    expect(cut(TEXT, paragraphSpan(TEXT, s2, e2))).toBe('第三段。');
  });

  it('one step at a time: mid-phrase → sentence → paragraph → unchanged', () => {
    const [s, e] = at(TEXT, '十八大和十八');
    const one = snapSpan(TEXT, s, e);
    expect(one.level).toBe('sentence');
    const two = snapSpan(TEXT, one.start, one.end);
    expect(two.level).toBe('paragraph');
    expect(cut(TEXT, two)).toBe(PARA1);
    const three = snapSpan(TEXT, two.start, two.end);
    expect(cut(TEXT, three)).toBe(PARA1);
  });

  it('a selection with blanks at its edges counts as the sentence it covers', () => {
    const [s, e] = at(TEXT, `\n  ${PARA2.slice(0, 12)}`);
    const snapped = snapSpan(TEXT, s, e);
    expect(cut(TEXT, snapped)).toBe('村党支部书记是农村改革发展的“领头雁”。');
  });
});
