import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeClipOutcome } from '../../lib/clipping/outcome-message';
import { ClipSectionButton, SectionClipOutcome } from '../../components/page/SectionClip';
import { makeClip } from '../fixtures/reviewing/clips';

// Outside the extension t() returns the key itself, so the messages are checked by key.
describe('describeClipOutcome', () => {
  const clip = makeClip();

  it('calls saved and duplicate clips a success', () => {
    expect(describeClipOutcome({ status: 'saved', clip })).toEqual({ tone: 'ok', text: 'clippingSaved' });
    expect(describeClipOutcome({ status: 'duplicate', clip })).toEqual({ tone: 'ok', text: 'clippingDuplicate' });
  });

  it('explains refusals: nothing selected, too long (from the page or the store), storage full', () => {
    expect(describeClipOutcome({ status: 'empty' })).toEqual({ tone: 'error', text: 'clippingEmpty' });
    expect(describeClipOutcome({ status: 'error', error: '[tooLong] the selection has 25000 characters' }).text).toBe(
      'clippingTooLong',
    );
    expect(
      describeClipOutcome({ status: 'error', error: 'clips.save: text is longer than the maximum of 20000' }).text,
    ).toBe('clippingTooLong');
    expect(describeClipOutcome({ status: 'error', error: 'clips.save: [quota] storage is full' })).toEqual({
      tone: 'error',
      text: 'clippingQuota',
    });
  });

  it('passes any other error through after the generic lead', () => {
    expect(describeClipOutcome({ status: 'error', error: 'no outline item 9 on this page' })).toEqual({
      tone: 'error',
      text: 'clippingFailed no outline item 9 on this page',
    });
  });
});

describe('ClipSectionButton', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('is a labelled, focusable button that asks to clip its item', () => {
    const asked: number[] = [];
    render(<ClipSectionButton index={4} title="三要持续实施" busy={false} onClip={(i) => asked.push(i)} />, container);
    const button = container.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('clippingClipSection');
    expect(button.disabled).toBe(false);
    expect(button.tabIndex).toBe(0);
    button.click();
    expect(asked).toEqual([4]);
  });

  it('stays focusable but ignores clicks while its request is pending', () => {
    const asked: number[] = [];
    render(<ClipSectionButton index={2} title="x" busy onClip={(i) => asked.push(i)} />, container);
    const button = container.querySelector('button')!;
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    button.click();
    expect(asked).toEqual([]);
  });

  it('shows the outcome in a status region', () => {
    render(<SectionClipOutcome state={{ index: 1, phase: 'error', text: 'clippingTooLong' }} />, container);
    const status = container.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('clippingTooLong');
    expect(status.getAttribute('data-phase')).toBe('error');
  });
});
