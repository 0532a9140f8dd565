/**
 * The IPC handlers: one per channel of the contract; a request from anything but the app's own window
 * (another web contents, an iframe, a page navigated elsewhere) or with an argument that does not match
 * the channel's schema is refused before any service sees it.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc';
import { registerIpcHandlers, type IpcServices } from './ipcHandlers';
import { MAX_TEXT_LENGTH } from './ipcSchemas';
import { APP_PAGE_URL, isTrustedSender, type IpcSender } from './security';

const APP_URL = APP_PAGE_URL;
const APP_WINDOW = 7;

function services() {
  return {
    openInitialDocument: vi.fn<IpcServices['openInitialDocument']>(() => ({ text: '{}', path: null })),
    saveDocument: vi.fn<IpcServices['saveDocument']>(() => Promise.resolve({ saved: true, path: 'x.ysb' })),
    exportDocument: vi.fn<IpcServices['exportDocument']>(() => Promise.resolve({ exported: false })),
    printDocument: vi.fn<IpcServices['printDocument']>(() => Promise.resolve({ shown: true })),
    reportDocumentState: vi.fn<IpcServices['reportDocumentState']>(() => undefined),
    journalDocument: vi.fn<IpcServices['journalDocument']>(() => undefined),
    openDroppedFiles: vi.fn<IpcServices['openDroppedFiles']>(() => undefined),
    closeWindow: vi.fn<IpcServices['closeWindow']>(() => undefined),
  } satisfies IpcServices;
}

type Listener = (event: IpcSender, ...args: unknown[]) => unknown;

function setup() {
  const handlers = new Map<string, Listener>();
  const logged: string[] = [];
  const registry = services();
  const channels = registerIpcHandlers(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    {
      isTrusted: (event) => isTrustedSender(event, (id) => id === APP_WINDOW),
      services: registry,
      log: (message) => logged.push(message),
    },
  );
  const call = (channel: string, event: IpcSender, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { handlers, channels, registry, logged, call };
}

const fromApp: IpcSender = {
  sender: { id: APP_WINDOW },
  senderFrame: { url: `${APP_URL}?x=1#top`, parent: null },
};
const saveRequest = { text: '{"format":"x"}', path: null, suggestedName: '预算.json' };

describe('IPC handlers', () => {
  it('handle every channel of the contract, and no other', () => {
    const { channels, handlers } = setup();
    expect(channels.sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('pass a valid request from the app’s window to the service, saying which window asked', async () => {
    const { call, registry } = setup();
    await expect(call(IPC_CHANNELS.saveDocument, fromApp, saveRequest)).resolves.toEqual({
      saved: true,
      path: 'x.ysb',
    });
    expect(registry.saveDocument).toHaveBeenCalledWith({ webContentsId: APP_WINDOW }, saveRequest);
    await call(IPC_CHANNELS.openInitialDocument, fromApp);
    expect(registry.openInitialDocument).toHaveBeenCalledWith({ webContentsId: APP_WINDOW }, undefined);
  });

  it('refuse requests from other web contents, from iframes, and from pages not the app’s', async () => {
    const { call, registry, logged } = setup();
    const senders: IpcSender[] = [
      { sender: { id: 99 }, senderFrame: { url: APP_URL, parent: null } },
      { sender: { id: APP_WINDOW }, senderFrame: { url: APP_URL, parent: {} } },
      { sender: { id: APP_WINDOW }, senderFrame: { url: 'https://example.com/', parent: null } },
      {
        sender: { id: APP_WINDOW },
        senderFrame: { url: pathToFileURL('/tmp/evil.html').href, parent: null },
      },
      { sender: { id: APP_WINDOW }, senderFrame: null },
    ];
    for (const sender of senders) {
      await expect(call(IPC_CHANNELS.saveDocument, sender, saveRequest)).rejects.toThrow(
        '拒绝：请求不是来自本程序的窗口',
      );
      await expect(call(IPC_CHANNELS.openInitialDocument, sender)).rejects.toThrow('拒绝');
    }
    expect(registry.saveDocument).not.toHaveBeenCalled();
    expect(registry.openInitialDocument).not.toHaveBeenCalled();
    expect(logged[0]).toBe('已拒绝来自未知窗口的请求：document:save');
  });

  it('refuse arguments that do not match the channel', async () => {
    const { call, registry } = setup();
    const invalid: [string, unknown[]][] = [
      [IPC_CHANNELS.saveDocument, []],
      [IPC_CHANNELS.saveDocument, [{ ...saveRequest, text: 42 }]],
      [IPC_CHANNELS.saveDocument, [{ ...saveRequest, text: '' }]],
      [IPC_CHANNELS.saveDocument, [{ ...saveRequest, extra: 'field' }]],
      [IPC_CHANNELS.saveDocument, [{ ...saveRequest, saveAs: 'yes' }]],
      [IPC_CHANNELS.saveDocument, [saveRequest, 'a second argument']],
      [IPC_CHANNELS.saveDocument, [{ ...saveRequest, suggestedName: 'x'.repeat(300) }]],
      [IPC_CHANNELS.exportDocument, [{ kind: 'docx', text: '{}', suggestedName: 'a' }]],
      [IPC_CHANNELS.printDocument, [{ text: '{}' }]],
      [IPC_CHANNELS.reportDocumentState, [{ unsaved: 'no', title: 'a' }]],
      [IPC_CHANNELS.journalDocument, [{ text: null }]],
      [IPC_CHANNELS.openDroppedFiles, ['C:\\a.ysb']],
      [IPC_CHANNELS.openDroppedFiles, [Array.from({ length: 21 }, () => 'C:\\a.ysb')]],
      [IPC_CHANNELS.openInitialDocument, ['unexpected']],
      [IPC_CHANNELS.closeWindow, [{}]],
    ];
    for (const [channel, args] of invalid) {
      await expect(call(channel, fromApp, ...args), `${channel} ${JSON.stringify(args)}`).rejects.toThrow(
        `拒绝：“${channel}”的参数不符合要求`,
      );
    }
    for (const service of Object.values(registry)) expect(service).not.toHaveBeenCalled();
  });

  it('bound the size of a document text', async () => {
    const { call } = setup();
    const huge = { text: ' '.repeat(MAX_TEXT_LENGTH + 1) };
    await expect(call(IPC_CHANNELS.journalDocument, fromApp, huge)).rejects.toThrow('参数不符合要求');
  });

  it('turn a failing service into a plain message, and note it', async () => {
    const { call, registry, logged } = setup();
    registry.exportDocument.mockImplementation(() => Promise.reject(new Error('磁盘已满')));
    await expect(
      call(IPC_CHANNELS.exportDocument, fromApp, { kind: 'pdf', text: '{}', suggestedName: 'a' }),
    ).rejects.toThrow(/^磁盘已满$/);
    expect(logged).toEqual(['处理“document:export”时出错']);
  });
});
