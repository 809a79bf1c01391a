import { CATEGORY_STYLES } from '../highlight/categories';
import { t } from '../i18n';
import { MENTION_CATEGORIES, type Mention, type MentionCategory } from '../rules/types';
import { categoryLabel } from './describe';
import { el, trustedButton } from './dom';

/** The rule edits a mention's tooltip offers; they reach the background as rules.hideTerm / rules.correctCategory. */
export interface RuleEdits {
  hide(term: string): Promise<unknown>;
  correct(term: string, category: MentionCategory): Promise<unknown>;
  /** Opens the side panel on the term's 提法 trail (the panel searches; the page sends only the term). */
  trail(term: string): Promise<unknown>;
}

/** Longest term the reader's rules keep (MAX_TERM_CHARS in lib/rulepacks/schema.ts, which carries zod). */
const MAX_TERM_CHARS = 60;

/** Runs an edit with the buttons disabled; closes on success, says why on failure. */
export async function runAction(box: HTMLElement, edit: () => Promise<unknown>, done: () => void): Promise<void> {
  for (const b of box.querySelectorAll('button')) b.disabled = true;
  try {
    await edit();
    done();
  } catch (err) {
    for (const b of box.querySelectorAll('button')) b.disabled = false;
    let msg = box.querySelector('.msg');
    if (!msg) box.append((msg = el(box.ownerDocument, 'div', 'msg')));
    msg.setAttribute('role', 'alert');
    msg.textContent = t('reading_actionFailed') + (err instanceof Error ? err.message : String(err));
  }
}

/**
 * "提法轨迹" (where it appears across speeches: the side panel), "不是提法 / 隐藏此词" and "类别有误" under a mention's
 * tooltip. The term is the mention's key (its name without
 * quotes): the form the options page lists and the rule set matches. "Wrong category" opens the list of the other
 * categories in place. After an edit the tooltip closes; the background re-analyses every open tab.
 */
export function mentionActions(doc: Document, mention: Mention, edits: RuleEdits, close: () => void): Node | null {
  const term = (mention.key || mention.text).trim();
  if (!term || term.length > MAX_TERM_CHARS) return null;
  const box = el(doc, 'div', 'actions');
  const act = (edit: () => Promise<unknown>) => void runAction(box, edit, close);
  const hide = trustedButton(doc, t('reading_hideTerm'), () => act(() => edits.hide(term)));
  hide.dataset.action = 'hide';
  const wrong = trustedButton(doc, t('reading_wrongCategory'), () => {
    const list = el(doc, 'div', 'cats');
    list.setAttribute('role', 'group');
    const label = el(doc, 'span', 'muted', t('reading_pickCategory'));
    list.setAttribute('aria-label', label.textContent!);
    list.append(label);
    for (const c of MENTION_CATEGORIES) {
      if (c === mention.category) continue;
      const b = trustedButton(doc, categoryLabel(c), () => act(() => edits.correct(term, c)));
      b.dataset.category = c;
      b.style.borderLeftColor = CATEGORY_STYLES[c].swatch;
      list.append(b);
    }
    wrong.replaceWith(list);
    list.querySelector('button')?.focus();
  });
  wrong.dataset.action = 'wrong';
  const trail = trustedButton(doc, t('reading_trail'), () => act(() => edits.trail(term)));
  trail.dataset.action = 'trail';
  box.append(hide, wrong, trail);
  return box;
}
