import { computeDedupeKey, dedupeKeyOf } from '../clips/dedupe';
import { clipSchema, MAX_TIME_MS } from '../clips/schema';
import {
  type Clip,
  type ClipColor,
  type ClipMention,
  noQuote,
  type OutlineStep,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../clips/types';
import { normalizeUrl, siteOf } from '../clips/url';
import { CLIP_ID_PREFIX } from '../export/w3c';
import { mentionKeysOf } from '../store/clip-store';
import { ImportError } from './errors';
import { SkipRecord, type SkippedRecord } from './report';

/** The clips a file yields, and the records left out with their reasons. */
export interface ImportedRecords {
  clips: Clip[];
  skipped: SkippedRecord[];
}

/**
 * Runs `toClip` on every record: a SkipRecord it throws (or a clip that breaks a limit) becomes a skipped
 * entry; any other error propagates. A file with nothing importable is refused, naming the first reasons.
 */
export function importRecords(records: readonly unknown[], toClip: (record: unknown) => Clip): ImportedRecords {
  if (records.length === 0) throw new ImportError('the file contains no annotations');
  const clips: Clip[] = [];
  const skipped: SkippedRecord[] = [];
  records.forEach((record, i) => {
    try {
      const checked = clipSchema.safeParse(toClip(record));
      if (checked.success) clips.push(checked.data as Clip);
      else {
        const issue = checked.error.issues[0];
        skipped.push({
          index: i + 1,
          code: 'invalid',
          detail: `${issue.path.map(String).join('.')}: ${issue.message}`,
        });
      }
    } catch (err) {
      if (!(err instanceof SkipRecord)) throw err;
      skipped.push({ index: i + 1, code: err.code, ...(err.detail ? { detail: err.detail } : {}) });
    }
  });
  return { clips, skipped };
}

/** What an importer knows about one annotation; everything not given gets the same defaults as a new clip. */
export interface ImportedFields {
  annotationId?: string;
  /** Prefix for ids derived from foreign annotation ids ("w3c", "hyp"). */
  idPrefix?: string;
  source: string;
  /** The quoted words; without them the clip is imported not yet placed, by `importedPosition` alone. */
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  importedPosition?: { start: number; end: number };
  note: string;
  tags: string[];
  color?: ClipColor;
  created?: string;
  modified?: string;
  title?: string;
  site?: string;
  speechTitle?: string;
  speechDate?: string;
  speechSpeaker?: string;
  speechOccasion?: string;
  outlinePath?: OutlineStep[];
  mentions?: ClipMention[];
  now: number;
}

export function buildImportedClip(f: ImportedFields): Clip {
  let url: string;
  try {
    url = normalizeUrl(f.source);
  } catch {
    throw new SkipRecord('not-web-page', f.source.slice(0, 80));
  }
  if (!/^(https?|file):/i.test(url)) throw new SkipRecord('not-web-page', url.slice(0, 80));
  const created = timeOf(f.created, f.now);
  const mentions = f.mentions ?? [];
  // Without a quote the clip waits for a visit to take the words at its imported position (never invented here).
  if (!f.quote && !f.importedPosition) throw new SkipRecord('no-text');
  const text = f.quote?.exact ?? '';
  const positionKey = f.importedPosition ? `@${f.importedPosition.start}-${f.importedPosition.end}` : '';
  const clip: Clip = {
    id: clipIdOf(f.annotationId, url, text || positionKey, f.idPrefix ?? 'w3c'),
    text,
    url,
    title: f.title ?? '',
    site: f.site ?? siteOf(url),
    created,
    updated: Math.max(created, timeOf(f.modified, created)),
    note: f.note,
    tags: f.tags,
    color: f.color ?? 'yellow',
    outlinePath: f.outlinePath ?? [],
    mentions,
    mentionKeys: mentionKeysOf(mentions),
    selectors: f.quote ? (f.position ? [f.quote, f.position] : [f.quote]) : [noQuote()],
    dedupeKey: dedupeKeyOf(url, text, f.quote ? undefined : f.importedPosition),
  };
  if (f.speechTitle !== undefined) clip.speechTitle = f.speechTitle;
  if (f.speechDate !== undefined) clip.speechDate = f.speechDate;
  if (f.speechSpeaker !== undefined) clip.speechSpeaker = f.speechSpeaker;
  if (f.speechOccasion !== undefined) clip.speechOccasion = f.speechOccasion;
  if (f.importedPosition) clip.importedPosition = f.importedPosition;
  return clip;
}

/** An ISO time as epoch ms, or the fallback when it is missing, unreadable or outside 1970–9999. */
function timeOf(iso: string | undefined, fallback: number): number {
  if (!iso) return fallback;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= 0 && t <= MAX_TIME_MS ? t : fallback;
}

/** Our own ids come back as they were; others get a stable id derived from theirs, so re-import dedupes. */
function clipIdOf(annotationId: string | undefined, url: string, text: string, prefix: string): string {
  if (annotationId?.startsWith(CLIP_ID_PREFIX)) return annotationId.slice(CLIP_ID_PREFIX.length);
  const tagged = /^tag:tifa\.local,2024:clip\/(.+)$/.exec(annotationId ?? '');
  if (tagged) {
    try {
      return decodeURIComponent(tagged[1]);
    } catch {
      throw new SkipRecord('invalid', 'the annotation id is not a valid tag URI');
    }
  }
  return `${prefix}-${computeDedupeKey(annotationId ?? url, annotationId ? '' : text).replace(/[^0-9a-z]/gi, '')}`.slice(
    0,
    64,
  );
}
