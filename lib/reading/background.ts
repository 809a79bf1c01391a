import { MAX_ANALYZE_CHARS } from '../messages/page';
import type { Router } from '../messages/router';
import { analyze } from '../rules';
import { browser } from 'wxt/browser';
import { sendToTab } from '../messages/transport';
import type { CompiledRuleSet } from '../rules/custom-rules';
import { TextRegistry } from './text-registry';
import { registerRuleEditHandlers } from '../rulepacks/page-handlers';
import { recordMeasure } from './timing';
import { encodeAnalysis } from './wire';

/**
 * A few lines that make most rules run once: V8 compiles a regular expression on its first use, which made the
 * first page's analysis several times slower than the next ones (cold: ~40 ms more on a 300,000-character page).
 */
const WARM_UP_TEXT = [
  '在全省党建工作会议上的讲话',
  '（2024年3月1日）',
  '一、坚持和加强党的全面领导',
  '（一）深入实施“千村头雁”培育工程。第一，协调推进“四个全面”战略布局，认真学习《中国共产党章程》，贯彻党的二十大精神。',
  '一是抓好三大行动，二要落实三会一课。首先，今年地区生产总值增长5.5%左右，新增就业120万人。其次，最后。',
  '1. 加强基层治理。（1）完善制度。',
].join('\n');

/** The reader's rule set as the background keeps it current (lib/rulepacks/live.ts implements it). */
export interface ReaderRules {
  current(): CompiledRuleSet | undefined;
  /** Settles once the stored rules are loaded (analyses wait for it). */
  ready?: Promise<void>;
}

/**
 * After the reader changed their rules (options page, tooltip): every open tab that runs Tifa analyses again, so
 * the change shows without a reload. Tabs without Tifa do not answer; that is fine.
 */
export async function reanalyseOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : sendToTab(tab.id, 'reading.analyzeNow', { force: true }).catch(() => undefined),
    ),
  );
}

/**
 * Background side of reading: analyses the text a content script extracted, and keeps it under a text id
 * (clips.save and clips.place refer to it instead of sending the text again). The router has already checked
 * that the sender is a content script and the request's shape and size. One call in entrypoints/background.ts.
 */
export function registerReadingHandlers(
  router: Router,
  texts: TextRegistry = new TextRegistry(),
  /** The reader's own rules (lib/rulepacks/live.ts), read at each analysis so edits apply to the next one. */
  readerRules: ReaderRules = { current: () => undefined },
): void {
  const parts = new PartAssembler();
  router.on('reading.analyze', async ({ text, part, title }, { tab }) => {
    // A worker woken by this very message loads the reader's rules first: a page must not miss its custom terms.
    await readerRules.ready;
    const start = performance.now();
    const page = tab!;
    const whole = part ? parts.add(`${page.id}:${page.url}:${part.run}`, part, text) : text;
    if (whole === null) return { pending: true as const };
    const analysis = analyze(whole, { ruleSet: readerRules.current() });
    const { id } = texts.add(whole, analysis, { tabId: page.id, url: page.url, title: page.title ?? title ?? '' });
    // The worker's share of a page's round trip (bench/cold.ts sets it against the page's tifa:analyze).
    recordMeasure(performance, 'tifa:worker-analyze', start, performance.now());
    return { ...encodeAnalysis(analysis, whole), textId: id };
  });
  // Receiving it started the worker, and with it the warm-up below; the mark lets a test see the order.
  router.on('reading.wake', async () => {
    performance.mark('tifa:wake');
    return {};
  });
  // The tooltip's "hide this term" and "wrong category", checked against the texts analysed here.
  registerRuleEditHandlers(router, texts);
  // Warm the rule set as soon as the worker starts, in its own task, so the first page does not pay for it.
  setTimeout(() => {
    try {
      analyze(WARM_UP_TEXT);
    } catch {
      // A warm-up only: a real analysis reports its own errors.
    }
  }, 0);
}

/** A run whose parts stopped coming in (its page went away mid-send) is dropped after this long. */
const PART_RUN_TTL_MS = 30_000;

/**
 * Collects the parts of one text sent as several reading.analyze messages at once (they may arrive in any
 * order). The part that completes a run gets the whole text back; every other part gets null.
 */
export class PartAssembler {
  private readonly runs = new Map<string, { parts: (string | undefined)[]; got: number; chars: number; at: number }>();

  add(key: string, part: { index: number; count: number }, text: string, now = Date.now()): string | null {
    for (const [k, r] of this.runs) if (now - r.at > PART_RUN_TTL_MS) this.runs.delete(k);
    let run = this.runs.get(key);
    if (!run)
      this.runs.set(key, (run = { parts: new Array<string | undefined>(part.count), got: 0, chars: 0, at: now }));
    if (run.parts.length !== part.count) throw new Error('reading.analyze: parts of one run disagree on their count');
    if (run.parts[part.index] !== undefined) throw new Error(`reading.analyze: part ${part.index} sent twice`);
    run.chars += text.length;
    if (run.chars > MAX_ANALYZE_CHARS) {
      this.runs.delete(key);
      throw new Error('reading.analyze: the text is too long');
    }
    run.parts[part.index] = text;
    if (++run.got < part.count) return null;
    this.runs.delete(key);
    return run.parts.join('');
  }
}
