import { t } from '../../lib/i18n';

/**
 * `t` with named values: messages use `{name}` tokens (not chrome.i18n's `$1`, whose syntax differs between
 * placeholder-declared and direct use), filled in here. Values are inserted as text, never markup. When
 * `n` is 1, a `<key>_one` message is used if there is one.
 */
export function tl(key: string, vars?: Record<string, string | number>): string {
  const text = (vars?.n === 1 && singular(key)) || t(key);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (token, name: string) => (name in vars ? formatValue(vars[name]) : token));
}

/** English needs a singular form where Chinese does not: `<key>_one` when it exists. */
function singular(key: string): string | undefined {
  const one = `${key}_one`;
  const text = t(one);
  return text !== one ? text : undefined;
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString() : value;
}
