import { describe, expect, it } from 'vitest';
import { placeClipButton, type Box } from '../../lib/clipping/button-position';

const SIZE = { width: 60, height: 28 };
const VIEW = { width: 1000, height: 700 };
const line = (top: number, left = 100, right = 900, height = 24): Box => ({ left, top, right, bottom: top + height });
const covers = (p: { top: number; left: number }, lines: Box[]) =>
  lines.some(
    (l) => p.left < l.right && l.left < p.left + SIZE.width && p.top < l.bottom && l.top < p.top + SIZE.height,
  );

describe('the Clip button never covers the selected lines', () => {
  it('goes below the last line when there is room', () => {
    const lines = [line(100), line(130)];
    const p = placeClipButton(lines, SIZE, VIEW);
    expect(p.top).toBeGreaterThanOrEqual(154);
    expect(covers(p, lines)).toBe(false);
  });

  it('goes above the first line when the selection ends at the bottom of the view, not onto an earlier selected line', () => {
    const lines = [line(600), line(630), line(660)];
    const p = placeClipButton(lines, SIZE, VIEW);
    expect(p.top + SIZE.height).toBeLessThanOrEqual(600);
    expect(covers(p, lines)).toBe(false);
  });

  it('goes beside the selection when it fills the view from top to bottom but leaves a margin', () => {
    const lines = Array.from({ length: 28 }, (_, i) => line(i * 25, 100, 700));
    const p = placeClipButton(lines, SIZE, VIEW);
    expect(covers(p, lines)).toBe(false);
    expect(p.left + SIZE.width <= 100 || p.left >= 700).toBe(true);
    expect(p.top + SIZE.height).toBeLessThanOrEqual(VIEW.height);
  });

  it('stays inside the viewport', () => {
    const lines = [line(100, 950, 995)];
    const p = placeClipButton(lines, SIZE, VIEW);
    expect(p.left + SIZE.width).toBeLessThanOrEqual(VIEW.width);
    expect(covers(p, lines)).toBe(false);
  });
});
