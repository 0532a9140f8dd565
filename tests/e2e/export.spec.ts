/**
 * Saving and exporting through the browser bridge: a download for the workbook, browser storage for
 * the document file.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { BudgetApp } from './pages/BudgetApp';

test('exports the Excel workbook as a download', async ({ page }) => {
  const app = new BudgetApp(page);
  await app.open();
  const downloading = page.waitForEvent('download');
  await app.toolbarButton('导出 Excel').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('新绛县人民政府办公室2024年部门预算.xlsx');
  const bytes = await readFile(await download.path());
  // An xlsx file is a zip archive: it starts with PK.
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(20_000);
  await expect(app.statusBar()).toContainText('已导出：新绛县人民政府办公室2024年部门预算.xlsx');
});

test('saves the document and shows the save state', async ({ page }) => {
  const app = new BudgetApp(page);
  await app.open();
  await app.show(/^表3 /);
  await expect(page.getByTestId('save-status')).toHaveText('未修改');
  await app.form.select('行政运行', 3);
  await app.form.type('200');
  await expect(page.getByTestId('save-status')).toHaveText('有未保存的修改');
  await app.toolbarButton('保存').click();
  await expect(page.getByTestId('save-status')).toHaveText('已保存：新绛县人民政府办公室2024年部门预算.json');
  const stored = await page.evaluate(() =>
    localStorage.getItem('budget-assistant:file:新绛县人民政府办公室2024年部门预算.json'),
  );
  expect(stored).toContain('"basic": "200"');
});
