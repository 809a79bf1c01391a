import { CLIP_COLORS, type Clip, type ClipColor, isUnplaced } from '../clips/types';
import { MAX_TIME_MS } from '../clips/schema';
import { isoTime } from './format';

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: an AnnotationCollection
 * whose first (embedded) AnnotationPage holds one Annotation per clip. Each annotation targets the page
 * (`source`) with a TextQuoteSelector and a TextPositionSelector; the note is a commenting TextualBody and each
 * tag a tagging TextualBody; the colour travels as the target's styleClass plus a CssStylesheet, which is how
 * the model expresses styling. What the model has no place for (page title, site, speech title and date, outline
 * path, mentions) travels in a `tifa:clip` extension property — the model allows extra properties, and a second
 * @context entry maps the `tifa` prefix to our namespace — so our own export imports back losslessly, while
 * other tools still see a plain, valid annotation.
 * Positions are stated in code points (the model's characters), from the span recorded when the clip was made;
 * a clip with no known code-point position (saved by an older version, or imported from a quote alone) gets
 * no TextPositionSelector at all rather than a guessed one; a clip not yet placed (imported from a position
 * alone) gets its position and no TextQuoteSelector, never an invented quote. An empty library exports a collection with no page
 * (the model wants a page to hold at least one annotation).
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our JSON-LD namespace; `tifa:clip` expands to `${TIFA_NS}clip` and holds a JSON literal. */
// A URN rather than a web address: the project publishes no vocabulary document that an address could point to.
export const TIFA_NS = 'urn:x-tifa:ns:';
export const TIFA_CLIP_KEY = 'tifa:clip';
export const TIFA_CLIP_VERSION = 1;
export const TIFA_CONTEXT = { tifa: TIFA_NS, [TIFA_CLIP_KEY]: { '@id': `${TIFA_NS}clip`, '@type': '@json' } } as const;
export const CLIP_ID_PREFIX = 'urn:uuid:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Display colours of the clip colours, shared with the stylesheet in exports. */
export const COLOR_CSS: Record<ClipColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
};

export function styleClassOf(color: ClipColor): string {
  return `tifa-${color}`;
}

export function colorFromStyleClass(styleClass: unknown): ClipColor | undefined {
  if (typeof styleClass !== 'string') return undefined;
  for (const cls of styleClass.split(/\s+/)) {
    const color = cls.replace(/^tifa-/, '') as ClipColor;
    if (cls.startsWith('tifa-') && CLIP_COLORS.includes(color)) return color;
  }
  return undefined;
}

/** urn:uuid: for UUID ids (what the store creates), otherwise a tag URI that still identifies the clip. */
export function annotationIdOf(clipId: string): string {
  return UUID.test(clipId)
    ? `${CLIP_ID_PREFIX}${clipId.toLowerCase()}`
    : `tag:tifa.local,2024:clip/${encodeURIComponent(clipId)}`;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
}

/** The clip fields the annotation model has no property for (the rest travel in standard properties). */
export interface TifaClipExtension {
  version: typeof TIFA_CLIP_VERSION;
  title: string;
  site: string;
  speechTitle?: string;
  speechDate?: string;
  speechSpeaker?: string;
  speechOccasion?: string;
  outlinePath: Clip['outlinePath'];
  mentions: Clip['mentions'];
  /** Tifa's own UTF-16 offsets, so a round trip keeps them (the target states code points). */
  utf16Position?: { start: number; end: number };
}

export interface WebAnnotation {
  '@context': [typeof ANNO_CONTEXT, typeof TIFA_CONTEXT];
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created?: string;
  modified?: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: [W3cQuoteSelector] | [W3cQuoteSelector, W3cPositionSelector] | [W3cPositionSelector];
    styleClass: string;
  };
  stylesheet: { type: 'CssStylesheet'; value: string };
  [TIFA_CLIP_KEY]: TifaClipExtension;
}

type W3cQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
type W3cPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { id: string; type: 'Software'; name: string };
  generated: string;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export function clipToAnnotation(clip: Clip): WebAnnotation {
  const [quote, position] = clip.selectors;
  const body: TextualBody[] = [];
  // Any non-empty note, even blank-looking, so the round trip is exact.
  if (clip.note) body.push({ type: 'TextualBody', value: clip.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of clip.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const styleClass = styleClassOf(clip.color);
  const extension: TifaClipExtension = {
    version: TIFA_CLIP_VERSION,
    title: clip.title,
    site: clip.site,
    ...(clip.speechTitle !== undefined ? { speechTitle: clip.speechTitle } : {}),
    ...(clip.speechDate !== undefined ? { speechDate: clip.speechDate } : {}),
    ...(clip.speechSpeaker !== undefined ? { speechSpeaker: clip.speechSpeaker } : {}),
    ...(clip.speechOccasion !== undefined ? { speechOccasion: clip.speechOccasion } : {}),
    outlinePath: clip.outlinePath.map(({ marker, title }) => ({ marker, title })),
    mentions: clip.mentions.map(({ category, key, text }) => ({ category, key, text })),
    ...(position?.codePoints ? { utf16Position: { start: position.start, end: position.end } } : {}),
  };
  return {
    '@context': [ANNO_CONTEXT, TIFA_CONTEXT],
    id: annotationIdOf(clip.id),
    type: 'Annotation',
    motivation: clip.note.trim() ? 'commenting' : 'highlighting',
    ...timeProperty('created', clip.created),
    ...timeProperty('modified', clip.updated),
    ...(body.length ? { body } : {}),
    target: {
      source: clip.url,
      selector: isUnplaced(clip)
        ? [{ type: 'TextPositionSelector', start: clip.importedPosition!.start, end: clip.importedPosition!.end }]
        : selectorsOf(quote, position?.codePoints ?? clip.importedPosition),
      styleClass,
    },
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: ${COLOR_CSS[clip.color]}; }` },
    [TIFA_CLIP_KEY]: extension,
  };
}

function selectorsOf(
  quote: Clip['selectors'][0],
  codePoints: { start: number; end: number } | undefined,
): WebAnnotation['target']['selector'] {
  const quoteSelector: W3cQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  };
  if (!codePoints) return [quoteSelector];
  return [quoteSelector, { type: 'TextPositionSelector', start: codePoints.start, end: codePoints.end }];
}

/** `created`/`modified` as xsd:dateTime, left out when the stored time cannot be written as one (never thrown). */
function timeProperty<K extends 'created' | 'modified'>(key: K, epochMs: number): Partial<Record<K, string>> {
  if (!(Number.isInteger(epochMs) && epochMs >= 0 && epochMs <= MAX_TIME_MS)) return {};
  return { [key]: isoTime(epochMs) } as Partial<Record<K, string>>;
}

export function exportW3c(
  clips: readonly Clip[],
  options: { label?: string; exportedAt?: number; collectionId?: string } = {},
): string {
  const exportedAt = options.exportedAt ?? Date.now();
  const id = options.collectionId ?? `${CLIP_ID_PREFIX}${randomUuid()}`;
  const collection: AnnotationCollection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Tifa clips',
    total: clips.length,
    generator: { id: 'urn:x-tifa:extension', type: 'Software', name: 'Tifa' },
    generated: isoTime(exportedAt),
    ...(clips.length
      ? {
          first: {
            id: `${id}#page1`,
            type: 'AnnotationPage' as const,
            startIndex: 0 as const,
            items: clips.map(clipToAnnotation),
          },
        }
      : {}),
  };
  return JSON.stringify(collection, null, 1);
}

function randomUuid(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  const hex = () =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
}
