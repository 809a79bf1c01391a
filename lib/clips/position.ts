import type { Clip } from './types';

/**
 * Where a clip starts in its page's text, by its stored TextPositionSelector. A clip imported from a quote alone
 * has no stored position (none is invented); it sorts after the placed ones until a visit places it.
 */
export function storedStart(clip: Pick<Clip, 'selectors'>): number {
  return clip.selectors[1]?.start ?? Number.POSITIVE_INFINITY;
}

/** Reading order of a page's clips: by stored position, then by time clipped. */
export function byStoredPosition(a: Clip, b: Clip): number {
  return storedStart(a) - storedStart(b) || a.created - b.created;
}
