import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeSpan } from '../../lib/anchoring/describe';
import type { Clip } from '../../lib/clips/types';
import { exportW3c } from '../../lib/export/w3c';
import { ImportError, parseImportFile } from '../../lib/import';
import { makeClip } from '../fixtures/reviewing/clips';
import { seededRandom } from '../helpers/seeded-random';

/**
 * Conformance with the W3C Web Annotation data model, using the W3C's own test material (tests/fixtures/w3c,
 * source and licence in SOURCE.md): every MUST assertion of the annotation, collection and page `.test` lists
 * runs as a JSON Schema (draft-04, ajv) against what Tifa exports; the suite's valid examples are imported with
 * the outcome expected for each.
 */
const W3C = join(import.meta.dirname, '..', 'fixtures', 'w3c');
const readJson = (path: string) => JSON.parse(readFileSync(join(W3C, path), 'utf8'));

let ajv: Ajv | undefined;
/** One validator for all lists: the shared definitions are added, and compiled, once. */
function validator(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const name of readdirSync(join(W3C, 'definitions'))) ajv.addSchema(readJson(`definitions/${name}`));
  return ajv;
}

function loadAssertions(testFile: string) {
  const ajv = validator();
  const test = readJson(testFile);
  return (test.assertions as string[]).map((path) => {
    const schema = readJson(path);
    expect(schema.assertionType).toBe('must');
    return {
      path,
      expectValid: schema.expectedResult === 'valid',
      validate: ajv.compile({ ...schema, id: undefined }),
    };
  });
}

/** Runs every MUST assertion on every object; returns the failures ("assertion on object n"). */
function failures(
  assertions: ReturnType<typeof loadAssertions>,
  objects: unknown[],
): { checks: number; failed: string[] } {
  const failed: string[] = [];
  objects.forEach((object, n) => {
    for (const a of assertions) if (a.validate(object) !== a.expectValid) failed.push(`${a.path} on #${n + 1}`);
  });
  return { checks: objects.length * assertions.length, failed };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A page whose text mixes BMP Chinese with Extension-B characters (𠮷, 𡈽) and emoji, and clips cut from it. */
function libraryWithRareCharacters(count: number) {
  const random = seededRandom(14);
  const pieces = ['推进乡村全面振兴', '𠮷野家', '😀', '，', '坚持稳中求进', '𡈽', '👍🏽', '。', '高质量发展', '\n'];
  let page = '';
  while (page.length < 6_000) page += pieces[Math.floor(random() * pieces.length)];
  const clips: Clip[] = [];
  for (let i = 0; i < count; i++) {
    // Any UTF-16 span whose ends are character boundaries, as a selection gives.
    let start = Math.floor(random() * (page.length - 200));
    let end = start + 1 + Math.floor(random() * 120);
    if (/[\udc00-\udfff]/.test(page[start])) start++;
    if (/[\udc00-\udfff]/.test(page[end])) end++;
    clips.push(
      makeClip({
        text: page.slice(start, end),
        selectors: describeSpan(page, start, end),
        note: i % 3 ? '' : `笔记𠮷${i}`,
        tags: i % 4 ? [] : ['😀标签'],
      }),
    );
  }
  return { page, clips };
}

describe('W3C annotation model MUST assertions on what Tifa exports', () => {
  const { page, clips } = libraryWithRareCharacters(37);
  const collection = JSON.parse(exportW3c(clips, { exportedAt: Date.UTC(2026, 0, 1) }));
  const items = collection.first.items;
  const musts: Record<string, ReturnType<typeof loadAssertions>> = {};
  // Compiling ~80 draft-04 schemas takes seconds on a loaded machine: once, with a generous allowance.
  beforeAll(() => {
    for (const list of [
      'annotations/annotationMusts.test',
      'collections/collectionMusts.test',
      'collections/pages/pageMusts.test',
    ]) {
      musts[list] = loadAssertions(list);
    }
  }, 120_000);

  it('every exported annotation passes every MUST assertion (annotationMusts.test)', () => {
    const { checks, failed } = failures(musts['annotations/annotationMusts.test'], items);
    expect(failed).toEqual([]);
    expect(checks).toBe(54 * 37);
  }, 60_000);

  it('the collection and its page pass collectionMusts.test and pageMusts.test; an empty export has no empty page', () => {
    expect(failures(musts['collections/collectionMusts.test'], [collection]).failed).toEqual([]);
    expect(
      failures(musts['collections/pages/pageMusts.test'], [{ '@context': collection['@context'], ...collection.first }])
        .failed,
    ).toEqual([]);
    const empty = JSON.parse(exportW3c([], { exportedAt: 0 }));
    expect(empty.first).toBeUndefined();
    expect(empty.total).toBe(0);
    expect(failures(musts['collections/collectionMusts.test'], [empty]).failed).toEqual([]);
  });

  it('positions count code points of the page text, and context never splits a surrogate pair', () => {
    const points = [...page];
    const wrong: string[] = [];
    for (const item of items) {
      const [quote, position] = item.target.selector;
      const at = points.slice(position.start, position.end).join('');
      const before = points.slice(0, position.start).join('');
      if (at !== quote.exact || !before.endsWith(quote.prefix))
        wrong.push(`${item.id}: ${position.start}–${position.end}`);
    }
    expect(wrong).toEqual([]);
    expect(
      items.some((item: { target: { selector: { exact?: string }[] } }) =>
        /[\ud800-\udbff]/.test(JSON.stringify(item.target.selector[0])),
      ),
    ).toBe(true);
    expect(LONE_SURROGATE.test(JSON.stringify(collection))).toBe(false);
  });

  it('the page 𠮷野家😀：… puts a clip after the two astral characters at code point 5 (UTF-16 offset 7)', () => {
    const text = '𠮷野家😀：坚持稳中求进工作总基调';
    const [quote, position] = describeSpan(text, 7, 12);
    const [item] = JSON.parse(exportW3c([makeClip({ text: quote.exact, selectors: [quote, position] })])).first.items;
    expect(item.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 5, end: 10 });
    // And back: our own export keeps the UTF-16 offsets, others' code points stay as stated.
    expect(parseImportFile(JSON.stringify(item)).clips[0].selectors[1]).toEqual(position);
  });

  it('refuses a backup timestamp past year 9999 with its reason, and an export never throws on one', () => {
    const backup = { format: 'tifa-backup', version: 1, clips: [{ ...makeClip(), created: 9e15 }] };
    expect(() => parseImportFile(JSON.stringify(backup))).toThrow(/created: a timestamp is after the year 9999/);
    const stored = { ...makeClip(), created: 9e15 };
    const [item] = JSON.parse(exportW3c([stored])).first.items;
    expect(item.created).toBeUndefined();
  });
});

type Outcome = { imported: number; skipped?: Record<string, number> } | { refused: RegExp };

/**
 * The suite's valid examples (tools/samples/correct) and what Tifa does with each. Most annotate whole
 * resources, images, video or data (no text to clip): refused with the reason. Text quotes import — from a
 * selector or from the end of a `refinedBy` chain — and a position without a quote (anno27) imports not yet
 * placed, with its position. The one position refused counts from inside an XPointer fragment (anno41).
 */
const VALID_EXAMPLES: Record<string, Outcome> = {
  ...Object.fromEntries(
    [...Array(25).keys(), 27, 28, 29, 30, 32, 33, 34, 35, 36, 37, 38, 39].map((i) => [
      `anno${i + 1}.json`,
      { refused: /annotation 1: it targets no quoted text on a web page$/ },
    ]),
  ),
  'anno26.json': { imported: 1 },
  'anno27.json': { imported: 1 },
  'anno32.json': { imported: 1 },
  // A TextPositionSelector refining a FragmentSelector counts from that fragment, not from the page.
  'anno41-example44.json': {
    refused:
      /annotation 1: it targets no quoted text on a web page \(a TextPositionSelector refining a FragmentSelector counts from that part, not from the page\)$/,
  },
  'collection1.json': { imported: 3, skipped: { 'no-text': 38 } },
  'example41.json': { refused: /page 1 of the collection is a link \(http:\/\/example.org\/page1\), not embedded/ },
  'example42.json': { refused: /annotation 2: it targets no quoted text on a web page$/ },
  'example43.json': { refused: /annotation 2: it targets no quoted text on a web page$/ },
};

describe('importing the W3C suite’s valid examples', () => {
  const dir = join(W3C, 'tools', 'samples', 'correct');
  const files = readdirSync(dir).sort();

  it('has an expected outcome for every example', () => {
    expect(files.sort()).toEqual(Object.keys(VALID_EXAMPLES).sort());
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const expected = VALID_EXAMPLES[file];
    if ('refused' in expected) {
      let error: unknown;
      try {
        parseImportFile(text, { now: 0 });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(expected.refused);
      expect((error as Error).message).not.toContain('\n');
      return;
    }
    const { clips, skipped } = parseImportFile(text, { now: 0 });
    expect(clips).toHaveLength(expected.imported);
    const counts: Record<string, number> = {};
    for (const s of skipped) counts[s.code] = (counts[s.code] ?? 0) + 1;
    expect(counts).toEqual(expected.skipped ?? {});
    for (const clip of clips) expect(clip.selectors).toHaveLength(1); // quote only: no position invented
  });

  it('keeps a position without a quote (anno27) as a clip not yet placed, and exports it with the position only', () => {
    const [orphan] = parseImportFile(readFileSync(join(dir, 'anno27.json'), 'utf8'), { now: 0 }).clips;
    expect(orphan).toMatchObject({
      text: '',
      url: 'http://example.org/ebook1',
      importedPosition: { start: 412, end: 795 },
    });
    expect(orphan.selectors[0].exact).toBe('');
    const [item] = JSON.parse(exportW3c([orphan])).first.items;
    expect(item.target.selector).toEqual([{ type: 'TextPositionSelector', start: 412, end: 795 }]);
    expect(JSON.stringify(item)).not.toContain('TextQuoteSelector');
    const musts = loadAssertions('annotations/annotationMusts.test');
    expect(failures(musts, [item]).failed).toEqual([]);
    // And back again: still not placed, same position, same clip (re-importing adds nothing new).
    const [again] = parseImportFile(JSON.stringify(item), { now: 0 }).clips;
    expect(again).toMatchObject({ id: orphan.id, text: '', importedPosition: { start: 412, end: 795 } });
    expect(again.dedupeKey).toBe(orphan.dedupeKey);
  }, 60_000);

  it('refuses an empty position without a quote with its reason', () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/empty',
      type: 'Annotation',
      target: { source: 'http://example.org/page1', selector: { type: 'TextPositionSelector', start: 5, end: 5 } },
    };
    expect(() => parseImportFile(JSON.stringify(annotation))).toThrow(
      /annotation 1: it is malformed \(TextPositionSelector is empty and there is no quote\)/,
    );
  });

  it('takes the quote at the end of a refinedBy chain (anno32) and the quote with its context (anno26)', () => {
    const [refined] = parseImportFile(readFileSync(join(dir, 'anno32.json'), 'utf8')).clips;
    expect(refined.selectors[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Selected Text',
      prefix: 'text before the ',
      suffix: ' and text after it',
    });
    const [plain] = parseImportFile(readFileSync(join(dir, 'anno26.json'), 'utf8')).clips;
    expect(plain).toMatchObject({ text: 'anotation', url: 'http://example.org/page1', note: '' });
  });
});
