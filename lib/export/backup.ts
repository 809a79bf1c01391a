import { type Clip, isUnplaced } from '../clips/types';

/**
 * The JSON backup: versioned and lossless — every field of every clip exactly as stored, so that importing it
 * reproduces the library. `version` is bumped when the Clip contract changes incompatibly; the importer
 * refuses backups newer than it understands rather than guessing.
 */
export const BACKUP_FORMAT = 'tifa-backup';
export const BACKUP_VERSION = 2;
/**
 * Version 2 may hold clips not yet placed (empty text, an imported position), which version 1 readers refuse as
 * empty: a backup holding one says 2, so an older Tifa asks to be updated instead; any other backup still says 1
 * and stays readable by every version.
 */
const FIRST_VERSION_WITH_UNPLACED = 2;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exported: string;
  count: number;
  clips: Clip[];
}

export function exportBackup(clips: readonly Clip[], exportedAt = Date.now()): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: clips.some(isUnplaced) ? FIRST_VERSION_WITH_UNPLACED : 1,
    exported: new Date(exportedAt).toISOString(),
    count: clips.length,
    clips: clips.map(stripUndefined),
  };
  return JSON.stringify(backup, null, 1);
}

/** Copies the clip's own fields (a stored record may carry `undefined` optionals, which JSON drops anyway). */
function stripUndefined(clip: Clip): Clip {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(clip)) if (value !== undefined) copy[key] = value;
  return copy as unknown as Clip;
}
