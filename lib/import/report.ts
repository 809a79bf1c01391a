/**
 * What an import did with each record it could not take. A file imports all or nothing — either every
 * importable record is written or none is — and the records Tifa cannot represent are named with a reason the
 * reader can act on, instead of refusing the whole file or dumping a schema error.
 */

/** Why a record was left out. The UI words each reason (locales: `import_reason_<code>`). */
export type SkipCode =
  /** Targets a whole resource or uses only selectors for non-text media: there is no passage to clip. */
  | 'no-text'
  /** The target's source is not an http(s) or file address (or not an address at all). */
  | 'not-web-page'
  /** A reply to another annotation (Hypothesis): it has no passage of its own. */
  | 'reply'
  /** Not an annotation, or a field breaks a limit (detail says which). */
  | 'invalid';

export interface SkippedRecord {
  /** 1-based number of the record in the file. */
  index: number;
  code: SkipCode;
  /** Short, data-only detail (a field name, a selector type, a limit), never a whole schema dump. */
  detail?: string;
}

/** A record that cannot become a clip, with its reason; thrown inside an importer, caught per record. */
export class SkipRecord extends Error {
  constructor(
    readonly code: SkipCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SkipRecord';
  }
}

/** English one-line reasons, for logs and tests; the UI uses the locale messages. */
export const SKIP_REASONS_EN: Record<SkipCode, string> = {
  'no-text': 'it targets no quoted text on a web page',
  'not-web-page': 'its target is not a web page address',
  reply: 'it is a reply, with no passage of its own',
  invalid: 'it is malformed',
};

export function describeSkip(skip: SkippedRecord): string {
  return `annotation ${skip.index}: ${SKIP_REASONS_EN[skip.code]}${skip.detail ? ` (${skip.detail})` : ''}`;
}
