import type { DiffOp } from '../../lib/similarity/align';
import { tl } from '../library/i18n';

/**
 * One side (or both, inline) of a character diff, as text nodes inside <del>/<ins> — never markup from the
 * texts. `side`: 'left' shows equal + deleted, 'right' equal + inserted, 'inline' all three.
 */
export function DiffText({ ops, side }: { ops: readonly DiffOp[]; side: 'left' | 'right' | 'inline' }) {
  return (
    <>
      {ops.map(([op, text], i) => {
        if (op === 0) return text;
        if (op < 0 && side !== 'right')
          return (
            <del key={i} title={tl('similar_deleted')}>
              {text}
            </del>
          );
        if (op > 0 && side !== 'left')
          return (
            <ins key={i} title={tl('similar_inserted')}>
              {text}
            </ins>
          );
        return null;
      })}
    </>
  );
}
