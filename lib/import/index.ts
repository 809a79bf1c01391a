import type { Clip } from '../clips/types';
import { isBackup, parseBackup } from './backup';
import { ImportError } from './errors';
import { isHypothesisExport, parseHypothesisExport } from './hypothesis';
import { describeSkip, type SkippedRecord } from './report';
import { isW3cAnnotations, parseW3cAnnotations } from './w3c';

export { ImportError } from './errors';
export { describeSkip, SKIP_REASONS_EN, type SkipCode, type SkippedRecord } from './report';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ParsedImport {
  format: 'backup' | 'w3c' | 'hypothesis';
  clips: Clip[];
  /** Records left out, each with its reason (never from a backup: a bad backup record refuses the file). */
  skipped: SkippedRecord[];
}

/**
 * Parses an import file's text — a Tifa JSON backup, W3C annotations, or Hypothesis's JSON — validating it
 * whole. Throws ImportError with a one-line message when the file cannot be imported at all; otherwise returns
 * every importable clip and the records skipped, so the caller writes all of them or none.
 */
export function parseImportFile(text: string, options: { now?: number } = {}): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('the file is too large to import');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportError(`the file is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (isBackup(data)) return { format: 'backup', clips: parseBackup(data), skipped: [] };
  if (isW3cAnnotations(data)) return { format: 'w3c', ...nonEmpty(parseW3cAnnotations(data, options)) };
  if (isHypothesisExport(data)) return { format: 'hypothesis', ...nonEmpty(parseHypothesisExport(data, options)) };
  throw new ImportError(
    'neither a Tifa backup, W3C Web Annotations (@context http://www.w3.org/ns/anno.jsonld) nor a Hypothesis export',
  );
}

/** A file from which nothing can be imported is an error, naming why its first records were left out. */
function nonEmpty(result: { clips: Clip[]; skipped: SkippedRecord[] }): { clips: Clip[]; skipped: SkippedRecord[] } {
  if (result.clips.length) return result;
  const first = result.skipped.slice(0, 3).map(describeSkip);
  throw new ImportError(
    `nothing in the file can be clipped: ${first.join('; ')}${result.skipped.length > 3 ? ` (+${result.skipped.length - 3} more)` : ''}`,
  );
}
