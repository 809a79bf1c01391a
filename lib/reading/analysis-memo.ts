import { analyze } from '../rules';
import type { Analysis } from '../rules/types';

/** Texts whose analyses are kept (a few tabs' pages). */
const KEEP = 4;
const recent: { text: string; analysis: Analysis }[] = [];

/**
 * The background analyses a page's text when its content script sends it for reading, and needs the same
 * analysis again when a clip of that page is saved (outline path, mentions). The last few texts' analyses are
 * kept, so the second time costs a string comparison; a text never seen (a reloaded service worker) is analysed
 * anew, with the same result. Callers must not modify the analysis they get.
 */
export function analyzeRemembered(text: string): Analysis {
  const i = recent.findIndex((r) => r.text === text);
  if (i >= 0) {
    const [hit] = recent.splice(i, 1);
    recent.unshift(hit);
    return hit.analysis;
  }
  const analysis = analyze(text);
  recent.unshift({ text, analysis });
  if (recent.length > KEEP) recent.length = KEEP;
  return analysis;
}
