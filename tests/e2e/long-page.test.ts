/**
 * A long page (the seed speech's article five times, ~40,000 characters) in Chromium with the built extension:
 * Tifa registers in `CSS.highlights` only the ranges near the viewport (lib/highlight/highlightApi.ts), since
 * Chromium re-validates and repaints every registered range after each DOM change the page makes. Far from the
 * top few ranges are registered, and reading on never meets a painted range that is not registered yet.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  type FixtureServer,
  highlightsOverPage,
  launchBrowser,
  newTab,
  SEED_TEXT_FILE,
  speechPageHtml,
  startServer,
  waitForTifa,
} from './harness';
import { highlightPoint } from './tifa-ui';

const [, title, ...paragraphs] = readFileSync(SEED_TEXT_FILE, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({
    routes: { '/long.html': { body: speechPageHtml({ title, paragraphs: Array(5).fill(paragraphs).flat() }) } },
  });
  tifa = await launchBrowser();
});

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

describe('long pages', () => {
  it('registers only the ranges near the viewport; scrolling by up to a screen finds them registered', async () => {
    const { page } = await newTab(tifa, server.url('/long.html'));
    expect(await waitForTifa(page)).toBe('policy');
    await page.waitForFunction(() => (CSS.highlights.get('tifa-section')?.size ?? 0) > 0);
    const painted = await highlightsOverPage(page, ['tifa-section', 'tifa-program']);
    const all = Object.entries(painted).flatMap(([name, ranges]) => ranges.map((r) => ({ name, ...r })));
    /** After scrolling by `dy` (nothing awaited): the painted ranges in view, and those not registered now. */
    const view = (dy: number) =>
      page.evaluate(
        ({ list, dy }) => {
          scrollBy(0, dy);
          const nodes: [Text, number][] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let total = 0;
          for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
            nodes.push([n, total]);
            total += n.data.length;
          }
          const at = (offset: number): [Text, number] => {
            const [node, start] = nodes.findLast(([, s]) => s <= offset)!;
            return [node, offset - start];
          };
          const registered = (name: string) => [...(CSS.highlights.get(name) ?? [])];
          const offsetOf = new Map<Node, number>(nodes);
          const keys = new Set(
            ['tifa-section', 'tifa-program'].flatMap((name) =>
              registered(name).map(
                (r) =>
                  `${name} ${offsetOf.get(r.startContainer)! + r.startOffset} ${offsetOf.get(r.endContainer)! + r.endOffset}`,
              ),
            ),
          );
          const inView = list.filter(({ start, end }) => {
            const range = document.createRange();
            range.setStart(...at(start));
            range.setEnd(...at(end));
            const rect = range.getBoundingClientRect();
            return rect.bottom > 0 && rect.top < innerHeight;
          });
          const missing = inView.filter(({ name, start, end }) => !keys.has(`${name} ${start} ${end}`));
          const count = registered('tifa-section').length + registered('tifa-program').length;
          return { count, inView, missing: missing.map((r) => r.text), y: scrollY };
        },
        { list: all, dy },
      );
    // Four fifths down in one jump, far beyond the screen kept registered around the viewport: the ranges in view
    // are registered once the observer has reported (a frame or two later), and few others are.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.8));
    await expect.poll(async () => (await view(0)).missing, { timeout: 10_000 }).toEqual([]);
    const far = await view(0);
    expect(far.inView.length).toBeGreaterThan(0);
    expect(far.count).toBeLessThan(all.length / 2);
    // Reading on, a screen down at once: every range coming into view was registered before the scroll (no gap).
    const next = await view(await page.evaluate(() => innerHeight * 0.95));
    expect(next.y).toBeGreaterThan(far.y);
    expect(next.inView.length).toBeGreaterThan(0);
    expect(next.missing).toEqual([]);
    // The reader's pointer finds one of them where it is, without the page scrolling back up to an earlier copy.
    const point = await highlightPoint(page, next.inView[0].name, next.inView[0].text);
    expect(point).not.toBeNull();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(far.y);
    await page.close();
  });
});
