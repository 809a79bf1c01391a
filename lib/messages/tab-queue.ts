/**
 * Per-tab coalescing in the background: at most one job of a kind runs for a tab at a time, and a job still
 * waiting when a newer one for the same tab arrives is dropped (latest wins) — a page that asks again and again
 * gets one answer per finished run, never a queue. A running job can ask `stale()` between its steps and give
 * up early when a newer request is waiting.
 */
export class TabQueue {
  readonly #latest = new Map<number, number>();
  readonly #tails = new Map<number, Promise<unknown>>();
  #seq = 0;

  run<T>(tabId: number, job: (stale: () => boolean) => Promise<T>, superseded: () => T): Promise<T> {
    const seq = ++this.#seq;
    this.#latest.set(tabId, seq);
    const stale = () => this.#latest.get(tabId) !== seq;
    const previous = this.#tails.get(tabId);
    // Nothing running for this tab: start now; otherwise wait for it, and drop out if a newer request came.
    const result = previous ? previous.then(() => (stale() ? superseded() : job(stale))) : job(stale);
    const tail = result.catch(() => undefined);
    this.#tails.set(tabId, tail);
    void tail.then(() => {
      if (this.#tails.get(tabId) === tail) {
        this.#tails.delete(tabId);
        this.#latest.delete(tabId);
      }
    });
    return result;
  }
}

/** Lets other tabs' messages in: the service worker is one thread, and one tab's long job must not starve them. */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
