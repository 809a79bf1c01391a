import type { Clip } from '../clips/types';
import { compareTexts } from '../compare/compare';
import { comparisonMarkdown, type CompareMarkdownLabels } from '../compare/markdown';
import type { Comparison } from '../compare/types';
import { analyze } from '../rules';
import type { Analysis } from '../rules/types';
import { diffText, overlap, type DiffOp } from '../similarity/align';
import { labelOverlap, reuseScore, type ReuseLabel } from '../similarity/labels';
import { confirmPage, pageCandidates } from '../similarity/mark';
import { splitParagraphs } from '../similarity/paragraphs';
import { normalizeUrl } from '../clips/url';
import { ClipIndex } from './clip-index';
import type { HistoryParagraph } from './db';
import { MIN_INDEXED_CHARS, type HistoryStore, type PageSummary, type RecordResult } from './store';
import { mentionTrail, type MentionTrail } from './trail';

/**
 * Background handlers of the reading history and similar texts (issue 12), as plain async functions with typed
 * requests and replies: the integrator registers each under a message kind on the background router (kinds
 * suggested in the keys below). They run in the background, never on the page's thread.
 */
export interface RecordRequest {
  url: string;
  title: string;
  /** The page's extracted text (the one the rule set analysed). */
  text: string;
  speaker?: string;
  /** The background's analysis of `text`, when it has one (else it is analysed here). */
  analysis?: Analysis;
}

/** A history paragraph (pageId, paragraphId) or a clip (clipId) that a page paragraph recurs in. */
export interface SimilarMatch {
  pageId?: number;
  clipId?: string;
  url: string;
  title: string;
  date?: string;
  paragraphId?: number;
  /** The other paragraph's (or clip's) text: for the side-by-side; never sent to a content script. */
  otherText: string;
  label: ReuseLabel;
  /** Share of the shorter paragraph shared (0..1) and shared significant characters. */
  score: number;
  shared: number;
}

/** A paragraph of the page that recurs in the history: offsets into the request's text. */
export interface SimilarParagraph {
  start: number;
  end: number;
  matches: SimilarMatch[];
}

export interface SideBySide {
  label?: ReuseLabel;
  score: number;
  /** Edit script from the history paragraph (left) to the page's paragraph (right). */
  ops: DiffOp[];
  other: { pageId: number; url: string; title: string; date?: string; text: string };
}

export interface CompareSuggestion {
  pageId: number;
  url: string;
  title: string;
  date?: string;
  /** Paragraphs of the page that recur in this one. */
  sharedParagraphs: number;
}

export type CompareSide = { pageId: number } | { url: string; title: string; text: string };

export interface HistoryHandlers {
  'history.record'(req: RecordRequest): Promise<RecordResult>;
  'history.list'(): Promise<PageSummary[]>;
  'history.delete'(req: { pageId: number }): Promise<{ deleted: number }>;
  'history.erase'(): Promise<{ erased: true }>;
  'history.getEnabled'(): Promise<{ enabled: boolean }>;
  'history.setEnabled'(req: { enabled: boolean }): Promise<{ enabled: boolean }>;
  'similar.page'(req: { url: string; text: string }): Promise<SimilarParagraph[]>;
  'similar.pair'(req: { text: string; paragraphId: number }): Promise<SideBySide>;
  'compare.suggest'(req: { url: string; text: string }): Promise<CompareSuggestion[]>;
  'compare.run'(req: {
    older: CompareSide;
    newer: CompareSide;
    labels?: CompareMarkdownLabels;
  }): Promise<{ comparison: Comparison; markdown: string }>;
  'mentions.trail'(req: { query: string }): Promise<MentionTrail>;
}

export interface HistoryDeps {
  store: HistoryStore;
  /** Every clip (the clip store's list), for the 提法 trail. */
  listClips: () => Promise<Clip[]>;
  analyzeText?: (text: string) => Analysis;
}

export function createHistoryHandlers({ store, listClips, analyzeText = analyze }: HistoryDeps): HistoryHandlers {
  const clipIndex = new ClipIndex(listClips);
  const similarPage = async ({ url, text }: { url: string; text: string }): Promise<SimilarParagraph[]> => {
    const { index, paragraphIds, pageOf } = await store.index();
    const pages = new Map<number, PageSummary>((await store.list()).map((p) => [p.id, p]));
    // The page's own earlier copy is not "another speech": left out by address (it may be re-recorded meanwhile).
    const self = normalizeUrl(url);
    const paragraphs = splitParagraphs(text, { minChars: MIN_INDEXED_CHARS });
    const found = pageCandidates(index, paragraphs, (p) => pages.get(pageOf[p])?.url === self);
    const rows = new Map<number, HistoryParagraph>();
    for (const row of await store.paragraphs(found.positions.map((p) => paragraphIds[p]))) rows.set(row.id!, row);
    const marked = confirmPage(paragraphs, found, (p) => rows.get(paragraphIds[p])?.text ?? '');
    const fromClips = await clipIndex.matches(paragraphs, found.hashes, self);
    const byStart = new Map<number, SimilarParagraph>();
    for (const { paragraph, matches } of marked) {
      byStart.set(paragraph.start, {
        start: paragraph.start,
        end: paragraph.end,
        matches: matches.flatMap((m) => {
          const page = pages.get(pageOf[m.paragraph]);
          if (!page) return [];
          const row = rows.get(paragraphIds[m.paragraph]);
          return [
            {
              pageId: page.id,
              url: page.url,
              title: page.title,
              date: page.date,
              paragraphId: paragraphIds[m.paragraph],
              label: m.label,
              score: m.score,
              shared: m.overlap.shared,
              otherText: row?.text ?? '',
            },
          ];
        }),
      });
    }
    paragraphs.forEach((paragraph, i) => {
      if (!fromClips[i].length) return;
      let entry = byStart.get(paragraph.start);
      if (!entry) byStart.set(paragraph.start, (entry = { start: paragraph.start, end: paragraph.end, matches: [] }));
      for (const { clip, match } of fromClips[i])
        entry.matches.push({
          clipId: clip.id,
          url: clip.url,
          title: clip.speechTitle ?? clip.title,
          date: clip.speechDate,
          label: match.label,
          score: match.score,
          shared: match.overlap.shared,
          otherText: clip.text,
        });
    });
    return [...byStart.values()].filter((p) => p.matches.length).sort((a, b) => a.start - b.start);
  };

  const resolve = async (side: CompareSide): Promise<{ text: string; title: string }> => {
    if ('pageId' in side) {
      const page = await store.getPage(side.pageId);
      if (!page) throw new Error(`history: no page ${side.pageId}`);
      return page;
    }
    return side;
  };

  return {
    'history.record': async (req) =>
      store.recordPage({
        url: req.url,
        title: req.title,
        text: req.text,
        speaker: req.speaker,
        analysis: req.analysis ?? analyzeText(req.text),
      }),
    'history.list': () => store.list(),
    'history.delete': async ({ pageId }) => {
      await store.deletePage(pageId);
      return { deleted: pageId };
    },
    'history.erase': async () => {
      await store.eraseAll();
      return { erased: true };
    },
    'history.getEnabled': async () => ({ enabled: await store.isEnabled() }),
    'history.setEnabled': async ({ enabled }) => {
      await store.setEnabled(enabled);
      return { enabled };
    },
    'similar.page': similarPage,
    'similar.pair': async ({ text, paragraphId }) => {
      const [row] = await store.paragraphs([paragraphId]);
      if (!row) throw new Error(`history: no paragraph ${paragraphId}`);
      const page = await store.getPage(row.pageId);
      if (!page) throw new Error(`history: no page ${row.pageId}`);
      const o = overlap(row.text, text);
      return {
        label: labelOverlap(o),
        score: reuseScore(o),
        ops: diffText(row.text, text),
        other: { pageId: row.pageId, url: page.url, title: page.title, date: page.date, text: row.text },
      };
    },
    'compare.suggest': async (req) => {
      const counts = new Map<number, SimilarMatch>();
      const tally = new Map<number, number>();
      for (const p of await similarPage(req)) {
        for (const pageId of new Set(p.matches.flatMap((m) => (m.pageId === undefined ? [] : [m.pageId])))) {
          tally.set(pageId, (tally.get(pageId) ?? 0) + 1);
          counts.set(pageId, p.matches.find((m) => m.pageId === pageId)!);
        }
      }
      return [...tally]
        .sort((a, b) => b[1] - a[1])
        .map(([pageId, sharedParagraphs]) => {
          const m = counts.get(pageId)!;
          return { pageId, url: m.url, title: m.title, date: m.date, sharedParagraphs };
        });
    },
    'compare.run': async ({ older, newer, labels }) => {
      const [a, b] = [await resolve(older), await resolve(newer)];
      const comparison = compareTexts(a.text, b.text);
      comparison.left.title ??= a.title;
      comparison.right.title ??= b.title;
      return { comparison, markdown: comparisonMarkdown(comparison, labels) };
    },
    'mentions.trail': async ({ query }) => {
      const [pages, clips] = await Promise.all([store.db.pages.toArray(), listClips()]);
      return mentionTrail(query, pages, clips);
    },
  };
}
