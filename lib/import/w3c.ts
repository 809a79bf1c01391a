import { z } from 'zod';
import {
  clipMentionSchema,
  MAX_MENTIONS,
  MAX_OUTLINE_DEPTH,
  MAX_TITLE_CHARS,
  outlineStepSchema,
} from '../clips/schema';
import { type Clip, MAX_CLIP_CHARS, type TextPositionSelector } from '../clips/types';
import { ANNO_CONTEXT, colorFromStyleClass, TIFA_CLIP_KEY, TIFA_CLIP_VERSION, TIFA_NS } from '../export/w3c';
import { ImportError } from './errors';
import { buildImportedClip, importRecords, type ImportedRecords } from './records';
import { SkipRecord } from './report';
import { findTextTarget, indexById } from './w3c-target';

/**
 * Imports W3C Web Annotations (JSON-LD) as clips: an AnnotationCollection with embedded pages, an
 * AnnotationPage, a single Annotation or an array of them. Each annotation needs a target quoting text on a web
 * page (see w3c-target.ts for the shapes understood); its `exact` becomes the clip text. A TextPositionSelector
 * counts code points (the model's characters) and is kept as the clip's imported position, never turned into
 * offsets without the page's text; an annotation with a quote but no position gets none, and one with a position
 * but no quote is imported not yet placed (empty text, its position kept) until a visit to the page places it. Bodies: `tagging`
 * TextualBodies become tags, commenting / describing (or purpose-less) textual bodies and `bodyValue` the note.
 * The colour comes back from a `tifa-<colour>` styleClass. Our own exports also carry a `tifa:clip` extension
 * (page title, site, speech, outline path, mentions, the UTF-16 position); it restores those fields exactly.
 * Annotations Tifa cannot represent are skipped with a reason; the rest import together or not at all.
 */

const tifaClipSchema = z.object({
  version: z
    .number()
    .int()
    .positive()
    .refine((v) => v <= TIFA_CLIP_VERSION, `is newer than this version of Tifa understands (${TIFA_CLIP_VERSION})`),
  title: z.string().max(MAX_TITLE_CHARS),
  site: z.string().max(255),
  speechTitle: z.string().max(MAX_TITLE_CHARS).optional(),
  speechDate: z.string().max(40).optional(),
  speechSpeaker: z.string().max(MAX_TITLE_CHARS).optional(),
  speechOccasion: z.string().max(MAX_TITLE_CHARS).optional(),
  outlinePath: z.array(outlineStepSchema).max(MAX_OUTLINE_DEPTH),
  mentions: z.array(clipMentionSchema).max(MAX_MENTIONS),
  utf16Position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
});
type TifaClip = z.infer<typeof tifaClipSchema>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: unknown, name: string) => isObject(v) && asList(v.type).includes(name);

export function isW3cAnnotations(data: unknown): boolean {
  const first = Array.isArray(data) ? data[0] : data;
  if (!isObject(first)) return false;
  return (
    asList(first['@context']).includes(ANNO_CONTEXT) ||
    ['Annotation', 'AnnotationPage', 'AnnotationCollection'].some((t) => hasType(first, t))
  );
}

/** The annotation records of a collection (embedded pages, following embedded `next`), a page, or a list. */
function annotationRecords(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (hasType(data, 'AnnotationCollection')) {
    const records: unknown[] = [];
    let page = (data as Json).first;
    for (let n = 1; page !== undefined && page !== null; n++) {
      if (typeof page === 'string')
        throw new ImportError(
          `page ${n} of the collection is a link (${page.slice(0, 80)}), not embedded; export the annotations with their pages embedded`,
        );
      if (!hasType(page, 'AnnotationPage') || !Array.isArray((page as Json).items))
        throw new ImportError(`page ${n} of the collection is not an AnnotationPage with items`);
      records.push(...((page as Json).items as unknown[]));
      page = (page as Json).next;
    }
    return records;
  }
  if (hasType(data, 'AnnotationPage')) {
    const items = (data as Json).items;
    if (!Array.isArray(items)) throw new ImportError('the AnnotationPage has no list of items');
    return items;
  }
  return [data];
}

export interface W3cImportOptions {
  now?: number;
}

/** Every annotation checked before any clip is returned; the ones Tifa cannot take are listed in `skipped`. */
export function parseW3cAnnotations(data: unknown, options: W3cImportOptions = {}): ImportedRecords {
  const now = options.now ?? Date.now();
  const ids = indexById(data);
  return importRecords(annotationRecords(data), (record) => annotationToClip(record, ids, now));
}

function annotationToClip(record: unknown, ids: Map<string, Json>, now: number): Clip {
  if (!hasType(record, 'Annotation')) throw new SkipRecord('invalid', 'not an Annotation');
  const annotation = record as Json;
  const target = findTextTarget(annotation.target, ids);
  const extension = tifaExtensionOf(annotation);
  const { note, tags } = bodiesOf(annotation, ids);
  const quote = target.quote;
  if (!quote) checkOrphanPosition(target.position!);
  const utf16 = extension?.utf16Position;
  const position: TextPositionSelector | undefined =
    quote && utf16 && target.position && utf16.end - utf16.start === quote.exact.length
      ? { type: 'TextPositionSelector', start: utf16.start, end: utf16.end, codePoints: target.position }
      : undefined;
  return buildImportedClip({
    annotationId: typeof annotation.id === 'string' ? annotation.id : undefined,
    source: target.source,
    quote,
    position,
    importedPosition: position ? undefined : target.position,
    note,
    tags,
    color: colorFromStyleClass(target.styleClass),
    created: typeof annotation.created === 'string' ? annotation.created : undefined,
    modified: typeof annotation.modified === 'string' ? annotation.modified : undefined,
    title: extension?.title,
    site: extension?.site,
    speechTitle: extension?.speechTitle,
    speechDate: extension?.speechDate,
    speechSpeaker: extension?.speechSpeaker,
    speechOccasion: extension?.speechOccasion,
    outlinePath: extension?.outlinePath,
    mentions: extension?.mentions,
    now,
  });
}

/** A position alone must be a span a clip can hold: not empty, not longer than a clip may be. */
function checkOrphanPosition({ start, end }: { start: number; end: number }): void {
  if (end <= start) throw new SkipRecord('invalid', 'TextPositionSelector is empty and there is no quote');
  if (end - start > MAX_CLIP_CHARS)
    throw new SkipRecord('invalid', `TextPositionSelector spans more than ${MAX_CLIP_CHARS} characters`);
}

function tifaExtensionOf(annotation: Json): TifaClip | undefined {
  const raw = annotation[TIFA_CLIP_KEY] ?? annotation[`${TIFA_NS}clip`];
  if (raw === undefined) return undefined;
  const parsed = tifaClipSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SkipRecord('invalid', `${TIFA_CLIP_KEY}.${issue.path.map(String).join('.')} ${issue.message}`);
  }
  return parsed.data;
}

/** Notes from commenting / describing / purpose-less textual bodies and bodyValue; tags from tagging bodies. */
function bodiesOf(annotation: Json, ids: Map<string, Json>): { note: string; tags: string[] } {
  const notes: string[] =
    typeof annotation.bodyValue === 'string' && annotation.bodyValue ? [annotation.bodyValue] : [];
  const tags: string[] = [];
  for (const raw of asList(annotation.body)) {
    let body = typeof raw === 'string' ? ids.get(raw) : raw; // a linked body counts only if the file defines it
    // A Choice offers alternatives; like the model's default, take its first item.
    if (hasType(body, 'Choice')) body = asList((body as Json).items)[0];
    if (!isObject(body) || typeof body.value !== 'string') continue;
    const purposes = asList(body.purpose);
    if (purposes.includes('tagging')) {
      const tag = body.value.trim();
      if (tag && !tags.includes(tag)) tags.push(tag);
    } else if (
      body.value &&
      (purposes.length === 0 || purposes.some((p) => p === 'commenting' || p === 'describing'))
    ) {
      notes.push(body.value); // kept as written: our export writes any non-empty note
    }
  }
  return { note: notes.join('\n\n'), tags };
}
