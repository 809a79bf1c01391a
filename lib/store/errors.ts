/**
 * Store errors with messages a reader can act on. The background replies with `message`; the content script
 * recognises `code` (carried as a prefix "[code] ") to show a localised explanation.
 */
export type StoreErrorCode = 'quota' | 'not-found' | 'invalid' | 'closed' | 'failed';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(`[${code}] ${message}`);
    this.name = 'StoreError';
  }
}

/** Extracts the store error code from an error message that crossed the messaging boundary. */
export function storeErrorCode(message: string): StoreErrorCode | null {
  const m = /\[(quota|not-found|invalid|closed|failed)\]/.exec(message);
  return m ? (m[1] as StoreErrorCode) : null;
}

/** True when an error (or one it wraps, as Dexie does) is the browser refusing more storage. */
export function isQuotaError(err: unknown): boolean {
  return someError(err, (e) => e.name === 'QuotaExceededError' || /quota/i.test(e.message ?? ''));
}

/** True when the database connection is gone (closed, or the service worker's connection was torn down). */
export function isClosedError(err: unknown): boolean {
  return someError(
    err,
    (e) =>
      e.name === 'DatabaseClosedError' ||
      (e.name === 'InvalidStateError' && /clos/i.test(e.message ?? '')) ||
      /database (connection )?is closing|connection is closed/i.test(e.message ?? ''),
  );
}

function someError(err: unknown, test: (e: { name: string; message?: string }) => boolean, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { name?: unknown; message?: unknown; inner?: unknown; failures?: unknown };
  if (
    typeof e.name === 'string' &&
    test({ name: e.name, message: typeof e.message === 'string' ? e.message : undefined })
  ) {
    return true;
  }
  if (someError(e.inner, test, depth + 1)) return true;
  if (Array.isArray(e.failures)) return e.failures.some((f) => someError(f, test, depth + 1));
  return false;
}
