import { z } from 'zod';
import { clipSchema } from '../clips/schema';
import type { Clip } from '../clips/types';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../export/backup';
import { describeIssues, ImportError } from './errors';

/** The backup envelope; records are checked one by one afterwards so an error can name the record. */
const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  clips: z.array(z.unknown()),
});

export function isBackup(data: unknown): boolean {
  return !!data && typeof data === 'object' && (data as { format?: unknown }).format === BACKUP_FORMAT;
}

/** Validates a parsed backup whole and returns its clips; throws ImportError naming the first bad records. */
export function parseBackup(data: unknown): Clip[] {
  const envelope = backupEnvelopeSchema.safeParse(data);
  if (!envelope.success) throw new ImportError(describeIssues('not a Tifa backup', envelope.error));
  if (envelope.data.version > BACKUP_VERSION) {
    throw new ImportError(
      `this backup is version ${envelope.data.version}, newer than this version of Tifa understands (${BACKUP_VERSION}); update Tifa first`,
    );
  }
  const clips: Clip[] = [];
  const problems: string[] = [];
  envelope.data.clips.forEach((record, i) => {
    const parsed = clipSchema.safeParse(record);
    if (parsed.success) clips.push(parsed.data as Clip);
    else if (problems.length < 3) problems.push(describeIssues(`clip ${i + 1}`, parsed.error, 2));
    else problems.push('');
  });
  if (problems.length) {
    const shown = problems.filter(Boolean).join(' | ');
    const more = problems.length > 3 ? ` (${problems.length} invalid clips in all)` : '';
    throw new ImportError(`${shown}${more}`);
  }
  return clips;
}
