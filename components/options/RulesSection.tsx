import { t } from '../../lib/i18n';
import type { RuleToggles } from '../../lib/rulepacks/compile';
import { MENTION_CATEGORIES, MENTION_RULES, type MentionCategory, type MentionRule } from '../../lib/rules';
import { categoryLabel, inUiLanguage } from './labels';

interface Props {
  toggles: RuleToggles;
  onChange(toggles: RuleToggles): void;
}

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? list.filter((x) => x !== item) : [...list.filter((x) => x !== item), item];
}

/** An example as written in the rule table: the part in ⟦…⟧ is what the rule marks. */
function Example({ text }: { text: string }) {
  const parts = text.split(/⟦|⟧/);
  return <li>{parts.map((part, i) => (i % 2 ? <mark key={i}>{part}</mark> : part))}</li>;
}

function RuleRow({
  rule,
  on,
  categoryOn,
  onToggle,
}: {
  rule: MentionRule;
  on: boolean;
  categoryOn: boolean;
  onToggle(on: boolean): void;
}) {
  return (
    <li class="tifa-options-rule">
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={!categoryOn}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        <span class="tifa-options-rule-text">{inUiLanguage(rule.description)}</span>
        <code class="tifa-options-rule-id">{rule.id}</code>
      </label>
      <details>
        <summary>{t('options_rulesExamples')}</summary>
        <div class="tifa-options-examples">
          <div>
            <h4>{t('options_rulesMarks')}</h4>
            <ul>
              {rule.examples.map((x) => (
                <Example key={x} text={x} />
              ))}
            </ul>
          </div>
          <div>
            <h4>{t('options_rulesNotMarks')}</h4>
            <ul>
              {rule.counterExamples.map((x) => (
                <Example key={x} text={x} />
              ))}
            </ul>
          </div>
        </div>
      </details>
    </li>
  );
}

/** Categories and individual built-in rules, on or off, with each rule's description and examples. */
export function RulesSection({ toggles, onChange }: Props) {
  const categoryOn = (c: MentionCategory) => !toggles.disabledCategories.includes(c);
  return (
    <section id="rules" class="tifa-options-section" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('options_rulesTitle')}</h2>
      <p class="tifa-options-hint">{t('options_rulesHint')}</p>
      {MENTION_CATEGORIES.map((category) => (
        <fieldset key={category} class="tifa-options-category" data-category={category}>
          <legend>
            <label>
              <input
                type="checkbox"
                checked={categoryOn(category)}
                onChange={(e) =>
                  onChange({
                    ...toggles,
                    disabledCategories: toggled(toggles.disabledCategories, category, e.currentTarget.checked),
                  })
                }
              />
              {categoryLabel(category)}
            </label>
          </legend>
          <ul class="tifa-options-rules">
            {MENTION_RULES.filter((r) => r.category === category).map((rule) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                on={!toggles.disabledRules.includes(rule.id)}
                categoryOn={categoryOn(category)}
                onToggle={(on) => onChange({ ...toggles, disabledRules: toggled(toggles.disabledRules, rule.id, on) })}
              />
            ))}
          </ul>
        </fieldset>
      ))}
    </section>
  );
}
