import { isObject, request } from '../messages/content-endpoint';
import type { Analysis } from '../rules/types';
import { recordMeasure } from './timing';
import { decodeAnalysis } from './wire';

/**
 * A long text goes as several reading.analyze messages sent at once (each with an equal part): Chrome's
 * messaging serialises, relays and parses a message in stages, and parts in flight overlap those stages. Measured
 * on 300,000 Chinese characters: one message ~13 ms to the background, four parts ~9.4 ms. Short texts go whole.
 */
export const PART_CHARS = 60_000;
export const MAX_PARTS = 4;

let runs = 0;

/** Cut points splitting `text` into `count` near-equal parts, never between the halves of a surrogate pair. */
export function splitText(text: string, count: number): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 1; i <= count; i++) {
    let to = i === count ? text.length : Math.round((text.length * i) / count);
    const code = text.charCodeAt(to - 1);
    if (to < text.length && code >= 0xd800 && code <= 0xdbff) to++;
    parts.push(text.slice(from, to));
    from = to;
  }
  return parts;
}

/** An analysis made in the background, with the id it keeps the text under (see lib/reading/text-registry.ts). */
export interface RemoteAnalysis {
  analysis: Analysis;
  textId: string;
}

/**
 * Content-script side of reading.analyze: sends the extracted text to the background, where the shared rule set
 * runs, and checks the answer before the painter trusts any offset in it (reading/wire.ts; the content script
 * does not bundle zod). Offsets must lie inside the text that was sent.
 */
export async function analyzeInBackground(text: string, title = ''): Promise<RemoteAnalysis> {
  const count = Math.min(MAX_PARTS, Math.ceil(text.length / PART_CHARS));
  const run = `${Date.now().toString(36)}.${++runs}`;
  const payloads =
    count > 1
      ? splitText(text, count).map((part, index) => ({ text: part, part: { run, index, count }, title }))
      : [{ text, title }];
  // Sending serialises the text on the page's thread (each request runs synchronously up to its first await,
  // inside runtime.sendMessage), and decoding the reply runs there too: both are measured (bench/cold.ts counts
  // them as the page's own work beside extraction and paint).
  const sending = performance.now();
  const replies = payloads.map((payload) => request('reading.analyze', payload));
  recordMeasure(performance, 'tifa:send', sending, performance.now());
  const values = await Promise.all(replies);
  // The part that completed the text carries the analysis; the others are acknowledgements.
  const value = values.find((v) => isObject(v) && 'verdict' in v);
  if (value === undefined || !('textId' in value) || typeof value.textId !== 'string') {
    throw new Error('reading.analyze: the background did not receive every part');
  }
  const decoding = performance.now();
  const analysis = decodeAnalysis(value, text);
  recordMeasure(performance, 'tifa:decode', decoding, performance.now());
  return { analysis, textId: value.textId };
}

/**
 * Starts the background worker if Chromium stopped it (it does after 30 s idle, so most page loads find it
 * stopped): measured, a stopped worker added ~200 ms to the page's first round trip. Sent before the first run
 * waits for the page's first paint, the worker starts and warms its rule set during that wait instead.
 */
export function wakeBackground(): void {
  request('reading.wake', {}).catch(() => undefined);
}

/** An analysis as the controller keeps it, whether the rule set ran here or in the background. */
export function asRemote(result: Analysis | RemoteAnalysis): { analysis: Analysis; textId?: string } {
  return 'verdict' in result ? { analysis: result } : result;
}
