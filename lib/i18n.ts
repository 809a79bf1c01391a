import { browser } from 'wxt/browser';

/**
 * Translates a key from locales/*.json through the extension's i18n (follows the browser language).
 * Falls back to the key itself where i18n is unavailable (unit tests), so a missing string is visible.
 */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    const message = (browser.i18n?.getMessage as ((k: string, s?: string | string[]) => string) | undefined)?.(
      key,
      substitutions,
    );
    if (message) return message;
  } catch {
    // i18n is not available in this context (e.g. Node); fall through.
  }
  return key;
}

/** 'zh' when the UI language is Chinese, else 'en' — for bilingual data such as verdict reasons. */
export function uiLang(): 'zh' | 'en' {
  try {
    const lang = browser.i18n?.getUILanguage?.() ?? 'en';
    return lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  } catch {
    return 'en';
  }
}
