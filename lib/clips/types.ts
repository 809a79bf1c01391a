import type { MentionCategory } from '../rules/types';

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors), over the extracted text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** UTF-16 offsets into the extracted text (what JavaScript and the DOM use). */
  start: number;
  end: number;
  /**
   * The same span counted in code points — what a W3C TextPositionSelector states. Recorded when the clip is
   * made (the page text is at hand then); clips saved before it was recorded have none, and their export
   * states no position rather than a possibly wrong one.
   */
  codePoints?: { start: number; end: number };
}
export type Selector = TextQuoteSelector | TextPositionSelector;

export interface ClipMention {
  category: MentionCategory;
  /** Normalised key (see Mention.key). */
  key: string;
  text: string;
}

/** A step of the outline path from the top-level section down to the innermost one containing the clip. */
export interface OutlineStep {
  marker: string;
  title: string;
}

export type ClipColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
export const CLIP_COLORS: readonly ClipColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** A stored clip. `id` is a UUID string; timestamps are epoch milliseconds. */
export interface Clip {
  id: string;
  text: string;
  /** Normalised page URL (no fragment, no tracking parameters). */
  url: string;
  title: string;
  /** Host name, e.g. www.gov.cn */
  site: string;
  created: number;
  updated: number;
  note: string;
  tags: string[];
  color: ClipColor;
  /** Outline path, outermost first; empty when the page has no outline. */
  outlinePath: OutlineStep[];
  /** Recognised speech title and date, when known. */
  speechTitle?: string;
  speechDate?: string;
  /** Who gave the speech, as cited: `省长 罗东川`, `县委书记`. */
  speechSpeaker?: string;
  /** The meeting or occasion: `全市安全生产工作会议`. */
  speechOccasion?: string;
  /** Where it was given, when the reader stated it (speech identity, side panel). */
  speechPlace?: string;
  mentions: ClipMention[];
  /** Multi-entry index helper: `${category}:${key}` for each mention. */
  mentionKeys: string[];
  /**
   * The quote, and its position in the page's text when known (UTF-16 offsets; an imported quote may have none).
   * A clip not yet placed (`text` empty, see isUnplaced) holds an empty quote here: it has no words yet.
   */
  selectors: [TextQuoteSelector, TextPositionSelector?];
  /**
   * A position an imported annotation stated (code points, W3C meaning) that no page text has confirmed yet:
   * kept so the next export states it again, never turned into UTF-16 offsets without the page's text. An
   * annotation that gave only a position (no quote) becomes a clip with empty text and this position — "not
   * yet placed" — until a visit to its page takes the words at that position (lib/clipping/place-orphans.ts).
   */
  importedPosition?: { start: number; end: number };
  /** Hash of url + normalised text: the same passage clipped twice on the same page is one clip. */
  dedupeKey: string;
}

/**
 * A clip imported from a position alone, whose words are not known yet: empty text and an imported position.
 * It is listed ("not yet placed"), exported with its position and never with an invented quote, and never
 * searched for in a page (an empty quote would match anywhere).
 */
export function isUnplaced(clip: Pick<Clip, 'text'>): boolean {
  return clip.text === '';
}

/** The empty quote an unplaced clip holds in its selectors (the tuple's first member is required). */
export function noQuote(): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' };
}

/** Maximum clip text length in characters (UTF-16 units). Longer selections are refused with a message. */
export const MAX_CLIP_CHARS = 20_000;
export const MAX_NOTE_CHARS = 10_000;
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 60;
