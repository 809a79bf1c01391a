import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RuleToggles } from '../../lib/rulepacks/compile';
import type { CustomRules } from '../../lib/rulepacks/schema';
import type { RuleSettings } from '../../lib/rulepacks/settings';
import type { OptionsDeps } from './deps';

/** A change the reader can take back: what it was called and the rules before it. */
export interface Undoable {
  label: string;
  before: CustomRules;
}

export interface RuleSettingsState {
  settings: RuleSettings | null;
  /** Saves new custom rules; `undoLabel` makes the change undoable (removals, hiding, corrections). */
  setRules(rules: CustomRules, undoLabel?: string): Promise<void>;
  setToggles(toggles: RuleToggles): Promise<void>;
  undo: Undoable | null;
  applyUndo(): Promise<void>;
  error: string | null;
}

/**
 * The reader's rules as the options page sees them: loaded once, kept live through storage.onChanged (a
 * correction made from a page's tooltip shows up here at once), saved on every change.
 */
export function useRuleSettings(deps: OptionsDeps): RuleSettingsState {
  const [settings, setSettings] = useState<RuleSettings | null>(null);
  const [undo, setUndo] = useState<Undoable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<RuleSettings | null>(null);
  current.current = settings;

  useEffect(() => {
    let live = true;
    deps.load().then(
      (s) => live && setSettings(s),
      (err: unknown) => live && setError(String(err)),
    );
    const stop = deps.subscribe((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, [deps]);

  const setRules = useCallback(
    async (rules: CustomRules, undoLabel?: string) => {
      const before = current.current;
      if (!before) return;
      setSettings({ ...before, rules });
      setUndo(undoLabel ? { label: undoLabel, before: before.rules } : null);
      await deps.saveRules(rules).catch((err: unknown) => setError(String(err)));
    },
    [deps],
  );

  const setToggles = useCallback(
    async (toggles: RuleToggles) => {
      const before = current.current;
      if (!before) return;
      setSettings({ ...before, toggles });
      await deps.saveToggles(toggles).catch((err: unknown) => setError(String(err)));
    },
    [deps],
  );

  const applyUndo = useCallback(async () => {
    const before = current.current;
    if (!undo || !before) return;
    setUndo(null);
    setSettings({ ...before, rules: undo.before });
    await deps.saveRules(undo.before).catch((err: unknown) => setError(String(err)));
  }, [deps, undo]);

  return { settings, setRules, setToggles, undo, applyUndo, error };
}
