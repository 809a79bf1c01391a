import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisSchema, readingAnalyzeNow, readingGetPageState, readingScrollToItem } from '../../lib/messages/page';
import { createRouter } from '../../lib/messages/protocol';
import { registerReadingHandlers } from '../../lib/reading/background';
import { handlePageMessage, parsePageRequest, type PageHandlers } from '../../lib/reading/pageEndpoint';
import { checkAnalysis } from '../../lib/reading/remoteAnalyze';
import { analyze } from '../../lib/rules';

const defs = {
  readingGetPageState,
  readingScrollToItem,
  readingAnalyzeNow,
} as const;

const payloads: unknown[] = [
  {},
  { index: 0 },
  { index: 3 },
  { index: -1 },
  { index: 1.5 },
  { index: '3' },
  { index: 100_000 },
  { index: 100_001 },
  { force: true },
  { force: false },
  { force: 'yes' },
  null,
  [],
  'x',
  42,
  undefined,
];

describe('content-side validation agrees with the zod declarations', () => {
  for (const [kind, def] of Object.entries(defs)) {
    it(kind, () => {
      for (const payload of payloads) {
        const zodOk = def.request.safeParse(payload).success;
        const parsed = parsePageRequest({ tifa: 1, kind, payload });
        expect(parsed, `${kind} ${JSON.stringify(payload)}`).not.toBeNull();
        expect(typeof parsed !== 'string', `${kind} ${JSON.stringify(payload)}`).toBe(zodOk);
      }
    });
  }

  it('leaves messages that are not reading requests to other listeners', () => {
    expect(parsePageRequest({ tifa: 1, kind: 'saveClip', payload: {} })).toBeNull();
    expect(parsePageRequest({ kind: 'readingGetPageState', payload: {} })).toBeNull();
    expect(parsePageRequest('readingGetPageState')).toBeNull();
    expect(parsePageRequest(null)).toBeNull();
  });
});

describe('handlePageMessage', () => {
  const calls: string[] = [];
  const handlers: PageHandlers = {
    getPageState: () => {
      calls.push('state');
      return { status: 'pending' } as never;
    },
    scrollToItem: (i) => {
      calls.push(`scroll ${i}`);
      return { found: i < 3 };
    },
    analyzeNow: (force) => {
      calls.push(`analyze ${force}`);
      throw new Error('boom');
    },
  };

  it('refuses senders other than this extension before any handler runs', async () => {
    calls.length = 0;
    const reply = await handlePageMessage({ tifa: 1, kind: 'readingScrollToItem', payload: { index: 1 } }, { id: 'evil' }, 'me', handlers);
    expect(reply).toEqual({ ok: false, error: 'sender is not this extension' });
    expect(calls).toEqual([]);
  });

  it('answers valid requests, reports malformed ones and handler errors as error replies', async () => {
    calls.length = 0;
    expect(await handlePageMessage({ tifa: 1, kind: 'readingScrollToItem', payload: { index: 1 } }, { id: 'me' }, 'me', handlers)).toEqual({
      ok: true,
      value: { found: true },
    });
    const bad = await handlePageMessage({ tifa: 1, kind: 'readingScrollToItem', payload: { index: -4 } }, { id: 'me' }, 'me', handlers);
    expect(bad?.ok).toBe(false);
    const failed = await handlePageMessage({ tifa: 1, kind: 'readingAnalyzeNow', payload: {} }, { id: 'me' }, 'me', handlers);
    expect(failed).toEqual({ ok: false, error: 'boom' });
    expect(handlePageMessage({ tifa: 1, kind: 'other', payload: {} }, { id: 'me' }, 'me', handlers)).toBeUndefined();
    expect(calls).toEqual(['scroll 1', 'analyze false']);
  });
});

describe('readingAnalyzeText: the background analyses, the content script checks the answer', () => {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', 'seed', 'party-building-speech.txt'), 'utf8');

  it('the background handler answers with the shared rule set, validated against analysisSchema', async () => {
    const router = createRouter('me');
    registerReadingHandlers(router);
    const reply = await router.dispatch({ tifa: 1, kind: 'readingAnalyzeText', payload: { text } }, { id: 'me' });
    expect(reply?.ok).toBe(true);
    const value = (reply as { value: unknown }).value;
    expect(analysisSchema.safeParse(value).success).toBe(true);
    expect(value).toEqual(analyze(text));
    // Requests from elsewhere, or without text, never reach the rule set.
    expect((await router.dispatch({ tifa: 1, kind: 'readingAnalyzeText', payload: { text } }, { id: 'other' }))?.ok).toBe(false);
    expect((await router.dispatch({ tifa: 1, kind: 'readingAnalyzeText', payload: { text: 42 } }, { id: 'me' }))?.ok).toBe(false);
  });

  it('checkAnalysis accepts a real analysis and refuses offsets outside the text or broken shapes', () => {
    const analysis = analyze(text);
    expect(checkAnalysis(JSON.parse(JSON.stringify(analysis)), text.length)).toEqual(analysis);
    const broken = (patch: (a: Record<string, unknown>) => void) => {
      const a = JSON.parse(JSON.stringify(analysis)) as Record<string, unknown>;
      patch(a);
      return a;
    };
    const cases = [
      broken((a) => ((a.mentions as Array<{ end: number }>)[0].end = text.length + 1)),
      broken((a) => ((a.outline as Array<{ start: number }>)[1].start = -1)),
      broken((a) => ((a.outline as Array<{ parent: number | null }>)[0].parent = 5)),
      broken((a) => ((a.mentions as Array<{ category: string }>)[0].category = 'weather')),
      broken((a) => (a.verdict = null)),
      broken((a) => (a.outline = 'none')),
    ];
    for (const c of cases) {
      expect(() => checkAnalysis(c, text.length)).toThrow(/bad analysis/);
    }
    expect(() => checkAnalysis(null, 10)).toThrow();
  });
});
