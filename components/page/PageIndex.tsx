import { useMemo, useState } from 'preact/hooks';
import { CATEGORY_STYLES } from '../../lib/highlight/categories';
import { t } from '../../lib/i18n';
import './controls.css';
import type { PageIndex as PageIndexData } from '../../lib/messages/page';
import { sendToTab } from '../../lib/messages/transport';
import { categoryLabel, tf } from '../../lib/reading/describe';
import { groupMentions, type IndexEntry } from '../../lib/reading/page-index';

/** Groups shown open at first: the named things; numbers (targets, results) are many and start folded. */
const OPEN_AT_FIRST = new Set(['program', 'formulation', 'document', 'meeting']);

/** `1 name · 2 mentions` (the extension's i18n has no plural forms: a key for one, a key for more). */
const counts = (names: number, mentions: number) =>
  `${names === 1 ? t('reading_indexName') : tf('reading_indexNames', { n: names })} · ${
    mentions === 1 ? t('reading_indexMention') : tf('reading_indexMentions', { n: mentions })
  }`;

const entryId = (e: IndexEntry) => `${e.category}\u0000${e.key}`;

/**
 * The side panel's page index: every program, formulation, document, meeting, target and result the page names,
 * grouped by category and counted. Clicking an entry scrolls the page to it; clicking again goes to its next
 * occurrence (and round). "Clip passages" saves every paragraph that mentions it as a clip; "Trail" shows where
 * it appears across earlier-read speeches and clips.
 */
export function PageIndex(props: {
  tabId: number;
  index: PageIndexData;
  onNote(note: string): void;
  /** Where the entry appears across the reading history and the clips (the Similar tab's trail). */
  onTrail?(term: string): void;
}) {
  const groups = useMemo(() => groupMentions(props.index.mentions), [props.index]);
  const [cursor, setCursor] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const total = groups.reduce((n, g) => n + g.total, 0);

  const jump = async (entry: IndexEntry) => {
    const id = entryId(entry);
    const at = ((cursor[id] ?? -1) + 1) % entry.occurrences.length;
    setCursor({ ...cursor, [id]: at });
    props.onNote('');
    try {
      const { found } = await sendToTab(props.tabId, 'reading.scrollToMention', { index: entry.occurrences[at] });
      if (!found) props.onNote(t('reading_scrollFailed'));
    } catch (err) {
      props.onNote(err instanceof Error ? err.message : String(err));
    }
  };

  const clipAll = async (entry: IndexEntry) => {
    setBusy(entryId(entry));
    props.onNote('');
    // One paragraph may mention the name twice: the second save answers "duplicate" with the clip just made.
    const made = new Set<string>();
    let existing = 0;
    let failed = 0;
    for (const index of entry.occurrences) {
      try {
        const outcome = await sendToTab(props.tabId, 'clipping.clipParagraph', { index });
        if (outcome.status === 'saved') made.add(outcome.clip.id);
        else if (outcome.status === 'duplicate' && !made.has(outcome.clip.id)) {
          made.add(outcome.clip.id);
          existing++;
        } else if (outcome.status === 'error') failed++;
      } catch {
        failed++;
      }
    }
    setBusy(null);
    const saved = made.size - existing;
    props.onNote(
      tf(failed ? 'reading_clippedPassagesFailed' : 'reading_clippedPassages', {
        name: entry.label,
        n: saved,
        existing,
        failed,
      }),
    );
  };

  if (total === 0) return null;
  return (
    <section class="tifa-page-index" aria-labelledby="tifa-index-heading">
      <h3 id="tifa-index-heading">
        {t('reading_index')} <span class="tifa-page-count">{total}</span>
      </h3>
      {groups.map((group) => (
        <details
          key={group.category}
          class="tifa-index-group"
          data-category={group.category}
          open={OPEN_AT_FIRST.has(group.category)}
        >
          <summary>
            <span
              class="tifa-page-swatch"
              style={{
                background: CATEGORY_STYLES[group.category].tint,
                borderColor: CATEGORY_STYLES[group.category].swatch,
              }}
              aria-hidden="true"
            />
            {categoryLabel(group.category)}{' '}
            <span class="tifa-page-count">{counts(group.entries.length, group.total)}</span>
          </summary>
          <ul class="tifa-index-list">
            {group.entries.map((entry) => {
              const id = entryId(entry);
              const at = cursor[id];
              const n = entry.occurrences.length;
              return (
                <li key={id}>
                  <button
                    type="button"
                    class="tifa-index-item"
                    data-key={entry.key}
                    data-count={n}
                    title={tf('reading_indexJump', { name: entry.label, n })}
                    onClick={() => void jump(entry)}
                  >
                    <span class="tifa-index-label">{entry.label}</span>
                    <span class="tifa-page-count">{at === undefined ? `×${n}` : `${at + 1}/${n}`}</span>
                  </button>
                  <button
                    type="button"
                    class="tifa-index-clip"
                    disabled={busy !== null}
                    aria-label={tf('reading_clipPassagesFor', { name: entry.label })}
                    title={tf('reading_clipPassagesFor', { name: entry.label })}
                    onClick={() => void clipAll(entry)}
                  >
                    {busy === id ? '…' : t('reading_clipPassages')}
                  </button>
                  {props.onTrail && (
                    <button
                      type="button"
                      class="tifa-index-clip tifa-index-trail"
                      data-key={entry.key}
                      aria-label={tf('reading_indexTrailFor', { name: entry.label })}
                      title={tf('reading_indexTrailFor', { name: entry.label })}
                      onClick={() => props.onTrail!(entry.key || entry.label)}
                    >
                      {t('reading_indexTrail')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </section>
  );
}
