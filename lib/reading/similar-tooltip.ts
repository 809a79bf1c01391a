import type { SimilarMarkReply } from '../messages/history';
import { trustedButton } from './dom';
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
  // The tooltip's one button helper: trusted clicks only, and it takes focus like the tooltip's other buttons
  // (a class given to trustedButton would keep the page's selection instead, which the selection bar wants).
  const button = trustedButton(doc, label, () => open().catch(() => undefined));
  button.className = 'sim';
  return { swatch: '#64748b', heading: p.heading, text: p.text, extra: button };
}
