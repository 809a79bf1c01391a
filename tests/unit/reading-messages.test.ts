import { describe, expect, it } from 'vitest';
import { readingAnalyzeNow, readingGetPageState, readingScrollToItem } from '../../lib/messages/page';
import { handlePageMessage, parsePageRequest, type PageHandlers } from '../../lib/reading/pageEndpoint';

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
