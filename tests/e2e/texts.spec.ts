/**
 * The parts outside the tables: the narrative's typed slots edited in place, figures leading to their
 * cells, explanations of 提示 findings, the overview and the glossary. Figures are the sample's.
 */
import { expect, test } from './fixtures';
import { serializeDocument } from '../../shared/document/file';
import { generateDocument } from '../../shared/sample/generate';
import { BudgetApp } from './pages/BudgetApp';

const REASON = '大力压减项目支出，有人员退休调出基本支出减少';

let app: BudgetApp;

test.beforeEach(async ({ page }) => {
  app = new BudgetApp(page);
  await app.open();
});

test('edits a reason of the narrative in place; an emptied reason is flagged; undo restores it', async ({
  page,
}) => {
  await app.show('情况说明');
  const narrative = app.narrative;
  // The sample gives the same words for the total change (printed twice, in 一) and for 五.
  await expect(narrative.slots.filter({ hasText: REASON })).toHaveCount(3);
  await narrative.slots.filter({ hasText: REASON }).first().click();
  await narrative.editor.fill('压减会议费和培训费');
  await page.keyboard.press('Control+Enter');
  // The reason is written once and read in both places it is printed.
  await expect(narrative.slots.filter({ hasText: '压减会议费和培训费' })).toHaveCount(2);
  await expect(narrative.slots.filter({ hasText: REASON })).toHaveCount(1);

  await narrative.slots.filter({ hasText: '压减会议费和培训费' }).first().click();
  await narrative.editor.fill('');
  await page.keyboard.press('Control+Enter');
  await expect(narrative.unfilled).toHaveCount(2);
  await expect(narrative.status).toContainText('尚有 1 处待填写');

  await page.keyboard.press('Control+z');
  await expect(narrative.slots.filter({ hasText: '压减会议费和培训费' })).toHaveCount(2);
  await expect(narrative.status).toContainText('所有需填写的内容均已填写');
});

test('a last-year figure typed wrong is refused where it is typed', async ({ page }) => {
  await app.show('情况说明');
  const lastYear = app.narrative.typedFigures.first();
  const before = await lastYear.textContent();
  await lastYear.click();
  await app.narrative.valueEditor.fill('六百八十');
  await page.keyboard.press('Enter');
  await expect(app.narrative.problem).toContainText('“六百八十”不是金额');
  await page.keyboard.press('Escape');
  await expect(app.narrative.typedFigures.first()).toHaveText(before ?? '');
});

test('a figure of the narrative leads to the cell it comes from', async () => {
  await app.show('情况说明');
  await app.narrative.figures.filter({ hasText: '481.68' }).first().click();
  await expect(app.form.activeCell).toHaveText('481.68');
});

test('a 提示 is explained from the findings panel and counted as explained', async () => {
  await app.findings.finding('C7', '公务用车编制').click();
  await expect(app.outlineEntry('国有资产')).toHaveAttribute('aria-current', 'true');
  await app.findings.explanation.fill('实有车辆为上级调拨，已报批');
  await app.findings.panel.getByRole('button', { name: '保存说明' }).click();
  await expect(app.findings.finding('C7', '公务用车编制')).toContainText('已说明');
  await expect(app.outlineEntry('国有资产').locator('.badge')).toHaveCount(0);
});

test('renaming the department renames every table', async () => {
  await app.show('封面与概况');
  const name = app.page.getByRole('textbox', { name: '部门名称', exact: true });
  await name.fill('新绛县人民政府');
  await name.press('Enter');
  await app.show(/^表1 /);
  await expect(app.form.title).toHaveText('新绛县人民政府2024年预算收支总表');
});

test('预算单位: renamed, made 事业, added and removed; a finding about a unit highlights its row', async ({
  page,
}) => {
  await app.show('封面与概况');
  const units = page.getByRole('table', { name: '预算单位' });
  await expect(units.getByRole('row')).toHaveCount(1 + 3);
  const finance = units.getByRole('textbox', { name: '单位名称 新绛县金融服务中心' });
  await finance.fill('新绛县地方金融服务中心');
  await finance.press('Enter');
  await app.show(/^表11 /);
  await expect(app.form.cell('新绛县地方金融服务中心', 1)).toHaveText('4.76');

  // A 参公 unit made 事业: 表11 should not list it (B6).
  await expect(app.findings.finding('B6', '新绛县地方金融服务中心')).toHaveCount(0);
  await app.show('封面与概况');
  await units.getByRole('combobox', { name: '单位性质 新绛县地方金融服务中心' }).selectOption('事业');
  await expect(app.findings.finding('B6', '新绛县地方金融服务中心')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(app.findings.finding('B6', '新绛县地方金融服务中心')).toHaveCount(0);

  await page.getByRole('button', { name: '添加单位' }).click();
  await expect(page.getByRole('heading', { name: '预算单位（4 个）' })).toBeVisible();
  await expect(units.getByRole('textbox', { name: '单位名称 新单位4' })).toHaveValue('新单位4');
  await units.getByRole('row').last().getByRole('button', { name: '删除' }).click();
  await expect(units.getByRole('row')).toHaveCount(1 + 3);

  // Without its 表11 row, the 参公 unit is flagged (C9); following the finding shows its row.
  await app.show(/^表11 /);
  await app.form.select('新绛县地方金融服务中心', 1);
  await app.rows.button('删除本行').click();
  await app.rows.confirmation.getByRole('button', { name: '删除' }).click();
  await app.findings.finding('C9', '新绛县地方金融服务中心').click();
  await expect(app.outlineEntry('封面与概况')).toHaveAttribute('aria-current', 'true');
  await expect(units.locator('.followed')).toHaveCount(1);
  await expect(units.locator('.followed').getByRole('textbox')).toHaveValue('新绛县地方金融服务中心');
});

test('a unit name being typed is kept while its row is scrolled out of sight (the list makes only rows in sight)', async ({
  page,
}) => {
  const doc = generateDocument({ scale: 10, seed: 1 });
  await page.route('**/large.json', (route) =>
    route.fulfill({ body: serializeDocument(doc), contentType: 'application/json' }),
  );
  await page.goto('/?open=large.json');
  await app.show('封面与概况');
  const units = page.getByRole('table', { name: '预算单位' });
  await expect(page.getByRole('heading', { name: '预算单位（30 个）' })).toBeVisible();
  const made = await units.getByRole('row').count();
  expect(made).toBeLessThan(1 + 30);

  const first = units.getByRole('textbox', { name: '单位名称 新绛县教育局' });
  await first.fill('新绛县教育局（本级）');
  const list = units.locator('.units-body');
  await list.evaluate((body) => {
    body.scrollTop = body.scrollHeight;
  });
  await expect(units.getByRole('textbox', { name: '单位名称 新绛县北张镇中心小学' })).toBeVisible();
  // Still there, with what was typed; committed when left.
  await expect(first).toHaveValue('新绛县教育局（本级）');
  await first.press('Enter');
  await list.evaluate((body) => {
    body.scrollTop = 0;
  });
  await expect(units.getByRole('textbox', { name: '单位名称 新绛县教育局（本级）' })).toBeVisible();
});

test('adds, fills and removes a glossary entry', async () => {
  await app.show('名词解释');
  const entries = app.page.getByRole('article', { name: '名词解释' }).getByRole('listitem');
  const count = await entries.count();
  await app.page.getByRole('button', { name: '添加名词' }).click();
  await expect(entries).toHaveCount(count + 1);
  const term = app.page.getByRole('textbox', { name: `名词 ${count + 1}` });
  await term.fill('财政专户管理资金');
  await term.press('Enter');
  await expect(term).toHaveValue('财政专户管理资金');
  await entries.last().getByRole('button', { name: '删除' }).click();
  await expect(entries).toHaveCount(count);
});
