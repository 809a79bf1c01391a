import type { z } from 'zod';

/**
 * An import that cannot go ahead. The message says what is wrong and where (record number, field path), and
 * the import has written nothing: files are validated whole before anything is sent to the store.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** "record 3, selectors.0.exact: the clip is empty; …" — at most a few issues, most specific path first. */
export function describeIssues(where: string, error: z.ZodError, max = 3): string {
  const issues = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : '';
  return `${where}: ${issues.join('; ')}${more}`;
}
