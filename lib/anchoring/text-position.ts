import type { TextPositionSelector } from '../clips/types';

/** A span of the extracted text described by character offsets (W3C TextPositionSelector). */
export class TextPositionAnchor {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {
    if (!(start >= 0 && end >= start)) throw new Error(`invalid text position ${start}–${end}`);
  }

  static fromSelector(selector: TextPositionSelector): TextPositionAnchor {
    return new TextPositionAnchor(selector.start, selector.end);
  }

  toSelector(): TextPositionSelector {
    return { type: 'TextPositionSelector', start: this.start, end: this.end };
  }

  /** The text at this position, or null when the text is now too short to contain it. */
  textIn(text: string): string | null {
    return this.end <= text.length ? text.slice(this.start, this.end) : null;
  }
}
