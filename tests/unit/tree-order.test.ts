/**
 * The test helper that replaces happy-dom's tree-order walk (tests/unit/helpers/tree-order.ts) gives the walk's
 * own answers, on a real portal page and on detached nodes, and Range.comparePoint agrees with it installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from '../../lib/html/decode';
import { seededRandom } from '../helpers/seeded-random';
import { loadPage } from './extract.helpers';
import { isFollowingByAncestors, useFastTreeOrder, walkIsFollowing } from './helpers/tree-order';

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walker = document.createTreeWalker(root, 0xffffffff);
  for (let n: Node | null = walker.currentNode; n !== null; n = walker.nextNode()) out.push(n);
  return out;
}

describe('tree order by ancestor chains', () => {
  const file = join(__dirname, '../fixtures/corpus/html/gne__shanxi_1.html');
  loadPage(decodeHtmlBytes(new Uint8Array(readFileSync(file))));
  const nodes = allNodes(document);
  const rnd = seededRandom(5);
  const pick = () => nodes[Math.floor(rnd() * nodes.length)];

  it('answers as happy-dom’s walk for random pairs, ancestor pairs and a node with itself', () => {
    const pairs: Array<[Node, Node]> = Array.from({ length: 200 }, () => [pick(), pick()]);
    for (let i = 0; i < 50; i++) {
      const n = pick();
      if (n.parentNode) pairs.push([n, n.parentNode], [n.parentNode, n]);
      pairs.push([n, n]);
    }
    const fast = pairs.map(([a, b]) => isFollowingByAncestors(a as never, b as never));
    expect(fast).toEqual(pairs.map(([a, b]) => walkIsFollowing(a as never, b as never)));
    expect(fast).toContain(true);
    expect(fast).toContain(false);
  });

  it('puts nodes of different trees in no order, as the walk does', () => {
    const detached = document.createElement('div');
    detached.appendChild(document.createTextNode('x'));
    const inPage = pick();
    for (const [a, b] of [
      [detached.firstChild!, inPage],
      [inPage, detached],
    ]) {
      expect(isFollowingByAncestors(a as never, b as never)).toBe(walkIsFollowing(a as never, b as never));
    }
  });

  it('once installed, Range.comparePoint orders text nodes as document order does', () => {
    const texts = nodes.filter((n) => n.nodeType === 3 && n.parentNode !== null);
    const restore = useFastTreeOrder();
    try {
      const probe = document.createRange();
      const middle = texts[Math.floor(texts.length / 2)];
      probe.setStart(middle, 0);
      probe.collapse(true);
      const got = texts.map((t) => probe.comparePoint(t, 0));
      const at = texts.indexOf(middle);
      expect(got).toEqual(texts.map((_t, i) => Math.sign(i - at)));
    } finally {
      restore();
    }
  });
});
