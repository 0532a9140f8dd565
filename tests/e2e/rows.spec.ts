/**
 * Row operations: a 功能 科目 added by catalog search (pinyin initials), 表11's row of a unit added back,
 * removing rows (asking first when they hold money), 表5 filled from 表3. All undoable.
 */
import { expect, test } from './fixtures';
import { checkDocument } from '../../shared/checks/session';
import { serializeDocument } from '../../shared/document/file';
import { generateDocument } from '../../shared/sample/generate';
import { BudgetApp } from './pages/BudgetApp';

let app: BudgetApp;

test.beforeEach(async ({ page }) => {
  app = new BudgetApp(page);
  await app.open();
  await app.show(/^表3 /);
});

test('adds a 功能 科目 row by pinyin initials; its 款 row appears by itself', async ({ page }) => {
  await app.rows.button('添加科目').click();
  await app.rows.picker.getByRole('combobox', { name: '搜索科目' }).fill('xzyx');
  // 2010301 行政运行 is in 表3 already: not offered.
  await expect(app.rows.options.first()).toContainText('2010101 行政运行');
  await expect(app.rows.options.filter({ hasText: '2010301' })).toHaveCount(0);
  await app.rows.options.first().click();

  await expect(app.form.row('人大事务')).toContainText('01人大事务');
  // The new row's 基本支出 cell is selected, ready for typing.
  await expect(app.form.activeCell).toHaveAttribute('aria-readonly', 'false');
  await app.form.type('10');
  await expect(app.form.row('人大事务')).toContainText('10.00');
  await expect(app.form.cell('一般公共服务支出', 2)).toHaveText('507.55');

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(app.form.row('人大事务')).toHaveCount(0);
});

test('removing a row with money asks first; undo brings it back', async ({ page }) => {
  await app.form.select('台湾事务', 3);
  await app.rows.button('删除本行').click();
  await expect(app.rows.confirmation).toContainText('填有金额');
  await app.rows.confirmation.getByRole('button', { name: '取消' }).click();
  await expect(app.form.row('台湾事务')).toHaveCount(1);

  await app.rows.button('删除本行').click();
  await app.rows.confirmation.getByRole('button', { name: '删除' }).click();
  await expect(app.form.row('台湾事务')).toHaveCount(0);
  await expect(app.form.row('港澳台事务')).toHaveCount(0);
  await expect(app.findings.errors().first()).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(app.form.cell('台湾事务', 4)).toHaveText('2.00');
  await expect(app.findings.errors()).toHaveCount(0);
});

test('fills 表5 from 表3 in one action when the only fund is 一般公共预算', async ({ page }) => {
  await app.show(/^表5 /);
  await app.form.select('行政运行', 3);
  await page.keyboard.press('Delete');
  await expect(app.form.cell('行政运行', 3)).toHaveText('');
  await app.rows.button('按表3填列').click();
  await expect(app.form.cell('行政运行', 3)).toHaveText('199.65');
});

test('adds an economic 款 to 表6, choosing its 政府经济 款 when units of both kinds share it', async () => {
  await app.show(/^表6 /);
  await app.rows.button('添加经济科目').click();
  await app.rows.picker.getByRole('combobox', { name: '搜索科目' }).fill('ysf');
  await app.rows.options.filter({ hasText: '30202 印刷费' }).click();
  // The sample has 行政 and 事业 units: 印刷费 is 50201 for one and 50502 for the other.
  const choice = app.page.getByRole('dialog', { name: '选择政府经济分类科目' });
  await expect(choice.getByRole('button').first()).toBeFocused();
  await choice.getByRole('button', { name: /^50201/ }).click();
  await expect(app.form.row('印刷费')).toContainText('30202印刷费50201办公经费');
  await expect(app.form.activeCell).toHaveAttribute('aria-readonly', 'false');
});

test('adds a project to 表12 and removes it; removing one with money asks', async ({ page }) => {
  await app.show(/^表12 /);
  await app.rows.addProject('档案数字化经费', '2010399');
  await expect(app.form.row('档案数字化经费')).toHaveCount(1);
  await app.form.type('12.5');
  await expect(app.form.row('档案数字化经费')).toContainText('12.50');

  await app.form.select('档案数字化经费', 0);
  await app.rows.button('删除本行').click();
  await app.rows.confirmation.getByRole('button', { name: '删除' }).click();
  await expect(app.form.row('档案数字化经费')).toHaveCount(0);

  await app.form.select('政府律师服务费', 0);
  await app.rows.button('删除本行').click();
  await expect(app.rows.confirmation).toContainText('政府律师服务费');
  await page.keyboard.press('Escape');
  await expect(app.form.row('政府律师服务费')).toHaveCount(1);
});

test('the selection stays inside the form when rows under it go away', async ({ page }) => {
  await app.rows.addRow('添加科目', 'xzyx', '2010101 行政运行');
  await expect(app.form.row('人大事务')).toHaveCount(1);
  await page.keyboard.press('Control+End');
  const last = Number(await app.form.activeCell.getAttribute('data-row'));
  // Undoing the addition removes two rows (the 项 and its 款).
  await page.keyboard.press('Control+z');
  await expect(app.form.row('人大事务')).toHaveCount(0);
  await expect(app.form.activeCell).toHaveAttribute('data-row', String(last - 2));
  // The 合计 row's 项目支出.
  await expect(app.form.activeCell).toHaveText('139.75');
});

test('renames a project of 表12; undo brings the old name back', async ({ page }) => {
  await app.show(/^表12 /);
  await app.form.select('政府律师服务费', 0);
  await app.rows.button('修改项目').click();
  const dialog = page.getByRole('dialog', { name: '修改项目' });
  await expect(dialog.getByRole('textbox', { name: '项目名称' })).toHaveValue('政府律师服务费');
  await dialog.getByRole('textbox', { name: '项目名称' }).fill('政府法律顾问服务费');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(app.form.row('政府法律顾问服务费')).toContainText('6.00');
  await expect(app.form.row('政府律师服务费')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(app.form.row('政府律师服务费')).toHaveCount(1);
});

test('adds back 表11’s row of a unit that has none, ready for its amount', async ({ page }) => {
  await app.show(/^表11 /);
  // Every unit has its row: nothing to add.
  await expect(app.rows.button('添加单位')).toHaveCount(0);
  await app.form.select('新绛县金融服务中心', 1);
  await app.rows.button('删除本行').click();
  await expect(app.rows.confirmation).toContainText('第 2 行（新绛县金融服务中心）填有金额');
  await app.rows.confirmation.getByRole('button', { name: '删除' }).click();
  await expect(app.form.row('新绛县金融服务中心')).toHaveCount(0);
  await expect(app.form.cell('部门合计', 1)).toHaveText('25.65');

  await app.rows.button('添加单位').click();
  const dialog = page.getByRole('dialog', { name: '添加单位' });
  await expect(dialog.getByRole('button')).toHaveText(['新绛县金融服务中心（参公事业）', '取消']);
  // From the keyboard: the first unit has the focus, Esc closes, Enter adds.
  await expect(dialog.getByRole('button', { name: /^新绛县金融服务中心/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await app.rows.button('添加单位').click();
  await page.keyboard.press('Enter');
  // Back in the unit list's order, blank, its first amount selected.
  await expect(app.form.grid.getByRole('gridcell', { name: /^新绛县/ })).toHaveText([
    '新绛县人民政府办公室',
    '新绛县金融服务中心',
    '新绛县人民政府办公室综合保障中心',
  ]);
  await expect(app.form.activeCell).toHaveAttribute('aria-readonly', 'false');
  await app.form.type('4.76');
  await expect(app.form.cell('新绛县金融服务中心', 2)).toHaveText('4.76');
  await expect(app.form.cell('部门合计', 1)).toHaveText('30.41');
  await expect(app.rows.button('添加单位')).toHaveCount(0);
});

test('a large budget is checked in full in the background: on opening, and after a project is added', async ({
  page,
}) => {
  // A generated budget a hundred times the sample's size (1,400 projects): a full check takes about
  // 100 ms, more on opening, so the window shows the table first and the findings when they are in.
  const doc = generateDocument({ scale: 100, seed: 1 });
  await page.route('**/large.json', (route) =>
    route.fulfill({ body: serializeDocument(doc), contentType: 'application/json' }),
  );
  // Every text the check status shows, in order, as the page shows it, with the findings panel's head.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { checkStatuses: seen });
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="check-status"]')?.textContent;
      const head = document.querySelector('aside[aria-label="审核结果"] header')?.textContent;
      const text = `${status ?? ''} · ${head ?? ''}`;
      if (status && text !== seen.at(-1)) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  let read = 0;
  /** The statuses shown since the last call. */
  const statuses = async () => {
    const seen = await page.evaluate(() => (window as unknown as { checkStatuses: string[] }).checkStatuses);
    const since = seen.slice(read);
    read = seen.length;
    return since;
  };
  await page.goto('/?open=large.json');
  await expect(app.checkStatus()).toHaveText(/^审核/);
  const opened = await statuses();
  // What the command line's check finds: 692 提示, no 错误.
  const findings = checkDocument(doc);
  expect(findings.filter((f) => f.level === '错误')).toEqual([]);
  const checked = `审核通过，提示 ${findings.length} 项 · 审核错误 0提示 ${findings.length}`;
  // Its first check (300–400 ms here) goes on after the table shows, with no counts meanwhile (not
  // 错误 0); a machine fast enough to finish it before would show the findings at once.
  expect(opened.at(-1)).toBe(checked);
  expect(opened.slice(0, -1)).toEqual(opened.length > 1 ? ['正在审核… · 审核正在审核…'] : []);

  await app.show(/^表12 /);
  await app.rows.addProject('档案数字化经费', '2010399');
  await expect(app.form.row('档案数字化经费')).toHaveCount(1);
  await expect(app.checkStatus()).toHaveText(/^审核/);
  // The row came with 正在审核…, then the findings of the whole budget again: the 整体 declaration counts
  // one project fewer than 表12 now lists (错误), and the new project has no declaration (提示).
  expect(await statuses()).toEqual([
    `正在审核… · 审核错误 0提示 ${findings.length}正在审核…`,
    `审核：错误 1 项，提示 ${findings.length + 1} 项 · 审核错误 1提示 ${findings.length + 1}`,
  ]);
  await expect(app.findings.errors()).toHaveText([
    '错误 P2部门整体支出绩效目标申报表数量指标“年度实施项目数量”=1400个，与表12 所列项目 1401 个不符',
  ]);
  // Typed at once, an amount finishes the check first, and is checked with it.
  await app.form.type('12.5');
  await expect(app.form.row('档案数字化经费')).toContainText('12.50');
});
