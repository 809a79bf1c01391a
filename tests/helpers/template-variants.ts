/**
 * Template variants of a paragraph, made the way template sites make them (issue 12): the buyer swaps place and
 * person names, changes numbers, inserts a sentence of their own, drops or reorders sentences — until a chosen
 * share (5–30%) of the characters differs. Everything is driven by a seeded PRNG so the evaluation reproduces.
 */
import { splitSentences } from '../../lib/similarity/paragraphs';

export type Rng = () => number;

const PLACES = ['青山', '河西', '东城', '南湖', '桃源', '平阳', '安宁', '兴隆', '凤翔', '长乐', '永和', '清河'];
const PEOPLE = ['张建国', '李文华', '王志强', '刘红梅', '陈立新', '赵海波', '孙晓东', '周明远'];
const PLACE = /[\u4e00-\u9fff]{2}(?=省|市|县|区|镇|乡|村)/g;
const PERSON = /[\u4e00-\u9fff]{2,3}(?=同志)/g;
const NUMBER = /\d+(?:\.\d+)?/g;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

export interface Variant {
  text: string;
  /** Operations applied, for reading failures. */
  ops: string[];
}

/**
 * Edits `text` until at least `share` of its length has been touched. `fillers` are same-genre sentences from
 * other documents, used for insertions and replacements.
 */
export function templateVariant(text: string, rng: Rng, share: number, fillers: readonly string[]): Variant {
  let out = text;
  const ops: string[] = [];
  let touched = 0;
  const goal = Math.max(1, Math.round(text.length * share));
  for (let guard = 0; touched < goal && guard < 40; guard++) {
    const roll = rng();
    if (roll < 0.2) {
      const swapped = replaceOne(out, PLACE, () => pick(rng, PLACES), rng);
      if (swapped) {
        out = swapped;
        touched += 2;
        ops.push('place');
      }
    } else if (roll < 0.3) {
      const swapped = replaceOne(out, PERSON, () => pick(rng, PEOPLE), rng);
      if (swapped) {
        out = swapped;
        touched += 3;
        ops.push('person');
      }
    } else if (roll < 0.45) {
      const swapped = replaceOne(out, NUMBER, () => String(1 + Math.floor(rng() * 999)), rng);
      if (swapped) {
        out = swapped;
        touched += 2;
        ops.push('number');
      }
    } else {
      const sentences = splitSentences(out).map((s) => s.text);
      const budget = goal - touched;
      const i = Math.floor(rng() * sentences.length);
      const kind = rng();
      if (kind < 0.4) {
        const filler = fillerWithin(rng, fillers, budget);
        if (!filler) continue;
        sentences.splice(i + (rng() < 0.5 ? 0 : 1), 0, filler);
        touched += filler.length;
        ops.push('insert');
      } else if (kind < 0.7 && sentences.length > 2 && sentences[i].length <= budget + 10) {
        touched += sentences[i].length;
        sentences.splice(i, 1);
        ops.push('drop');
      } else if (sentences.length > 2 && i + 1 < sentences.length && sentences[i].length <= budget + 10) {
        [sentences[i], sentences[i + 1]] = [sentences[i + 1], sentences[i]];
        touched += Math.min(sentences[i].length, sentences[i + 1].length);
        ops.push('reorder');
      } else continue;
      out = sentences.join('');
    }
  }
  return { text: out, ops };
}

function replaceOne(text: string, pattern: RegExp, make: () => string, rng: Rng): string | undefined {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return undefined;
  const m = pick(rng, matches);
  const replacement = make();
  if (replacement === m[0]) return undefined;
  return text.slice(0, m.index) + replacement + text.slice(m.index! + m[0].length);
}

function fillerWithin(rng: Rng, fillers: readonly string[], budget: number): string | undefined {
  for (let tries = 0; tries < 8; tries++) {
    const f = pick(rng, fillers);
    if (f.length <= Math.max(budget + 10, 20)) return f;
  }
  return undefined;
}
