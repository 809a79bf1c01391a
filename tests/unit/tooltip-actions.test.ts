/**
 * The tooltip's buttons act only on the reader's own gesture: a page script's element.click() or a dispatched
 * event is not trusted and does nothing (issue 13). What a trusted click does is checked in Chromium
 * (tests/e2e/tooltip-actions.test.ts); here the positive path runs on an event marked trusted by hand, which
 * happy-dom allows and browsers do not.
 */
import { describe, expect, it, vi } from 'vitest';
import { clipCard } from '../../lib/clipping/clip-card';
import { trustedButton } from '../../lib/reading/dom';
import { mentionActions } from '../../lib/reading/tooltip-actions';
import type { Mention } from '../../lib/rules/types';

const mention: Mention = { category: 'formulation', text: '“两张皮”', start: 0, end: 5, ruleId: 'x', key: '两张皮' };

function trustedClick(el: Element): void {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

const edits = () => ({
  hide: vi.fn(async () => ({})),
  correct: vi.fn(async () => ({})),
  trail: vi.fn(async () => ({})),
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('tooltip buttons', () => {
  it('ignore untrusted clicks: element.click() and dispatched events do nothing', async () => {
    const act = vi.fn();
    const b = trustedButton(document, 'x', act);
    b.click();
    b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(act).not.toHaveBeenCalled();
    trustedClick(b);
    expect(act).toHaveBeenCalledTimes(1);
  });

  it('hide and wrong category send nothing for a synthetic click', async () => {
    const e = edits();
    const close = vi.fn();
    const box = mentionActions(document, mention, e, close) as HTMLElement;
    document.body.append(box);
    for (const b of box.querySelectorAll('button')) b.click();
    await settle();
    expect(e.hide).not.toHaveBeenCalled();
    expect(e.trail).not.toHaveBeenCalled();
    // "Wrong category" did not even open its list.
    expect(box.querySelector('[data-category]')).toBeNull();
    box.remove();
  });

  it('hide sends the term without quotes and closes; wrong category offers the other categories', async () => {
    const e = edits();
    const close = vi.fn();
    const box = mentionActions(document, mention, e, close) as HTMLElement;
    trustedClick(box.querySelector('[data-action="hide"]')!);
    await settle();
    expect(e.hide).toHaveBeenCalledWith('两张皮');
    expect(close).toHaveBeenCalled();

    const again = mentionActions(document, mention, e, close) as HTMLElement;
    trustedClick(again.querySelector('[data-action="wrong"]')!);
    const offered = [...again.querySelectorAll<HTMLElement>('[data-category]')].map((b) => b.dataset.category);
    expect(offered).toEqual(['program', 'document', 'meeting', 'target', 'result']);
    again.querySelector<HTMLElement>('[data-category="program"]')!.click();
    await settle();
    expect(e.correct).not.toHaveBeenCalled();
    trustedClick(again.querySelector('[data-category="program"]')!);
    await settle();
    expect(e.correct).toHaveBeenCalledWith('两张皮', 'program');
  });

  it('"across speeches" asks for the term\'s trail (the side panel does the rest) and closes', async () => {
    const e = edits();
    const close = vi.fn();
    const box = mentionActions(document, mention, e, close) as HTMLElement;
    trustedClick(box.querySelector('[data-action="trail"]')!);
    await settle();
    expect(e.trail).toHaveBeenCalledWith('两张皮');
    expect(e.hide).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalled();
  });

  it('says why when an edit fails, and keeps the tooltip open', async () => {
    const close = vi.fn();
    const box = mentionActions(
      document,
      mention,
      { ...edits(), hide: async () => Promise.reject(new Error('nope')) },
      close,
    );
    trustedClick((box as HTMLElement).querySelector('[data-action="hide"]')!);
    await settle();
    expect(close).not.toHaveBeenCalled();
    expect((box as HTMLElement).querySelector('.msg')?.textContent).toContain('nope');
  });

  it('offers no actions for a term too long to keep', () => {
    const long = { ...mention, key: '很'.repeat(61), text: '很'.repeat(61) };
    expect(mentionActions(document, long, edits(), vi.fn())).toBeNull();
  });
});

describe('clip card', () => {
  const link = () => ({
    get: vi.fn(async (id: string) => ({ id, note: '原批注', tags: ['党建'] })),
    edit: vi.fn(async (c: { id: string; note: string; tags: string[] }) => c),
    remove: vi.fn(async () => ({ deleted: true })),
  });

  it('shows note and tags; untrusted edit and delete clicks do nothing', async () => {
    const l = link();
    const gone = vi.fn();
    const card = clipCard(document, 'c1', l, gone);
    await settle();
    expect(card.textContent).toContain('原批注');
    expect(card.textContent).toContain('#党建');
    card.querySelector<HTMLElement>('[data-action="delete"]')!.click();
    card.querySelector<HTMLElement>('[data-action="edit"]')!.click();
    await settle();
    expect(l.remove).not.toHaveBeenCalled();
    expect(card.querySelector('textarea')).toBeNull();
  });

  it('edits note and tags (split on commas, spaces kept inside a tag) and deletes on trusted clicks', async () => {
    const l = link();
    const gone = vi.fn();
    const card = clipCard(document, 'c1', l, gone);
    await settle();
    trustedClick(card.querySelector('[data-action="edit"]')!);
    card.querySelector('textarea')!.value = '新批注';
    card.querySelector('input')!.value = '基层，党建 调研 , party building';
    trustedClick(card.querySelector('[data-action="save"]')!);
    await settle();
    expect(l.edit).toHaveBeenCalledWith({ id: 'c1', note: '新批注', tags: ['基层', '党建 调研', 'party building'] });
    expect(card.textContent).toContain('新批注');
    trustedClick(card.querySelector('[data-action="delete"]')!);
    await settle();
    expect(l.remove).toHaveBeenCalledWith('c1');
    expect(gone).toHaveBeenCalled();
  });
});
