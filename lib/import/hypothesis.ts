import type { TextQuoteSelector } from '../clips/types';
import type { Clip } from '../clips/types';
import { buildImportedClip, importRecords, type ImportedRecords } from './records';
import { SkipRecord } from './report';

/**
 * Imports Hypothesis's own JSON: the client's export file ({export_date, export_userid, client_version,
 * annotations}), an API search result ({total, rows}), a list of API annotations or a single one. An API
 * annotation quotes its passage in `target[].selector` (TextQuoteSelector beside RangeSelector and
 * TextPositionSelector), keeps the reader's note in `text` (Markdown), tags in `tags`, the page in `uri` and
 * its title in `document.title`. Hypothesis's TextPositionSelector counts UTF-16 units of the DOM's whole
 * textContent — a different text from the one Tifa extracts — so it is not kept; the quote places the clip.
 * Replies and page notes (no quote) are skipped with their reason.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** True for an API annotation: `uri`, `target` and `user` as Hypothesis writes them. */
function isHypothesisAnnotation(v: unknown): boolean {
  return isObject(v) && typeof v.uri === 'string' && Array.isArray(v.target) && ('user' in v || 'text' in v);
}

export function isHypothesisExport(data: unknown): boolean {
  if (isObject(data) && Array.isArray(data.annotations) && 'export_date' in data) return true;
  if (isObject(data) && Array.isArray(data.rows)) return data.rows.length === 0 || isHypothesisAnnotation(data.rows[0]);
  return Array.isArray(data) ? isHypothesisAnnotation(data[0]) : isHypothesisAnnotation(data);
}

function recordsOf(data: unknown): unknown[] {
  if (isObject(data) && Array.isArray(data.annotations)) return data.annotations;
  if (isObject(data) && Array.isArray(data.rows)) return data.rows;
  return Array.isArray(data) ? data : [data];
}

export function parseHypothesisExport(data: unknown, options: { now?: number } = {}): ImportedRecords {
  const now = options.now ?? Date.now();
  return importRecords(recordsOf(data), (record) => annotationToClip(record, now));
}

function quoteOf(annotation: Json): { source: string; quote?: TextQuoteSelector } {
  for (const target of asList(annotation.target).filter(isObject)) {
    const source = typeof target.source === 'string' ? target.source : String(annotation.uri);
    for (const selector of asList(target.selector).filter(isObject)) {
      if (selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string' && selector.exact) {
        const context = (v: unknown) => (typeof v === 'string' ? v : '');
        return {
          source,
          quote: {
            type: 'TextQuoteSelector',
            exact: selector.exact,
            prefix: context(selector.prefix),
            suffix: context(selector.suffix),
          },
        };
      }
    }
  }
  return { source: String(annotation.uri) };
}

function annotationToClip(record: unknown, now: number): Clip {
  if (!isHypothesisAnnotation(record)) throw new SkipRecord('invalid', 'not a Hypothesis annotation');
  const annotation = record as Json;
  if (asList(annotation.references).length) throw new SkipRecord('reply');
  const { source, quote } = quoteOf(annotation);
  if (!quote) throw new SkipRecord('no-text', 'a page note');
  const document = isObject(annotation.document) ? annotation.document : {};
  const title = asList(document.title).find((t): t is string => typeof t === 'string');
  const tags = asList(annotation.tags)
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.trim())
    .filter((t, i, all) => t && all.indexOf(t) === i);
  return buildImportedClip({
    annotationId: typeof annotation.id === 'string' ? annotation.id : undefined,
    idPrefix: 'hyp',
    source,
    quote,
    note: typeof annotation.text === 'string' ? annotation.text : '',
    tags,
    created: typeof annotation.created === 'string' ? annotation.created : undefined,
    modified: typeof annotation.updated === 'string' ? annotation.updated : undefined,
    title: title?.trim(),
    now,
  });
}
