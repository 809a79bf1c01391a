/**
 * The verdict corpus for the rule-set tests: positives (pos/), negatives (neg/) and saved pages (html/, all
 * negative). HTML is turned into text crudely here (tag stripper) so these tests do not depend on lib/extract;
 * the product's real extraction is exercised by corpus-quality.test.ts separately.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';

export const CORPUS_DIR = join(__dirname, '../../fixtures/corpus');

export interface CorpusDoc {
  /** e.g. `pos/xi2020__row003.txt` */
  name: string;
  /** true for policy speeches and reports */
  positive: boolean;
  text: string;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  amp: '&',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  mdash: '—',
};

/**
 * Bytes → string honouring <meta charset>, except that bytes which are valid UTF-8 stay UTF-8: the corpus's
 * "gb2312" pages were saved re-encoded as UTF-8 while keeping their original meta tag, and decoding them as GBK
 * would produce mojibake. (A browser would trust the meta tag; the saved files would not survive that.)
 */
export function decodeHtml(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
    const label = declared === 'gb2312' || declared === 'gb18030' ? 'gbk' : declared;
    return new TextDecoder(label).decode(bytes);
  }
}

/** Crude visible text: drop script/style/comments, break lines at block tags, strip the rest. */
export function crudeHtmlText(html: string): string {
  const text = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(?:br|p|div|li|h[1-6]|tr|title|section|article|header|footer|ul|ol|table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function readText(relative: string): string {
  return readFileSync(join(CORPUS_DIR, relative), 'utf8');
}

/** Every corpus document with its label; html/ pages as crude text. */
export function loadVerdictCorpus(): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  for (const dir of ['pos', 'neg', 'html'] as const) {
    for (const file of readdirSync(join(CORPUS_DIR, dir)).sort()) {
      const name = `${dir}/${file}`;
      const bytes = readFileSync(join(CORPUS_DIR, name));
      const text = dir === 'html' ? crudeHtmlText(decodeHtml(bytes)) : bytes.toString('utf8');
      docs.push({ name, positive: dir === 'pos', text });
    }
  }
  return docs;
}

export const SEED_FILE = 'seed/party-building-speech.txt';
