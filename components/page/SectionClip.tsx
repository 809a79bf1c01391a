import { useCallback, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { describeClipOutcome } from '../../lib/clipping/outcome-message';
import { sendToTab } from '../../lib/messages/transport';

/** The last "Clip this section" of the outline: which item, and how it went. */
export interface SectionClipState {
  index: number;
  phase: 'pending' | 'ok' | 'error';
  text: string;
}

/**
 * Asks the tab's content script to clip a whole outline section (the outline index is the same on both sides:
 * the page state's outline is the analysis's outline). Keeps the outcome of the latest request to show by its row.
 */
export function useSectionClipper(tabId: number | undefined): {
  last: SectionClipState | null;
  clip(index: number): Promise<void>;
} {
  const [last, setLast] = useState<SectionClipState | null>(null);
  const clip = useCallback(
    async (index: number) => {
      if (tabId === undefined) return;
      setLast({ index, phase: 'pending', text: t('clippingClipSectionPending') });
      try {
        const outcome = await sendToTab(tabId, 'clipping.clipSection', { itemIndex: index });
        const { tone, text } = describeClipOutcome(outcome);
        setLast({ index, phase: tone, text });
      } catch (err) {
        setLast({
          index,
          phase: 'error',
          text: `${t('clippingFailed')} ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    },
    [tabId],
  );
  return { last, clip };
}

/** A small scissors button on an outline row; shown on hover/focus, always in the tab order. */
export function ClipSectionButton(props: { index: number; title: string; busy: boolean; onClip(index: number): void }) {
  const label = t('clippingClipSection');
  return (
    <button
      type="button"
      class="tifa-page-clip-section"
      data-index={props.index}
      aria-label={label}
      title={`${label}: ${props.title}`}
      // aria-disabled, not disabled: a disabled button would drop keyboard focus mid-request.
      aria-disabled={props.busy ? 'true' : undefined}
      onClick={() => {
        if (!props.busy) props.onClip(props.index);
      }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <circle cx="4" cy="12" r="2.2" />
        <circle cx="12" cy="12" r="2.2" />
        <path d="M5.5 10.3 12.5 1.5M10.5 10.3 3.5 1.5" />
      </svg>
    </button>
  );
}

/** The outcome next to the row that was clipped (a status region, so it is announced). */
export function SectionClipOutcome({ state }: { state: SectionClipState }) {
  return (
    <span class="tifa-page-clip-outcome" role="status" data-phase={state.phase}>
      {state.text}
    </span>
  );
}
