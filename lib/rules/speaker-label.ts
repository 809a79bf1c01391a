import type { Speaker } from './types';

/**
 * `省长 罗东川`, `罗东川`, `县委书记`: how a speaker is shown and cited. Its own module so the content script (page
 * state) can use it without carrying the speaker-finding patterns.
 */
export function speakerLabel(speaker: Speaker): string {
  return [speaker.post, speaker.name].filter(Boolean).join(' ');
}
