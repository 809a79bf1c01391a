import { CLIP_COLORS, type Clip, type ClipColor } from '../clips/types';
import { isoTime } from './format';

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: an AnnotationCollection
 * whose first (embedded) AnnotationPage holds one Annotation per clip. Each annotation targets the page
 * (`source`) with a TextQuoteSelector and a TextPositionSelector; the note is a commenting TextualBody and each
 * tag a tagging TextualBody; the colour travels as the target's styleClass plus a CssStylesheet, which is how
 * the model expresses styling. Outline path and mentions have no place in the model: the JSON backup keeps them.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
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
  return UUID.test(clipId) ? `${CLIP_ID_PREFIX}${clipId.toLowerCase()}` : `tag:tifa.local,2024:clip/${encodeURIComponent(clipId)}`;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: string;
}

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
    styleClass: string;
  };
  stylesheet: { type: 'CssStylesheet'; value: string };
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { id: string; type: 'Software'; name: string };
  generated: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export function clipToAnnotation(clip: Clip): WebAnnotation {
  const [quote, position] = clip.selectors;
  const body: TextualBody[] = [];
  if (clip.note.trim()) body.push({ type: 'TextualBody', value: clip.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of clip.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const styleClass = styleClassOf(clip.color);
  return {
    '@context': ANNO_CONTEXT,
    id: annotationIdOf(clip.id),
    type: 'Annotation',
    motivation: clip.note.trim() ? 'commenting' : 'highlighting',
    created: isoTime(clip.created),
    modified: isoTime(clip.updated),
    ...(body.length ? { body } : {}),
    target: {
      source: clip.url,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
      styleClass,
    },
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: ${COLOR_CSS[clip.color]}; }` },
  };
}

export function exportW3c(clips: readonly Clip[], options: { label?: string; exportedAt?: number; collectionId?: string } = {}): string {
  const exportedAt = options.exportedAt ?? Date.now();
  const id = options.collectionId ?? `${CLIP_ID_PREFIX}${randomUuid()}`;
  const collection: AnnotationCollection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Tifa clips',
    total: clips.length,
    generator: { id: 'https://github.com/tifa-extension/tifa', type: 'Software', name: 'Tifa' },
    generated: isoTime(exportedAt),
    first: { id: `${id}#page1`, type: 'AnnotationPage', startIndex: 0, items: clips.map(clipToAnnotation) },
  };
  return JSON.stringify(collection, null, 1);
}

function randomUuid(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  const hex = () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
  return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
}
