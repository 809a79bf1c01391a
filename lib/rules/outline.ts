import type { OutlineItem } from './types';

/** Placeholder until the outline engine lands: finds no items. */
export function extractOutline(_text: string): OutlineItem[] {
  return [];
}
