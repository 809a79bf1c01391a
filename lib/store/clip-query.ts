/** The clip store's pure helpers: mention keys, in-memory filtering and ordering, and validated parsing. */
import type { Clip, ClipMention } from '../clips/types';
import { normalizeUrl } from '../clips/url';
import type { ClipFilter, ClipOrder } from '../messages/clips';
import { summarizeZodError } from '../messages/protocol';
import { StoreError } from './errors';
import type { z } from 'zod';

export function mentionKeysOf(mentions: readonly ClipMention[]): string[] {
  return [...new Set(mentions.map((m) => `${m.category}:${m.key}`))];
}

export function matchesFilter(clip: Clip, f: ClipFilter): boolean {
  if (f.url && clip.url !== normalizeUrl(f.url)) return false;
  if (f.site && clip.site !== f.site) return false;
  if (f.tag && !clip.tags.includes(f.tag)) return false;
  if (f.color && clip.color !== f.color) return false;
  if (f.mentionKey && !clip.mentionKeys.includes(f.mentionKey)) return false;
  if (f.from !== undefined && clip.created < f.from) return false;
  if (f.to !== undefined && clip.created > f.to) return false;
  return true;
}

export function comparator(order: ClipOrder): (a: Clip, b: Clip) => number {
  switch (order) {
    case 'created-asc':
      return (a, b) => a.created - b.created;
    case 'updated-desc':
      return (a, b) => b.updated - a.updated;
    default:
      return (a, b) => b.created - a.created;
  }
}

export function parseOrThrow<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreError('invalid', `invalid ${what}: ${summarizeZodError(parsed.error)}`);
  return parsed.data;
}
