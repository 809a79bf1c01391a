import { useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { OutlineEntry, PageState } from '../../lib/messages/page';
import { sendToTab } from '../../lib/messages/transport';
import { tf } from '../../lib/reading/describe';
import { outlineToMarkdown } from '../../lib/reading/outlineMarkdown';
import { HighlightControls } from './HighlightControls';
import { PageClips } from './PageClips';
import { PageIndex } from './PageIndex';
import { SpeechIdentityView } from './SpeechIdentity';
import { usePageIndex } from './usePageIndex';
import { ClipSectionButton, SectionClipOutcome, useSectionClipper, type SectionClipState } from './SectionClip';
import { usePageState } from './usePageState';
import { VerdictLine, VerdictReasons } from './Verdict';
import './page.css';

/**
 * The side panel's "This page": the verdict, the speech's identity (editable), its reasons, the highlight controls
 * (reading mode, categories with counts), the outline as a tree and the page index. Clicking an outline item or an
 * index entry scrolls the page to it (and flashes it); "Copy outline" copies the outline as Markdown. `onTrail`
 * opens an index entry's 提法 trail (the side panel's Similar tab).
 */
export function PageView({ onTrail }: { onTrail?: (term: string) => void } = {}) {
  const { tab, state, phase } = usePageState();
  const [note, setNote] = useState('');
  const sectionClipper = useSectionClipper(tab?.id);
  const index = usePageIndex(tab?.id, state);

  if (phase === 'notab')
    return (
      <section class="tifa-page-view">
        <p class="tifa-page-muted">{t('reading_noTab')}</p>
      </section>
    );
  // This page's clips (clipping area) are listed whatever the page is, even where Tifa is not running now.
  const clips = tab ? <PageClips tabId={tab.id} url={state?.url ?? tab.url} /> : null;
  if (phase === 'absent') {
    return (
      <section class="tifa-page-view">
        <p class="tifa-page-muted">{t('reading_notRunning')}</p>
        <p class="tifa-page-muted tifa-page-small">{t('reading_useAnalyzeInPopup')}</p>
        {clips}
      </section>
    );
  }

  const scrollTo = async (index: number) => {
    if (!tab) return;
    setNote('');
    try {
      const { found } = await sendToTab(tab.id, 'reading.scrollTo', { index });
      if (!found) setNote(t('reading_scrollFailed'));
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section class="tifa-page-view" aria-label={t('tabThisPage')}>
      <VerdictLine state={state} />
      {tab && state?.status === 'policy' && <SpeechIdentityView tabId={tab.id} state={state} index={index} />}
      {state && <VerdictReasons state={state} />}
      {state && state.status === 'policy' && <HighlightControls url={state.url} state={state} />}
      {state && state.status === 'policy' && (
        <OutlineSection
          state={state}
          onPick={(i) => void scrollTo(i)}
          onNote={setNote}
          onClip={(i) => void sectionClipper.clip(i)}
          lastClip={sectionClipper.last}
        />
      )}
      {tab && index && <PageIndex tabId={tab.id} index={index} onNote={setNote} onTrail={onTrail} />}
      {state?.timings && (
        <p class="tifa-page-muted tifa-page-small">
          {tf('reading_timing', { chars: state.textLength.toLocaleString(), ms: state.timings.total.toFixed(1) })}
        </p>
      )}
      {note && (
        <p class="tifa-page-message" role="status">
          {note}
        </p>
      )}
      {clips}
    </section>
  );
}

interface TreeNode {
  index: number;
  item: OutlineEntry;
  children: TreeNode[];
}

/** Builds the tree from the flat outline's parent indices (a parent always precedes its children). */
export function outlineTree(outline: readonly OutlineEntry[]): TreeNode[] {
  const nodes = outline.map((item, index) => ({ index, item, children: [] as TreeNode[] }));
  const roots: TreeNode[] = [];
  for (const node of nodes) {
    const parent = node.item.parent;
    if (parent !== null && parent >= 0 && parent < node.index) nodes[parent].children.push(node);
    else roots.push(node);
  }
  return roots;
}

interface OutlineActions {
  onPick(index: number): void;
  /** "Clip this section": saves the item's whole section. */
  onClip(index: number): void;
  /** The latest section clip, shown by its row. */
  lastClip: SectionClipState | null;
}

function OutlineSection(props: OutlineActions & { state: PageState; onNote(note: string): void }) {
  const { state } = props;
  const tree = useMemo(() => outlineTree(state.outline), [state.outline]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(outlineToMarkdown(state.outline, state.speechTitle ?? state.title));
      props.onNote(t('reading_copied'));
    } catch {
      props.onNote(t('reading_copyFailed'));
    }
  };
  return (
    <div class="tifa-page-outline">
      <div class="tifa-page-outline-head">
        <h3>{t('reading_outline')}</h3>
        {state.outline.length > 0 && (
          <button type="button" onClick={() => void copy()}>
            {t('reading_copyOutline')}
          </button>
        )}
      </div>
      {state.outline.length === 0 ? (
        <p class="tifa-page-muted">{t('reading_noOutline')}</p>
      ) : (
        <OutlineList nodes={tree} onPick={props.onPick} onClip={props.onClip} lastClip={props.lastClip} root />
      )}
    </div>
  );
}

function OutlineList(props: OutlineActions & { nodes: TreeNode[]; root?: boolean }) {
  const { lastClip } = props;
  return (
    <ul class="tifa-page-tree" role={props.root ? 'tree' : 'group'}>
      {props.nodes.map((node) => (
        // biome-ignore lint/a11y/useFocusableInteractive: focus sits on the row's own button, not the tree item
        <li key={node.index} role="treeitem" aria-level={node.item.depth + 1}>
          <div class="tifa-page-row">
            <button
              type="button"
              class="tifa-page-item"
              data-index={node.index}
              title={node.item.marker + node.item.title}
              onClick={() => props.onPick(node.index)}
            >
              <span class="tifa-page-marker">{node.item.marker}</span>
              <span class="tifa-page-item-title">{node.item.title}</span>
            </button>
            <ClipSectionButton
              index={node.index}
              title={node.item.marker + node.item.title}
              busy={lastClip?.index === node.index && lastClip.phase === 'pending'}
              onClip={props.onClip}
            />
          </div>
          {lastClip?.index === node.index && <SectionClipOutcome state={lastClip} />}
          {node.children.length > 0 && <OutlineList {...props} nodes={node.children} root={false} />}
        </li>
      ))}
    </ul>
  );
}
