import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisSchema, wireAnalysisSchema } from '../../lib/messages/page';
import { PROTOCOL } from '../../lib/messages/protocol';
import { createRouter } from '../../lib/messages/router';
import { answerRequest, type PageHandlers } from '../../lib/messages/content-endpoint';
import { registerReadingHandlers } from '../../lib/reading/background';
import { splitText } from '../../lib/reading/remoteAnalyze';
import { decodeAnalysis, encodeAnalysis, MENTION_STRIDE, OUTLINE_STRIDE } from '../../lib/reading/wire';
import { analyze } from '../../lib/rules';

const ME = 'me';
const tab = { id: ME, url: 'http://www.gov.cn/a.htm', tab: { id: 7, url: 'http://www.gov.cn/a.htm' } };

describe('reading requests to a content script', () => {
  const calls: string[] = [];
  const handlers: PageHandlers = {
    'reading.getState': () => {
      calls.push('state');
      return { status: 'pending' } as never;
    },
    'reading.scrollTo': ({ index }) => {
      calls.push(`scroll ${index}`);
      return { found: index < 3 };
    },
    'reading.analyzeNow': ({ force }) => {
      calls.push(`analyze ${force}`);
      throw new Error('boom');
    },
  };

  it('refuses senders other than this extension before any handler runs', async () => {
    calls.length = 0;
    const reply = await answerRequest(
      { tifa: 1, kind: 'reading.scrollTo', payload: { index: 1 } },
      { id: 'evil' },
      ME,
      handlers,
    );
    expect(reply).toEqual({ ok: false, error: 'sender is not this extension' });
    expect(calls).toEqual([]);
  });

  it('answers valid requests, reports malformed ones and handler errors as error replies', async () => {
    calls.length = 0;
    expect(
      await answerRequest({ tifa: 1, kind: 'reading.scrollTo', payload: { index: 1 } }, { id: ME }, ME, handlers),
    ).toEqual({
      ok: true,
      value: { found: true },
    });
    const bad = await answerRequest(
      { tifa: 1, kind: 'reading.scrollTo', payload: { index: -4 } },
      { id: ME },
      ME,
      handlers,
    );
    expect(bad?.ok).toBe(false);
    const failed = await answerRequest({ tifa: 1, kind: 'reading.analyzeNow', payload: {} }, { id: ME }, ME, handlers);
    expect(failed).toEqual({ ok: false, error: 'boom' });
    expect(answerRequest({ tifa: 1, kind: 'other', payload: {} }, { id: ME }, ME, handlers)).toBeUndefined();
    expect(calls).toEqual(['scroll 1', 'analyze undefined']);
  });
});

describe('reading.analyze: the background analyses, the content script checks the answer', () => {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', 'seed', 'party-building-speech.txt'), 'utf8');

  it('the background handler answers with the shared rule set, validated against the wire schema', async () => {
    const router = createRouter(ME);
    registerReadingHandlers(router);
    const reply = await router.dispatch({ tifa: 1, kind: 'reading.analyze', payload: { text } }, tab);
    expect(reply?.ok).toBe(true);
    const value = (reply as { value: unknown }).value;
    expect(wireAnalysisSchema.safeParse(value).success).toBe(true);
    expect(PROTOCOL['reading.analyze'].reply.safeParse(value).success).toBe(true);
    expect((value as { textId: string }).textId).toMatch(/\S/);
    const decoded = decodeAnalysis(JSON.parse(JSON.stringify(value)), text);
    expect(analysisSchema.safeParse(decoded).success).toBe(true);
    expect(decoded).toEqual(analyze(text));
    // Requests from elsewhere, or without text, never reach the rule set.
    expect(
      (await router.dispatch({ tifa: 1, kind: 'reading.analyze', payload: { text } }, { ...tab, id: 'other' }))?.ok,
    ).toBe(false);
    expect((await router.dispatch({ tifa: 1, kind: 'reading.analyze', payload: { text: 42 } }, tab))?.ok).toBe(false);
  });

  it('a text sent in parts (any order) is analysed once, when its last part arrives', async () => {
    const router = createRouter(ME);
    registerReadingHandlers(router);
    const parts = splitText(text, 3);
    expect(parts.join('')).toBe(text);
    const send = (index: number, run = 'r1') =>
      router.dispatch(
        { tifa: 1, kind: 'reading.analyze', payload: { text: parts[index], part: { run, index, count: 3 } } },
        tab,
      );
    const first = await send(2);
    const second = await send(0);
    const last = await send(1);
    expect(first).toEqual({ ok: true, value: { pending: true } });
    expect(second).toEqual({ ok: true, value: { pending: true } });
    expect(last?.ok).toBe(true);
    expect(decodeAnalysis((last as { value: unknown }).value, text)).toEqual(analyze(text));
    // Malformed parts are refused by the schema.
    const bad = [
      { text: 'x', part: { run: 'r2', index: 3, count: 3 } },
      { text: 'x', part: { run: 'r2', index: 0, count: 1 } },
      { text: 'x', part: { run: '', index: 0, count: 2 } },
      { text: 'x', part: { run: 'r2', index: 0, count: 99 } },
    ];
    for (const payload of bad) {
      expect((await router.dispatch({ tifa: 1, kind: 'reading.analyze', payload }, tab))?.ok).toBe(false);
    }
    // A part sent twice is an error, not a second analysis.
    await send(0, 'r3');
    expect((await send(0, 'r3'))?.ok).toBe(false);
  });

  it('splitText never cuts a surrogate pair', () => {
    const s = '𠀀'.repeat(5); // 10 UTF-16 units, cut at 5 would split a pair
    const parts = splitText(s, 2);
    expect(parts.join('')).toBe(s);
    for (const p of parts) expect(/^(?:[\ud800-\udbff][\udc00-\udfff])*$/.test(p)).toBe(true);
  });

  it('decodeAnalysis rebuilds a real analysis and refuses offsets outside the text or broken shapes', () => {
    const analysis = analyze(text);
    const wire = encodeAnalysis(analysis, text);
    expect(decodeAnalysis(JSON.parse(JSON.stringify(wire)), text)).toEqual(analysis);
    const broken = (patch: (a: Record<string, unknown>) => void) => {
      const a = JSON.parse(JSON.stringify(wire)) as Record<string, unknown>;
      patch(a);
      return a;
    };
    const mentions = (a: Record<string, unknown>) => a.mentions as number[];
    const outline = (a: Record<string, unknown>) => a.outline as number[];
    const cases = [
      broken((a) => (mentions(a)[2] = text.length + 1)), // mention 0's end
      broken((a) => (outline(a)[OUTLINE_STRIDE + 4] = -1)), // outline item 1's start
      broken((a) => (outline(a)[7] = 5)), // outline item 0's parent
      broken((a) => (mentions(a)[0] = 9)), // mention 0's category
      broken((a) => (mentions(a)[4] = 1e6)), // mention 0's rule id: no such string
      broken((a) => (a.mentions = mentions(a).slice(0, MENTION_STRIDE - 1))),
      broken((a) => (a.strings = [1, 2])),
      broken((a) => (a.verdict = null)),
      broken((a) => (a.outline = 'none')),
    ];
    for (const c of cases) {
      expect(() => decodeAnalysis(c, text)).toThrow(/bad analysis/);
    }
    expect(() => decodeAnalysis(null, 'x'.repeat(10))).toThrow();
  });
});
