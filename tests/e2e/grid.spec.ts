/**
 * The form grid with live checks, driven as an accountant drives it: keyboard, mouse, clipboard, IME.
 * Figures are the sample's (新绛县人民政府办公室 2024): 表3 row 2010301 行政运行 has 基本支出 199.65.
 */
import { expect, test } from './fixtures';
import { serializeDocument } from '../../shared/document/file';
import { generateDocument } from '../../shared/sample/generate';
import { BudgetApp } from './pages/BudgetApp';

// 表3 columns: 0 科目编码, 1 科目名称, 2 合计, 3 基本支出, 4 项目支出.
const TOTAL = 2;
const BASIC = 3;
const PROJECT = 4;

let app: BudgetApp;

test.beforeEach(async ({ page }) => {
  app = new BudgetApp(page);
  await app.open();
  await app.show(/^表3 /);
  await expect(app.form.title).toHaveText('新绛县人民政府办公室2024年预算支出总表');
});

test('opens the sample with its totals and no 错误', async () => {
  await expect(app.statusBar()).toContainText('收入总计 621.43 万元');
  await expect(app.statusBar()).toContainText('支出总计 621.43 万元');
  await expect(app.checkStatus()).toHaveText('审核通过，提示 24 项');
  await expect(app.findings.errors()).toHaveCount(0);
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('199.65');
  await expect(app.form.cell('行政运行', TOTAL)).toHaveAttribute('aria-readonly', 'true');
  await expect(app.form.cell('行政运行', BASIC)).toHaveAttribute('aria-readonly', 'false');
});

test('a typed amount updates the totals, and a finding appears and disappears', async () => {
  await app.form.select('行政运行', BASIC);
  await app.form.type('999');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('999.00');
  await expect(app.form.cell('行政运行', TOTAL)).toHaveText('999.00');
  await expect(app.form.cell('一般公共服务支出', TOTAL)).toHaveText('1,296.90');
  // Enter moved down a row.
  await expect(app.form.activeCell).toHaveText('');
  await expect(app.form.activeCell).toHaveAttribute('data-row', '3');
  await expect(
    app.findings.finding(
      'B2',
      '表3 2010301 行政运行 合计 999.00 ≠ 表2 同科目 本年收入+上年结转 199.65，相差 799.35',
    ),
  ).toHaveCount(1);
  await expect(app.checkStatus()).toHaveText('审核：错误 2 项，提示 24 项');
  // Both 错误 name cells of 表3 (A3 its 合计, B2 the row).
  await expect(app.outlineEntry(/^表3 /).locator('.badge.error')).toHaveText('2');

  await app.form.select('行政运行', BASIC);
  await app.form.type('199.65');
  await expect(app.findings.errors()).toHaveCount(0);
  await expect(app.checkStatus()).toHaveText('审核通过，提示 24 项');
});

test('clicking a finding opens its form and highlights the cells on both sides', async () => {
  await app.form.select('行政运行', BASIC);
  await app.form.type('999');
  await app.show(/^表1 /);
  await app.findings.finding('B2', '行政运行').click();

  await expect(app.form.title).toHaveText('新绛县人民政府办公室2024年预算支出总表');
  await expect(app.form.activeCell).toHaveText('999.00');
  await expect(app.form.activeCell).toHaveAttribute('data-column', String(TOTAL));
  await expect(app.form.followedCells).toHaveCount(1);
  await expect(app.findings.targets).toHaveCount(3);
  await expect(app.findings.targets.nth(0)).toHaveText('表3 2010301 行政运行 合计');

  // The other side: 表2's cells of the same 科目.
  await app.findings.targets.nth(1).click();
  await expect(app.form.title).toHaveText('新绛县人民政府办公室2024年预算收入总表');
  await expect(app.form.activeCell).toHaveText('199.65');
  await expect(app.form.followedCells).toHaveCount(2);
  await expect(app.outlineEntry(/^表2 /)).toHaveAttribute('aria-current', 'true');
});

test('keyboard: arrows, Tab, Enter, Home, Ctrl+Home, End, Shift to extend', async ({ page }) => {
  await app.form.select('行政运行', 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(app.form.activeCell).toHaveText('199.65');
  await page.keyboard.press('Tab');
  await expect(app.form.activeCell).toHaveAttribute('data-column', String(PROJECT));
  await page.keyboard.press('Enter');
  await expect(app.form.activeCell).toHaveText('102.75');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Home');
  await expect(app.form.activeCell).toHaveText('02');
  await page.keyboard.press('End');
  await expect(app.form.activeCell).toHaveText('102.75');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(app.form.grid.locator('td[aria-selected="true"]')).toHaveCount(2);
  await page.keyboard.press('Control+Home');
  await expect(app.form.activeCell).toHaveText('201');
  await expect(app.form.grid.locator('td[aria-selected="true"]')).toHaveCount(1);
});

test('F2 edits the amount in place; Esc cancels; a wrong entry is refused at the cell', async ({ page }) => {
  await app.form.select('行政运行', BASIC);
  await page.keyboard.press('F2');
  await expect(app.form.editor).toHaveValue('199.65');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('199.65');

  await app.form.type('12a');
  await expect(app.form.cellProblem).toHaveText('“12a”不是金额，请输入数字，如 1234.56 或 1,234.56');
  await expect(app.form.editor).toHaveValue('12a');
  await page.keyboard.press('Escape');
  await expect(app.form.cellProblem).toHaveCount(0);
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('199.65');

  await app.form.type(' 1,234.5 ', 'Tab');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('1,234.50');
  await expect(app.form.activeCell).toHaveAttribute('data-column', String(PROJECT));
});

test('a computed cell cannot be typed into', async ({ page }) => {
  await app.form.select('行政运行', TOTAL);
  await page.keyboard.type('5');
  await expect(app.statusBar()).toContainText('这是自动计算的单元格，不能直接填写');
  await expect(app.form.cell('行政运行', TOTAL)).toHaveText('199.65');
});

test('Delete clears the typed cells of a range, and undo brings them back', async ({ page }) => {
  await app.form.select('行政运行', BASIC);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Delete');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('');
  await expect(app.form.cell('一般行政管理事务', PROJECT)).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('199.65');
  await expect(app.form.cell('一般行政管理事务', PROJECT)).toHaveText('102.75');
});

test('copies a range as tab-separated text', async ({ page }) => {
  await app.form.select('行政运行', 1);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  expect(await app.form.copy()).toBe('行政运行\t199.65\t199.65\r\n一般行政管理事务\t102.75\t\r\n');
});

test('pastes a 3×2 block from Excel, undone and redone as one step', async ({ page }) => {
  await app.form.select('行政运行', BASIC);
  await app.form.paste('1\t2\r\n3\t4\r\n5\t6\r\n');
  await expect(app.form.row('行政运行')).toContainText('3.001.002.00');
  await expect(app.form.cell('一般行政管理事务', BASIC)).toHaveText('3.00');
  await expect(app.form.cell('事业运行', PROJECT)).toHaveText('6.00');
  await expect(app.form.grid.locator('td[aria-selected="true"]')).toHaveCount(6);

  await page.keyboard.press('Control+z');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('199.65');
  await expect(app.form.cell('行政运行', PROJECT)).toHaveText('');
  await expect(app.form.cell('一般行政管理事务', PROJECT)).toHaveText('102.75');
  await expect(app.form.cell('事业运行', BASIC)).toHaveText('158.15');
  await expect(app.statusBar()).toContainText('已撤销：粘贴 6 个单元格');

  await page.keyboard.press('Control+y');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('1.00');
  await expect(app.form.cell('事业运行', PROJECT)).toHaveText('6.00');
});

test('a paste with a value that is not an amount changes nothing and says where', async () => {
  await app.form.select('行政运行', BASIC);
  await app.form.paste('1\t2\r\n3\t四\r\n');
  await expect(app.statusBar()).toContainText('粘贴内容第2行第2列“四”不是金额');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('199.65');
  await expect(app.form.activeCell).toHaveAttribute('data-row', '3');
});

test('an IME composition goes into the cell whole, from its first key', async () => {
  // Full-width digits from a Chinese IME: the composition's first character is not typed on its own.
  await app.form.select('行政运行', BASIC);
  await app.form.compose(['１', '１２'], '１２３');
  await expect(app.form.editor).toHaveValue('１２３');
  await app.page.keyboard.press('Enter');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('123.00');

  // Pinyin composed into a character: the editor holds 一, not y一; it is refused, not read as zero.
  await app.form.select('行政运行', BASIC);
  await app.form.compose(['y', 'yi'], '一');
  await expect(app.form.editor).toHaveValue('一');
  await app.page.keyboard.press('Enter');
  await expect(app.form.cellProblem).toContainText('“一”不是金额');
  await app.page.keyboard.press('Escape');
  await expect(app.form.cell('行政运行', BASIC)).toHaveText('123.00');
});

test('the active cell stays in sight below the header while the keyboard moves through a long table', async ({
  page,
}) => {
  // A generated budget ten times the sample's size: 表3 has 100 项 rows under their 类 and 款.
  await page.route('**/large.json', (route) =>
    route.fulfill({
      body: serializeDocument(generateDocument({ scale: 10, seed: 1 })),
      contentType: 'application/json',
    }),
  );
  await page.goto('/?open=large.json');
  await app.show(/^表3 /);
  await app.form.grid.getByRole('gridcell').first().click();
  /** The active cell lies wholly between the bottom of the sticky header and the bottom of the rows' box. */
  const expectInSight = async (where: string) => {
    const [cell, head, box, visibleHeight] = await Promise.all([
      app.form.activeCell.boundingBox(),
      app.form.header.boundingBox(),
      app.form.scroller.boundingBox(),
      app.form.scroller.evaluate((element) => element.clientHeight),
    ]);
    if (!cell || !head || !box) throw new Error(`${where}: no active cell, header or rows' box`);
    expect(cell.y, where).toBeGreaterThanOrEqual(head.y + head.height - 1);
    expect(cell.y + cell.height, where).toBeLessThanOrEqual(box.y + visibleHeight + 1);
  };
  for (let column = 0; column < BASIC; column++) await page.keyboard.press('ArrowRight');
  await expectInSight('the first row');
  for (let row = 1; row <= 40; row++) {
    await page.keyboard.press('ArrowDown');
    await expect(app.form.activeCell).toHaveAttribute('data-row', String(row));
    await expectInSight(`${row} rows down`);
  }
  await page.keyboard.press('Control+End');
  await expectInSight('Ctrl+End');
  for (let step = 1; step <= 3; step++) {
    await page.keyboard.press('PageUp');
    await expectInSight(`PageUp ${step}`);
  }
  for (let row = 0; row < 30; row++) await page.keyboard.press('ArrowUp');
  await expectInSight('30 rows up');

  // Another form opens at its first row, even when the one before was scrolled away from its own.
  await page.keyboard.press('Control+Home');
  await app.form.scroller.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await app.show(/^表5 /);
  await expect(app.form.activeCell).toHaveAttribute('data-row', '0');
  await expectInSight('表5, first row');
});
