import type { Clip } from '../clips/types';
import { isBackup, parseBackup } from './backup';
import { ImportError } from './errors';
import { isW3cAnnotations, parseW3cAnnotations } from './w3c';

export { ImportError } from './errors';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ParsedImport {
  format: 'backup' | 'w3c';
  clips: Clip[];
}

/**
 * Parses an import file's text (a Tifa JSON backup or W3C annotations), validating it whole. Throws ImportError
 * with a message that says what is wrong; returns only when every record is valid, so the caller can write
 * all or nothing.
 */
export function parseImportFile(text: string, options: { now?: number } = {}): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('the file is too large to import');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportError(`the file is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (isBackup(data)) return { format: 'backup', clips: parseBackup(data) };
  if (isW3cAnnotations(data)) return { format: 'w3c', clips: parseW3cAnnotations(data, options) };
  throw new ImportError('neither a Tifa backup (format "tifa-backup") nor W3C Web Annotations (@context http://www.w3.org/ns/anno.jsonld)');
}
