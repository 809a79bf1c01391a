import { type Clip, isUnplaced } from '../../lib/clips/types';
import { tl } from './i18n';

/**
 * What a list shows instead of the words of a clip not yet placed (imported from a position alone): that it
 * waits for a visit, and the position it was imported with (code points, as the annotation stated them).
 * Null for every other clip.
 */
export function unplacedLabel(clip: Clip): string | null {
  if (!isUnplaced(clip) || !clip.importedPosition) return null;
  return tl('library_unplaced', { start: clip.importedPosition.start, end: clip.importedPosition.end });
}
