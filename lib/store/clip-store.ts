import { clipDraftSchema, clipPatchSchema, clipSchema, type ClipDraft, type ClipPatch } from '../clips/schema';
import { MAX_NOTE_CHARS, MAX_TAGS, type Clip, type ClipColor } from '../clips/types';
import { computeDedupeKey, dedupeKeyOf } from '../clips/dedupe';
import { byStoredPosition } from '../clips/position';
import { normalizeUrl, siteOf } from '../clips/url';
import { truncateUnits } from '../text/code-points';
import { summarizeZodError } from '../messages/protocol';
import { type ClipDatabase, normalizeTags } from './db';
import type { ClipFilter, ClipOrder } from '../messages/clips';
import { StoreError, isClosedError, isQuotaError } from './errors';
import { comparator, matchesFilter, mentionKeysOf, parseOrThrow } from './clip-query';

export { mentionKeysOf };
import type { z } from 'zod';
import type { SpeechFields } from '../citation/identity';

const SPEECH_FIELD_NAMES = ['speechTitle', 'speechSpeaker', 'speechOccasion', 'speechPlace', 'speechDate'] as const;

/** Deleted clips stay restorable (undo) for this long; older trash is pruned on the next delete. */
export const TRASH_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** Attempts for an operation that meets a closed database (service worker restarted, connection torn down). */
const CLOSED_DB_ATTEMPTS = 3;

export interface ClipStoreOptions {
  now?: () => number;
  newId?: () => string;
}

export interface Paging {
  offset?: number;
  limit?: number;
  order?: ClipOrder;
}

/**
 * Clip operations over the database. Each write is one IndexedDB transaction: a clip is stored whole or not at
 * all. Inputs are validated here too (not only at the message boundary), so the store is safe to call directly.
 */
export class ClipStore {
  private db: ClipDatabase;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(
    private readonly openDb: () => ClipDatabase,
    options: ClipStoreOptions = {},
  ) {
    this.db = openDb();
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** The live database (tests use it to simulate a closed connection). */
  get database(): ClipDatabase {
    return this.db;
  }

  async save(draftInput: ClipDraft): Promise<{ clip: Clip; duplicate: boolean }> {
    const draft = parseOrThrow(clipDraftSchema, draftInput, 'clip');
    const clip = this.clipFromDraft(draft);
    return this.run(async (db) =>
      db.transaction('rw', db.clips, async () => {
        const existing = await db.clips.where('dedupeKey').equals(clip.dedupeKey).first();
        if (existing) return { clip: existing, duplicate: true };
        await db.clips.add(clip);
        return { clip, duplicate: false };
      }),
    );
  }

  async get(id: string): Promise<Clip | null> {
    return this.run(async (db) => (await db.clips.get(id)) ?? null);
  }

  /** A page's clips in document order (by their position selector). */
  async countForPage(url: string): Promise<number> {
    const key = normalizeUrl(url);
    return this.run((db) => db.clips.where('url').equals(key).count());
  }

  async listForPage(url: string): Promise<Clip[]> {
    const key = normalizeUrl(url);
    const clips = await this.run((db) => db.clips.where('url').equals(key).toArray());
    return clips.sort(byStoredPosition);
  }

  async list(paging: Paging = {}): Promise<{ clips: Clip[]; total: number }> {
    return this.query({}, paging);
  }

  /** Clips matching every given filter field. Uses the most selective index available, then filters in memory. */
  async query(filter: ClipFilter, paging: Paging = {}): Promise<{ clips: Clip[]; total: number }> {
    const { offset = 0, limit = Infinity, order = 'created-desc' } = paging;
    return this.run(async (db) => {
      let matches: Clip[];
      const onlyOrdering = Object.values(filter).every((v) => v === undefined);
      if (onlyOrdering && order !== 'updated-desc') {
        // Plain listing: let the index page it.
        const ordered = order === 'created-asc' ? db.clips.orderBy('created') : db.clips.orderBy('created').reverse();
        const total = await db.clips.count();
        let coll = ordered.offset(offset);
        if (Number.isFinite(limit)) coll = coll.limit(limit);
        return { clips: await coll.toArray(), total };
      }
      if (filter.url) matches = await db.clips.where('url').equals(normalizeUrl(filter.url)).toArray();
      else if (filter.tag) matches = await db.clips.where('tags').equals(filter.tag).toArray();
      else if (filter.mentionKey) matches = await db.clips.where('mentionKeys').equals(filter.mentionKey).toArray();
      else if (filter.site) matches = await db.clips.where('site').equals(filter.site).toArray();
      else if (filter.color) matches = await db.clips.where('color').equals(filter.color).toArray();
      else if (filter.from !== undefined || filter.to !== undefined) {
        matches = await db.clips
          .where('created')
          .between(filter.from ?? -Infinity, filter.to ?? Infinity, true, true)
          .toArray();
      } else matches = await db.clips.toArray();
      const filtered = matches.filter((c) => matchesFilter(c, filter)).sort(comparator(order));
      return { clips: filtered.slice(offset, offset + limit), total: filtered.length };
    });
  }

  /** Every tag with its clip count, most used first (for completion). */
  async listTags(): Promise<{ tag: string; count: number }[]> {
    return this.run(async (db) => {
      const tags = (await db.clips.orderBy('tags').keys()) as string[];
      const counts = new Map<string, number>();
      for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts]
        .map(([tag, count]) => ({ tag, count }))
        .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    });
  }

  async update(id: string, patchInput: ClipPatch): Promise<Clip> {
    const patch = parseOrThrow(clipPatchSchema, patchInput, 'edit');
    return this.run((db) =>
      db.transaction('rw', db.clips, async () => {
        const clip = await db.clips.get(id);
        if (!clip) throw new StoreError('not-found', `no clip with id ${id}`);
        const next: Clip = { ...clip, updated: this.now() };
        if (patch.note !== undefined) next.note = patch.note;
        if (patch.tags !== undefined) next.tags = normalizeTags(patch.tags);
        if (patch.removeTags || patch.addTags) {
          const remove = new Set(normalizeTags(patch.removeTags ?? []));
          next.tags = normalizeTags([...next.tags.filter((t) => !remove.has(t)), ...(patch.addTags ?? [])]);
          if (next.tags.length > MAX_TAGS)
            throw new StoreError('invalid', `a clip would have more than ${MAX_TAGS} tags`);
        }
        if (patch.color !== undefined) next.color = patch.color;
        await db.clips.put(next);
        return next;
      }),
    );
  }

  /** Bulk edit of a multi-selection: remove tags, then add tags, then set the colour. All or nothing. */
  async updateMany(
    ids: string[],
    change: { addTags?: string[]; removeTags?: string[]; color?: ClipColor },
  ): Promise<Clip[]> {
    const add = normalizeTags(change.addTags ?? []);
    const remove = new Set(normalizeTags(change.removeTags ?? []));
    return this.run((db) =>
      db.transaction('rw', db.clips, async () => {
        const clips = await db.clips.bulkGet(ids);
        const missing = ids.filter((_, i) => !clips[i]);
        if (missing.length) throw new StoreError('not-found', `no clip with id ${missing.slice(0, 3).join(', ')}`);
        const now = this.now();
        const next = (clips as Clip[]).map((clip) => {
          const tags = normalizeTags([...clip.tags.filter((t) => !remove.has(t)), ...add]);
          if (tags.length > MAX_TAGS) throw new StoreError('invalid', `a clip would have more than ${MAX_TAGS} tags`);
          return { ...clip, tags, color: change.color ?? clip.color, updated: now };
        });
        await db.clips.bulkPut(next);
        return next;
      }),
    );
  }

  /** Gives every clip of a page the speech identity the reader stated (side panel); returns how many changed. */
  async setSpeech(url: string, fields: SpeechFields): Promise<number> {
    const key = normalizeUrl(url);
    return this.run((db) =>
      db.transaction('rw', db.clips, async () => {
        const clips = await db.clips.where('url').equals(key).toArray();
        const now = this.now();
        const next = clips.map((clip) => {
          const out: Clip = { ...clip, updated: now };
          for (const name of SPEECH_FIELD_NAMES) {
            if (fields[name] === undefined) delete out[name];
            else out[name] = fields[name];
          }
          return out;
        });
        await db.clips.bulkPut(next);
        return next.length;
      }),
    );
  }

  /** Moves clips to the trash (restorable by `restore`). Unknown ids are ignored. */
  async delete(ids: string[]): Promise<string[]> {
    return this.run((db) =>
      db.transaction('rw', db.clips, db.trash, async () => {
        const now = this.now();
        const clips = (await db.clips.bulkGet(ids)).filter((c): c is Clip => !!c);
        await db.trash.bulkPut(clips.map((clip) => ({ id: clip.id, deletedAt: now, clip })));
        await db.clips.bulkDelete(clips.map((c) => c.id));
        await db.trash
          .where('deletedAt')
          .below(now - TRASH_RETENTION_MS)
          .delete();
        return clips.map((c) => c.id);
      }),
    );
  }

  /** Undo of `delete`. A clip whose passage was clipped again meanwhile is skipped (and its trash entry dropped). */
  async restore(ids: string[]): Promise<{ restored: string[]; skipped: string[] }> {
    return this.run((db) =>
      db.transaction('rw', db.clips, db.trash, async () => {
        const restored: string[] = [];
        const skipped: string[] = [];
        for (const entry of await db.trash.bulkGet(ids)) {
          if (!entry) continue;
          const clash =
            (await db.clips.get(entry.id)) ?? (await db.clips.where('dedupeKey').equals(entry.clip.dedupeKey).first());
          if (clash) skipped.push(entry.id);
          else {
            await db.clips.add(entry.clip);
            restored.push(entry.id);
          }
          await db.trash.delete(entry.id);
        }
        return { restored, skipped };
      }),
    );
  }

  /**
   * Adds whole clip records (a backup). All or nothing: one invalid record refuses the whole import. A record
   * whose id or passage (dedupe key) is already stored — or repeated in the batch — is skipped, so importing the
   * same backup twice adds nothing.
   */
  async import(records: unknown[]): Promise<{ added: number; skipped: number }> {
    const clips = records.map((r, i) => {
      const parsed = clipSchema.safeParse(r);
      if (!parsed.success) throw new StoreError('invalid', `record ${i + 1}: ${summarizeZodError(parsed.error)}`);
      const clip = parsed.data as Clip;
      const url = normalizeUrl(clip.url);
      return {
        ...clip,
        url,
        tags: normalizeTags(clip.tags),
        mentionKeys: mentionKeysOf(clip.mentions),
        dedupeKey: dedupeKeyOf(url, clip.text, clip.importedPosition),
      };
    });
    return this.run((db) =>
      db.transaction('rw', db.clips, async () => {
        const existingIds = new Set((await db.clips.bulkGet(clips.map((c) => c.id))).filter(Boolean).map((c) => c!.id));
        const keys = [...new Set(clips.map((c) => c.dedupeKey))];
        const existingKeys = new Set((await db.clips.where('dedupeKey').anyOf(keys).toArray()).map((c) => c.dedupeKey));
        const fresh: Clip[] = [];
        for (const clip of clips) {
          if (existingIds.has(clip.id) || existingKeys.has(clip.dedupeKey)) continue;
          existingIds.add(clip.id);
          existingKeys.add(clip.dedupeKey);
          fresh.push(clip);
        }
        await db.clips.bulkAdd(fresh);
        return { added: fresh.length, skipped: clips.length - fresh.length };
      }),
    );
  }

  /**
   * Gives a clip not yet placed the words a visit found at its imported position (the draft, built from the
   * page's text by lib/clipping/place-orphans.ts). If that passage is already a clip on the page, the orphan's
   * note and tags join that clip and the orphan goes. Returns the clip now holding the passage, or null when
   * the clip is gone or was placed meanwhile (another tab of the same page).
   */
  async fillUnplaced(id: string, draftInput: ClipDraft): Promise<Clip | null> {
    const draft = parseOrThrow(clipDraftSchema, draftInput, 'placement');
    return this.run((db) =>
      db.transaction('rw', db.clips, async () => {
        const clip = await db.clips.get(id);
        if (clip?.text !== '' || clip.url !== normalizeUrl(draft.url)) return null;
        const dedupeKey = computeDedupeKey(clip.url, draft.text);
        const same = await db.clips.where('dedupeKey').equals(dedupeKey).first();
        if (same) {
          const notes = [same.note, clip.note].filter((n, i, all) => n && all.indexOf(n) === i);
          const note = truncateUnits(notes.join('\n\n'), MAX_NOTE_CHARS);
          const merged = { ...same, note, tags: normalizeTags([...same.tags, ...clip.tags]).slice(0, MAX_TAGS) };
          await db.clips.put(merged);
          await db.clips.delete(clip.id);
          return merged;
        }
        const { importedPosition: _placed, ...rest } = clip;
        const mentions = clip.mentions.length ? clip.mentions : draft.mentions;
        const placed: Clip = {
          ...rest,
          text: draft.text,
          selectors: [{ ...draft.selectors[0] }, { ...draft.selectors[1] }],
          title: clip.title || draft.title,
          outlinePath: clip.outlinePath.length ? clip.outlinePath : draft.outlinePath,
          mentions,
          mentionKeys: mentionKeysOf(mentions),
          dedupeKey,
        };
        for (const key of ['speechTitle', 'speechDate', 'speechSpeaker', 'speechOccasion'] as const)
          if (placed[key] === undefined && draft[key]) placed[key] = draft[key];
        await db.clips.put(placed);
        return placed;
      }),
    );
  }

  private clipFromDraft(draft: z.output<typeof clipDraftSchema>): Clip {
    const url = normalizeUrl(draft.url);
    const now = this.now();
    const [quote, position] = draft.selectors;
    const clip: Clip = {
      id: this.newId(),
      text: draft.text,
      url,
      title: draft.title,
      site: siteOf(url),
      created: now,
      updated: now,
      note: draft.note ?? '',
      tags: normalizeTags(draft.tags ?? []),
      color: draft.color ?? 'yellow',
      outlinePath: draft.outlinePath,
      mentions: draft.mentions,
      mentionKeys: mentionKeysOf(draft.mentions),
      selectors: [{ ...quote }, { ...position }],
      dedupeKey: computeDedupeKey(url, draft.text),
    };
    if (draft.speechTitle) clip.speechTitle = draft.speechTitle;
    if (draft.speechDate) clip.speechDate = draft.speechDate;
    if (draft.speechSpeaker) clip.speechSpeaker = draft.speechSpeaker;
    if (draft.speechOccasion) clip.speechOccasion = draft.speechOccasion;
    if (draft.speechPlace) clip.speechPlace = draft.speechPlace;
    return clip;
  }

  /**
   * Runs an operation, reopening the database and retrying when the connection was closed under us (the
   * browser stops idle service workers and may close their connections), and turning quota errors into a
   * message the reader can act on.
   */
  private async run<T>(op: (db: ClipDatabase) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!this.db.isOpen()) await this.db.open();
        return await op(this.db);
      } catch (err) {
        if (err instanceof StoreError) throw err;
        if (isQuotaError(err)) {
          throw new StoreError(
            'quota',
            'storage is full: the browser refused to save more data (quota exceeded). Export and delete old clips, or free disk space, then try again.',
          );
        }
        if (isClosedError(err) && attempt < CLOSED_DB_ATTEMPTS) {
          this.db.close();
          this.db = this.openDb();
          continue;
        }
        if (isClosedError(err)) throw new StoreError('closed', 'the clip database could not be reopened; try again');
        throw err;
      }
    }
  }
}
