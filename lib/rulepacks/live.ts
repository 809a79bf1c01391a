/**
 * The reader's rule set, compiled and kept current for whoever runs analyze() (the background): loads the
 * settings, compiles them (patterns cached), and recompiles on every storage change, then tells listeners so
 * they can re-analyse open tabs. Until the first load finishes, `current()` is the empty rule set.
 *
 * Also the edits the page offers from a tooltip or a selection ("hide this term", "wrong category", "add as a
 * term"): read-modify-write of the stored rules, so every open page and the options page follow at once.
 */
import { EMPTY_RULE_SET, termKey, type CompiledRuleSet } from '../rules/custom-rules';
import type { MentionCategory } from '../rules/types';
import { RuleSetCompiler } from './compile';
import { packTermSchema, type PackTerm } from './schema';
import { loadRuleSettings, saveCustomRules, subscribeRuleSettings, type RuleSettings } from './settings';

export interface LiveRuleSet {
  current(): CompiledRuleSet;
  /** Resolves once the stored settings are loaded and compiled. */
  ready: Promise<void>;
  /** Called after each recompilation. Returns unsubscribe. */
  onChange(listener: (ruleSet: CompiledRuleSet) => void): () => void;
  stop(): void;
}

export function startLiveRuleSet(
  source: { load(): Promise<RuleSettings>; subscribe(cb: (s: RuleSettings) => void): () => void } = {
    load: loadRuleSettings,
    subscribe: subscribeRuleSettings,
  },
): LiveRuleSet {
  const compiler = new RuleSetCompiler();
  const listeners = new Set<(ruleSet: CompiledRuleSet) => void>();
  let ruleSet: CompiledRuleSet = EMPTY_RULE_SET;
  const apply = (settings: RuleSettings) => {
    const { ruleSet: next, refused } = compiler.compile(settings.rules, settings.toggles);
    for (const r of refused) console.warn(`[tifa] custom pattern ${r.id} left out: ${r.problem.code}`);
    ruleSet = next;
    for (const listener of listeners) listener(ruleSet);
  };
  const stopSubscription = source.subscribe(apply);
  const ready = source.load().then(apply, (err: unknown) => console.warn('[tifa] could not load custom rules:', err));
  return {
    current: () => ruleSet,
    ready,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopSubscription();
      listeners.clear();
    },
  };
}

/** "Not a 提法 / hide this term" from a mention's tooltip. */
export async function hideTerm(text: string): Promise<void> {
  const { rules } = await loadRuleSettings();
  if (rules.hidden.some((h) => termKey(h) === termKey(text))) return;
  await saveCustomRules({ ...rules, hidden: [...rules.hidden, text.trim()] });
}

/** "Wrong category" from a mention's tooltip: replaces an earlier correction of the same text. */
export async function correctCategory(text: string, category: MentionCategory): Promise<void> {
  const { rules } = await loadRuleSettings();
  const others = rules.corrections.filter((c) => termKey(c.text) !== termKey(text));
  await saveCustomRules({ ...rules, corrections: [...others, { text: text.trim(), category }] });
}

/** "Add as a term" on a selection. Throws with a reason when the term is not valid or already there. */
export async function addTerm(term: PackTerm): Promise<void> {
  const parsed = packTermSchema.safeParse(term);
  if (!parsed.success) throw new Error(`not a valid term: ${parsed.error.issues[0].message}`);
  const { rules } = await loadRuleSettings();
  if (rules.terms.some((t) => termKey(t.text) === termKey(parsed.data.text))) {
    throw new Error(`the term "${parsed.data.text}" is already there`);
  }
  await saveCustomRules({ ...rules, terms: [...rules.terms, parsed.data] });
}
