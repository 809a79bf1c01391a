import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { extractText } from '../../lib/extract';
import { MarkPainter } from '../../lib/highlight/marks';
import { installPageStyles } from '../../lib/highlight/stylesheet';
import { analyze } from '../../lib/rules';
import type { Analysis } from '../../lib/rules/types';
import { createReadingController, type ReadingController, type ReadingDeps } from '../../lib/reading/controller';
import { defaultToggles, loadToggles, saveGlobalToggles, watchToggles } from '../../lib/reading/toggles';

const SEED_HTML = readFileSync(join(__dirname, '..', 'fixtures', 'pages', 'seed.html'), 'utf8');

/** Loads fixture markup (ours, static) into the test document without innerHTML. */
function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  delete document.documentElement.dataset.tifa;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}

let controller: ReadingController | null = null;
let reported: string[] = [];

function makeController(overrides: Partial<ReadingDeps> = {}): ReadingController {
  reported = [];
  controller = createReadingController({
    doc: document,
    analyze: (text) => analyze(text),
    extract: (doc) => extractText(doc.body, { mainContent: true }),
    painter: new MarkPainter(document),
    loadToggles,
    watchToggles,
    installStyles: (doc) => installPageStyles(doc),
    report: (err, where) => reported.push(`${where}: ${String(err)}`),
    debounceMs: 20,
    ...overrides,
  });
  return controller;
}

const marks = (category?: string) =>
  document.querySelectorAll(category ? `mark.tifa-mark-${category}` : 'mark.tifa-mark');

beforeEach(() => {
  fakeBrowser.reset();
  loadPage(SEED_HTML);
});

afterEach(() => {
  controller?.stop();
  controller = null;
});

describe('ReadingController (fallback painter, as in browsers without the Highlight API)', () => {
  it('analyses the seed page, marks it up and leaves its text unchanged', async () => {
    const text = document.body.textContent;
    const c = makeController();
    await c.start();
    expect(document.documentElement.dataset.tifa).toBe('policy');
    const state = c.getPageState();
    expect(state.status).toBe('policy');
    expect(state.outline).toHaveLength(24);
    expect(state.counts.section).toBe(24);
    expect(state.painter).toBe('marks');
    expect(marks('section').length).toBeGreaterThanOrEqual(24);
    expect(marks('program').length).toBeGreaterThan(0);
    expect(document.body.textContent).toBe(text);
    expect(reported).toEqual([]);
  });

  it('applies toggles from storage live, and switched off removes every mark and stops watching', async () => {
    const c = makeController();
    await c.start();
    const programs = marks('program').length;
    expect(programs).toBeGreaterThan(0);

    await saveGlobalToggles({ ...defaultToggles(), categories: { ...defaultToggles().categories, program: false } });
    await until(() => marks('program').length === 0);
    expect(marks('section').length).toBeGreaterThan(0);

    await saveGlobalToggles({ ...defaultToggles(), all: false });
    await until(() => marks().length === 0);
    expect(c.getPageState().painter).toBe('none');

    // Nothing watches the page any more: new content is not analysed.
    document.querySelector('#content')!.textContent = '今天天气晴。';
    await sleep(80);
    expect(document.documentElement.dataset.tifa).toBe('policy');

    // Back on: the page is looked at again.
    await saveGlobalToggles(defaultToggles());
    await until(() => document.documentElement.dataset.tifa === 'other');
    expect(marks().length).toBe(0);
  });

  it('re-analyses a page whose speech arrives late, debounced, and ignores its own marks', async () => {
    const parsed = new DOMParser().parseFromString(SEED_HTML, 'text/html');
    const article = parsed.querySelector('#content')!;
    document.querySelector('#content')!.replaceChildren();
    let analyses = 0;
    const c = makeController({
      analyze: (text) => {
        analyses++;
        return analyze(text);
      },
    });
    await c.start();
    expect(document.documentElement.dataset.tifa).toBe('other');
    expect(analyses).toBe(1);
    // The speech arrives in several pieces within the debounce window: one re-analysis.
    const paragraphs = [...article.childNodes].map((n) => document.importNode(n, true));
    const content = document.querySelector('#content')!;
    for (let i = 0; i < paragraphs.length; i += 10) content.append(...paragraphs.slice(i, i + 10));
    await until(() => document.documentElement.dataset.tifa === 'policy');
    expect(analyses).toBe(2);
    expect(marks('section').length).toBeGreaterThan(0);
    // Our own marks do not trigger another round.
    await sleep(100);
    expect(analyses).toBe(2);
  });

  it('scrolls to an outline item and reports unknown items as not found', async () => {
    const c = makeController();
    await c.start();
    const scrolled: unknown[] = [];
    window.scrollTo = ((opts: unknown) => scrolled.push(opts)) as typeof window.scrollTo;
    Element.prototype.scrollIntoView = function () {
      scrolled.push(this);
    };
    expect(c.scrollToItem(21)).toEqual({ found: true });
    expect(scrolled.length).toBe(1);
    expect(c.scrollToItem(500)).toEqual({ found: false });
  });

  it('never throws into the page: a failing analysis becomes an error state and a report', async () => {
    const c = makeController({
      analyze: (): Analysis => {
        throw new Error('rules exploded');
      },
    });
    await expect(c.start()).resolves.toBeUndefined();
    expect(c.getPageState().status).toBe('error');
    expect(c.getPageState().error).toContain('rules exploded');
    expect(reported.join()).toContain('rules exploded');
  });

  it('stop() takes out everything it added', async () => {
    const html = document.body.innerHTML;
    const c = makeController();
    await c.start();
    expect(marks().length).toBeGreaterThan(0);
    c.stop();
    expect(marks().length).toBe(0);
    expect(document.documentElement.dataset.tifa).toBeUndefined();
    expect(document.querySelector('style[data-tifa]')).toBeNull();
    expect(document.body.innerHTML).toBe(html);
  });

  it('reads the page before adding its stylesheet, and adds it in the same turn as the first paint', async () => {
    // A new sheet restyles the whole page: added before the first run, the extraction's first visibility check
    // waited for that restyle (bench/cold.ts). Added after the paint, before start() settles, no frame shows the
    // highlights unstyled.
    const events: string[] = [];
    const painter = new MarkPainter(document);
    const paint = painter.paint.bind(painter);
    painter.paint = (...args) => {
      events.push('paint');
      paint(...args);
    };
    const c = makeController({
      painter,
      extract: (doc) => {
        events.push('extract');
        return extractText(doc.body, { mainContent: true });
      },
      installStyles: (doc) => {
        events.push('styles');
        return installPageStyles(doc);
      },
    });
    await c.start();
    expect(events).toEqual(['extract', 'paint', 'styles']);
  });

  it('offers the clipping hook a snapshot and an extraction that matches the live DOM', async () => {
    const c = makeController();
    await c.start();
    const snap = c.snapshot()!;
    const live = c.liveExtraction()!;
    expect(live.text).toBe(snap.extraction.text);
    // The fallback split text nodes; the live extraction maps onto the nodes now in the page.
    expect(live.segments.every((s) => s.node.isConnected)).toBe(true);
  });
});

describe('ReadingController with an asynchronous (background) analysis', () => {
  it('never runs two analyses at once: requests while one is out merge into one more run (latest wins)', async () => {
    const pending: Array<{ text: string; resolve(a: Analysis): void }> = [];
    const c = makeController({
      analyze: (text) => new Promise<Analysis>((resolve) => pending.push({ text, resolve })),
    });
    const started = c.start();
    await until(() => pending.length === 1);
    const again = c.analyzeNow(true);
    const andAgain = c.analyzeNow(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(pending).toHaveLength(1); // nothing sent while the first analysis is out
    pending[0].resolve(analyze('今天天气晴。'));
    await until(() => pending.length === 2);
    pending[1].resolve(analyze(pending[1].text));
    await Promise.all([started, again, andAgain]);
    expect(pending).toHaveLength(2); // two requests while busy: one more run, not two
    expect(marks().length).toBeGreaterThan(0);
    expect(c.getPageState().status).toBe('policy');
    expect(reported).toEqual([]);
  });
});
