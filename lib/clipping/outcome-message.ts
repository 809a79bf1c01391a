import { t } from '../i18n';
import type { ClipOutcome } from '../messages/clips';
import { storeErrorCode } from '../store/errors';

export interface OutcomeMessage {
  /** ok: saved or already there; error: nothing was stored (or there was nothing to store). */
  tone: 'ok' | 'error';
  text: string;
}

/**
 * What a clip attempt means to the reader, in their language. Shared by the in-page button and the side
 * panel's "Clip this section", so both say the same thing for the same outcome.
 */
export function describeClipOutcome(outcome: ClipOutcome): OutcomeMessage {
  switch (outcome.status) {
    case 'saved':
      return { tone: 'ok', text: t('clippingSaved') };
    case 'duplicate':
      return { tone: 'ok', text: t('clippingDuplicate') };
    case 'empty':
      return { tone: 'error', text: t('clippingEmpty') };
    case 'error': {
      // The content script marks its own refusal "[tooLong]"; the background's limit check says it in words.
      if (outcome.error.includes('[tooLong]') || /longer than the maximum/.test(outcome.error)) {
        return { tone: 'error', text: t('clippingTooLong') };
      }
      if (storeErrorCode(outcome.error) === 'quota') return { tone: 'error', text: t('clippingQuota') };
      return { tone: 'error', text: `${t('clippingFailed')} ${outcome.error}` };
    }
  }
}
