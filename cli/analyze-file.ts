import type { AnalyzeOptions } from '../lib/rules/analyze';
import type { Analysis } from '../lib/rules/types';
import type { HtmlTextExtractor } from './html-text';
import { InputError, readInput, type InputKind } from './input';

/** What the CLI reports for one file. Offsets in `outline` and `mentions` index into `text`. */
export interface FileAnalysis extends Analysis {
  file: string;
  kind: InputKind;
  encoding: string;
  text: string;
  /** Wall time for reading, decoding, extracting and analysing this file. */
  ms: number;
}

export type Analyzer = (text: string, options?: AnalyzeOptions) => Analysis;

/** Reads one file, turns it into text (HTML: main-content extraction) and runs the rule set on it. */
export async function analyzeFile(
  file: string,
  html: HtmlTextExtractor,
  analyze: Analyzer,
  options?: AnalyzeOptions,
): Promise<FileAnalysis> {
  let started = performance.now();
  const input = await readInput(file);
  if (input.kind === 'html') {
    // happy-dom loads once per run; that start-up cost is not this file's.
    const before = performance.now();
    await html.ready();
    started += performance.now() - before;
  }
  const text = input.kind === 'html' ? (await html.extract(input.content)).text : normalizeNewlines(input.content);
  if (text.trim() === '') throw new InputError(input.kind === 'html' ? 'no visible text in the page' : 'empty file');
  const analysis = options ? analyze(text, options) : analyze(text);
  const ms = Math.round((performance.now() - started) * 100) / 100;
  return {
    file,
    kind: input.kind,
    encoding: input.encoding,
    text,
    verdict: analysis.verdict,
    outline: analysis.outline,
    mentions: analysis.mentions,
    title: analysis.title,
    date: analysis.date,
    textLength: text.length,
    ms,
  };
}

/** CRLF and CR become LF, so a line break is one character everywhere (offsets count it once). */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
