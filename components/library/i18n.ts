import { t } from '../../lib/i18n';

/**
 * `t` with named values: messages use `{name}` tokens (not chrome.i18n's `$1`, whose syntax differs between
 * placeholder-declared and direct use), filled in here. Values are inserted as text, never markup.
 */
export function tl(key: string, vars?: Record<string, string | number>): string {
  const text = t(key);
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (token, name: string) => (name in vars ? formatValue(vars[name]) : token));
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString() : value;
}
