import type { SkipCode, SkippedRecord } from '../../lib/import';
import { tl } from './i18n';

/** Locale message suffix per reason (message keys allow only letters, digits and _). */
const REASON_KEY: Record<SkipCode, string> = {
  'no-text': 'noText',
  'not-web-page': 'notWebPage',
  reply: 'reply',
  invalid: 'invalid',
};

/** How many records an import left out and why, for the notice after an import ('' when none). */
export function describeSkipped(skipped: readonly SkippedRecord[], shown = 3): string {
  if (!skipped.length) return '';
  const reasons = skipped.slice(0, shown).map((s) =>
    tl(`library_importReason_${REASON_KEY[s.code]}`, {
      index: s.index,
      detail: s.detail ? `(${s.detail})` : '',
    }).trim(),
  );
  const more = skipped.length > shown ? tl('library_importSkippedMore', { n: skipped.length - shown }) : '';
  return tl('library_importSkipped', { n: skipped.length, reasons: reasons.join('; ') + more });
}
