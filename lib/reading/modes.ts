import { DEFAULT_VISIBLE_CATEGORIES, HIGHLIGHT_CATEGORIES } from '../highlight/categories';
import type { Toggles } from './toggles';

/**
 * Reading modes: named sets of the highlight toggles. Calm is the default (outline, programs, formulations,
 * documents, meetings: no numbers); full shows every category. Any other combination of the per-category switches
 * is "custom". A mode is not stored on its own: it is read from the toggles, so the mode switch, the per-category
 * switches and every open tab agree through the one stored value (lib/reading/toggles.ts).
 */
export type ReadingMode = 'calm' | 'full';
export const READING_MODES: readonly ReadingMode[] = ['calm', 'full'];

export function togglesForMode(mode: ReadingMode): Toggles {
  const categories = {} as Toggles['categories'];
  for (const c of HIGHLIGHT_CATEGORIES) categories[c] = mode === 'full' || DEFAULT_VISIBLE_CATEGORIES.includes(c);
  return { all: true, categories };
}

export function modeOf(toggles: Toggles): ReadingMode | 'custom' {
  if (!toggles.all) return 'custom';
  for (const mode of READING_MODES) {
    const want = togglesForMode(mode).categories;
    if (HIGHLIGHT_CATEGORIES.every((c) => toggles.categories[c] === want[c])) return mode;
  }
  return 'custom';
}
