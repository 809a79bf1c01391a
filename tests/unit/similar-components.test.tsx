/**
 * The compare and side-by-side views (issue 12) rendered with happy-dom from real engine output: mentions added
 * and dropped on top, changed paragraphs with <del>/<ins>, moved rows, unchanged rows hidden until asked for.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompareView } from '../../components/similar/CompareView';
import { SideBySide } from '../../components/similar/SideBySide';
import { compareTexts } from '../../lib/compare/compare';
import { diffText } from '../../lib/similarity/align';

const A =
  '坚持以人民为中心的发展思想，扎实推进共同富裕，着力解决好人民群众急难愁盼问题，让改革发展成果更多更公平惠及全体人民。';
const B =
  '深入实施创新驱动发展战略，加快建设科技强省，推动科技创新和产业创新深度融合，培育壮大战略性新兴产业和未来产业。';
const C =
  '全面推进乡村振兴，实施“千村头雁”培育工程，因地制宜发展乡村特色产业，持续巩固拓展脱贫攻坚成果，守牢不发生规模性返贫致贫底线。';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CompareView', () => {
  it('shows added and dropped mentions, marks edits, and hides unchanged paragraphs until asked', async () => {
    const older = `一、总体要求\n${A}\n${B}\n二、重点任务\n${C}`;
    const newer = `一、总体要求\n${A.replace('扎实推进', '稳步推进')}\n二、重点任务\n${C.replace('实施“千村头雁”培育工程', '学习运用“千万工程”经验')}\n${B}`;
    render(<CompareView comparison={compareTexts(older, newer)} />, container);
    expect(container.querySelector('.tifa-compare-added dd')?.textContent).toContain('千万工程');
    expect(container.querySelector('.tifa-compare-dropped dd')?.textContent).toContain('千村头雁');
    const changed = [...container.querySelectorAll('[data-kind="changed"]')];
    expect(changed.length).toBe(2);
    expect(changed[0].querySelector('del')?.textContent).toBe('扎实');
    expect(changed[0].querySelector('ins')?.textContent).toBe('稳步');
    expect(container.querySelectorAll('[data-kind="moved"]').length).toBe(1);
    expect(container.querySelector('[data-kind="same"]')).toBeNull();
    expect([...container.querySelectorAll('.tifa-compare-section h3')].map((h) => h.textContent)).toEqual([
      '一、总体要求',
      '二、重点任务',
    ]);
    const toggle = container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    expect(container.querySelectorAll('[data-kind="same"]').length).toBeGreaterThan(0);
  });
});

describe('SideBySide', () => {
  it('marks in each column what the other does not have', () => {
    const other = '青山县要加快建设现代化产业体系，今年新增规上工业企业50家。';
    const page = '河西县要加快建设现代化产业体系，今年新增规上工业企业80家。';
    render(
      <SideBySide
        pair={{
          label: 'variant',
          score: 0.9,
          ops: diffText(other, page),
          other: { pageId: 1, url: 'https://a.gov.cn/', title: '青山县讲话', text: other },
        }}
      />,
      container,
    );
    expect(container.querySelector('header')?.textContent).toContain('青山县讲话');
    const left = container.querySelector('[data-side="other"]')!;
    const right = container.querySelector('[data-side="page"]')!;
    expect([...left.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['青山', '5']);
    expect([...right.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['河西', '8']);
    expect(left.querySelector('ins')).toBeNull();
    expect(right.textContent).toBe(page);
  });
});
