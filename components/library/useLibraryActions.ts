import { useCallback, useMemo } from 'preact/hooks';
import type { Clip } from '../../lib/clips/types';
import type { ClipPatch } from '../../lib/clips/schema';
import { ImportError, parseImportFile } from '../../lib/import';
import { describeSkipped } from './importReport';
import { tl } from './i18n';
import type { LibrarySource } from './source';
import type { LibraryAction } from './state';

export interface LibraryActions {
  save(id: string, patch: ClipPatch): Promise<void>;
  remove(ids: string[]): Promise<void>;
  undoDelete(ids: string[]): Promise<void>;
  addTag(clips: Clip[], tag: string): Promise<void>;
  importFile(file: File): Promise<void>;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The writes the Library tab makes through its source; failures become a notice, never a thrown error. */
export function useLibraryActions(source: LibrarySource, dispatch: (action: LibraryAction) => void): LibraryActions {
  const fail = useCallback(
    (err: unknown) => dispatch({ type: 'notice', notice: { kind: 'error', text: messageOf(err) } }),
    [dispatch],
  );
  const info = useCallback((text: string) => dispatch({ type: 'notice', notice: { kind: 'info', text } }), [dispatch]);

  // One object per source, so that rows memoised on `save` are not re-rendered on every keystroke.
  return useMemo<LibraryActions>(
    () => ({
      async save(id, patch) {
        try {
          await source.update(id, patch);
        } catch (err) {
          fail(err);
        }
      },
      async remove(ids) {
        if (ids.length === 0) return;
        try {
          dispatch({ type: 'deleted', ids: await source.remove(ids) });
        } catch (err) {
          fail(err);
        }
      },
      async undoDelete(ids) {
        dispatch({ type: 'undoDone' });
        try {
          const { skipped } = await source.restore(ids);
          if (skipped.length) info(tl('library_restoreSkipped', { n: skipped.length }));
        } catch (err) {
          fail(err);
        }
      },
      async addTag(clips, value) {
        const tag = value.trim();
        if (!tag || clips.length === 0) return;
        try {
          await source.updateMany(
            clips.map((c) => c.id),
            { addTags: [tag] },
          );
          dispatch({ type: 'bulkTag', tag: '' });
          info(tl('library_bulkTagged', { tag, n: clips.length }));
        } catch (err) {
          fail(err);
        }
      },
      async importFile(file) {
        try {
          const { clips: incoming, skipped: left } = parseImportFile(await file.text());
          const { added, skipped } = await source.importClips(incoming);
          // What other tools' files held that Tifa could not take is reported, one reason per annotation.
          info([tl('library_imported', { added, skipped }), describeSkipped(left)].filter(Boolean).join(' '));
        } catch (err) {
          const key = err instanceof ImportError ? 'library_importInvalid' : 'library_importFailed';
          dispatch({
            type: 'notice',
            notice: { kind: 'error', text: tl(key, { name: file.name, reason: messageOf(err) }) },
          });
        }
      },
    }),
    [source, dispatch, fail, info],
  );
}
