import type { ClipDraft } from '../clips/schema';
import { type Clip, isUnplaced } from '../clips/types';
import type { Analysis } from '../rules/types';
import { codePointIndex, toUtf16Span } from '../text/code-points';
import { buildClipDraft, ClipRefused } from './build-clip';

/**
 * Clips not yet placed (imported from a W3C TextPositionSelector without a quote) get their words on the first
 * visit to their page. The content script's re-anchoring request (clips.place, from the tab, about its own
 * page only: the background takes the address from the sender) brings the page's text to the background; before
 * the page's clips are placed in it, each unplaced one takes the text at its code-point position there, turned
 * into UTF-16 offsets, and is stored with that quote and position. This runs in the background, beside the
 * matcher, so the content script (which has a size budget) carries none of it and no new message kind is needed.
 *
 * A position past the end of the text, or over blanks only, leaves the clip unplaced (a later visit, or the
 * page's whole-body text tried next, may still place it). Which text a foreign tool counted is not stated in
 * the model; Tifa takes the first of the page's texts that holds the span — its analysed main content, then
 * the whole body — the same texts its own exports count in.
 */

/** The draft a clip not yet placed gets from `text`, or null when the position does not lie in it. */
export function draftAtPosition(clip: Clip, source: { text: string; analysis: Analysis | null }): ClipDraft | null {
  const position = clip.importedPosition;
  if (!isUnplaced(clip) || !position || position.end <= position.start) return null;
  if (codePointIndex(source.text, source.text.length) < position.end) return null;
  const { start, end } = toUtf16Span(source.text, position.start, position.end);
  try {
    return buildClipDraft(
      { text: source.text, analysis: source.analysis, url: clip.url, title: clip.title },
      start,
      end,
    );
  } catch (err) {
    if (err instanceof ClipRefused) return null; // blanks only, or longer than a clip may be
    throw err;
  }
}

export interface UnplacedStore {
  fillUnplaced(id: string, draft: ClipDraft): Promise<Clip | null>;
}

/**
 * The page's clips with every unplaced one that lies in `text` filled in (stored first), in the same order; a
 * clip that merged into an existing one with the same passage is dropped (that one is already in the list).
 */
export async function placeUnplaced(
  store: UnplacedStore,
  clips: readonly Clip[],
  source: { text: string; analysis: Analysis | null },
): Promise<Clip[]> {
  if (!clips.some(isUnplaced)) return [...clips];
  const out: Clip[] = [];
  for (const clip of clips) {
    const draft = isUnplaced(clip) ? draftAtPosition(clip, source) : null;
    if (!draft) {
      out.push(clip);
      continue;
    }
    const filled = await store.fillUnplaced(clip.id, draft);
    if (filled?.id === clip.id) out.push(filled);
    else if (!filled) out.push(clip);
  }
  return out;
}
