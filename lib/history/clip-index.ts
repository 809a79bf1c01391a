import type { Clip } from '../clips/types';
import { ParagraphIndex, paragraphHashes } from '../similarity/paragraph-index';
import type { Paragraph } from '../similarity/paragraphs';
import { confirmReuse, type ReuseMatch } from '../similarity/reuse';

/**
 * The clips as a second, small paragraph index (issue 12: "a paragraph that recurs … in a clip"): the same
 * fingerprints and alignment as the history, rebuilt only when the clips changed (their ids, texts and edit
 * times make the key). A clip of the page being read is left out: it is the page's own paragraph.
 */
export class ClipIndex {
  #key = '';
  #clips: Clip[] = [];
  #index: ParagraphIndex | null = null;

  constructor(private readonly listClips: () => Promise<Clip[]>) {}

  async #current(): Promise<{ clips: Clip[]; index: ParagraphIndex | null }> {
    const clips = await this.listClips();
    const key = clips.map((c) => `${c.id}:${c.updated}`).join('|');
    if (key !== this.#key) {
      this.#key = key;
      this.#clips = clips;
      this.#index = clips.length ? ParagraphIndex.build(clips.map((c) => paragraphHashes(c.text))) : null;
    }
    return { clips: this.#clips, index: this.#index };
  }

  /** For each paragraph (same order), the clips of other pages it recurs in, best first. */
  async matches(
    paragraphs: readonly Paragraph[],
    hashes: readonly Uint32Array[],
    pageUrl: string,
  ): Promise<Array<Array<{ clip: Clip; match: ReuseMatch }>>> {
    const { clips, index } = await this.#current();
    return paragraphs.map((p, i) => {
      if (!index) return [];
      const found = index.candidates(hashes[i], { limit: 3 }).filter((c) => clips[c.paragraph].url !== pageUrl);
      if (!found.length) return [];
      return confirmReuse(p.text, found, (c) => clips[c].text).map((match) => ({
        clip: clips[match.paragraph],
        match,
      }));
    });
  }
}
