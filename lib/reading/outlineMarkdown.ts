/** The fields of an outline item that the Markdown outline needs. */
export interface OutlineLine {
  marker: string;
  title: string;
  depth: number;
}

/**
 * The speech's outline (提纲) as a Markdown list: one item per line, indented two spaces per level, marker then
 * title (`- 一、提高思想站位抓推进`). Markdown's own syntax in titles is escaped so the list stays a list.
 */
export function outlineToMarkdown(items: readonly OutlineLine[], heading?: string): string {
  const lines: string[] = [];
  if (heading) lines.push(`# ${escapeMarkdown(heading)}`, '');
  for (const item of items) {
    const indent = '  '.repeat(Math.max(0, item.depth));
    const marker = item.marker.trim();
    const title = item.title.trim();
    // A marker like 第一， already ends in punctuation; 一要/一是/首先 run straight into their title.
    lines.push(`${indent}- ${escapeMarkdown(marker + title)}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ');
}
