import type { Clip } from '../clips/types';
import { exportBackup } from './backup';
import { exportCsv } from './csv';
import { exportMarkdown, type MarkdownOptions } from './markdown';
import { exportW3c } from './w3c';

export const EXPORT_FORMATS = ['markdown', 'csv', 'json', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  filename: string;
  mime: string;
  /** Text formats are strings; Word (.docx) is bytes. */
  content: string | Uint8Array<ArrayBuffer>;
}

/** Formats the export dialog offers: the text formats above, and Word, built on demand (lib/export/docx.ts). */
export const DIALOG_FORMATS = ['docx', ...EXPORT_FORMATS] as const;
export type DialogFormat = (typeof DIALOG_FORMATS)[number];

/** `tifa-2026-12-02.docx`: the same naming as the text formats. */
export function exportFilename(suffix: string, now: number): string {
  return `tifa-${new Date(now).toISOString().slice(0, 10)}${suffix}`;
}

const EXTENSION: Record<ExportFormat, { suffix: string; mime: string }> = {
  markdown: { suffix: '.md', mime: 'text/markdown;charset=utf-8' },
  csv: { suffix: '.csv', mime: 'text/csv;charset=utf-8' },
  json: { suffix: '.backup.json', mime: 'application/json' },
  w3c: { suffix: '.annotations.jsonld', mime: 'application/ld+json' },
};

/** Builds the file for one format; `markdown` carries the UI-language labels. */
export function exportClips(
  format: ExportFormat,
  clips: readonly Clip[],
  options: { now?: number; markdown?: Partial<MarkdownOptions> } = {},
): ExportFile & { content: string } {
  const now = options.now ?? Date.now();
  const { suffix, mime } = EXTENSION[format];
  const filename = exportFilename(suffix, now);
  switch (format) {
    case 'markdown':
      return { filename, mime, content: exportMarkdown(clips, { exportedAt: now, ...options.markdown }) };
    case 'csv':
      return { filename, mime, content: exportCsv(clips) };
    case 'json':
      return { filename, mime, content: exportBackup(clips, now) };
    case 'w3c':
      return { filename, mime, content: exportW3c(clips, { exportedAt: now }) };
  }
}
