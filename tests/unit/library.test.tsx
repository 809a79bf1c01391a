import Dexie from 'dexie';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryView } from '../../components/library/LibraryView';
import { createDexieSource, pointKeys, type ClipWriter } from '../../components/library/source';
import { ClipStore } from '../../lib/store/clip-store';
import { ClipDatabase } from '../../lib/store/db';
import { RangeSet } from 'dexie';
import { makeClip } from '../fixtures/reviewing/clips';
import type { Clip } from '../../lib/clips/types';

let dbName: string;
let store: ClipStore;
let readDb: ClipDatabase;
let container: HTMLElement;

function storeWriter(s: ClipStore): ClipWriter {
  return {
    update: async (id, patch) => void (await s.update(id, patch)),
    updateMany: async (ids, change) => void (await s.updateMany(ids, change)),
    remove: (ids) => s.delete(ids),
    restore: (ids) => s.restore(ids),
    importClips: (clips) => s.import(clips),
  };
}

beforeEach(() => {
  localStorage.clear(); // the view remembers "by speech / by date" there
  dbName = `library-test-${Math.random().toString(36).slice(2)}`;
  store = new ClipStore(() => new ClipDatabase(dbName));
  // The view reads through its own connection, as the side panel does next to the background's.
  readDb = new ClipDatabase(dbName);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  render(null, container);
  container.remove();
  readDb.close();
  store.database.close();
  await Dexie.delete(dbName);
});

async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; DOM: ${container.textContent?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const $ = <E extends Element = HTMLElement>(sel: string) => container.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...container.querySelectorAll<E>(sel)];
const shownClipIds = () => $$('[data-clip-id]').map((el) => el.dataset.clipId);
const button = (label: string) =>
  $$<HTMLButtonElement>('button').find(
    (b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label,
  );

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function mount(clips: Clip[]): Promise<void> {
  if (clips.length) await store.import(clips);
  render(<LibraryView source={createDexieSource(readDb, storeWriter(store))} />, container);
  await waitFor(() => $('.tifa-lib[data-loaded="complete"]'), 'the library to load');
}

const speechA = 'https://www.gov.cn/a.htm';
const speechB = 'https://www.gov.cn/b.htm';

function library(): Clip[] {
  return [
    makeClip({
      url: speechA,
      speechTitle: '在全省乡村振兴工作会议上的讲话',
      text: '实施“千村头雁”培育工程，选好配强村党组织书记。',
      tags: ['乡村振兴'],
      created: 3_000,
    }),
    makeClip({
      url: speechA,
      speechTitle: '在全省乡村振兴工作会议上的讲话',
      text: '坚持和加强党的全面领导。',
      color: 'green',
      created: 2_000,
    }),
    makeClip({
      url: speechB,
      speechTitle: '政府工作报告',
      text: '<b>不是标签</b>，是文字：推动高质量发展。',
      note: '注意',
      tags: ['发展'],
      created: 1_000,
    }),
  ];
}

describe('LibraryView', () => {
  it('tells a new user what to do when the library is empty', async () => {
    await mount([]);
    expect($('.tifa-lib-empty')?.textContent).toContain('library_emptyTitle');
    expect($('.tifa-lib-empty')?.textContent).toContain('library_emptyHowTo');
    expect(button('library_import')).toBeTruthy();
  });

  it('groups clips by speech with collapsible headers, and lists them by date on request', async () => {
    const clips = library();
    await mount(clips);
    const groups = $$('.tifa-lib-group-title').map((el) => el.textContent);
    expect(groups).toEqual(['在全省乡村振兴工作会议上的讲话', '政府工作报告']);
    expect(shownClipIds()).toHaveLength(3);
    const toggle = $$<HTMLButtonElement>('.tifa-lib-group-toggle')[0];
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await waitFor(() => shownClipIds().length === 1, 'the group to collapse');
    expect($$('.tifa-lib-group-toggle')[0].getAttribute('aria-expanded')).toBe('false');
    button('library_byDate')!.click();
    await waitFor(() => shownClipIds().length === 3, 'the list by date');
    expect(shownClipIds()).toEqual([clips[0].id, clips[1].id, clips[2].id]);
    expect($('.tifa-lib-group')).toBeNull();
  });

  it('searches as you type with a two-character Chinese query and highlights matches as text', async () => {
    const clips = library();
    await mount(clips);
    type($<HTMLInputElement>('input[type="search"]')!, '头雁');
    await waitFor(() => shownClipIds().length === 1, 'search results');
    expect(shownClipIds()).toEqual([clips[0].id]);
    expect($$('mark').map((m) => m.textContent)).toEqual(['头雁']);
    // Traditional form of a query term, and a hit in tags.
    type($<HTMLInputElement>('input[type="search"]')!, '發展');
    await waitFor(() => shownClipIds().length === 1 && shownClipIds()[0] === clips[2].id, 'search by traditional form');
    // Clip text that looks like markup stays text.
    expect($('.tifa-lib-text b')).toBeNull();
    expect($('.tifa-lib-text')!.textContent).toContain('<b>不是标签</b>');
  });

  it('shows a helpful empty state when nothing matches, with a way back', async () => {
    await mount(library());
    type($<HTMLInputElement>('input[type="search"]')!, '不存在的词');
    await waitFor(() => $('.tifa-lib-empty'), 'the no-match state');
    button('library_clearSearch')!.click();
    await waitFor(() => shownClipIds().length === 3, 'all clips again');
  });

  it('filters by tag and colour with counts, combinable, and removable as chips', async () => {
    const clips = library();
    await mount(clips);
    button('library_filters')!.click();
    const tagFacet = await waitFor(() => $('[data-facet="tag"]'), 'the tag facet');
    const labels = [...tagFacet.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels.sort()).toEqual(['乡村振兴1', '发展1'].sort());
    const label = [...tagFacet.querySelectorAll('label')].find((l) => l.textContent?.startsWith('乡村振兴'))!;
    (label.querySelector('input') as HTMLInputElement).click();
    await waitFor(() => shownClipIds().length === 1, 'the tag filter');
    expect(shownClipIds()).toEqual([clips[0].id]);
    expect($('.tifa-lib-active')!.textContent).toContain('乡村振兴');
    // Combine with a colour that no tagged clip has: nothing left.
    const green = $<HTMLInputElement>('[data-facet="color"] [data-color="green"] input')!;
    green.click();
    await waitFor(() => $('.tifa-lib-empty'), 'no clip with both');
    // Remove the tag through its chip: the green clip remains.
    $$<HTMLButtonElement>('.tifa-lib-chip button')[0].click();
    await waitFor(() => shownClipIds().length === 1 && shownClipIds()[0] === clips[1].id, 'colour filter only');
  });

  it('edits note, tags (with completion) and colour inline, saving to the store', async () => {
    const clips = library();
    await mount(clips);
    const row = $$('.tifa-lib-clip').find((el) => el.dataset.clipId === clips[1].id)!;
    (row.querySelector('[aria-label="library_edit"]') as HTMLButtonElement).click();
    const editor = await waitFor(() => $('.tifa-lib-editor'), 'the editor');
    const options = [...editor.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value);
    expect(options.sort()).toEqual(['乡村振兴', '发展'].sort());
    type(editor.querySelector('textarea')!, '要点：全面领导');
    const tagInput = editor.querySelector<HTMLInputElement>('.tifa-lib-tag-input')!;
    type(tagInput, '党建');
    tagInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(() => $('.tifa-lib-editor .tifa-lib-tag')?.textContent?.includes('党建'), 'the new tag to show');
    $<HTMLInputElement>('.tifa-lib-editor [data-color="purple"] input')!.click();
    await waitFor(() => $('.tifa-lib-editor')?.dataset.color === 'purple', 'the colour to change');
    button('library_done')!.click();
    await waitFor(() => !$('.tifa-lib-editor'), 'the editor to close');
    const stored = await store.get(clips[1].id);
    expect(stored).toMatchObject({ note: '要点：全面领导', tags: ['党建'], color: 'purple' });
    await waitFor(() => $$('.tifa-lib-note').some((n) => n.textContent === '要点：全面领导'), 'the note in the list');
  });

  it('deletes with undo', async () => {
    const clips = library();
    await mount(clips);
    const row = $$('.tifa-lib-clip').find((el) => el.dataset.clipId === clips[2].id)!;
    (row.querySelector('[aria-label="library_delete"]') as HTMLButtonElement).click();
    await waitFor(() => shownClipIds().length === 2, 'the clip to go');
    expect(await store.get(clips[2].id)).toBeNull();
    expect($('.tifa-lib-toast')!.textContent).toContain('library_deleted');
    button('library_undo')!.click();
    await waitFor(() => shownClipIds().length === 3, 'the clip to come back');
    expect(await store.get(clips[2].id)).toEqual(clips[2]);
  });

  it('selects several clips to tag or delete them together', async () => {
    const clips = library();
    await mount(clips);
    for (const id of [clips[0].id, clips[2].id]) {
      (
        $$('.tifa-lib-clip')
          .find((el) => el.dataset.clipId === id)!
          .querySelector('input[type="checkbox"]') as HTMLInputElement
      ).click();
    }
    const bulk = await waitFor(() => $('.tifa-lib-bulk'), 'the selection bar');
    type(bulk.querySelector('input')!, '重点');
    (await waitFor(() => !button('library_addTag')?.disabled && button('library_addTag'), 'the add button'))!.click();
    await waitFor(() => $('.tifa-lib-notice'), 'confirmation');
    expect((await store.get(clips[0].id))!.tags).toEqual(['乡村振兴', '重点']);
    expect((await store.get(clips[2].id))!.tags).toEqual(['发展', '重点']);
    expect((await store.get(clips[1].id))!.tags).toEqual([]);
    button('library_deleteSelected')!.click();
    await waitFor(() => shownClipIds().length === 1, 'the selection to be deleted');
    expect(await store.database.clips.count()).toBe(1);
  });

  it('shows changes made elsewhere (another tab, the background) live', async () => {
    await mount(library());
    await store.import([makeClip({ url: speechB, speechTitle: '政府工作报告', text: '新的一条摘录：扩大内需。' })]);
    await waitFor(() => shownClipIds().length === 4, 'the new clip');
    const [first] = await store.database.clips.toArray();
    await store.update(first.id, { note: '别处写的笔记' });
    await waitFor(() => $$('.tifa-lib-note').some((n) => n.textContent === '别处写的笔记'), 'the edit from elsewhere');
    await store.delete([first.id]);
    await waitFor(() => shownClipIds().length === 3, 'the deletion from elsewhere');
  });

  it('"/" focuses the search box; Esc closes the export dialog', async () => {
    await mount(library());
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
    expect(document.activeElement).toBe($('input[type="search"]'));
    // The hidden file input is opened by the Import button, not an invisible tab stop of its own.
    expect($<HTMLInputElement>('input[type="file"]')!.tabIndex).toBe(-1);
    button('library_export')!.click();
    const dialog = await waitFor(() => $('[role="dialog"]'), 'the export dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect($$('[data-format]').map((b) => b.dataset.format)).toEqual(['docx', 'markdown', 'csv', 'json', 'w3c']);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => !$('[role="dialog"]'), 'the dialog to close');
  });

  it('moves through the list with the keyboard and acts on the focused clip', async () => {
    const clips = library();
    await mount(clips);
    // Rows are positioned, so DOM order may differ from list order: index them by data-index.
    const rows = () =>
      $$<HTMLElement>('.tifa-lib-vrow').sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    // One row is in the tab order at a time (roving tabindex); its buttons follow it.
    expect(rows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
    rows()[0].focus();
    rows()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await waitFor(() => document.activeElement === rows()[1], 'focus on the next row');
    expect(rows()[1].querySelector<HTMLButtonElement>('[aria-label="library_edit"]')!.tabIndex).toBe(0);
    expect(rows()[2].querySelector<HTMLButtonElement>('[aria-label="library_edit"]')!.tabIndex).toBe(-1);
    rows()[1].dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await waitFor(() => $('.tifa-lib-bulk'), 'selection by Space');
    const editedId = rows()[1].querySelector('.tifa-lib-clip')!.getAttribute('data-clip-id');
    rows()[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(() => $('.tifa-lib-editor'), 'the editor by Enter');
    $<HTMLTextAreaElement>('.tifa-lib-editor textarea')!.focus();
    $('.tifa-lib-editor textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => !$('.tifa-lib-editor'), 'Esc to close the editor');
    // The focus goes back to the clip's row, not to the page body: the keyboard user keeps their place.
    await waitFor(
      () =>
        (document.activeElement as HTMLElement).querySelector?.('.tifa-lib-clip')?.getAttribute('data-clip-id') ===
        editedId,
      'focus back on the edited row',
    );
    expect(document.activeElement).toBe(rows()[1]);
    // Collapsing a speech from its header row.
    rows()[0].focus();
    rows()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(() => shownClipIds().length === 1, 'the group to collapse');
  });

  it('labels every icon-only button', async () => {
    await mount(library());
    const unlabeled = $$<HTMLButtonElement>('button').filter(
      (b) => !b.textContent?.trim() && !b.getAttribute('aria-label'),
    );
    expect(unlabeled.map((b) => b.outerHTML)).toEqual([]);
  });

  it('refuses a malformed import with a clear error and writes nothing', async () => {
    await mount(library());
    const input = $<HTMLInputElement>('input[type="file"]')!;
    const bad = new File([JSON.stringify({ format: 'tifa-backup', version: 1, clips: [{ id: 'x' }] })], 'bad.json', {
      type: 'application/json',
    });
    Object.defineProperty(input, 'files', { value: [bad], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const alert = await waitFor(() => $('[role="alert"]'), 'the error');
    expect(alert.textContent).toContain('library_importInvalid');
    expect(await store.database.clips.count()).toBe(3);
  });
});

describe('pointKeys', () => {
  it('lists single keys and gives up on real ranges', () => {
    expect(pointKeys(new RangeSet().addKeys(['b', 'a', 'c']))?.sort()).toEqual(['a', 'b', 'c']);
    expect(pointKeys(new RangeSet('a', 'z'))).toBeUndefined();
    expect(pointKeys({ d: 0 })).toEqual([]);
    // Trees that crossed a BroadcastChannel are plain objects.
    expect(pointKeys(JSON.parse(JSON.stringify(new RangeSet().addKeys(['x', 'y']))))?.sort()).toEqual(['x', 'y']);
  });
});
