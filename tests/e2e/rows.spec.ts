/**
 * Row operations: a 功能 科目 added by catalog search (pinyin initials), removing rows (asking first
 * when they hold money), 表5 filled from 表3. All undoable.
 */
import { expect, test } from '@playwright/test';
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
