import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupClips, type PopupClipsDeps } from '../../components/library/PopupClips';
import { makeClip } from '../fixtures/reviewing/clips';
import type { Clip } from '../../lib/clips/types';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function waitFor<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${container.textContent}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function fakeDeps(url: string | undefined, clips: Clip[], orphanIds: string[] = []) {
  const revealed: Array<[number, string]> = [];
  let push: ((clips: Clip[]) => void) | undefined;
  const deps: PopupClipsDeps = {
    resolveTarget: async () => ({ id: 7, url }),
    subscribePage: (_url, onClips) => {
      push = onClips;
      onClips(clips);
      return () => (push = undefined);
    },
    orphans: async () => new Set(orphanIds),
    reveal: async (tabId, id) => void revealed.push([tabId, id]),
  };
  return { deps, revealed, push: (next: Clip[]) => push?.(next) };
}

describe('PopupClips', () => {
  it("lists this page's clips, marks orphans, and reveals a clip in the page on click", async () => {
    const clips = [makeClip({ text: '第一段摘录' }), makeClip({ text: '第二段摘录', tags: ['重点'] })];
    const { deps, revealed, push } = fakeDeps('https://www.gov.cn/a.htm', clips, [clips[1].id]);
    render(<PopupClips deps={deps} />, container);
    const buttons = await waitFor(() => {
      const found = [...container.querySelectorAll<HTMLButtonElement>('.tifa-popup-clip')];
      return found.length === 2 && found;
    }, 'two clips');
    expect(buttons.map((b) => b.querySelector('.tifa-popup-clip-text')!.textContent)).toEqual([
      '第一段摘录',
      '第二段摘录',
    ]);
    await waitFor(() => container.querySelector('.tifa-popup-orphan'), 'the orphan mark');
    expect(buttons[1].textContent).toContain('library_orphan');
    expect(buttons[1].textContent).toContain('#重点');
    buttons[0].click();
    await waitFor(() => revealed.length === 1, 'reveal');
    expect(revealed).toEqual([[7, clips[0].id]]);
    // Live: a clip deleted elsewhere disappears.
    push([clips[0]]);
    await waitFor(() => container.querySelectorAll('.tifa-popup-clip').length === 1, 'the live update');
  });

  it('says what to do on a page without clips, and when there is no web page', async () => {
    render(<PopupClips deps={fakeDeps('https://www.gov.cn/b.htm', []).deps} />, container);
    await waitFor(() => container.textContent?.includes('library_popupEmpty'), 'the empty state');
    render(null, container);
    render(<PopupClips deps={fakeDeps('chrome://newtab/', []).deps} />, container);
    await waitFor(() => container.textContent?.includes('library_popupNoPage'), 'the no-page state');
  });
});
