/**
 * The genre corpus (tests/fixtures/corpus/genre/): self-written local speeches and same-register negatives,
 * stored once in their plain form, and the page variants generated from them — ASCII punctuation, traditional
 * script, page chrome, title glued to the body — so each text is tested as the different sites serve it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRAD_TO_SIMP } from '../../../lib/rules/trad-simp';
import { CORPUS_DIR } from './rules-corpus';

/** dev: rules are tuned on it; holdout and excerpts 1–3: written blind, scored before any fix (corpus README). */
export type GenreSplit = 'dev' | 'holdout' | 'excerpts' | 'excerpts-2' | 'excerpts-3';

export interface GenreDoc {
  id: string;
  split: GenreSplit;
  positive: boolean;
  /** Negatives: meeting-news, notice, plan, summary, duty-report, reflection, letter…; positives: 'local speech'. */
  kind: string;
  /** 镇/县/区/市 level: town, county, district, city. */
  level: string;
  topic: string;
  /** Page style the text was written as: template, wenku, portal, excerpt-no-title, closing-excerpt… */
  source: string;
  text: string;
}

const HEADER = /^### (\S+) \| (\S+) \| (\S+) \| (\S+)$/;

function parse(file: string, split: GenreSplit, positive: boolean): GenreDoc[] {
  const docs: GenreDoc[] = [];
  const lines = readFileSync(join(CORPUS_DIR, 'genre', split, file), 'utf8').split('\n');
  let current: GenreDoc | undefined;
  for (const line of lines) {
    const h = HEADER.exec(line);
    if (h) {
      if (current) docs.push(current);
      const [, id, a, b, c] = h;
      current = positive
        ? { id, split, positive, kind: 'local speech', level: a, topic: b, source: c, text: '' }
        : { id, split, positive, kind: a, level: b, topic: a, source: c, text: '' };
      continue;
    }
    if (!current) {
      if (line.trim()) throw new Error(`${split}/${file}: text before the first ### header`);
      continue;
    }
    current.text += (current.text ? '\n' : '') + line;
  }
  if (current) docs.push(current);
  for (const doc of docs) doc.text = doc.text.trim();
  return docs;
}

export function loadGenreCorpus(split: GenreSplit): GenreDoc[] {
  return [...parse('speeches.txt', split, true), ...parse('negatives.txt', split, false)];
}

const SIMP_TO_TRAD = new Map<string, string>();
for (const [trad, simp] of TRAD_TO_SIMP) if (!SIMP_TO_TRAD.has(simp)) SIMP_TO_TRAD.set(simp, trad);

const ASCII_PUNCT: Record<string, string> = {
  '，': ',',
  '：': ':',
  '；': ';',
  '（': '(',
  '）': ')',
  '！': '!',
  '？': '?',
};

export const VARIANTS: Record<string, (text: string) => string> = {
  plain: (t) => t,
  ascii: (t) => t.replace(/[，：；（）！？]/g, (c) => ASCII_PUNCT[c]),
  traditional: (t) => [...t].map((c) => SIMP_TO_TRAD.get(c) ?? c).join(''),
  'ascii+traditional': (t) => VARIANTS.traditional(VARIANTS.ascii(t)),
  chrome: (t) =>
    `首页 > 范文大全 > 领导讲话 > 正文\n${t.split('\n')[0]}\n发布时间：2024-05-06 来源：网络整理 浏览：1,208次\n` +
    `${t.split('\n').slice(1).join('\n')}\n上一篇：关于加强作风建设的心得\n下一篇：2024年度工作总结范文\n` +
    '本文来源于网络，仅供参考学习，如有侵权请联系删除。更多范文请关注本站。',
  glued: (t) => t.replace('\n', ''),
};

/**
 * Harder page forms, reported separately: PDF conversions hard-wrapped every 31 characters, or with their lines
 * joined by a blank every 27 (`主 要任务是`, as some 文库 sites serve them), and pages stripped of punctuation.
 */
export const STRESS_VARIANTS: Record<string, (text: string) => string> = {
  'pdf-wrapped': (t) =>
    t
      .split('\n')
      .map((line) => line.replace(/(.{31})(?=.)/g, '$1\n'))
      .join('\n'),
  'pdf-spaced': (t) =>
    t
      .split('\n')
      .map((line) => line.replace(/(.{27})(?=.)/g, '$1 '))
      .join('\n'),
  'no-punctuation': (t) => t.replace(/[，：；（）！？。、“”]/g, ' '),
};
