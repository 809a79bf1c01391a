import type { Clip } from '../../lib/clips/types';
import { groupBySpeech, sortByDate, type SpeechGroup } from '../../lib/search/group';

export type LibraryMode = 'speech' | 'date';

/** One row of the virtual list: a speech header, a clip, or the open inline editor of a clip. */
export type LibraryRow =
  | { kind: 'group'; key: string; group: SpeechGroup; collapsed: boolean }
  | { kind: 'clip'; key: string; clip: Clip; grouped: boolean }
  | { kind: 'editor'; key: string; clip: Clip; grouped: boolean };

/** Fixed heights per row kind (px): the virtual list positions rows without measuring them. */
export const ROW_HEIGHT: Record<LibraryRow['kind'], number> = { group: 58, clip: 116, editor: 376 };

export const rowHeight = (row: LibraryRow): number => ROW_HEIGHT[row.kind];
export const rowKey = (row: LibraryRow): string => row.key;

export function buildRows(
  clips: readonly Clip[],
  mode: LibraryMode,
  collapsed: ReadonlySet<string>,
  editingId: string | null,
): LibraryRow[] {
  const rows: LibraryRow[] = [];
  const pushClip = (clip: Clip, grouped: boolean) => {
    if (clip.id === editingId) rows.push({ kind: 'editor', key: `e:${clip.id}`, clip, grouped });
    else rows.push({ kind: 'clip', key: `c:${clip.id}`, clip, grouped });
  };
  if (mode === 'date') {
    for (const clip of sortByDate(clips)) pushClip(clip, false);
    return rows;
  }
  for (const group of groupBySpeech(clips)) {
    const isCollapsed = collapsed.has(group.key);
    rows.push({ kind: 'group', key: `g:${group.key}`, group, collapsed: isCollapsed });
    if (!isCollapsed) for (const clip of group.clips) pushClip(clip, true);
  }
  return rows;
}
