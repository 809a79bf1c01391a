/**
 * User Timing for the content script's work. The measures are recorded on the page's own performance timeline
 * (content scripts share it), so any harness can read them with performance.getEntriesByType('measure').
 * Each run replaces the previous run's measures, so the timeline does not grow on a page that changes often.
 */
export const MEASURES = ['tifa:extract', 'tifa:analyze', 'tifa:highlight', 'tifa:total'] as const;

export interface RunTimes {
  start: number;
  extracted: number;
  analyzed: number;
  highlighted: number;
}

/** Records the run's measures and returns its durations (ms) for the page state. */
export function recordRun(
  perf: Performance,
  t: RunTimes,
): { extract: number; analyze: number; highlight: number; total: number } {
  recordMeasure(perf, 'tifa:extract', t.start, t.extracted);
  recordMeasure(perf, 'tifa:analyze', t.extracted, t.analyzed);
  recordMeasure(perf, 'tifa:highlight', t.analyzed, t.highlighted);
  recordMeasure(perf, 'tifa:total', t.start, t.highlighted);
  return {
    extract: t.extracted - t.start,
    analyze: t.analyzed - t.extracted,
    highlight: t.highlighted - t.analyzed,
    total: t.highlighted - t.start,
  };
}

/** One measure (tifa:extract, tifa:frame, tifa:clear…), replacing an earlier one of the same name. */
export function recordMeasure(perf: Performance, name: string, start: number, end: number): void {
  try {
    perf.clearMeasures(name);
    perf.measure(name, { start, end });
  } catch {
    // User Timing Level 3 missing: timing is a diagnostic, never a reason to fail.
  }
}

/** Resolves after the next frame has been rendered (rAF runs before paint; a task posted from it runs after). */
export function afterNextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => {
    win.requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Resolves once the page has shown its first contentful paint (at once when it already has), so that the first
 * run neither holds the page's first paint back nor pays for the page's own first style and layout pass: run
 * before it, a cold page's extraction took many times its warm time, and the reply to the analysis waited
 * behind the page's parsing and painting tasks. A hidden tab paints nothing: it resolves at once there, and
 * after `maxWaitMs` at most on a page that never paints content.
 */
export function afterFirstPaint(win: Window & typeof globalThis, maxWaitMs = 1000): Promise<void> {
  const painted = () => win.performance.getEntriesByName('first-contentful-paint').length > 0;
  if (win.document.visibilityState === 'hidden' || typeof win.PerformanceObserver !== 'function' || painted())
    return Promise.resolve();
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, maxWaitMs);
    try {
      observer = new win.PerformanceObserver(() => painted() && done());
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      done();
    }
  });
}

/** Re-analyses beyond LOOP_LIMIT in LOOP_WINDOW_MS mean the page reacts to us or never settles: back off. */
const LOOP_LIMIT = 12;
export const LOOP_WINDOW_MS = 10_000;

/** Whether the page is looping; if not, counts a run at `now` (`times` holds the recent runs, kept in place). */
export function looping(times: number[], now: number): boolean {
  const recent = times.filter((t) => now - t < LOOP_WINDOW_MS);
  if (recent.length >= LOOP_LIMIT) return true;
  times.splice(0, times.length, ...recent, now);
  return false;
}
