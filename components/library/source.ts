import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Clip, ClipColor } from '../../lib/clips/types';
import type { ClipPatch } from '../../lib/clips/schema';
import { MAX_PAGE_SIZE } from '../../lib/messages/clips';
import { sendToBackground } from '../../lib/messages/transport';
import { openClipDatabase, type ClipDatabase } from '../../lib/store/db';
import { splitForMessages } from '../../lib/store/import-staging';

/**
 * Where the library view gets its clips and sends its edits.
 *
 * Decision: READS come straight from the clip database. The side panel and popup are extension pages in the
 * same origin as the background, so they can open the same IndexedDB, and Dexie reports every committed change —
 * including writes made by the service worker or another tab/window, which it broadcasts — so every open view
 * stays live without a message protocol for change events (see createDexieSource).
 * WRITES go through the background's validated messages (lib/messages/clips.ts), so validation, dedupe and the
 * trash (undo) live in one place.
 */
export interface ClipWriter {
  update(id: string, patch: ClipPatch): Promise<void>;
  updateMany(ids: string[], change: { addTags?: string[]; removeTags?: string[]; color?: ClipColor }): Promise<void>;
  /** Moves clips to the trash; returns the ids actually deleted. */
  remove(ids: string[]): Promise<string[]>;
  restore(ids: string[]): Promise<{ restored: string[]; skipped: string[] }>;
  importClips(clips: Clip[]): Promise<{ added: number; skipped: number }>;
}

export interface LibrarySnapshot {
  clips: Clip[];
  /** False while only the newest clips are loaded (the first screen); true once the whole library is in. */
  complete: boolean;
}

export interface LibrarySource extends ClipWriter {
  /** Calls `onClips` with the library now and after every change; returns an unsubscribe function. */
  subscribe(onClips: (snapshot: LibrarySnapshot) => void, onError: (error: Error) => void): () => void;
}

export function messageWriter(): ClipWriter {
  return {
    update: async (id, patch) => void (await sendToBackground('clips.update', { id, patch })),
    updateMany: async (ids, change) => void (await sendToBackground('clips.updateMany', { ids, ...change })),
    remove: async (ids) => (await sendToBackground('clips.delete', { ids })).deleted,
    restore: (ids) => sendToBackground('clips.restore', { ids }),
    importClips: (clips) => importInParts(clips),
  };
}

/**
 * Sends an import in parts small enough for one runtime message each; the background writes them all with the
 * last part (all or nothing). A library that fits one part goes as one message, as before.
 */
async function importInParts(clips: Clip[]): Promise<{ added: number; skipped: number }> {
  const parts = splitForMessages(clips).flatMap((part) => chunk(part, MAX_PAGE_SIZE));
  if (parts.length === 1) return sendToBackground('clips.import', { clips: parts[0] });
  const batch = crypto.randomUUID();
  let result = { added: 0, skipped: 0 };
  for (const [i, part] of parts.entries()) {
    result = await sendToBackground('clips.import', {
      clips: part,
      part: { batch, part: i, last: i === parts.length - 1 },
    });
  }
  return result;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** Clips shown before the whole library has been read (enough for the first screen). */
export const FIRST_SCREEN_CLIPS = 60;
/** Records per read while loading the whole library. */
const READ_CHUNK = 1_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const afterPaint = () =>
  new Promise<void>((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => setTimeout(resolve, 0))
      : setTimeout(resolve, 0),
  );

/**
 * Reads the library progressively and keeps it live:
 *  1. the newest FIRST_SCREEN_CLIPS clips through the `created` index — a few ms, so the first screen paints
 *     at once even with 10,000 clips (reading them all takes the browser most of a second: each record is
 *     deserialised on the main thread);
 *  2. the whole table;
 *  3. then only what changes: Dexie's `storagemutated` event (fired for this context's writes and, through a
 *     BroadcastChannel, for the service worker's and other tabs') names the primary keys written or deleted, and
 *     just those records are re-read. A change it cannot name key by key triggers a full re-read.
 */
export function createDexieSource(db: ClipDatabase, writer: ClipWriter): LibrarySource {
  return {
    ...writer,
    subscribe(onClips, onError) {
      let closed = false;
      let byId = new Map<string, Clip>();
      let complete = false;
      let pendingKeys = new Set<string>();
      let pendingFull = false;
      // biome-ignore lint/correctness/noUnusedVariables: read by the `??=` guard in schedule() (Biome misses it)
      let flushing: Promise<void> | null = null;
      const fail = (err: unknown): void => {
        if (!closed) onError(err instanceof Error ? err : new Error(String(err)));
      };
      const emit = (): void => {
        if (!closed) onClips({ clips: [...byId.values()], complete });
      };

      /** Reads the whole table in primary-key chunks, yielding between them so the view stays responsive. */
      const readAll = async () => {
        const all = new Map<string, Clip>();
        let last: string | undefined;
        for (;;) {
          const query = last === undefined ? db.clips.orderBy(':id') : db.clips.where(':id').above(last);
          const chunk = await query.limit(READ_CHUNK).toArray();
          for (const clip of chunk) all.set(clip.id, clip);
          if (closed || chunk.length < READ_CHUNK) break;
          last = chunk[chunk.length - 1].id;
          await nextTask();
        }
        byId = all;
        complete = true;
        emit();
      };

      const flush = async () => {
        while (!closed && complete && (pendingFull || pendingKeys.size)) {
          if (pendingFull) {
            pendingFull = false;
            pendingKeys = new Set();
            await readAll();
            continue;
          }
          const keys = [...pendingKeys];
          pendingKeys = new Set();
          const fresh = await db.clips.bulkGet(keys);
          const next = new Map(byId);
          keys.forEach((key, i) => {
            const clip = fresh[i];
            if (clip) next.set(key, clip);
            else next.delete(key);
          });
          byId = next;
          emit();
        }
      };
      // Changes seen while the first full read runs wait for it, then are re-read key by key.
      const schedule = () => {
        if (!complete) return;
        flushing ??= Promise.resolve()
          .then(flush)
          .catch(fail)
          .finally(() => {
            flushing = null;
            if (pendingFull || pendingKeys.size) schedule();
          });
      };

      const prefix = `idb://${db.name}/clips/`;
      const onMutated = (parts: ObservabilitySet) => {
        let touched = false;
        for (const [part, tree] of Object.entries(parts)) {
          if (part === 'all') {
            pendingFull = touched = true;
          } else if (part === prefix || part === `${prefix}:dels`) {
            touched = true;
            const keys = pointKeys(tree);
            if (keys) keys.forEach((k) => pendingKeys.add(k));
            else pendingFull = true;
          }
        }
        if (touched) schedule();
      };
      Dexie.on('storagemutated', onMutated);

      void (async () => {
        const newest = await db.clips.orderBy('created').reverse().limit(FIRST_SCREEN_CLIPS).toArray();
        if (closed) return;
        byId = new Map(newest.map((c) => [c.id, c]));
        if (newest.length === FIRST_SCREEN_CLIPS) {
          emit();
          // Let the first screen paint before the long read starts deserialising records on this thread.
          await afterPaint();
          await readAll();
        } else {
          complete = true; // that was the whole library
          emit();
        }
        schedule();
      })().catch(fail);

      return () => {
        closed = true;
        Dexie.on.storagemutated.unsubscribe(onMutated);
      };
    },
  };
}

/**
 * The string keys of an IntervalTree when it consists of single keys only (what writes by key produce);
 * undefined when it holds a real range (then the caller re-reads everything). Walks the plain node structure,
 * since trees that arrive through the BroadcastChannel have lost their RangeSet prototype.
 */
export function pointKeys(tree: IntervalTree): string[] | undefined {
  const keys: string[] = [];
  const stack: Array<IntervalTree | null | undefined> = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (!node || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return undefined;
    keys.push(node.from);
    stack.push(node.l, node.r);
  }
  return keys;
}

let shared: LibrarySource | undefined;

/** The source used in the extension: the shared database for reads, background messages for writes. */
export function extensionSource(): LibrarySource {
  return (shared ??= createDexieSource(openClipDatabase(), messageWriter()));
}
