/**
 * Issue 12 in the library and the side panel, rendered with happy-dom and the background mocked at the
 * transport: clip rows ask for their similar-passage counts in ONE batch and show a badge that opens the
 * variants; the variants group names each speech and marks what differs; a trail request (from a mention's
 * tooltip or the page index) opens the trail view and searches the term at once.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipRow } from '../../components/library/ClipRow';
import { useSimilarCounts } from '../../components/library/useSimilarCounts';
import { SimilarView } from '../../components/similar/SimilarView';
import { Variants } from '../../components/similar/Variants';
import type { Clip } from '../../lib/clips/types';
import { makeClip } from '../fixtures/reviewing/clips';

const sendToBackground = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messages/transport', () => ({ sendToBackground, listen: () => () => undefined }));
vi.mock('../../lib/reading/targetTab', () => ({ resolveTargetTab: async () => null }));

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  sendToBackground.mockReset();
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

function Rows({ clips, onSimilar }: { clips: Clip[]; onSimilar(id: string): void }) {
  const countOf = useSimilarCounts();
  return (
    <>
      {clips.map((clip) => (
        <ClipRow
          key={clip.id}
          clip={clip}
          query=""
          selected={false}
          active={false}
          grouped={false}
          similarCount={countOf(clip)}
          onToggleSelect={() => undefined}
          onEdit={() => undefined}
          onSimilar={onSimilar}
          onDelete={() => undefined}
        />
      ))}
    </>
  );
}

describe('similar-passage badges on clip rows', () => {
  it('asks for every shown row in one message, badges only counts above zero, and opens the variants', async () => {
    const clips = [
      makeClip({ text: '甲段落文字' }),
      makeClip({ text: '乙段落文字' }),
      makeClip({ text: '丙段落文字' }),
    ];
    sendToBackground.mockImplementation(async (kind: string, req: { clips: { id: string }[] }) => {
      expect(kind).toBe('similar.counts');
      return { counts: req.clips.map((c, i) => ({ id: c.id, count: [3, 0, 1][i] })) };
    });
    const onSimilar = vi.fn();
    render(<Rows clips={clips} onSimilar={onSimilar} />, container);
    await settle();
    expect(sendToBackground).toHaveBeenCalledTimes(1);
    expect(sendToBackground.mock.calls[0][1].clips.map((c: { text: string }) => c.text)).toEqual([
      '甲段落文字',
      '乙段落文字',
      '丙段落文字',
    ]);
    const badges = [...container.querySelectorAll<HTMLButtonElement>('.tifa-lib-similar-badge')];
    expect(badges.map((b) => b.closest('[data-clip-id]')?.getAttribute('data-clip-id'))).toEqual([
      clips[0].id,
      clips[2].id,
    ]);
    expect(badges.map((b) => b.dataset.similarCount)).toEqual(['3', '1']);
    badges[0].click();
    expect(onSimilar).toHaveBeenCalledWith(clips[0].id);
    // Re-rendering the same rows asks nothing more; an edited clip is asked again.
    render(
      <Rows clips={[...clips.slice(0, 2), { ...clips[2], text: '丙段落改过' }]} onSimilar={onSimilar} />,
      container,
    );
    await settle();
    expect(sendToBackground).toHaveBeenCalledTimes(2);
    expect(sendToBackground.mock.calls[1][1].clips.map((c: { id: string }) => c.id)).toEqual([clips[2].id]);
  });
});

describe('a clip and its variants as one group', () => {
  it("lists each history passage under its speech's title with the differing characters marked", () => {
    const clip = '青山县坚持以人民为中心，今年新增就业岗位3000个，扎实推进共同富裕。';
    const passages = [
      {
        pageId: 1,
        title: '绿水县政府工作报告',
        url: 'https://lvshui.example.org/r.html',
        date: '2024',
        text: '绿水县坚持以人民为中心，今年新增就业岗位5000个，扎实推进共同富裕。',
        label: 'variant' as const,
        score: 0.9,
      },
    ];
    render(<Variants clipText={clip} passages={passages} />, container);
    const item = container.querySelector('.tifa-variants-list li')!;
    expect(item.querySelector('a')?.textContent).toBe('绿水县政府工作报告');
    expect([...item.querySelectorAll('ins')].map((n) => n.textContent)).toEqual(['绿水', '5']);
    expect(item.querySelector('del')).toBeNull();
  });
});

describe('the trail reached from a tooltip or the page index', () => {
  it('opens on the trail view and searches the term at once', async () => {
    sendToBackground.mockResolvedValue({
      total: 2,
      firstSeen: '2023-03-05',
      entries: [{ url: 'https://a.example.org/', title: '政府工作报告', date: '2023-03-05', count: 2, clips: 0 }],
    });
    render(<SimilarView trail={{ query: '千万工程', seq: 1 }} />, container);
    await settle();
    expect(sendToBackground).toHaveBeenCalledWith('mentions.trail', { query: '千万工程' });
    expect(container.querySelector<HTMLInputElement>('.tifa-similar-trail input')?.value).toBe('千万工程');
    expect(container.querySelector('.tifa-similar-trail-list')?.textContent).toContain('政府工作报告');
  });
});
