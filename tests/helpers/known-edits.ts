/**
 * 100 known edits applied to a real report (issue 12's compare evaluation): sentences inserted, deleted,
 * replaced and moved between paragraphs; paragraphs moved, inserted and deleted. Each edit records the text it
 * took away and the text it put in, so a comparison can be scored for what it recovered and what it invented.
 */
import { splitSentences } from '../../lib/similarity/paragraphs';
import { pick, type Rng } from './template-variants';

export type EditKind =
  | 'insert-sentence'
  | 'delete-sentence'
  | 'replace-sentence'
  | 'move-sentence'
  | 'move-paragraph'
  | 'insert-paragraph'
  | 'delete-paragraph';

export interface KnownEdit {
  kind: EditKind;
  removed?: string;
  inserted?: string;
}

export const EDIT_MIX: Record<EditKind, number> = {
  'move-paragraph': 10,
  'delete-paragraph': 8,
  'insert-paragraph': 8,
  'move-sentence': 10,
  'replace-sentence': 20,
  'delete-sentence': 22,
  'insert-sentence': 22,
};

interface Sentence {
  text: string;
  touched: boolean;
}
interface Para {
  sentences: Sentence[];
  locked: boolean;
}

export function applyKnownEdits(
  text: string,
  rng: Rng,
  fillers: readonly string[],
): { text: string; edits: KnownEdit[] } {
  const paras: Para[] = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => ({
      sentences: splitSentences(line.trim()).map((s) => ({ text: s.text, touched: false })),
      locked: false,
    }));
  const edits: KnownEdit[] = [];
  const freshFiller = () => {
    const f = pick(rng, fillers);
    return f.endsWith('。') ? f : `${f.replace(/[，；、]$/, '')}。`;
  };
  const bodyParas = () => paras.map((_p, i) => i).filter((i) => !paras[i].locked && paras[i].sentences.length >= 2);
  const untouchedIn = (p: Para) => p.sentences.map((_s, i) => i).filter((i) => !p.sentences[i].touched);
  for (const [kind, count] of Object.entries(EDIT_MIX) as Array<[EditKind, number]>) {
    for (let n = 0; n < count; n++) {
      const candidates = bodyParas();
      if (kind === 'move-paragraph' || kind === 'delete-paragraph') {
        const fresh = candidates.filter((i) => paras[i].sentences.every((s) => !s.touched));
        const i = pick(rng, fresh);
        const [para] = paras.splice(i, 1);
        const joined = para.sentences.map((s) => s.text).join('');
        if (kind === 'move-paragraph') {
          para.locked = true;
          let to = Math.floor(rng() * paras.length);
          if (Math.abs(to - i) < 3) to = (to + Math.floor(paras.length / 2)) % paras.length;
          paras.splice(to, 0, para);
          edits.push({ kind, removed: joined, inserted: joined });
        } else edits.push({ kind, removed: joined });
      } else if (kind === 'insert-paragraph') {
        const sentences = [freshFiller(), freshFiller()].map((t) => ({ text: t, touched: true }));
        paras.splice(Math.floor(rng() * paras.length), 0, { sentences, locked: true });
        edits.push({ kind, inserted: sentences.map((s) => s.text).join('') });
      } else {
        const p = paras[pick(rng, candidates)];
        const free = untouchedIn(p);
        if (kind === 'insert-sentence') {
          const s = { text: freshFiller(), touched: true };
          p.sentences.splice(Math.floor(rng() * (p.sentences.length + 1)), 0, s);
          edits.push({ kind, inserted: s.text });
          continue;
        }
        if (free.length < 2) {
          n--;
          continue;
        }
        const at = pick(rng, free);
        const old = p.sentences[at];
        if (kind === 'delete-sentence') {
          p.sentences.splice(at, 1);
          edits.push({ kind, removed: old.text });
        } else if (kind === 'replace-sentence') {
          p.sentences[at] = { text: freshFiller(), touched: true };
          edits.push({ kind, removed: old.text, inserted: p.sentences[at].text });
        } else {
          p.sentences.splice(at, 1);
          const q =
            paras[
              pick(
                rng,
                bodyParas().filter((i) => paras[i] !== p),
              )
            ];
          old.touched = true;
          q.sentences.splice(Math.floor(rng() * (q.sentences.length + 1)), 0, old);
          edits.push({ kind, removed: old.text, inserted: old.text });
        }
      }
    }
  }
  return { text: paras.map((p) => p.sentences.map((s) => s.text).join('')).join('\n'), edits };
}
