/**
 * Watches a page for changes that may change its text — late rendering, infinite scroll, content swapped by
 * script, SPA navigation — and asks for a re-analysis, debounced. Mutations made by Tifa itself (its UI host,
 * fallback marks) are ignored, so highlighting never triggers another analysis. `stop()` removes every observer,
 * listener and timer it created.
 */
export interface PageWatchOptions {
  /** Called (debounced) when the page's content may have changed. */
  onChange: (reason: 'mutation' | 'navigation') => void;
  /** Nodes that belong to Tifa (its UI host); mutations of and inside them are ignored. */
  isOwnNode: (node: Node) => boolean;
  /**
   * The element whose text was analysed (the main content), once there is one. Changes outside it — a ticker,
   * a clock, an ad rotating in the header — are ignored unless they take the analysed element away or bring in
   * a large block of text (content swapped by script).
   */
  scope?: () => Node | null;
  /** Quiet time before a change is reported. */
  debounceMs?: number;
  /** A page that never stops changing is still re-analysed at least this often. */
  maxWaitMs?: number;
  /** Called with errors from inside callbacks (they must never reach the page). */
  report: (err: unknown) => void;
}

export interface PageWatch {
  stop(): void;
  /** Runs `mutate` (Tifa's own DOM change) so that its mutations are not reported. */
  ignore<T>(mutate: () => T): T;
  /** Reports a change sooner than the debounce (e.g. navigation). */
  flushSoon(reason: 'mutation' | 'navigation'): void;
}

/** Elements whose insertion or removal cannot change the visible text. */
const TEXTLESS = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'IMG',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SOURCE',
  'INPUT',
  'BR',
  'HR',
]);

function mayChangeText(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.trim().length > 0;
  if (node.nodeType !== 1) return false;
  if (TEXTLESS.has((node as Element).tagName.toUpperCase())) return false;
  return (node.textContent ?? '').trim().length > 0;
}

/** Characters of text arriving outside the analysed content that may be a new article (see PageWatchOptions.scope). */
const LARGE_TEXT = 200;

export function watchPage(doc: Document, opts: PageWatchOptions): PageWatch {
  const win = doc.defaultView!;
  const debounceMs = opts.debounceMs ?? 300;
  const maxWaitMs = opts.maxWaitMs ?? 2000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let pendingReason: 'mutation' | 'navigation' = 'mutation';
  let stopped = false;
  let lastUrl = withoutHash(win.location.href);

  const fire = () => {
    timer = undefined;
    firstPending = 0;
    if (stopped) return;
    try {
      opts.onChange(pendingReason);
    } catch (err) {
      opts.report(err);
    }
    pendingReason = 'mutation';
  };

  const schedule = (reason: 'mutation' | 'navigation', delay = debounceMs) => {
    if (stopped) return;
    if (reason === 'navigation') pendingReason = 'navigation';
    const now = Date.now();
    if (!firstPending) firstPending = now;
    const wait = Math.max(0, Math.min(delay, firstPending + maxWaitMs - now));
    clearTimeout(timer);
    timer = setTimeout(fire, wait);
  };

  const relevant = (records: MutationRecord[]): boolean => {
    const scope = opts.scope?.() ?? null;
    const scoped = scope !== null && scope !== doc.body && scope !== doc.documentElement;
    if (scoped && !scope.isConnected) return true;
    for (const r of records) {
      if (opts.isOwnNode(r.target)) continue;
      if (scoped && !scope.contains(r.target)) {
        // Outside the analysed content: only a large block of new text counts (an SPA's new article).
        for (const n of r.addedNodes) if (!opts.isOwnNode(n) && (n.textContent?.length ?? 0) >= LARGE_TEXT) return true;
        continue;
      }
      if (r.type === 'characterData') return true;
      for (const n of r.addedNodes) if (!opts.isOwnNode(n) && mayChangeText(n)) return true;
      for (const n of r.removedNodes) if (!opts.isOwnNode(n) && mayChangeText(n)) return true;
    }
    return false;
  };

  const observer = new win.MutationObserver((records) => {
    try {
      if (relevant(records)) schedule('mutation');
    } catch (err) {
      opts.report(err);
    }
  });
  const observe = () => observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  observe();

  // SPA navigation: the Navigation API sees history.pushState from any world (patching history in a content
  // script's isolated world would not); popstate covers back/forward; a slow poll covers browsers with neither.
  const checkUrl = () => {
    try {
      const url = withoutHash(win.location.href);
      if (url !== lastUrl) {
        lastUrl = url;
        schedule('navigation', 50);
      }
    } catch (err) {
      opts.report(err);
    }
  };
  const abort = new AbortController();
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('navigatesuccess', checkUrl, { signal: abort.signal });
  }
  win.addEventListener('popstate', checkUrl, { signal: abort.signal });
  const poll = navigation ? undefined : setInterval(checkUrl, 1000);

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      abort.abort();
      clearTimeout(timer);
      if (poll) clearInterval(poll);
    },
    ignore(mutate) {
      // Deliver the page's own pending records first, then drop the ones our change produces.
      const pending = observer.takeRecords();
      if (pending.length && relevant(pending)) schedule('mutation');
      try {
        return mutate();
      } finally {
        observer.takeRecords();
      }
    },
    flushSoon(reason) {
      schedule(reason, 0);
    },
  };
}

export function withoutHash(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}
