import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CLIP_COMMAND,
  CLIP_MENU_ID,
  clipInTab,
  OPEN_LIBRARY_COMMAND,
  registerClipCommands,
} from '../../lib/clipping/commands';

type Listener = (...args: unknown[]) => unknown;

/** A minimal event (the fake browser does not implement contextMenus.onClicked or commands.onCommand). */
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: Listener) => listeners.includes(l),
    fire: (...args: unknown[]) => listeners.forEach((l) => l(...args)),
  };
}

const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
let onClicked: ReturnType<typeof fakeEvent>;
let onCommand: ReturnType<typeof fakeEvent>;
let sendMessage: ReturnType<typeof vi.fn>;
let executeScript: ReturnType<typeof vi.fn>;
let create: ReturnType<typeof vi.fn>;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fakeBrowser.reset();
  onClicked = fakeEvent();
  onCommand = fakeEvent();
  create = vi.fn();
  api.contextMenus.create = create;
  api.contextMenus.removeAll = vi.fn(async () => undefined);
  api.contextMenus.onClicked = onClicked;
  api.commands.onCommand = onCommand;
  sendMessage = vi.fn(async () => ({ ok: true, value: { status: 'empty' } }));
  api.tabs.sendMessage = sendMessage;
  executeScript = vi.fn(async () => []);
  api.scripting.executeScript = executeScript;
});

afterEach(() => vi.restoreAllMocks());

describe('context menu and keyboard command', () => {
  it('creates the "Clip to Tifa" item for selections on install', async () => {
    registerClipCommands();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await flush();
    expect(create).toHaveBeenCalledWith({ id: CLIP_MENU_ID, title: 'clippingMenu', contexts: ['selection'] });
  });

  it('asks the clicked tab to clip its selection', async () => {
    registerClipCommands();
    onClicked.fire({ menuItemId: CLIP_MENU_ID }, { id: 42 });
    onClicked.fire({ menuItemId: 'someone-else' }, { id: 43 });
    await flush();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith(42, { tifa: 1, kind: 'clipping.clipSelection', payload: {} });
  });

  it('asks the tab of the keyboard command to clip, ignoring other commands', async () => {
    registerClipCommands();
    onCommand.fire(CLIP_COMMAND, { id: 7 });
    onCommand.fire('_execute_action', { id: 8 });
    await flush();
    expect(sendMessage.mock.calls.map((c) => c[0])).toEqual([7]);
  });

  it('injects the content script where it is not running, then asks again', async () => {
    sendMessage
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, value: { status: 'empty' } });
    expect(await clipInTab(5)).toEqual({ status: 'empty' });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 5 }, files: ['/content-scripts/content.js'] });
  });

  it('reports other failures without injecting', async () => {
    sendMessage.mockRejectedValueOnce(new Error('boom'));
    expect(await clipInTab(5)).toMatchObject({ status: 'error', error: expect.stringContaining('boom') });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('open-library shows the library page: a new tab, or the tab already showing it', async () => {
    registerClipCommands();
    const libraryUrl = fakeBrowser.runtime.getURL('/sidepanel.html?tab=library' as '/sidepanel.html');
    onCommand.fire(OPEN_LIBRARY_COMMAND, { id: 7 });
    await flush();
    await flush();
    const tabs = await fakeBrowser.tabs.query({});
    const library = tabs.filter((t) => t.url === libraryUrl);
    expect(library).toHaveLength(1);
    // Never asks a page to clip.
    expect(sendMessage).not.toHaveBeenCalled();
    // A second press: the same tab, made active, no new one.
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce(library);
    onCommand.fire(OPEN_LIBRARY_COMMAND, { id: 7 });
    await flush();
    await flush();
    expect((await fakeBrowser.tabs.query({})).filter((t) => t.url === libraryUrl)).toHaveLength(1);
    expect(update).toHaveBeenCalledWith(library[0].id, { active: true });
  });
});
