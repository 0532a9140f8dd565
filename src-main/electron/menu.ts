/**
 * The application menu, in Chinese with the usual accelerators, as a template built from plain data so
 * tests can read it. What a command does is up to `MenuActions` (app.ts): new, open, recent files,
 * import and quit are handled in the main process; save, export, print, undo and redo are carried out by
 * the focused window's renderer, which holds the document (shared/ipc.ts MenuCommand).
 *
 * Undo and redo show Ctrl+Z / Ctrl+Y but leave the keys to the page (registerAccelerator: false): the
 * grid and text boxes handle them themselves, and a menu accelerator would undo twice or take the key
 * from a text box.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';

export interface MenuActions {
  /** A blank document for `year`. */
  newDocument(year: number): void;
  /** A new year's document from last year's file (结转). */
  newFromLastYear(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  importExcel(): void;
  /** A command for the document in `window` (the focused window, as Electron gives it to the click). */
  command(command: MenuCommand, window: unknown): void;
  openDataFolder(): void;
  about(): void;
}

export interface MenuOptions {
  readonly recentFiles: readonly string[];
  /** This calendar year: 新建 makes next year's budget, the one being prepared. */
  readonly year: number;
  /** Show the developer tools item (not in the installed app). */
  readonly developer: boolean;
}

/** A path as a menu label: `&` would otherwise mark a mnemonic on Windows. */
function escapeLabel(text: string): string {
  return text.replaceAll('&', '&&');
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const send =
    (command: MenuCommand): MenuItemConstructorOptions['click'] =>
    (_item, window) =>
      actions.command(command, window);
  const recent: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: '（无）', enabled: false }]
      : [
          ...options.recentFiles.map((path, i): MenuItemConstructorOptions => ({
            label: `${i + 1 < 10 ? `&${i + 1}` : i + 1}  ${escapeLabel(path)}`,
            click: () => actions.openRecent(path),
          })),
          { type: 'separator' },
          { label: '清除列表', click: () => actions.clearRecent() },
        ];
  const view: MenuItemConstructorOptions[] = [
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { label: '实际大小', role: 'resetZoom' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (options.developer) {
    view.push(
      { type: 'separator' },
      { label: '重新载入', role: 'forceReload' },
      { label: '开发者工具', role: 'toggleDevTools' },
    );
  }
  return [
    {
      label: '文件(&F)',
      submenu: [
        {
          label: '新建(&N)',
          accelerator: 'CmdOrCtrl+N',
          toolTip: `新建 ${options.year + 1} 年部门预算`,
          click: () => actions.newDocument(options.year + 1),
        },
        { label: `新建 ${options.year} 年部门预算`, click: () => actions.newDocument(options.year) },
        { label: '以上年文件为基础新建(&L)…', click: () => actions.newFromLastYear() },
        { label: '打开(&O)…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        { label: '最近打开(&R)', submenu: recent },
        { type: 'separator' },
        { label: '保存(&S)', accelerator: 'CmdOrCtrl+S', click: send('save') },
        { label: '另存为(&A)…', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
        { type: 'separator' },
        { label: '导入 Excel(&I)…', click: () => actions.importExcel() },
        { label: '导出 PDF(&D)…', click: send('exportPdf') },
        { label: '导出 Excel(&X)…', click: send('exportXlsx') },
        { type: 'separator' },
        { label: '打印(&P)…', accelerator: 'CmdOrCtrl+P', click: send('print') },
        { type: 'separator' },
        { label: '关闭窗口(&C)', accelerator: 'CmdOrCtrl+W', role: 'close' },
        { label: '退出(&Q)', accelerator: 'CmdOrCtrl+Q', role: 'quit' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销(&U)', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: send('undo') },
        { label: '重做(&R)', accelerator: 'CmdOrCtrl+Y', registerAccelerator: false, click: send('redo') },
        { type: 'separator' },
        { label: '剪切(&T)', role: 'cut' },
        { label: '复制(&C)', role: 'copy' },
        { label: '粘贴(&P)', role: 'paste' },
        { label: '全选(&A)', role: 'selectAll' },
      ],
    },
    { label: '视图(&V)', submenu: view },
    {
      label: '帮助(&H)',
      submenu: [
        { label: '打开数据文件夹（恢复文件、设置）', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '关于部门预算编制助手', click: () => actions.about() },
      ],
    },
  ];
}
