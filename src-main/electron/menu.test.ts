/**
 * The application menu: Chinese items with the usual accelerators, what each one does, and 最近打开.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from './menu';

function actions() {
  return {
    newDocument: vi.fn(),
    newFromLastYear: vi.fn(),
    open: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    importExcel: vi.fn(),
    command: vi.fn(),
    openDataFolder: vi.fn(),
    about: vi.fn(),
  } satisfies MenuActions;
}

/** Every item, with the labels of the menus above it. */
function flatten(
  items: readonly MenuItemConstructorOptions[],
  path: string[] = [],
): [string, MenuItemConstructorOptions][] {
  return items.flatMap((item) => {
    const here: [string, MenuItemConstructorOptions][] = item.label
      ? [[[...path, item.label].join(' > '), item]]
      : [];
    const children = Array.isArray(item.submenu) ? flatten(item.submenu, [...path, item.label ?? '']) : [];
    return [...here, ...children];
  });
}

function find(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = flatten(template).find(([path]) => path.endsWith(label));
  if (!found) throw new Error(`no menu item ${label}`);
  return found[1];
}

function click(item: MenuItemConstructorOptions, window: unknown = { id: 'window' }): void {
  (item.click as unknown as (item: unknown, window: unknown, event: unknown) => void)(item, window, {});
}

function entry(items: readonly MenuItemConstructorOptions[], index: number): MenuItemConstructorOptions {
  const item = items[index];
  if (!item) throw new Error(`no item ${index}`);
  return item;
}

const OPTIONS = { recentFiles: [], year: 2025, developer: false };

describe('the application menu', () => {
  it('has the top menus in Chinese, with Windows access keys', () => {
    expect(menuTemplate(actions(), OPTIONS).map((menu) => menu.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '帮助(&H)',
    ]);
  });

  it('has the usual items and accelerators', () => {
    const template = menuTemplate(actions(), OPTIONS);
    const expected: [string, string | undefined][] = [
      ['文件(&F) > 新建(&N)', 'CmdOrCtrl+N'],
      ['文件(&F) > 打开(&O)…', 'CmdOrCtrl+O'],
      ['文件(&F) > 最近打开(&R)', undefined],
      ['文件(&F) > 保存(&S)', 'CmdOrCtrl+S'],
      ['文件(&F) > 另存为(&A)…', 'CmdOrCtrl+Shift+S'],
      ['文件(&F) > 导入 Excel(&I)…', undefined],
      ['文件(&F) > 导出 PDF(&D)…', undefined],
      ['文件(&F) > 导出 Excel(&X)…', undefined],
      ['文件(&F) > 打印(&P)…', 'CmdOrCtrl+P'],
      ['文件(&F) > 退出(&Q)', 'CmdOrCtrl+Q'],
      ['编辑(&E) > 撤销(&U)', 'CmdOrCtrl+Z'],
      ['编辑(&E) > 重做(&R)', 'CmdOrCtrl+Y'],
    ];
    const items = new Map(flatten(template));
    for (const [path, accelerator] of expected) {
      expect(items.has(path), path).toBe(true);
      expect(items.get(path)?.accelerator, path).toBe(accelerator);
    }
    expect(find(template, '退出(&Q)').role).toBe('quit');
    expect(find(template, '关闭窗口(&C)').role).toBe('close');
  });

  it('leaves Ctrl+Z and Ctrl+Y to the page (the grid and text boxes undo themselves)', () => {
    const template = menuTemplate(actions(), OPTIONS);
    expect(find(template, '撤销(&U)').registerAccelerator).toBe(false);
    expect(find(template, '重做(&R)').registerAccelerator).toBe(false);
  });

  it('sends save, export, print, undo and redo to the focused window’s document', () => {
    const acts = actions();
    const template = menuTemplate(acts, OPTIONS);
    const window = { id: 'focused' };
    const commands: [string, string][] = [
      ['保存(&S)', 'save'],
      ['另存为(&A)…', 'saveAs'],
      ['导出 PDF(&D)…', 'exportPdf'],
      ['导出 Excel(&X)…', 'exportXlsx'],
      ['打印(&P)…', 'print'],
      ['撤销(&U)', 'undo'],
      ['重做(&R)', 'redo'],
    ];
    for (const [label, command] of commands) {
      click(find(template, label), window);
      expect(acts.command).toHaveBeenLastCalledWith(command, window);
    }
  });

  it('makes new documents for next year (Ctrl+N) or this one, and opens, imports in the main process', () => {
    const acts = actions();
    const template = menuTemplate(acts, OPTIONS);
    click(find(template, '新建(&N)'));
    expect(acts.newDocument).toHaveBeenLastCalledWith(2026);
    click(find(template, '新建 2025 年部门预算'));
    expect(acts.newDocument).toHaveBeenLastCalledWith(2025);
    click(find(template, '以上年文件为基础新建(&L)…'));
    expect(acts.newFromLastYear).toHaveBeenCalled();
    click(find(template, '打开(&O)…'));
    expect(acts.open).toHaveBeenCalled();
    click(find(template, '导入 Excel(&I)…'));
    expect(acts.importExcel).toHaveBeenCalled();
  });

  it('lists the recent files, numbered, with & shown as it is, and can clear them', () => {
    const acts = actions();
    const files = ['D:\\预算\\教育局2025.ysb', 'D:\\R&D\\科技局.ysb'];
    const recent = find(menuTemplate(acts, { ...OPTIONS, recentFiles: files }), '最近打开(&R)');
    const items = recent.submenu as MenuItemConstructorOptions[];
    expect(items.map((item) => item.label ?? item.type)).toEqual([
      '&1  D:\\预算\\教育局2025.ysb',
      '&2  D:\\R&&D\\科技局.ysb',
      'separator',
      '清除列表',
    ]);
    click(entry(items, 1));
    expect(acts.openRecent).toHaveBeenCalledWith('D:\\R&D\\科技局.ysb');
    click(entry(items, 3));
    expect(acts.clearRecent).toHaveBeenCalled();
    const empty = find(menuTemplate(acts, OPTIONS), '最近打开(&R)').submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('shows the developer tools only when not installed', () => {
    const labels = (developer: boolean) =>
      flatten(menuTemplate(actions(), { ...OPTIONS, developer })).map(([p]) => p);
    expect(labels(false).some((label) => label.includes('开发者工具'))).toBe(false);
    expect(labels(true)).toContain('视图(&V) > 开发者工具');
  });
});
