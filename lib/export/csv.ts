import type { Clip } from '../clips/types';
import { isoTime, OUTLINE_SEPARATOR, outlineLabel } from './format';

/**
 * CSV (RFC 4180): UTF-8 with a byte-order mark so spreadsheet programs detect the encoding and show Chinese
 * correctly; CRLF line ends; every field quoted, quotes doubled. One row per clip.
 * Cells that a spreadsheet would run as a formula (=, +, -, @ at the start) get a leading apostrophe —
 * CSV is for reading in a spreadsheet; the JSON backup is the lossless format.
 */
export const CSV_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'id',
  'created',
  'updated',
  'speech',
  'page_title',
  'site',
  'url',
  'speech_date',
  'outline_path',
  'text',
  'note',
  'tags',
  'color',
  'mentions',
] as const;

function row(clip: Clip): string[] {
  return [
    clip.id,
    isoTime(clip.created),
    isoTime(clip.updated),
    clip.speechTitle ?? '',
    clip.title,
    clip.site,
    clip.url,
    clip.speechDate ?? '',
    clip.outlinePath.map(outlineLabel).join(OUTLINE_SEPARATOR),
    clip.text,
    clip.note,
    clip.tags.join('; '),
    clip.color,
    [...new Set(clip.mentions.map((m) => m.key))].join('; '),
  ];
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function exportCsv(clips: readonly Clip[]): string {
  const lines = [CSV_COLUMNS.map(csvField).join(',')];
  for (const clip of clips) lines.push(row(clip).map(csvField).join(','));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
