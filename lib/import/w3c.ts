import { z } from 'zod';
import { clipMentionSchema, clipSchema, MAX_MENTIONS, MAX_OUTLINE_DEPTH, MAX_TITLE_CHARS, outlineStepSchema } from '../clips/schema';
import { computeDedupeKey } from '../clips/dedupe';
import { normalizeUrl, siteOf } from '../clips/url';
import type { Clip, TextPositionSelector, TextQuoteSelector } from '../clips/types';
import { ANNO_CONTEXT, CLIP_ID_PREFIX, colorFromStyleClass, TIFA_CLIP_KEY, TIFA_CLIP_VERSION, TIFA_NS } from '../export/w3c';
import { mentionKeysOf } from '../store/clip-store';
import { describeIssues, ImportError } from './errors';

/**
 * Imports W3C Web Annotations (JSON-LD) as clips: an AnnotationCollection with embedded pages, an
 * AnnotationPage, a single Annotation or an array of them. Each annotation needs a target with a `source` and a
 * TextQuoteSelector (its `exact` becomes the clip text); a TextPositionSelector is used when present. Bodies:
 * `tagging` TextualBodies become tags, other textual bodies (and `bodyValue`) the note; the colour comes back
 * from a `tifa-<colour>` styleClass. Annotations without a quote cannot be placed in a page and are refused.
 * Our own exports also carry a `tifa:clip` extension (page title, site, speech, outline path, mentions); when
 * present it is validated like the rest (a malformed one refuses the file) and restores those fields exactly.
 */

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.array(schema)]);
const typeIs = (name: string) =>
  z.union([z.string(), z.array(z.string())]).refine((t) => (Array.isArray(t) ? t.includes(name) : t === name), `type must be "${name}"`);

const quoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'TextQuoteSelector.exact is empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const positionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
const anySelectorSchema = z.object({ type: z.string() }).passthrough();

const specificResourceSchema = z.object({
  source: z.union([z.string(), z.object({ id: z.string() }).passthrough()]),
  selector: oneOrMany(anySelectorSchema).optional(),
  styleClass: z.string().optional(),
});

const bodySchema = z.union([
  z.string(),
  z
    .object({
      type: z.union([z.string(), z.array(z.string())]).optional(),
      value: z.string().optional(),
      purpose: z.union([z.string(), z.array(z.string())]).optional(),
    })
    .passthrough(),
]);

const tifaClipSchema = z.object({
  version: z.number().int().positive().refine((v) => v <= TIFA_CLIP_VERSION, `is newer than this version of Tifa understands (${TIFA_CLIP_VERSION})`),
  title: z.string().max(MAX_TITLE_CHARS),
  site: z.string().max(255),
  speechTitle: z.string().max(MAX_TITLE_CHARS).optional(),
  speechDate: z.string().max(40).optional(),
  speechSpeaker: z.string().max(MAX_TITLE_CHARS).optional(),
  speechOccasion: z.string().max(MAX_TITLE_CHARS).optional(),
  outlinePath: z.array(outlineStepSchema).max(MAX_OUTLINE_DEPTH),
  mentions: z.array(clipMentionSchema).max(MAX_MENTIONS),
});
type TifaClip = z.infer<typeof tifaClipSchema>;

const annotationSchema = z.object({
  id: z.string().optional(),
  type: typeIs('Annotation'),
  created: z.string().optional(),
  modified: z.string().optional(),
  motivation: z.unknown().optional(),
  bodyValue: z.string().optional(),
  body: oneOrMany(bodySchema).optional(),
  target: oneOrMany(z.union([z.string(), specificResourceSchema])),
  [TIFA_CLIP_KEY]: tifaClipSchema.optional(),
  // The same property written as a full IRI (a JSON-LD tool may have compacted it that way).
  [`${TIFA_NS}clip`]: tifaClipSchema.optional(),
});
type Annotation = z.infer<typeof annotationSchema>;

const pageSchema = z.object({ type: typeIs('AnnotationPage'), items: z.array(z.unknown()) }).passthrough();
const collectionSchema = z
  .object({
    type: typeIs('AnnotationCollection'),
    first: z.union([z.string(), pageSchema]).optional(),
  })
  .passthrough();

export function isW3cAnnotations(data: unknown): boolean {
  const first = Array.isArray(data) ? data[0] : data;
  if (!first || typeof first !== 'object') return false;
  const context = (first as Record<string, unknown>)['@context'];
  const contexts = Array.isArray(context) ? context : [context];
  const type = (first as { type?: unknown }).type;
  return contexts.includes(ANNO_CONTEXT) || ['Annotation', 'AnnotationPage', 'AnnotationCollection'].includes(String(type));
}

/** Collects the annotation records of a collection (embedded pages, following `next` when embedded), page or list. */
function annotationRecords(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const type = (data as { type?: unknown })?.type;
  const isType = (name: string) => (Array.isArray(type) ? type.includes(name) : type === name);
  if (isType('AnnotationCollection')) {
    const collection = collectionSchema.safeParse(data);
    if (!collection.success) throw new ImportError(describeIssues('AnnotationCollection', collection.error));
    const records: unknown[] = [];
    let page: unknown = collection.data.first;
    for (let n = 1; page !== undefined; n++) {
      if (typeof page === 'string') {
        throw new ImportError(`AnnotationCollection: page ${n} (${page}) is a link, not embedded; export the annotations with their pages embedded`);
      }
      const parsed = pageSchema.safeParse(page);
      if (!parsed.success) throw new ImportError(describeIssues(`AnnotationPage ${n}`, parsed.error));
      records.push(...parsed.data.items);
      page = (parsed.data as { next?: unknown }).next;
    }
    return records;
  }
  if (isType('AnnotationPage')) {
    const parsed = pageSchema.safeParse(data);
    if (!parsed.success) throw new ImportError(describeIssues('AnnotationPage', parsed.error));
    return parsed.data.items;
  }
  return [data];
}

export interface W3cImportOptions {
  now?: number;
}

/** Validates every annotation before returning any clip: one bad annotation refuses the file. */
export function parseW3cAnnotations(data: unknown, options: W3cImportOptions = {}): Clip[] {
  const now = options.now ?? Date.now();
  const records = annotationRecords(data);
  if (records.length === 0) throw new ImportError('the file contains no annotations');
  const clips: Clip[] = [];
  const problems: string[] = [];
  records.forEach((record, i) => {
    try {
      const parsed = annotationSchema.safeParse(record);
      if (!parsed.success) throw new ImportError(describeIssues(`annotation ${i + 1}`, parsed.error, 2));
      const clip = annotationToClip(parsed.data, now, i + 1);
      const checked = clipSchema.safeParse(clip);
      if (!checked.success) throw new ImportError(describeIssues(`annotation ${i + 1}`, checked.error, 2));
      clips.push(checked.data as Clip);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      problems.push(err.message);
    }
  });
  if (problems.length) {
    const more = problems.length > 3 ? ` (${problems.length} invalid annotations in all)` : '';
    throw new ImportError(problems.slice(0, 3).join(' | ') + more);
  }
  return clips;
}

function annotationToClip(annotation: Annotation, now: number, n: number): Clip {
  const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
  const placed = targets
    .filter((t): t is z.infer<typeof specificResourceSchema> => typeof t === 'object')
    .map((t) => ({ target: t, selectors: selectorsOf(t) }))
    .find((t) => t.selectors.quote);
  if (!placed?.selectors.quote) throw new ImportError(`annotation ${n}: no target with a TextQuoteSelector (the quoted text is needed)`);
  const source = typeof placed.target.source === 'string' ? placed.target.source : placed.target.source.id;
  let url: string;
  try {
    url = normalizeUrl(source);
  } catch {
    throw new ImportError(`annotation ${n}: target source "${source.slice(0, 80)}" is not a URL`);
  }
  const { quote, position } = placed.selectors;
  const text = quote.exact;
  const { note, tags } = bodiesOf(annotation);
  const created = timeOf(annotation.created, now);
  const extension: TifaClip | undefined = annotation[TIFA_CLIP_KEY] ?? annotation[`${TIFA_NS}clip`];
  return {
    id: clipIdOf(annotation.id, url, text),
    text,
    url,
    title: extension?.title ?? '',
    site: extension?.site ?? siteOf(url),
    created,
    updated: timeOf(annotation.modified, created),
    note,
    tags,
    color: colorFromStyleClass(placed.target.styleClass) ?? 'yellow',
    outlinePath: extension?.outlinePath ?? [],
    ...(extension?.speechTitle !== undefined ? { speechTitle: extension.speechTitle } : {}),
    ...(extension?.speechDate !== undefined ? { speechDate: extension.speechDate } : {}),
    ...(extension?.speechSpeaker !== undefined ? { speechSpeaker: extension.speechSpeaker } : {}),
    ...(extension?.speechOccasion !== undefined ? { speechOccasion: extension.speechOccasion } : {}),
    mentions: extension?.mentions ?? [],
    mentionKeys: mentionKeysOf(extension?.mentions ?? []),
    selectors: [quote, position ?? { type: 'TextPositionSelector', start: 0, end: text.length }],
    dedupeKey: computeDedupeKey(url, text),
  };
}

function selectorsOf(target: z.infer<typeof specificResourceSchema>): { quote?: TextQuoteSelector; position?: TextPositionSelector } {
  const list = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const selector of list) {
    if (selector.type === 'TextQuoteSelector' && !quote) {
      const q = quoteSelectorSchema.parse(selector);
      quote = { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' };
    } else if (selector.type === 'TextPositionSelector' && !position) {
      const p = positionSelectorSchema.safeParse(selector);
      if (p.success && p.data.end >= p.data.start) position = { type: 'TextPositionSelector', start: p.data.start, end: p.data.end };
    }
  }
  return { quote, position };
}

function bodiesOf(annotation: Annotation): { note: string; tags: string[] } {
  const bodies = annotation.body === undefined ? [] : Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  const notes: string[] = annotation.bodyValue ? [annotation.bodyValue] : [];
  const tags: string[] = [];
  for (const body of bodies) {
    if (typeof body === 'string' || typeof body.value !== 'string') continue; // a linked body has no text to keep
    const purposes = body.purpose === undefined ? [] : Array.isArray(body.purpose) ? body.purpose : [body.purpose];
    if (purposes.includes('tagging')) {
      const tag = body.value.trim();
      if (tag && !tags.includes(tag)) tags.push(tag);
    } else if (body.value) notes.push(body.value); // kept as written: our export writes any non-empty note
  }
  return { note: notes.join('\n\n'), tags };
}

function timeOf(iso: string | undefined, fallback: number): number {
  if (!iso) return fallback;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= 0 ? t : fallback;
}

/** Our own ids come back as they were; others get a stable id derived from theirs, so re-import dedupes. */
function clipIdOf(annotationId: string | undefined, url: string, text: string): string {
  if (annotationId?.startsWith(CLIP_ID_PREFIX)) return annotationId.slice(CLIP_ID_PREFIX.length);
  const tagged = /^tag:tifa\.local,2024:clip\/(.+)$/.exec(annotationId ?? '');
  if (tagged) return decodeURIComponent(tagged[1]);
  return `w3c-${computeDedupeKey(annotationId ?? url, annotationId ? '' : text).replace(/[^0-9a-z]/gi, '')}`.slice(0, 64);
}
