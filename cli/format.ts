import { MENTION_CATEGORIES, type Mention, type OutlineItem, type Reason } from '../lib/rules/types';
import type { FileAnalysis } from './analyze-file';

/** One JSON object on one line: `{ file, verdict, outline, mentions, textLength, ms }` (+ `text` with --text). */
export function jsonLine(result: FileAnalysis, withText: boolean): string {
  const record: Record<string, unknown> = {
    file: result.file,
    verdict: result.verdict,
    outline: result.outline,
    mentions: result.mentions,
    textLength: result.textLength,
    ms: result.ms,
  };
  if (withText) record.text = result.text;
  return JSON.stringify(record);
}

/** A human-readable report: verdict with reasons, outline as an indented tree, mentions grouped by category. */
export function humanReport(result: FileAnalysis): string {
  const lines: string[] = [];
  const { verdict } = result;
  lines.push(`== ${result.file} ==`);
  lines.push(
    `${result.kind === 'html' ? 'HTML page' : 'text'} (${result.encoding}), ${result.textLength} characters, ${result.ms} ms` +
      (result.title ? ` · 标题 title: ${result.title}` : '') +
      (result.date ? ` · ${result.date}` : ''),
  );
  const label = verdict.isPolicy ? `policy ${verdict.genre}` : 'not a policy speech or report';
  lines.push(`Verdict: ${label} (genre ${verdict.genre}, score ${verdict.score.toFixed(2)})`);
  for (const reason of [...verdict.reasons].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
    lines.push(`  ${formatReason(reason)}`);
  }
  lines.push('');
  lines.push(`Outline 提纲 (${result.outline.length} items):`);
  if (result.outline.length === 0) lines.push('  (none)');
  for (const item of result.outline) lines.push(formatOutlineItem(item));
  lines.push('');
  lines.push(`Mentions (${result.mentions.length}):`);
  if (result.mentions.length === 0) lines.push('  (none)');
  for (const category of MENTION_CATEGORIES) {
    const group = result.mentions.filter((m) => m.category === category);
    if (group.length === 0) continue;
    const distinct = groupByKey(group);
    lines.push(`  ${category} (${group.length}, ${distinct.length} distinct):`);
    for (const { mention, count } of distinct) {
      const times = count > 1 ? ` ×${count}` : '';
      const gloss = mention.gloss ? ` — ${mention.gloss}` : '';
      lines.push(`    ${mention.text}${times}${gloss}`);
    }
  }
  return lines.join('\n');
}

function formatReason(reason: Reason): string {
  const sign = reason.weight >= 0 ? '+' : '−';
  const evidence = reason.evidence ? ` «${oneLine(reason.evidence)}»` : '';
  return `${sign}${Math.abs(reason.weight).toFixed(2)} ${reason.zh} / ${reason.en}${evidence}`;
}

function formatOutlineItem(item: OutlineItem): string {
  const indent = '  '.repeat(item.depth + 1);
  return `${indent}${item.marker}${item.title ? ' ' + oneLine(item.title) : ''}  [${item.start}]`;
}

/** Distinct mentions by key in order of first appearance, with how often each occurs. */
function groupByKey(mentions: Mention[]): { mention: Mention; count: number }[] {
  const byKey = new Map<string, { mention: Mention; count: number }>();
  for (const mention of mentions) {
    const entry = byKey.get(mention.key);
    if (entry) entry.count++;
    else byKey.set(mention.key, { mention, count: 1 });
  }
  return [...byKey.values()];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
