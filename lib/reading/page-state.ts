import type { PageState } from '../messages/page';
import { speakerLabel } from '../rules/speaker-label';
import type { Analysis } from '../rules/types';
import { countByCategory, type ReadingSpan } from './spans';
import type { ToggleScope, Toggles } from './toggles';

/** What the reading controller knows, as the popup and side panel see it (reading.getState). */
export function pageStateOf(p: {
  url: string;
  title: string;
  analysis: Analysis | null;
  spans: ReadingSpan[];
  textLength: number;
  toggles: Toggles;
  scope: ToggleScope;
  painter: PageState['painter'];
  timings: PageState['timings'];
  error: string | undefined;
}): PageState {
  const { analysis } = p;
  return {
    url: p.url,
    title: p.title,
    status: p.error && !analysis ? 'error' : !analysis ? 'pending' : analysis.verdict.isPolicy ? 'policy' : 'other',
    verdict: analysis ? analysis.verdict : null,
    ...(analysis?.title ? { speechTitle: analysis.title } : {}),
    ...(analysis?.date ? { date: analysis.date } : {}),
    ...(analysis?.speaker ? { speaker: speakerLabel(analysis.speaker) } : {}),
    ...(analysis?.occasion ? { occasion: analysis.occasion } : {}),
    // An outline entry is an outline item without its section's end.
    outline: (analysis?.verdict.isPolicy ? analysis.outline : []).map(({ end: _end, ...entry }) => entry),
    counts: countByCategory(p.spans),
    toggles: p.toggles,
    togglesScope: p.scope,
    painter: p.painter,
    textLength: p.textLength,
    timings: p.timings,
    ...(p.error ? { error: p.error } : {}),
  };
}
