import type { TargetTab } from '../../lib/reading/targetTab';

type SidePanelApi = { open(opts: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarActionApi = { open(): Promise<void> };

/**
 * Opens the side panel (Chrome sidePanel.open) or sidebar (Firefox sidebarAction.open). Both browsers only allow
 * this inside a user gesture, so it is called directly from the click handler with no await before it.
 */
export function openSidePanel(tab: TargetTab | null): void {
  const g = globalThis as unknown as {
    chrome?: { sidePanel?: SidePanelApi };
    browser?: { sidebarAction?: SidebarActionApi };
  };
  const sidePanel = g.chrome?.sidePanel;
  const sidebar = g.browser?.sidebarAction;
  let opened: Promise<void> | undefined;
  if (sidePanel?.open && tab) {
    opened = sidePanel.open(tab.windowId !== undefined ? { windowId: tab.windowId } : { tabId: tab.id });
  } else if (sidebar?.open) {
    opened = sidebar.open();
  }
  opened?.then(
    () => window.close(),
    (err: unknown) => console.warn('[tifa] could not open the side panel:', err),
  );
}
