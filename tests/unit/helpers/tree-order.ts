/**
 * A faster tree-order test for happy-dom, installed by tests that compare many DOM boundary points on large real
 * pages (tests/unit/extract-corpus.test.ts).
 *
 * happy-dom answers "does node A come after node B?" (NodeUtility.isFollowing, behind Range.comparePoint,
 * setStart and setEnd) by stepping through every node from B to the end of the document: on a 200 KB portal page
 * each call walks tens of thousands of nodes, and the corpus round trips make thousands of them. A browser
 * compares the two nodes' ancestor chains instead; so does this replacement, with the same answer: true when A is
 * a descendant of B or after it in document order, false when A is B, an ancestor of B, before B, or in another
 * tree. tests/unit/tree-order.test.ts checks it against happy-dom's own walk.
 */
import NodeUtility from 'happy-dom/lib/nodes/node/NodeUtility.js';

type HappyNode = Parameters<typeof NodeUtility.isFollowing>[0];

/** The node's ancestors from the root of its tree down to the node itself. */
function chain(node: HappyNode): HappyNode[] {
  const out: HappyNode[] = [];
  for (let n: HappyNode | null = node; n !== null; n = n.parentNode as HappyNode | null) out.push(n);
  return out.reverse();
}

/** Whether `a` comes after `b` in document order (a descendant of `b` counts as after it, as in happy-dom). */
export function isFollowingByAncestors(a: HappyNode, b: HappyNode): boolean {
  if (a === b) return false;
  const ca = chain(a);
  const cb = chain(b);
  if (ca[0] !== cb[0]) return false; // different trees: happy-dom's walk from b never meets a
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === cb.length) return true; // b is an ancestor of a
  if (i === ca.length) return false; // a is an ancestor of b
  // ca[i] and cb[i] are siblings under ca[i - 1]: a follows b when its branch comes later. (One pass over the
  // children: happy-dom's nextSibling itself searches the parent's child list.)
  const siblings = ca[i - 1].childNodes;
  for (let k = 0; k < siblings.length; k++) {
    const n = siblings.item(k);
    if (n === cb[i]) return true;
    if (n === ca[i]) return false;
  }
  return false;
}

const original = NodeUtility.isFollowing;

/** Swaps happy-dom's document walk for the ancestor comparison; returns the function that puts it back. */
export function useFastTreeOrder(): () => void {
  NodeUtility.isFollowing = isFollowingByAncestors;
  return () => {
    NodeUtility.isFollowing = original;
  };
}

/** happy-dom's own walk, for checking the replacement against it. */
export const walkIsFollowing = (a: HappyNode, b: HappyNode): boolean => original.call(NodeUtility, a, b);
