import { type Clip, isUnplaced } from '../clips/types';
import { groupBySpeech } from '../search/group';
import { type CitationLanguage, speechCitation } from '../citation/citation';
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
  /** Labels, so the export follows the UI language. `summary` takes {date} and {n}. */
  labels: { source: string; note: string; tags: string; clipped: string; summary: string };
  exportedAt: number;
  /** Chinese exports use full-width punctuation (来源：) and the Chinese citation convention. */
  language: CitationLanguage;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = {
  heading: 'Tifa clips',
  labels: {
    source: 'Source',
    note: 'Note',
    tags: 'Tags',
    clipped: 'Clipped',
    summary: 'Exported from Tifa on {date} · {n} clips',
  },
  exportedAt: 0,
  language: 'en',
};

export function exportMarkdown(all: readonly Clip[], options: Partial<MarkdownOptions> = {}): string {
  // A clip not yet placed has no words to quote (only a position, kept in the W3C export and the backup).
  const clips = all.filter((clip) => !isUnplaced(clip));
  const opts = {
    ...DEFAULT_MARKDOWN_OPTIONS,
    ...options,
    labels: { ...DEFAULT_MARKDOWN_OPTIONS.labels, ...options.labels },
  };
  const colon = opts.language === 'zh' ? '：' : ': ';
  const out: string[] = [`# ${inline(opts.heading)}`, ''];
  if (opts.exportedAt) {
    out.push(
      inline(opts.labels.summary.replace('{date}', localDate(opts.exportedAt)).replace('{n}', String(clips.length))),
      '',
    );
  }
  for (const group of groupBySpeech(clips)) {
    out.push(`## ${inline(group.title)}`, '');
    const citation = speechCitation(group, opts.language);
    out.push(inline(citation), '');
    out.push(`${opts.labels.source}${colon}${link(group.url)}`, '');
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
      if (clip.note.trim()) out.push(`${opts.labels.note}${colon}${inline(clip.note)}`, '');
      if (clip.tags.length)
        out.push(`${opts.labels.tags}${colon}${clip.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(' ')}`, '');
      out.push(`${opts.labels.clipped}${colon}${localDate(clip.created)}`, '');
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
