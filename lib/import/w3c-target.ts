import type { TextQuoteSelector } from '../clips/types';
import { SkipRecord } from './report';

/**
 * Finds the passage an annotation targets, in the shapes the W3C model allows for text on web pages:
 * a plain IRI (a whole resource: no passage), a SpecificResource with `source` and one selector or a list of
 * them, selectors refined by other selectors (`refinedBy` chains), selectors given as links to objects defined
 * elsewhere in the same file, and Composite / List / Independents targets whose items are any of these.
 */

type Json = Record<string, unknown>;

export interface TextTarget {
  source: string;
  quote?: TextQuoteSelector;
  /** Code points into the whole resource's text, as the model counts; only from a top-level selector. */
  position?: { start: number; end: number };
  /** A position found inside a refinement (it counts from that segment, not from the page's text). */
  refinedPosition?: string;
  styleClass?: string;
}

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const typesOf = (v: Json): string[] => asList(v.type).filter((t): t is string => typeof t === 'string');
const MULTIPLICITY = ['Composite', 'List', 'Independents'];

/** Every object in the file that has an `id`, so a selector given as a link can be looked up. */
export function indexById(data: unknown, index = new Map<string, Json>(), depth = 0): Map<string, Json> {
  if (depth > 32) return index;
  if (Array.isArray(data)) for (const item of data) indexById(item, index, depth + 1);
  else if (isObject(data)) {
    if (typeof data.id === 'string' && !index.has(data.id)) index.set(data.id, data);
    for (const value of Object.values(data)) if (value && typeof value === 'object') indexById(value, index, depth + 1);
  }
  return index;
}

/** The annotation's targets flattened: multiplicity constructs are opened, links to known objects followed. */
function flattenTargets(target: unknown, ids: Map<string, Json>, depth = 0): unknown[] {
  if (depth > 8) return [];
  return asList(target).flatMap((t) => {
    const resolved = typeof t === 'string' ? (ids.get(t) ?? t) : t;
    if (isObject(resolved) && typesOf(resolved).some((type) => MULTIPLICITY.includes(type))) {
      return flattenTargets(resolved.items, ids, depth + 1);
    }
    return [resolved];
  });
}

function sourceOf(target: Json): string | undefined {
  if (typeof target.source === 'string') return target.source;
  if (isObject(target.source) && typeof target.source.id === 'string') return target.source.id;
  return undefined;
}

/** A selector and the selectors refining it, in order (links resolved, cycles cut). */
function selectorChain(selector: unknown, ids: Map<string, Json>): Json[] {
  const chain: Json[] = [];
  const seen = new Set<unknown>();
  let current: unknown = selector;
  while (current !== undefined && chain.length < 16) {
    const resolved = typeof current === 'string' ? ids.get(current) : current;
    if (!isObject(resolved) || seen.has(resolved)) break;
    seen.add(resolved);
    chain.push(resolved);
    current = asList(resolved.refinedBy)[0];
  }
  return chain;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function quoteFrom(selector: Json): TextQuoteSelector | undefined {
  if (!typesOf(selector).includes('TextQuoteSelector')) return undefined;
  if (!isText(selector.exact) || !selector.exact)
    throw new SkipRecord('invalid', 'TextQuoteSelector.exact is missing or empty');
  const context = (v: unknown) => (isText(v) ? v : '');
  return {
    type: 'TextQuoteSelector',
    exact: selector.exact,
    prefix: context(selector.prefix),
    suffix: context(selector.suffix),
  };
}

function positionFrom(selector: Json): { start: number; end: number } | undefined {
  if (!typesOf(selector).includes('TextPositionSelector')) return undefined;
  const { start, end } = selector;
  if (!isOffset(start) || !isOffset(end) || end < start)
    throw new SkipRecord('invalid', 'TextPositionSelector start/end are not a span');
  return { start, end };
}

function textTargetOf(target: Json, ids: Map<string, Json>): TextTarget | undefined {
  const source = sourceOf(target);
  if (!source) return undefined;
  const result: TextTarget = { source };
  if (typeof target.styleClass === 'string') result.styleClass = target.styleClass;
  for (const selector of asList(target.selector)) {
    const chain = selectorChain(selector, ids);
    chain.forEach((step, depth) => {
      result.quote ??= quoteFrom(step);
      // A position inside a refinement counts from the refined segment, not the page: only top-level ones count.
      if (depth === 0) result.position ??= positionFrom(step);
      else if (typesOf(step).includes('TextPositionSelector'))
        result.refinedPosition ??= `a TextPositionSelector refining a ${typesOf(chain[depth - 1])[0] ?? 'selector'} counts from that part, not from the page`;
    });
  }
  return result;
}

/**
 * The first target that quotes text, else the first that states a position in the page's text (imported not
 * yet placed: a visit takes the words at that position); else throws SkipRecord saying why none does.
 */
export function findTextTarget(target: unknown, ids: Map<string, Json>): TextTarget {
  const candidates = flattenTargets(target, ids)
    .filter(isObject)
    .map((t) => textTargetOf(t, ids))
    .filter((t): t is TextTarget => !!t);
  const quoted = candidates.find((t) => t.quote);
  if (quoted) return quoted;
  const positioned = candidates.find((t) => t.position);
  if (positioned) return positioned;
  throw new SkipRecord('no-text', candidates.find((t) => t.refinedPosition)?.refinedPosition);
}
