/**
 * 绩效目标: the declarations edited as an accountant edits them. The sample (新绛县人民政府办公室 2024) has
 * declarations for five of its fourteen projects: 政府机关运行经费 (383,000 元, six indicators in each grid),
 * “12345”运行经费, 运行维护监管系统经费, 金融中心运转经费 and 处置非法集资领导小组办公室专项工作经费; the other
 * nine, such as 政府律师服务费 (6.00 万元), have none.
 */
import { expect, test } from './fixtures';
import { serializeDocument } from '../../shared/document/file';
import { generateDocument } from '../../shared/sample/generate';
import { BudgetApp } from './pages/BudgetApp';
import { PerformancePage } from './pages/PerformancePage';

const OFFICE = '政府机关运行经费';
const LAWYER = '政府律师服务费';
const FINANCE = '金融中心运转经费';
const FUNDRAISING = '处置非法集资领导小组办公室专项工作经费';
const LIBRARY_KEY = 'budget-assistant:indicator-library';

let app: BudgetApp;
let perf: PerformancePage;

test.beforeEach(async ({ page }) => {
  app = new BudgetApp(page);
  perf = new PerformancePage(page);
  await app.open();
  await app.show('绩效目标');
  await expect(perf.list).toBeVisible();
});

test('lists the declarations and shows a project’s in the printed layout', async () => {
  await expect(perf.list.getByRole('button')).toHaveCount(1 + 14 + 1);
  await expect(perf.listSummary).toHaveText('已编制 5 / 14 个项目');
  await expect(perf.missingEntries).toHaveCount(9);
  await expect(perf.entry(LAWYER)).toHaveAccessibleName('政府律师服务费（未编制）');
  // The 整体 declaration comes first.
  await expect(perf.overallEntry).toHaveAttribute('aria-current', 'true');
  await expect(perf.declaration()).toBeVisible();

  await perf.choose(OFFICE);
  await expect(perf.entry(OFFICE)).toHaveAttribute('aria-current', 'true');
  await expect(perf.declaration(OFFICE)).toBeVisible();
  await expect(perf.projectName).toHaveText(OFFICE);
  await expect(perf.field('项目属性')).toHaveValue('一次性项目（1年结束）');
  await expect(perf.field('年度资金总额')).toHaveValue('383,000');
  await expect(perf.field('实施期市县（区）财政资金')).toHaveValue('383,000');
  await expect(perf.field('年度中央财政资金')).toHaveValue('');
  await expect(perf.field('项目概况')).toHaveValue('2024机关运行经费');
  await expect(perf.field('年度目标')).toHaveValue('保障政府机关工作正常有序运行');
  await expect(perf.field('经办人')).toHaveValue('赵俊辉');
  await expect(perf.annual.rows).toHaveCount(6);
  await expect(perf.annual.level1(0)).toHaveValue('产出指标');
  await expect(perf.annual.level2(3)).toHaveValue('成本指标');
  await expect(perf.annual.name(5)).toHaveValue('机关工作人员满意度');
  await expect(perf.annual.value(0)).toHaveValue('383000');
});

test('项目概况 is kept on Ctrl+Enter as one step, and Ctrl+Z outside the text box undoes it', async () => {
  await perf.choose(OFFICE);
  await perf.fillAndCommit('项目概况', '保障县政府机关日常办公、会议和公务接待等运转支出');
  await expect(app.statusBar()).toContainText(`修改 项目“${OFFICE}”申报表 项目概况`);

  // Kept when another declaration is shown and this one again.
  await perf.choose(FINANCE);
  await expect(perf.field('项目概况')).toHaveValue('保障金融中心日常工作正常有序运行');
  await perf.choose(OFFICE);
  await expect(perf.field('项目概况')).toHaveValue('保障县政府机关日常办公、会议和公务接待等运转支出');

  await perf.undo();
  await expect(perf.field('项目概况')).toHaveValue('2024机关运行经费');
  await expect(app.statusBar()).toContainText(`已撤销：修改 项目“${OFFICE}”申报表 项目概况`);
});

test('goals: one line each; leaving the box commits', async () => {
  await perf.choose(OFFICE);
  await perf.fill('实施期目标', '保障机关正常运转\n\n  提高行政效能  ');
  await expect(perf.field('实施期目标')).toHaveValue('保障机关正常运转\n提高行政效能');
  await expect(app.statusBar()).toContainText(`修改 项目“${OFFICE}”申报表 实施期目标`);
});

test('a 元 amount with decimals is refused at the field and kept as typed', async () => {
  await perf.choose(OFFICE);
  await perf.fill('年度资金总额', '383000.5');
  await expect(perf.problems).toHaveText('年度资金总额：申报表金额以元为单位，应为整数（如 383000）');
  await expect(perf.field('年度资金总额')).toHaveValue('383000.5');
  await expect(perf.field('年度资金总额')).toHaveAttribute('aria-invalid', 'true');

  await perf.fill('年度资金总额', '384,000');
  await expect(perf.problems).toHaveCount(0);
  await expect(perf.field('年度资金总额')).toHaveValue('384,000');
  // 表12 says 38.30 万元: checked at once.
  await expect(
    app.findings.finding('P1', `项目“${OFFICE}”申报表年度资金总额 384000 元 ≠ 表12 合计 38.30 万元`),
  ).toHaveCount(1);

  // Esc while typing puts the stored value back.
  await perf.field('年度单位自筹').fill('12.5');
  await perf.field('年度单位自筹').press('Escape');
  await expect(perf.field('年度单位自筹')).toHaveValue('');
});

test('indicator rows: add, 一级 changes the 二级 offered, move, remove, undo', async () => {
  await perf.choose(OFFICE);
  const grid = perf.annual;
  await grid.addButton.click();
  await expect(grid.rows).toHaveCount(7);
  // The new row takes the 一级 and 二级 of the row above it, and its name box has the focus.
  await expect(grid.level1(6)).toHaveValue('满意度指标');
  await expect(grid.level2(6)).toHaveValue('服务对象满意度指标');
  await expect(grid.name(6)).toBeFocused();
  await grid.name(6).fill('会议保障次数');
  await grid.name(6).press('Tab');
  await grid.value(6).fill('≥12次');
  await grid.value(6).press('Enter');
  await expect(grid.name(6)).toHaveValue('会议保障次数');
  await expect(grid.value(6)).toHaveValue('≥12次');

  await grid.level1(6).selectOption('产出指标');
  await expect(grid.level2(6)).toHaveValue('数量指标');
  expect(await grid.level2Options(6)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
  await grid.level1(6).selectOption('效益指标');
  await expect(grid.level2(6)).toHaveValue('经济效益指标');
  expect(await grid.level2Options(6)).toEqual([
    '经济效益指标',
    '社会效益指标',
    '生态效益指标',
    '可持续影响指标',
  ]);
  await grid.level2(6).selectOption('社会效益指标');
  await expect(grid.level2(6)).toHaveValue('社会效益指标');

  await grid.rowButton(6, '上移').click();
  await expect(grid.name(5)).toHaveValue('会议保障次数');
  // The focus follows the row, on the same button.
  await expect(grid.rowButton(5, '上移')).toBeFocused();
  await expect(grid.name(6)).toHaveValue('机关工作人员满意度');
  await expect(grid.rowButton(6, '下移')).toBeDisabled();
  await expect(grid.rowButton(0, '上移')).toBeDisabled();

  await grid.rowButton(5, '删除').click();
  await expect(grid.rows).toHaveCount(6);
  await expect(grid.name(5)).toHaveValue('机关工作人员满意度');
  await expect(app.statusBar()).toContainText(`删除 项目“${OFFICE}”申报表 年度绩效指标第 6 行`);

  // Undone step by step: the removal, then the move.
  await perf.undo();
  await expect(grid.rows).toHaveCount(7);
  await expect(grid.name(5)).toHaveValue('会议保障次数');
  await expect(grid.level2(5)).toHaveValue('社会效益指标');
  await app.page.keyboard.press('Control+z');
  await expect(grid.name(6)).toHaveValue('会议保障次数');
  // The 实施期 grid was never touched.
  await expect(perf.implementation.rows).toHaveCount(6);
});

test('adds an indicator from the library after the rows of its 一级', async () => {
  await perf.choose(OFFICE);
  const grid = perf.implementation;
  await grid.libraryButton.click();
  await expect(grid.picker).toBeVisible();
  await grid.librarySearch.fill('合规');
  await expect(grid.libraryEntries).toHaveCount(1);
  await grid.libraryEntry('资金支付合规率', '=100%').click();
  await expect(grid.picker).toHaveCount(0);
  await expect(grid.rows).toHaveCount(7);
  // The four 产出 rows, then the new one.
  await expect(grid.level1(4)).toHaveValue('产出指标');
  await expect(grid.level2(4)).toHaveValue('质量指标');
  await expect(grid.name(4)).toHaveValue('资金支付合规率');
  await expect(grid.value(4)).toHaveValue('=100%');
  await expect(grid.level1(5)).toHaveValue('效益指标');
  await expect(app.statusBar()).toContainText(
    `从指标库添加 项目“${OFFICE}”申报表 实施期绩效指标“资金支付合规率”`,
  );

  // Esc closes the picker without adding.
  await grid.libraryButton.click();
  await grid.librarySearch.press('Escape');
  await expect(grid.picker).toHaveCount(0);
  await expect(grid.rows).toHaveCount(7);
});

test('a row is kept in the library, found there, and removed again', async ({ page }) => {
  await perf.choose(OFFICE);
  const grid = perf.annual;
  await grid.name(1).fill('办文办会差错率');
  await grid.name(1).press('Tab');
  await grid.value(1).fill('≤1%');
  await grid.value(1).press('Tab');
  await grid.rowButton(1, '存入指标库').click();
  await expect(app.statusBar()).toContainText('已存入指标库：办文办会差错率');
  const stored = await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY);
  expect(JSON.parse(stored ?? 'null')).toEqual([
    { level1: '产出指标', level2: '质量指标', name: '办文办会差错率', value: '≤1%' },
  ]);

  // Another declaration finds it in the library.
  await perf.choose(FINANCE);
  await perf.implementation.addFromLibrary('差错', '办文办会差错率', '≤1%');
  await expect(perf.implementation.name(4)).toHaveValue('办文办会差错率');

  // Removed from the library (built-in entries cannot be).
  await perf.implementation.libraryButton.click();
  await perf.implementation.librarySearch.fill('差错');
  await perf.implementation.libraryRemoveButton('办文办会差错率').click();
  await expect(perf.implementation.libraryEntries).toHaveCount(0);
  await perf.implementation.librarySearch.fill('合规率');
  await expect(perf.implementation.libraryEntries).toHaveCount(1);
  await expect(perf.implementation.picker.getByRole('button', { name: /^从指标库删除/ })).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY)).toBeNull();
});

test('a bad stored library is not used: the built-in one is, with a message', async ({ page }) => {
  await page.evaluate((key) => localStorage.setItem(key, '[{"level1":"产出指标"}]'), LIBRARY_KEY);
  await app.open();
  await app.show('绩效目标');
  await expect(app.statusBar()).toContainText('指标库格式不正确：第 1 条');
  await perf.overallIndicators.libraryButton.click();
  await expect(perf.overallIndicators.picker).toContainText('已改用内置指标库');
  await perf.overallIndicators.librarySearch.fill('培训人次');
  await expect(perf.overallIndicators.libraryEntries).toHaveCount(1);
  // Left as it was until the user keeps an indicator.
  expect(await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY)).toBe(
    '[{"level1":"产出指标"}]',
  );
});

test('copies a declaration from another project, asking first when it would replace something', async () => {
  // Into a project without a declaration: no question; its funding follows its own 表12 amount.
  await perf.choose(LAWYER);
  await expect(perf.createButton).toBeVisible();
  await perf.copyFrom(FINANCE);
  await expect(perf.copyConfirmation).toHaveCount(0);
  await expect(perf.declaration(LAWYER)).toBeVisible();
  await expect(perf.field('项目概况')).toHaveValue('保障金融中心日常工作正常有序运行');
  await expect(perf.field('年度资金总额')).toHaveValue('60,000');
  await expect(perf.annual.name(0)).toHaveValue('金融中心日常工作经费');
  await expect(perf.entry(LAWYER)).toHaveAccessibleName(LAWYER);
  await expect(app.statusBar()).toContainText(`从项目“${FINANCE}”复制申报表到项目“${LAWYER}”`);

  // Into one that says something: asked inside the view; 取消 changes nothing.
  await perf.choose(OFFICE);
  await perf.copyFrom(FUNDRAISING);
  await expect(perf.copyConfirmation).toBeVisible();
  await perf.copyConfirmation.getByRole('button', { name: '取消' }).click();
  await expect(perf.field('项目概况')).toHaveValue('2024机关运行经费');
  await perf.copyPanel.getByRole('button', { name: '复制', exact: true }).click();
  await perf.copyConfirmation.getByRole('button', { name: '复制并替换' }).click();
  await expect(perf.field('项目概况')).toHaveValue('用于非法集资宣传');
  await expect(perf.annual.rows).toHaveCount(7);
  // Its own funding and 经办人 stay.
  await expect(perf.field('年度资金总额')).toHaveValue('383,000');
  await expect(perf.field('经办人')).toHaveValue('赵俊辉');

  await perf.undo();
  await expect(perf.field('项目概况')).toHaveValue('2024机关运行经费');
  await expect(perf.annual.rows).toHaveCount(6);
});

test('creates one declaration, then all the missing ones as one step', async () => {
  await perf.choose(LAWYER);
  await perf.createButton.click();
  await expect(perf.declaration(LAWYER)).toBeVisible();
  await expect(perf.field('年度资金总额')).toHaveValue('60,000');
  await expect(perf.field('年度市县（区）财政资金')).toHaveValue('60,000');
  await expect(perf.field('实施期资金总额')).toHaveValue('60,000');
  await expect(perf.field('项目概况')).toHaveValue('');
  await expect(perf.annual.rows).toHaveCount(6);
  await expect(perf.annual.level1(5)).toHaveValue('成本指标');
  await expect(perf.missingEntries).toHaveCount(8);

  await perf.createAllButton.click();
  await expect(perf.missingEntries).toHaveCount(0);
  await expect(perf.listSummary).toHaveText('已编制 14 / 14 个项目');
  await expect(perf.createAllButton).toHaveCount(0);
  await expect(app.statusBar()).toContainText('为 8 个项目创建申报表');

  await perf.undo();
  await expect(perf.missingEntries).toHaveCount(8);
  await expect(perf.declaration(LAWYER)).toBeVisible();
});

test('the 整体 declaration: texts, counts (a wrong one refused) and its indicators', async () => {
  await perf.overallEntry.click();
  const form = perf.declaration();
  await expect(perf.field('单位名称')).toHaveValue('新绛县人民政府办公室');
  await expect(perf.field('实有人数')).toHaveValue('44');
  await expect(form.getByRole('table', { name: '单位年度收入预算（万元）' })).toContainText('621.43');

  await perf.fill('实有人数', '四十五');
  await expect(perf.problems).toContainText('实有人数：');
  await expect(perf.field('实有人数')).toHaveValue('四十五');
  await perf.fill('实有人数', '45');
  await expect(perf.problems).toHaveCount(0);
  await expect(perf.field('实有人数')).toHaveValue('45');

  await perf.fillAndCommit(
    '部门整体支出绩效目标',
    '保障县政府办公室各项工作正常运转，按时完成会务、督查和值班任务。',
  );
  await expect(app.statusBar()).toContainText('修改 部门整体支出绩效目标申报表 部门整体支出绩效目标');

  const grid = perf.overallIndicators;
  await expect(grid.rows).toHaveCount(5);
  await grid.value(1).fill('=100%');
  await grid.value(1).press('Enter');
  await expect(grid.value(1)).toHaveValue('=100%');

  await perf.undo();
  await expect(grid.value(1)).toHaveValue('提高100%');
  await expect(perf.field('部门整体支出绩效目标')).toHaveValue(
    '保障县政府办公室各项工作正常运转，按时完成会务、督查和值班任务。',
  );
});

test('undoing a step of another declaration shows that declaration', async () => {
  await perf.overallEntry.click();
  await perf.fill('人员编制数', '46');
  await perf.choose(OFFICE);
  await perf.undo();
  await expect(perf.overallEntry).toHaveAttribute('aria-current', 'true');
  await expect(perf.field('人员编制数')).toHaveValue('44');
});

test('an IME composition is not committed before it ends', async () => {
  await perf.choose(OFFICE);
  const field = perf.field('负责人');
  await field.click();
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('Input.imeSetComposition', { text: 'zhang', selectionStart: 5, selectionEnd: 5 });
  // Nothing is committed while the IME composes.
  await expect(field).toHaveValue('zhang');
  await expect(app.statusBar()).not.toContainText('负责人');
  await cdp.send('Input.insertText', { text: '张伟' });
  await cdp.detach();
  await expect(field).toHaveValue('张伟');
  await field.press('Enter');
  await expect(app.statusBar()).toContainText(`修改 项目“${OFFICE}”申报表 负责人`);
  await perf.choose(FINANCE);
  await perf.choose(OFFICE);
  await expect(perf.field('负责人')).toHaveValue('张伟');
});

test('following a finding opens its declaration and highlights its fields', async () => {
  await app.show(/^表1 /);
  await app.findings.finding('P4', `项目“${OFFICE}”`).click();
  await expect(perf.entry(OFFICE)).toHaveAttribute('aria-current', 'true');
  await expect(perf.implementation.value(1)).toHaveClass(/followed/);
  await expect(perf.annual.value(1)).toHaveClass(/followed/);
  await expect(perf.implementation.value(0)).not.toHaveClass(/followed/);
  await expect(perf.implementation.value(1)).toBeInViewport();
});

test('following P1 opens the first project without a declaration', async () => {
  await app.show(/^表12 /);
  await app.findings.finding('P1', '没有项目支出绩效目标申报表').click();
  await expect(perf.entry(LAWYER)).toHaveAttribute('aria-current', 'true');
  await expect(perf.declaration(LAWYER)).toHaveClass(/followed/);
});

test('each declaration in the list shows its 提示 count, and it follows the edits', async () => {
  await expect(perf.overallEntry.locator('.badge.advisory')).toHaveText('2');
  await expect(perf.entry(LAWYER).locator('.badge.advisory')).toHaveText('1');
  // Creating the missing declaration answers P1 for it; its empty rows are still to be filled (P3, P6).
  await perf.choose(LAWYER);
  await perf.page.getByRole('button', { name: '创建申报表', exact: true }).click();
  await expect(perf.entry(LAWYER)).toHaveAccessibleName(LAWYER);
  await expect(perf.entry(LAWYER).locator('.badge')).not.toHaveCount(0);
});

test('a department with many projects: the list makes the entries in sight only, and reaches every one', async ({
  page,
}) => {
  // A generated budget ten times the sample's size: 140 projects, each with a declaration.
  const doc = generateDocument({ scale: 10, seed: 1 });
  const last = doc.projects.at(-1);
  if (!last) throw new Error('the generated budget has projects');
  await page.route('**/large.json', (route) =>
    route.fulfill({ body: serializeDocument(doc), contentType: 'application/json' }),
  );
  await page.goto('/?open=large.json');
  await app.show('绩效目标');
  await expect(perf.listSummary).toHaveText('已编制 140 / 140 个项目');
  const made = await perf.list.getByRole('button').count();
  expect(made).toBeGreaterThan(10);
  expect(made).toBeLessThan(60);

  await perf.list.locator('.perf-projects').evaluate((list) => {
    list.scrollTop = list.scrollHeight;
  });
  await perf.choose(last.name);
  await expect(perf.declaration(last.name)).toBeVisible();
  await expect(perf.projectName).toHaveText(last.name);
});
