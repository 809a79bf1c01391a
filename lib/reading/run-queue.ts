/**
 * Serialises the reading pipeline's runs: they never overlap. A request while one is under way is merged into
 * one more run after it (latest wins; `force` is kept if any request asked for it), and every caller's promise
 * settles when the page is up to date. `run` must not reject (the controller catches and reports inside it).
 */
export function serialRuns(
  run: (opts: { force: boolean }) => Promise<void>,
  stopped: () => boolean,
): { request(opts: { force: boolean }): Promise<void>; readonly pending: boolean } {
  let busy = false;
  let wanted: { force: boolean } | null = null;
  const waiters: (() => void)[] = [];
  return {
    /** A newer request came in while a run was under way (its result is already stale). */
    get pending() {
      return wanted !== null;
    },
    async request(opts) {
      if (stopped()) return;
      if (busy) {
        wanted = { force: (wanted?.force ?? false) || opts.force };
        return new Promise((resolve) => waiters.push(resolve));
      }
      busy = true;
      try {
        for (let next: { force: boolean } | null = opts; next && !stopped(); next = wanted) {
          wanted = null;
          await run(next);
        }
      } finally {
        busy = false;
        wanted = null;
        for (const resolve of waiters.splice(0)) resolve();
      }
    },
  };
}
