import type { Clip } from '../clips/types';
import { groupBySpeech } from '../search/group';
import { isHttpUrl, localDate, outlineLabel } from './format';

/**
 * Markdown: one `##` section per speech (title, site, date, source link), the outline path as nested headings
 * (### for the top level, down to ######), each clip as a quote block followed by its note, tags and date.
 * Clips of a speech come in reading order, so consecutive clips under the same section share its headings.
 * Clip text, titles and notes come from pages, which a page's script controls, so every character with Markdown
 * or HTML meaning is backslash-escaped: no raw HTML (`<img onerror>`, `<!--` hiding the rest), no link or image
 * syntax (`[x](javascript:…)`), no emphasis or tables — the reader sees the characters as they were written.
 */
export interface MarkdownOptions {
  /** Document title (first line). */
  heading: string;
  /** Labels, so the export follows the UI language. */
  labels: { source: string; note: string; tags: string; clipped: string };
  exportedAt: number;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = {
  heading: 'Tifa clips',
  labels: { source: 'Source', note: 'Note', tags: 'Tags', clipped: 'Clipped' },
  exportedAt: 0,
};

export function exportMarkdown(clips: readonly Clip[], options: Partial<MarkdownOptions> = {}): string {
  const opts = { ...DEFAULT_MARKDOWN_OPTIONS, ...options, labels: { ...DEFAULT_MARKDOWN_OPTIONS.labels, ...options.labels } };
  const out: string[] = [`# ${inline(opts.heading)}`, ''];
  if (opts.exportedAt) out.push(`${localDate(opts.exportedAt)} · ${clips.length}`, '');
  for (const group of groupBySpeech(clips)) {
    out.push(`## ${inline(group.title)}`, '');
    const meta = [group.site, group.date].filter(Boolean).map((s) => inline(s!));
    meta.push(`${opts.labels.source}: ${link(group.url)}`);
    out.push(meta.join(' · '), '');
    let previousPath: string[] = [];
    for (const clip of group.clips) {
      const path = clip.outlinePath.map(outlineLabel);
      // Headings are emitted from the first level where this clip's path departs from the previous clip's.
      let common = 0;
      while (common < path.length && common < previousPath.length && path[common] === previousPath[common]) common++;
      for (let level = common; level < path.length; level++) {
        out.push(`${'#'.repeat(Math.min(3 + level, 6))} ${inline(path[level])}`, '');
      }
      previousPath = path;
      out.push(quote(clip.text), '');
      if (clip.note.trim()) out.push(`${opts.labels.note}: ${inline(clip.note)}`, '');
      if (clip.tags.length) out.push(`${opts.labels.tags}: ${clip.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(' ')}`, '');
      out.push(`${opts.labels.clipped}: ${localDate(clip.created)}`, '');
    }
  }
  return out.join('\n');
}

/** A quote block: every line prefixed, blank lines kept inside the quote. */
function quote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${escapeLineStart(escapeMarkup(line.trimEnd()))}` : '>'))
    .join('\n');
}

/** One-line text for headings and labels: newlines folded, a leading Markdown marker neutralised. */
function inline(text: string): string {
  return escapeLineStart(escapeMarkup(text.replace(/\s*[\r\n]+\s*/g, ' ').trim()));
}

/**
 * Backslash-escapes the ASCII punctuation that starts HTML, entities, links, images, code, emphasis, strike-through
 * and tables (CommonMark lets any ASCII punctuation be escaped; the escape itself is not shown).
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[\\`*_[\]<>!|~&]/g, '\\$&');
}

function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>*+\-=]|\d+[.)])/, '$1\\$2');
}

/** Angle-bracket autolink for http(s) only; other schemes are shown as plain code text, never linked. */
function link(url: string): string {
  if (isHttpUrl(url)) return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
  return `\`${url.replace(/`/g, '%60')}\``;
}
