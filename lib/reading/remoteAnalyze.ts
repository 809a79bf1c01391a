import { browser } from 'wxt/browser';
import type { Analysis, Mention, OutlineItem } from '../rules/types';

/**
 * Content-script side of readingAnalyzeText (lib/messages/page.ts): sends the extracted text to the background,
 * where the shared rule set runs, and checks the answer by hand before the painter trusts any offset in it (the
 * content script does not bundle zod). Offsets must lie inside the text that was sent.
 */
export async function analyzeInBackground(text: string): Promise<Analysis> {
  const reply = (await browser.runtime.sendMessage({ tifa: 1, kind: 'readingAnalyzeText', payload: { text } })) as unknown;
  if (!reply || typeof reply !== 'object') throw new Error('readingAnalyzeText: no answer from the background');
  const r = reply as { ok?: unknown; value?: unknown; error?: unknown };
  if (r.ok !== true) throw new Error(`readingAnalyzeText: ${typeof r.error === 'string' ? r.error : 'failed'}`);
  return checkAnalysis(r.value, text.length);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const CATEGORIES = new Set(['program', 'formulation', 'document', 'meeting', 'target']);

export function checkAnalysis(value: unknown, textLength: number): Analysis {
  const fail = (what: string): never => {
    throw new Error(`readingAnalyzeText: bad analysis (${what})`);
  };
  if (!value || typeof value !== 'object') fail('not an object');
  const a = value as Record<string, unknown>;
  const v = a.verdict as Record<string, unknown> | undefined;
  if (!v || typeof v.isPolicy !== 'boolean' || !isStr(v.genre) || typeof v.score !== 'number' || !Array.isArray(v.reasons)) {
    fail('verdict');
  }
  if (!Array.isArray(a.outline) || !Array.isArray(a.mentions)) fail('outline/mentions');
  const span = (s: unknown, e: unknown) => isInt(s) && isInt(e) && s >= 0 && s <= e && e <= textLength;
  (a.outline as unknown[]).forEach((raw, i) => {
    const o = raw as Record<string, unknown>;
    if (!o || !span(o.start, o.headEnd) || !span(o.start, o.end) || !isStr(o.marker) || !isStr(o.title) || !isStr(o.family)) {
      fail(`outline item ${i}`);
    }
    if (!isInt(o.depth) || !(o.parent === null || (isInt(o.parent) && o.parent >= 0 && o.parent < i))) fail(`outline item ${i}`);
  });
  (a.mentions as unknown[]).forEach((raw, i) => {
    const m = raw as Record<string, unknown>;
    if (!m || !span(m.start, m.end) || !CATEGORIES.has(m.category as string) || !isStr(m.text) || !isStr(m.ruleId) || !isStr(m.key)) {
      fail(`mention ${i}`);
    }
    if (m.gloss !== undefined && !isStr(m.gloss)) fail(`mention ${i}`);
  });
  return {
    verdict: v as unknown as Analysis['verdict'],
    outline: a.outline as OutlineItem[],
    mentions: a.mentions as Mention[],
    ...(isStr(a.title) ? { title: a.title } : {}),
    ...(isStr(a.date) ? { date: a.date } : {}),
    textLength: isInt(a.textLength) ? a.textLength : textLength,
  };
}
