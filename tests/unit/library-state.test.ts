import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  initialLibraryState,
  libraryReducer,
  type LibraryAction,
} from '../../components/library/state';
import { emptyFilter } from '../../lib/search/facets';
import type { Clip } from '../../lib/clips/types';

const run = (...actions: LibraryAction[]) => actions.reduce(libraryReducer, initialLibraryState('speech'));

describe('the Library tab state', () => {
  it('drops deleted clips from the selection and closes their editor, offering undo', () => {
    const state = run(
      { type: 'toggleSelect', id: 'a' },
      { type: 'toggleSelect', id: 'b' },
      { type: 'edit', id: 'b' },
      { type: 'notice', notice: { kind: 'info', text: 'old' } },
      { type: 'deleted', ids: ['b'] },
    );
    expect([...state.selected]).toEqual(['a']);
    expect(state.editing).toBeNull();
    expect(state.undo).toEqual({ ids: ['b'] });
    expect(state.notice).toBeNull();
  });

  it('keeps an editor open when other clips are deleted', () => {
    expect(run({ type: 'edit', id: 'a' }, { type: 'deleted', ids: ['b'] }).editing).toBe('a');
  });

  it('closes the editor when the filters change, and toggles facet values on and off', () => {
    const on = run({ type: 'edit', id: 'a' }, { type: 'toggleFacet', facet: 'tag', value: '党建' });
    expect(on.editing).toBeNull();
    expect(on.filter.tag).toEqual(['党建']);
    expect(activeFilterCount(on.filter)).toBe(1);
    const off = libraryReducer(on, { type: 'toggleFacet', facet: 'tag', value: '党建' });
    expect(off.filter.tag).toEqual([]);
    expect(activeFilterCount(libraryReducer(off, { type: 'dates', from: '2025-01-01', to: '' }).filter)).toBe(1);
  });

  it('shows one clip from the similar-passages dialog: its speech alone, by speech, its editor open', () => {
    const clip = { id: 'c1', url: 'http://www.gov.cn/speech.html' } as Clip;
    const state = run(
      { type: 'query', query: '党建' },
      { type: 'mode', mode: 'date' },
      { type: 'dialog', dialog: { kind: 'similar', clipId: 'x' } },
      { type: 'showClip', clip },
    );
    expect(state).toMatchObject({ query: '', mode: 'speech', dialog: null, editing: 'c1' });
    expect(state.filter).toEqual({ ...emptyFilter(), speech: [clip.url] });
  });

  it('folds and unfolds speech groups', () => {
    const folded = run({ type: 'toggleGroup', key: 'g' });
    expect(folded.collapsed.has('g')).toBe(true);
    expect(libraryReducer(folded, { type: 'toggleGroup', key: 'g' }).collapsed.has('g')).toBe(false);
  });
});
