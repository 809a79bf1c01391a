/**
 * Word export (.docx, opens in Word and WPS): the clips a writer collected, grouped by speech in reading order,
 * each passage with its place in the outline and the citation line to paste under it. Built with the `docx`
 * library (Office Open XML); loaded on demand by the export dialog, so the side panel does not carry it.
 */
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { type Clip, isUnplaced } from '../clips/types';
import { type CitationLanguage, speechCitation } from '../citation/citation';
import { groupBySpeech } from '../search/group';
import { isHttpUrl, localDate, OUTLINE_SEPARATOR, outlineLabel } from './format';

export interface DocxOptions {
  heading: string;
  /** `summary` takes {date} and {n}. */
  labels: { source: string; note: string; tags: string; summary: string };
  exportedAt: number;
  language: CitationLanguage;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const DEFAULT_OPTIONS: DocxOptions = {
  heading: 'Tifa clips',
  labels: { source: 'Source', note: 'Note', tags: 'Tags', summary: 'Exported from Tifa on {date} · {n} clips' },
  exportedAt: 0,
  language: 'en',
};

const GREY = '666666';
/** Body text in the fonts Chinese drafts use; Word and WPS substitute when a font is missing. */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };

function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function clipParagraphs(clip: Clip, citation: string, options: DocxOptions): Paragraph[] {
  const colon = options.language === 'zh' ? '：' : ': ';
  const out: Paragraph[] = [];
  const path = clip.outlinePath.map(outlineLabel).join(OUTLINE_SEPARATOR);
  if (path)
    out.push(
      new Paragraph({ children: [new TextRun({ text: path, color: GREY, size: 20 })], spacing: { before: 200 } }),
    );
  for (const line of lines(clip.text)) {
    out.push(new Paragraph({ children: [new TextRun(line)], indent: { firstLine: 480 }, spacing: { line: 360 } }));
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [
        new TextRun({ text: options.language === 'zh' ? `（${citation}）` : `(${citation})`, color: GREY, size: 20 }),
      ],
    }),
  );
  if (clip.note.trim())
    out.push(
      new Paragraph({
        children: [new TextRun({ text: `${options.labels.note}${colon}${clip.note.trim()}`, italics: true })],
      }),
    );
  if (clip.tags.length)
    out.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${options.labels.tags}${colon}${clip.tags.join('、')}`, color: GREY, size: 20 }),
        ],
      }),
    );
  return out;
}

/** The document object: exposed for tests and for callers that pack it themselves. */
export function buildDocx(all: readonly Clip[], partial: Partial<DocxOptions> = {}): Document {
  // A clip not yet placed has no words to quote (only a position, kept in the W3C export and the backup).
  const clips = all.filter((clip) => !isUnplaced(clip));
  const options = { ...DEFAULT_OPTIONS, ...partial, labels: { ...DEFAULT_OPTIONS.labels, ...partial.labels } };
  const colon = options.language === 'zh' ? '：' : ': ';
  const children: Paragraph[] = [new Paragraph({ text: options.heading, heading: HeadingLevel.TITLE })];
  if (options.exportedAt) {
    const summary = options.labels.summary
      .replace('{date}', localDate(options.exportedAt))
      .replace('{n}', String(clips.length));
    children.push(new Paragraph({ children: [new TextRun({ text: summary, color: GREY })] }));
  }
  for (const group of groupBySpeech(clips)) {
    const citation = speechCitation(group, options.language);
    children.push(new Paragraph({ text: group.title, heading: HeadingLevel.HEADING_1 }));
    children.push(new Paragraph({ children: [new TextRun({ text: citation, color: GREY })] }));
    const source = isHttpUrl(group.url)
      ? new ExternalHyperlink({ link: group.url, children: [new TextRun({ text: group.url, style: 'Hyperlink' })] })
      : new TextRun(group.url);
    children.push(
      new Paragraph({ children: [new TextRun({ text: `${options.labels.source}${colon}`, color: GREY }), source] }),
    );
    for (const clip of group.clips) children.push(...clipParagraphs(clip, citation, options));
  }
  return new Document({
    creator: 'Tifa',
    title: options.heading,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children }],
  });
}

/** The .docx file's bytes. */
export async function exportDocx(
  clips: readonly Clip[],
  options: Partial<DocxOptions> = {},
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(clips, options)));
}
