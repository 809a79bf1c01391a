/** The options page's components (happy-dom), on fake deps: what the reader does and what gets saved. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OptionsDeps } from '../../components/options/deps';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { RuleSettings } from '../../lib/rulepacks/settings';
import { emptyCustomRules, type CustomRules } from '../../lib/rulepacks/schema';
import type { RuleToggles } from '../../lib/rulepacks/compile';

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
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${container.textContent?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function fakeDeps(initial: Partial<CustomRules> = {}, sites: string[] = []) {
  const state: RuleSettings = {
    rules: { ...emptyCustomRules(), ...initial },
    toggles: { disabledCategories: [], disabledRules: [] },
  };
  const downloads: Array<{ filename: string; content: string }> = [];
  const removedSites: string[] = [];
  let push: ((s: RuleSettings) => void) | undefined;
  const deps: OptionsDeps = {
    load: async () => structuredClone(state),
    saveRules: async (rules: CustomRules) => void (state.rules = structuredClone(rules)),
    saveToggles: async (toggles: RuleToggles) => void (state.toggles = structuredClone(toggles)),
    subscribe: (cb) => {
      push = cb;
      return () => {
        push = undefined;
      };
    },
    listSites: async () => sites.filter((s) => !removedSites.includes(s)),
    removeSite: async (p) => void removedSites.push(p),
    download: (filename, content) => void downloads.push({ filename, content }),
  };
  return { deps, state, downloads, removedSites, push: (s: RuleSettings) => push?.(s) };
}

const $ = <E extends Element = HTMLElement>(sel: string) => container.querySelector<E>(sel);
const $$ = (sel: string) => [...container.querySelectorAll<HTMLElement>(sel)];

function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
  if (!input) throw new Error('no such input');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets Preact render what the last inputs changed (its renders are queued, like a browser's between events). */
const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));

function buttonIn(root: ParentNode, label: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  return button;
}

describe('options page', { timeout: 30_000 }, () => {
  it('adds, edits and removes a custom term, and undoes the removal', async () => {
    const { deps, state } = fakeDeps();
    render(<OptionsApp deps={deps} />, container);
    const form = await waitFor(() => $<HTMLFormElement>('[data-testid="term-form"]'), 'the term form');
    type(form.querySelector('input[name="text"]'), '千万工程');
    type(form.querySelector('input[name="gloss"]'), '千村示范、万村整治');
    type(form.querySelector('input[name="aliases"]'), '“千万工程”， 千村万村');
    await rendered();
    form.requestSubmit();
    await waitFor(() => state.rules.terms.length === 1, 'the term to be saved');
    expect(state.rules.terms[0]).toEqual({
      text: '千万工程',
      category: 'program',
      gloss: '千村示范、万村整治',
      aliases: ['“千万工程”', '千村万村'],
    });

    const item = await waitFor(() => $('[data-term="千万工程"]'), 'the listed term');
    buttonIn(item, 'options_edit').click();
    await waitFor(
      () => form.querySelector<HTMLInputElement>('input[name="gloss"]')!.value === '千村示范、万村整治',
      'the draft',
    );
    type(form.querySelector('input[name="gloss"]'), '浙江“千村示范、万村整治”工程');
    await rendered();
    form.requestSubmit();
    await waitFor(() => state.rules.terms[0]?.gloss === '浙江“千村示范、万村整治”工程', 'the edit');
    expect(state.rules.terms).toHaveLength(1);

    buttonIn($('[data-term="千万工程"]')!, 'options_remove').click();
    await waitFor(() => state.rules.terms.length === 0, 'the removal');
    buttonIn(await waitFor(() => $('.tifa-options-undo'), 'the undo bar'), 'options_undo').click();
    await waitFor(() => state.rules.terms.length === 1, 'the undo');
    expect($('[data-term="千万工程"]')).not.toBeNull();
  });

  it('refuses a duplicate term with a message', async () => {
    const { deps, state } = fakeDeps({ terms: [{ text: '千万工程', category: 'program' }] });
    render(<OptionsApp deps={deps} />, container);
    const form = await waitFor(() => $<HTMLFormElement>('[data-testid="term-form"]'), 'the term form');
    type(form.querySelector('input[name="text"]'), '千万工程');
    await rendered();
    form.requestSubmit();
    await waitFor(() => $('#terms [role="alert"]'), 'the duplicate message');
    expect(state.rules.terms).toHaveLength(1);
  });

  it('tests a pattern live on sample text, shows why a bad one is refused, and saves a good one', async () => {
    const { deps, state } = fakeDeps();
    render(<OptionsApp deps={deps} />, container);
    const form = await waitFor(() => $<HTMLFormElement>('[data-testid="pattern-form"]'), 'the pattern form');
    const pattern = form.querySelector<HTMLInputElement>('input[name="pattern"]');
    type(container.querySelector('#patterns textarea'), '开展“清源”攻坚行动，推进“蓝天”攻坚行动。');
    type(pattern, '“[^”]{2,8}”攻坚行动');
    const count = await waitFor(() => $('[data-testid="pattern-count"]'), 'the match count');
    expect(count.textContent).toBe('options_patternMatches');
    expect($$('.tifa-options-sample mark').map((m) => m.textContent)).toEqual(['“清源”攻坚行动', '“蓝天”攻坚行动']);

    type(pattern, '攻坚(行动');
    const error = await waitFor(() => $('[data-testid="pattern-error"]'), 'the refusal');
    expect(error.textContent).toMatch(/missing closing \)/);
    expect(buttonIn(form, 'options_add').disabled).toBe(true);
    type(pattern, '行动|');
    await waitFor(
      () => /empty string/.test($('[data-testid="pattern-error"]')?.textContent ?? ''),
      'the empty-match refusal',
    );

    type(pattern, '“[^”]{2,8}”攻坚行动');
    type(form.querySelector('input[name="id"]'), 'campaign');
    await rendered();
    form.requestSubmit();
    await waitFor(() => state.rules.patterns.length === 1, 'the saved pattern');
    expect(state.rules.patterns[0]).toEqual({
      id: 'campaign',
      pattern: '“[^”]{2,8}”攻坚行动',
      flags: 'u',
      category: 'formulation',
    });
  });

  it('lists hidden terms and corrections made elsewhere, live, and takes one back with undo', async () => {
    const { deps, state, push } = fakeDeps();
    render(<OptionsApp deps={deps} />, container);
    await waitFor(() => $('#corrections'), 'the corrections section');
    const fromTooltip: RuleSettings = {
      rules: { ...emptyCustomRules(), hidden: ['翼龙'], corrections: [{ text: '三清三拆', category: 'program' }] },
      toggles: { disabledCategories: [], disabledRules: [] },
    };
    state.rules = structuredClone(fromTooltip.rules);
    push(fromTooltip);
    const chip = await waitFor(
      () => $$('#corrections .tifa-options-chip').find((c) => c.textContent?.includes('翼龙')),
      'the hidden term',
    );
    expect($('#corrections .tifa-options-list')!.textContent).toContain('三清三拆');
    chip.querySelector('button')!.click();
    await waitFor(() => state.rules.hidden.length === 0, 'the un-hide');
    buttonIn(await waitFor(() => $('.tifa-options-undo'), 'the undo bar'), 'options_undo').click();
    await waitFor(() => state.rules.hidden.length === 1, 'the undo');
  });

  it('switches a category and a single rule off, and shows rule examples', async () => {
    const { deps, state } = fakeDeps();
    render(<OptionsApp deps={deps} />, container);
    const target = await waitFor(() => $('fieldset[data-category="target"]'), 'the target category');
    target.querySelector<HTMLInputElement>('legend input')!.click();
    await waitFor(() => state.toggles.disabledCategories.includes('target'), 'the category toggle');
    const document = $('fieldset[data-category="document"]')!;
    const rule = document.querySelector<HTMLElement>('.tifa-options-rule')!;
    const id = rule.querySelector('code')!.textContent!;
    rule.querySelector<HTMLInputElement>('input')!.click();
    await waitFor(() => state.toggles.disabledRules.includes(id), 'the rule toggle');
    expect(rule.querySelectorAll('.tifa-options-examples li').length).toBeGreaterThan(1);
    expect(rule.querySelector('.tifa-options-examples mark')).not.toBeNull();
  });

  it('lists default and added sites and removes an added one', async () => {
    const { deps, removedSites } = fakeDeps({}, ['https://www.example.org/*']);
    render(<OptionsApp deps={deps} />, container);
    const chips = await waitFor(
      () => $$('#sites .tifa-options-chip').length > 0 && $$('#sites .tifa-options-chip'),
      'the default sites',
    );
    expect(chips.map((c) => c.textContent)).toContain('gov.cn');
    const added = await waitFor(() => $('#sites .tifa-options-list'), 'the added site');
    expect(added.textContent).toContain('www.example.org');
    buttonIn(added, 'options_remove').click();
    await waitFor(() => removedSites.length === 1 && !$('#sites .tifa-options-list'), 'the removal');
    expect(removedSites).toEqual(['https://www.example.org/*']);
  });

  it('exports a pack and imports one, refusing a bad pack whole', async () => {
    const { deps, state, downloads } = fakeDeps({
      terms: [{ text: '千万工程', category: 'program' }],
      hidden: ['翼龙'],
    });
    render(<OptionsApp deps={deps} />, container);
    (await waitFor(() => $<HTMLButtonElement>('[data-testid="pack-export"]'), 'the export button')).click();
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(downloads[0].content)).toEqual({
      tifaRules: 1,
      name: 'Tifa',
      terms: [{ text: '千万工程', category: 'program' }],
      patterns: [],
      hidden: ['翼龙'],
    });

    const input = $<HTMLInputElement>('[data-testid="pack-import"]')!;
    const choose = (name: string, content: unknown) => {
      const file = new File([JSON.stringify(content)], name, { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('bad.json', {
      tifaRules: 1,
      terms: [{ text: '两山', category: 'program' }],
      patterns: [{ id: 'x', pattern: '(', category: 'program' }],
    });
    const refused = await waitFor(() => $('[data-testid="pack-outcome"].tifa-options-error'), 'the refusal');
    expect(refused.textContent).toBe('options_packRejected');
    expect(state.rules.terms).toHaveLength(1);

    choose('good.json', {
      tifaRules: 1,
      name: '浙江',
      terms: [
        { text: '两山', category: 'formulation' },
        { text: '千万工程', category: 'program' },
      ],
    });
    await waitFor(() => state.rules.terms.length === 2, 'the merged pack');
    expect(state.rules.terms.map((t) => t.text)).toEqual(['千万工程', '两山']);
  });
});
