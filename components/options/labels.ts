import { t } from '../../lib/i18n';
import { uiLang } from '../../lib/i18n';
import type { Bilingual } from '../../lib/rulepacks/messages';
import type { MentionCategory } from '../../lib/rules/types';

/** The category's name as the reading UI shows it (reading_cat_*); its id when a category has no label yet. */
export function categoryLabel(category: MentionCategory): string {
  const key = `reading_cat_${category}`;
  const label = t(key);
  return label === key ? category : label;
}

/** Bilingual data (rule descriptions, refusal reasons) in the UI language. */
export function inUiLanguage(text: Bilingual): string {
  return uiLang() === 'zh' ? text.zh : text.en;
}
