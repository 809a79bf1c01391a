import { isLink, isSkippedByMarkup } from './elements';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/** Below this much prose punctuation a page has no article to find (list pages, portals). */
const MIN_PUNCTUATION = 8;
/** The chosen element must hold at least this share of the page's prose punctuation. */
const COVERAGE = 0.7;
/** Widening to take in the title may add at most this share of extra prose. */
const TITLE_SLACK = 0.15;

/**
 * Chinese prose punctuation (，。；：、！？): dense in article text, rare in menus, link lists and footers. Counted
 * by the regular-expression engine (native code from its first use) rather than by a loop over every character:
 * the content script runs cold on every page load, where such a loop ran in V8's interpreter and was the
 * largest single cost of finding the main content (bench/cold.ts).
 */
const PROSE_PUNCTUATION = /[，。；：、！？]/g;

function countProsePunctuation(data: string): number {
  return data.length - data.replace(PROSE_PUNCTUATION, '').length;
}

interface PageStats {
  /** Prose punctuation outside links, per element (subtree totals). */
  punctuation: Map<Element, number>;
  /** Text nodes that repeat the document title: where the article's own heading probably is. */
  titleNodes: Text[];
}

/**
 * The element that holds the article text: the deepest element that still contains most of the page's prose
 * punctuation (outside links and navigation chrome), widened to take in the article's title when the title sits
 * just outside it. Falls back to the body when the page has no prose to speak of.
 */
export function findMainContent(scope: Document | Element): Element {
  const body = scopeRoot(scope);
  const doc = body.ownerDocument;
  const stats = collectStats(body, titleOf(doc));
  const total = stats.punctuation.get(body) ?? 0;
  if (total < MIN_PUNCTUATION) return body;

  let chosen = body;
  for (;;) {
    let next: Element | null = null;
    for (let child = chosen.firstElementChild; child !== null; child = child.nextElementSibling) {
      if ((stats.punctuation.get(child) ?? 0) >= COVERAGE * total) {
        next = child;
        break;
      }
    }
    if (next === null) break;
    chosen = next;
  }
  return widenToTitle(chosen, body, stats);
}

function scopeRoot(scope: Document | Element): Element {
  if (scope.nodeType !== DOCUMENT_NODE) return scope as Element;
  const doc = scope as Document;
  const el = doc.body ?? doc.documentElement;
  if (el === null) throw new Error('findMainContent: the document has no body or root element');
  return el;
}

/** The document title without the site name that portals append (`标题_栏目_网站`, `标题--人民网`). */
function titleOf(doc: Document | null): string {
  const raw = doc?.title ?? '';
  const head = raw.split(/\s*(?:_|--|—|\||-\s|\s-)\s*/)[0] ?? '';
  return head.trim();
}

function collectStats(body: Element, title: string): PageStats {
  const punctuation = new Map<Element, number>();
  const titleNodes: Text[] = [];
  const titleProbe = title.length >= 6 ? title.slice(0, Math.min(title.length, 12)) : null;
  const open: Element[] = [];
  const counts: number[] = [0];
  let linkDepth = 0;
  let node: Node | null = body.firstChild;
  for (;;) {
    if (node === null) {
      const el = open.pop();
      if (el === undefined) break;
      const count = counts.pop() as number;
      punctuation.set(el, count);
      counts[counts.length - 1] += count;
      if (isLink(el)) linkDepth--;
      node = el.nextSibling;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (linkDepth === 0) counts[counts.length - 1] += countProsePunctuation(data);
      if (titleProbe !== null && data.length >= titleProbe.length && data.includes(titleProbe)) {
        titleNodes.push(node as Text);
      }
      node = node.nextSibling;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      node = node.nextSibling;
      continue;
    }
    const el = node as Element;
    if (el.firstChild === null || isSkippedByMarkup(el, true)) {
      node = el.nextSibling;
      continue;
    }
    if (isLink(el)) linkDepth++;
    open.push(el);
    counts.push(0);
    node = el.firstChild;
  }
  punctuation.set(body, counts[0]);
  return { punctuation, titleNodes };
}

/**
 * Portals often put the headline in a sibling of the body text. If a heading (h1, or the text that repeats the
 * document title) comes before `chosen` and their common ancestor adds little other prose, take that ancestor.
 */
function widenToTitle(chosen: Element, body: Element, stats: PageStats): Element {
  const heading = nearestHeadingBefore(chosen, body, stats);
  if (heading === null) return chosen;
  const own = stats.punctuation.get(chosen) ?? 0;
  let ancestor: Element | null = chosen.parentElement;
  while (ancestor !== null && !ancestor.contains(heading)) ancestor = ancestor.parentElement;
  if (ancestor === null || !body.contains(ancestor)) return chosen;
  const widened = stats.punctuation.get(ancestor) ?? 0;
  return widened <= own * (1 + TITLE_SLACK) + 2 ? ancestor : chosen;
}

function nearestHeadingBefore(chosen: Element, body: Element, stats: PageStats): Node | null {
  const PRECEDING = 2;
  const precedes = (n: Node): boolean =>
    !chosen.contains(n) && (chosen.compareDocumentPosition(n) & PRECEDING) !== 0 && body.contains(n);
  let best: Node | null = null;
  const consider = (n: Node) => {
    if (!precedes(n)) return;
    if (best === null || best.compareDocumentPosition(n) & 4 /* FOLLOWING */) best = n;
  };
  for (const t of stats.titleNodes) consider(t);
  if (best === null) {
    const h1s = body.getElementsByTagName('h1');
    // Only headings the walk entered: one inside page chrome (a logo in the site header) is not the title.
    for (let i = 0; i < h1s.length; i++) if (stats.punctuation.has(h1s[i])) consider(h1s[i]);
  }
  return best;
}
