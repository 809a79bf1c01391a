import type { MentionCategory } from '../rules/types';
import type { DiffOp } from '../similarity/align';
import type { Comparison, CompareRow, MentionChange } from './types';

/**
 * A comparison as Markdown, for the clipboard (issue 12): added and dropped mentions on top, then the changed,
 * added, dropped and moved paragraphs under the newer text's sections. Inside a paragraph, deletions are
 * ~~struck~~ and insertions **bold**. Unchanged paragraphs are only counted. Labels are passed in so the text
 * follows the UI language; the defaults are Chinese with full-width punctuation, like the texts compared.
 */
export interface CompareMarkdownLabels {
  heading: string;
  summary: (counts: Comparison['counts']) => string;
  added: string;
  dropped: string;
  none: string;
  categories: Record<MentionCategory, string>;
  paragraphs: string;
  movedSentences: string;
  row: Record<CompareRow['kind'], string>;
  /** "paragraph n" of the newer / older text. */
  at: (n: number) => string;
  was: (n: number) => string;
  times: (n: number) => string;
  beforeSections: string;
}

export const ZH_COMPARE_LABELS: CompareMarkdownLabels = {
  heading: '比较',
  summary: (c) => `段落：相同 ${c.same}，修改 ${c.changed}，移动 ${c.moved}，新增 ${c.added}，删除 ${c.dropped}。`,
  added: '新增提法',
  dropped: '删除提法',
  none: '（无）',
  categories: {
    formulation: '提法',
    program: '工程与行动',
    document: '文件',
    meeting: '会议',
    target: '目标',
    result: '成绩',
  },
  paragraphs: '逐段比较',
  movedSentences: '移动的句子',
  row: { same: '相同', changed: '修改', moved: '移动', added: '新增', dropped: '删除' },
  at: (n) => `第${n}段`,
  was: (n) => `原第${n}段`,
  times: (n) => `（${n}次）`,
  beforeSections: '开头',
};

export function comparisonMarkdown(c: Comparison, labels: CompareMarkdownLabels = ZH_COMPARE_LABELS): string {
  const name = (side: Comparison['left']) =>
    [side.title ?? '', side.date ? `（${side.date}）` : ''].join('').trim() || '—';
  const out: string[] = [
    `# ${labels.heading}：${inline(name(c.left))} → ${inline(name(c.right))}`,
    '',
    labels.summary(c.counts),
    '',
  ];
  out.push(
    `## ${labels.added}`,
    '',
    ...mentionLines(c.added, labels),
    '',
    `## ${labels.dropped}`,
    '',
    ...mentionLines(c.dropped, labels),
    '',
  );
  out.push(`## ${labels.paragraphs}`, '');
  let section = -2;
  for (const row of c.rows) {
    if (row.kind === 'same') continue;
    const s = row.kind === 'dropped' ? -1 : c.right.sectionOf[row.right];
    if (row.kind !== 'dropped' && s !== section) {
      section = s;
      const heading = s >= 0 ? `${c.right.sections[s].marker}${c.right.sections[s].title}` : labels.beforeSections;
      out.push(`### ${inline(heading)}`, '');
    }
    out.push(`- ${rowLine(c, row, labels)}`);
  }
  if (c.moved.length) {
    out.push('', `## ${labels.movedSentences}`, '');
    for (const m of c.moved) out.push(`- “${inline(m.text)}” ${labels.was(m.left + 1)} → ${labels.at(m.right + 1)}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function mentionLines(list: readonly MentionChange[], labels: CompareMarkdownLabels): string[] {
  if (list.length === 0) return [labels.none];
  const lines: string[] = [];
  for (const category of Object.keys(labels.categories) as MentionCategory[]) {
    const items = list.filter((m) => m.category === category);
    if (items.length)
      lines.push(
        `- ${labels.categories[category]}：${items.map((m) => inline(m.text) + (m.count > 1 ? labels.times(m.count) : '')).join('、')}`,
      );
  }
  return lines;
}

function rowLine(c: Comparison, row: CompareRow, labels: CompareMarkdownLabels): string {
  const tag = `**${labels.row[row.kind]}**`;
  switch (row.kind) {
    case 'added':
      return `${tag} ${labels.at(row.right + 1)}：${inline(c.right.paragraphs[row.right].text)}`;
    case 'dropped':
      return `${tag} ${labels.was(row.left + 1)}：~~${inline(c.left.paragraphs[row.left].text)}~~`;
    case 'moved':
      return `${tag} ${labels.was(row.left + 1)} → ${labels.at(row.right + 1)}${row.ops ? `：${opsMarkdown(row.ops)}` : ''}`;
    case 'changed':
      return `${tag} ${labels.at(row.right + 1)}：${opsMarkdown(row.ops)}`;
    case 'same':
      return tag;
  }
}

export function opsMarkdown(ops: readonly DiffOp[]): string {
  return ops
    .map(([op, text]) => (op === 0 ? inline(text) : op < 0 ? `~~${inline(text)}~~` : `**${inline(text)}**`))
    .join('');
}

/** Markdown's own characters escaped; line breaks folded (a paragraph is one list item). */
function inline(text: string): string {
  return text.replace(/[\\`*_~[\]<>#|]/g, (ch) => `\\${ch}`).replace(/\s*\n\s*/g, ' ');
}
