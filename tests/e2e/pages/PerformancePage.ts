/**
 * Page object of 绩效目标: the list of declarations, the chosen declaration's fields (by their accessible
 * names, as the form labels them), its indicator grids and the indicator library. Selectors live here only.
 */
import type { Locator, Page } from '@playwright/test';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One indicator grid (实施期绩效指标, 年度绩效指标, 部门整体支出绩效指标). */
export class IndicatorGridPage {
  readonly region: Locator;

  constructor(
    private readonly page: Page,
    readonly title: string,
  ) {
    this.region = page.getByRole('region', { name: title, exact: true });
  }

  /** The indicator rows (not the header, nor the “no indicators” line). */
  get rows(): Locator {
    return this.region.locator('tbody tr[data-row]');
  }

  row(index: number): Locator {
    return this.region.locator(`tbody tr[data-row="${index}"]`);
  }

  /** Row `index` (0-based)'s 一级 select. */
  level1(index: number): Locator {
    return this.page.getByRole('combobox', { name: `${this.title}第 ${index + 1} 行一级指标`, exact: true });
  }

  level2(index: number): Locator {
    return this.page.getByRole('combobox', { name: `${this.title}第 ${index + 1} 行二级指标`, exact: true });
  }

  name(index: number): Locator {
    return this.page.getByRole('textbox', { name: `${this.title}第 ${index + 1} 行三级指标`, exact: true });
  }

  value(index: number): Locator {
    return this.page.getByRole('textbox', { name: `${this.title}第 ${index + 1} 行指标值`, exact: true });
  }

  /** The 二级 a row's select offers. */
  async level2Options(index: number): Promise<string[]> {
    return this.level2(index)
      .locator('option')
      .evaluateAll((options) => options.map((o) => o.textContent));
  }

  /** A row button: 上移, 下移, 删除, 存入指标库. */
  rowButton(index: number, name: '上移' | '下移' | '删除' | '存入指标库'): Locator {
    return this.row(index).getByRole('button', { name, exact: true });
  }

  get addButton(): Locator {
    return this.region.getByRole('button', { name: '添加指标', exact: true });
  }

  get libraryButton(): Locator {
    return this.region.getByRole('button', { name: '从指标库选择', exact: true });
  }

  /** The library picker opened from this grid. */
  get picker(): Locator {
    return this.region.getByRole('dialog');
  }

  get librarySearch(): Locator {
    return this.picker.getByRole('searchbox', { name: '搜索指标库' });
  }

  /** The library's entries as buttons that add them (name: 选用 <三级> <指标值>). */
  get libraryEntries(): Locator {
    return this.picker.getByRole('list', { name: '指标库中的指标' }).getByRole('button', { name: /^选用 / });
  }

  libraryEntry(name: string, value: string): Locator {
    return this.picker.getByRole('button', { name: `选用 ${name} ${value}`, exact: true });
  }

  libraryRemoveButton(name: string): Locator {
    return this.picker.getByRole('button', { name: `从指标库删除 ${name}`, exact: true });
  }

  /** Opens the library, searches `query` and picks the entry `name` (`value`). */
  async addFromLibrary(query: string, name: string, value: string): Promise<void> {
    await this.libraryButton.click();
    await this.librarySearch.fill(query);
    await this.libraryEntry(name, value).click();
  }
}

export class PerformancePage {
  readonly list: Locator;
  readonly implementation: IndicatorGridPage;
  readonly annual: IndicatorGridPage;
  readonly overallIndicators: IndicatorGridPage;

  constructor(readonly page: Page) {
    this.list = page.getByRole('navigation', { name: '申报表列表' });
    this.implementation = new IndicatorGridPage(page, '实施期绩效指标');
    this.annual = new IndicatorGridPage(page, '年度绩效指标');
    this.overallIndicators = new IndicatorGridPage(page, '部门整体支出绩效指标');
  }

  /** A project's entry in the list (named 项目名称, or 项目名称（未编制） without a declaration). */
  entry(project: string): Locator {
    return this.list.getByRole('button', { name: new RegExp(`^${escape(project)}(（未编制）)?$`) });
  }

  get overallEntry(): Locator {
    return this.list.getByRole('button', { name: '部门（单位）整体支出绩效目标申报表', exact: true });
  }

  /** The entries of projects without a declaration. */
  get missingEntries(): Locator {
    return this.list.getByRole('button', { name: /（未编制）$/ });
  }

  get createAllButton(): Locator {
    return this.list.getByRole('button', { name: '为全部项目创建申报表', exact: true });
  }

  /** 已编制 n / m 个项目. */
  get listSummary(): Locator {
    return this.list.locator('.perf-list-head > span');
  }

  async choose(project: string): Promise<void> {
    await this.entry(project).click();
  }

  /** The declaration shown: a project's, or the 整体 one. */
  declaration(project?: string): Locator {
    return this.page.getByRole('region', {
      name: project === undefined ? '部门整体支出绩效目标申报表' : `项目“${project}”绩效目标申报表`,
      exact: true,
    });
  }

  /** The declaration shown, whichever it is. */
  get shown(): Locator {
    return this.page.locator('.perf-decl');
  }

  /** A text box of the shown declaration by its label (项目概况, 年度资金总额, 实有人数 …). */
  field(label: string): Locator {
    return this.shown.getByRole('textbox', { name: label, exact: true });
  }

  /** The 项目名称 the form shows (read-only, from 表12). */
  get projectName(): Locator {
    return this.shown.getByRole('cell', { name: '项目名称', exact: true });
  }

  /** The message shown next to a field whose entry was refused. */
  get problems(): Locator {
    return this.shown.getByRole('alert');
  }

  /** Fields highlighted for the finding being followed. */
  get followed(): Locator {
    return this.shown.locator('.followed');
  }

  /** Types into a field and leaves it (the blur commits). */
  async fill(label: string, text: string): Promise<void> {
    const field = this.field(label);
    await field.fill(text);
    await field.press('Tab');
  }

  /** Types into a text box of several lines and commits with Ctrl+Enter (the focus stays). */
  async fillAndCommit(label: string, text: string): Promise<void> {
    const field = this.field(label);
    await field.fill(text);
    await field.press('Control+Enter');
  }

  get createButton(): Locator {
    return this.shown.getByRole('button', { name: '创建申报表', exact: true });
  }

  get copyButton(): Locator {
    return this.shown.getByRole('button', { name: '从其他项目复制', exact: true });
  }

  get copyPanel(): Locator {
    return this.shown.getByRole('group', { name: '从其他项目复制' });
  }

  get copyConfirmation(): Locator {
    return this.shown.getByRole('alertdialog', { name: '确认复制' });
  }

  /** Opens “从其他项目复制”, chooses the source and presses 复制 (a confirmation may follow). */
  async copyFrom(source: string): Promise<void> {
    await this.copyButton.click();
    await this.copyPanel.getByRole('combobox', { name: '复制来源项目' }).selectOption({ label: source });
    await this.copyPanel.getByRole('button', { name: '复制', exact: true }).click();
  }

  /** Ctrl+Z with the focus outside every text box (the app's own undo). */
  async undo(): Promise<void> {
    await this.shown.getByRole('heading', { level: 2 }).click();
    await this.page.keyboard.press('Control+z');
  }
}
