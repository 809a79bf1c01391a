import type { SimilarMarkReply } from '../messages/history';
import { el } from './dom';
import type { TooltipContent } from './ui';

type Recurring = SimilarMarkReply['paragraphs'][number];

/**
 * The tooltip of a paragraph that recurs elsewhere (issue 12): which speeches or clips have it and how much they
 * share (worded by the background, lib/history/tooltip-text.ts, so the content script carries no formatting),
 * and a button that opens the side-by-side view in the side panel. Text goes in as textContent.
 */
export function similarTooltip(
  doc: Document,
  p: Recurring,
  label: string,
  open: () => Promise<unknown>,
): TooltipContent {
  const button = el(doc, 'button', 'sim', label);
  // A page cannot fake a trusted click; the button lives in Tifa's closed shadow root.
  button.addEventListener('click', (e) => e.isTrusted && open().catch(() => undefined));
  return { swatch: '#64748b', heading: p.heading, text: p.text, extra: button };
}
