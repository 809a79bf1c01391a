import type { Clip } from '../clips/types';

/**
 * Large imports arrive in parts (one runtime message cannot carry more than 64 MiB, and a restore may hold more
 * than 100,000 clips): parts are held here, in order, and written together by the last part in one
 * transaction — still all or nothing. A batch left unfinished (the page closed, the worker stopped) is dropped:
 * its parts were never written, and finishing it later fails with a message instead of writing half.
 */
export interface ImportPart {
  /** Chosen by the sender; identifies the batch. */
  batch: string;
  /** 0-based, consecutive. */
  part: number;
  last: boolean;
}

/** Unfinished batches are dropped after this long without a part. */
export const STAGED_IMPORT_TTL_MS = 10 * 60_000;
/** At most this many batches are staged at once (older ones are dropped). */
const MAX_BATCHES = 4;

export class ImportStaging {
  private readonly batches = new Map<string, { next: number; clips: unknown[]; touched: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Holds one part; returns every clip of the batch when `last`, otherwise null. Throws on a gap or a lost batch. */
  accept({ batch, part, last }: ImportPart, clips: readonly unknown[]): unknown[] | null {
    this.dropStale();
    let staged = this.batches.get(batch);
    if (part === 0) {
      staged = { next: 0, clips: [], touched: this.now() };
      this.batches.set(batch, staged);
      while (this.batches.size > MAX_BATCHES) this.batches.delete(this.batches.keys().next().value!);
    }
    if (!staged || staged.next !== part) {
      this.batches.delete(batch);
      throw new Error(
        `import part ${part + 1} arrived without the parts before it (the import was interrupted); nothing was imported — try again`,
      );
    }
    for (const clip of clips) staged.clips.push(clip);
    staged.next++;
    staged.touched = this.now();
    if (!last) return null;
    this.batches.delete(batch);
    return staged.clips;
  }

  private dropStale(): void {
    const cutoff = this.now() - STAGED_IMPORT_TTL_MS;
    for (const [id, staged] of this.batches) if (staged.touched < cutoff) this.batches.delete(id);
  }
}

/** Splits clips into parts whose JSON stays under `maxChars` (a part holds at least one clip). */
export function splitForMessages(clips: readonly Clip[], maxChars = 16 * 1024 * 1024): Clip[][] {
  const parts: Clip[][] = [];
  let current: Clip[] = [];
  let size = 0;
  for (const clip of clips) {
    const length = JSON.stringify(clip).length;
    if (current.length && size + length > maxChars) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(clip);
    size += length;
  }
  if (current.length || !parts.length) parts.push(current);
  return parts;
}
