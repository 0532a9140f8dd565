/**
 * Page objects for the browser tests: the app as the accountant sees it (outline, form grid, findings,
 * status bar). Tests speak in these terms; selectors live here only.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class FormGridPage {
  readonly grid: Locator;

  constructor(private readonly page: Page) {
    this.grid = page.getByRole('grid');
  }

  /** The grid's title, e.g. 新绛县人民政府办公室2024年预算支出总表. */
  get title(): Locator {
    return this.page.locator('.form-title');
  }

  /** The row whose cells include one reading exactly `text` (a code or a name). */
  row(text: string): Locator {
    return this.grid
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell', { name: text, exact: true }) })
      .first();
  }

  /** A cell by a text of its row and its column position (0 = first column). */
  cell(rowText: string, column: number): Locator {
    return this.row(rowText).getByRole('gridcell').nth(column);
  }

  /** The box the rows scroll in (the header stays at its top). */
  get scroller(): Locator {
    return this.page.locator('.grid-scroll');
  }

  get header(): Locator {
    return this.grid.locator('thead');
  }

  /** The active cell (where typing goes). */
  get activeCell(): Locator {
    return this.grid.locator('td.active');
  }

  /** The cells highlighted because they are part of the finding being followed. */
  get followedCells(): Locator {
    return this.grid.locator('td.followed');
  }

  /** The text box that takes the keyboard: transparent until the user types. */
  get editor(): Locator {
    return this.page.locator('.cell-editor');
  }

  /** The message shown at the cell when an entry is refused. */
  get cellProblem(): Locator {
    return this.page.locator('.cell-problem');
  }

  async select(rowText: string, column: number): Promise<void> {
    await this.cell(rowText, column).click();
  }

  /** Types into the active cell as a user does: keys, then Enter. */
  async type(text: string, finish: 'Enter' | 'Tab' | null = 'Enter'): Promise<void> {
    await this.page.keyboard.type(text);
    if (finish) await this.page.keyboard.press(finish);
  }

  /** Pastes tab-separated text as Excel or WPS put it on the clipboard. */
  async paste(text: string): Promise<void> {
    await this.editor.evaluate((element, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** What Ctrl+C puts on the clipboard. */
  async copy(): Promise<string> {
    return this.editor.evaluate((element) => {
      const transfer = new DataTransfer();
      element.dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
      return transfer.getData('text/plain');
    });
  }

  /**
   * Types through an input method, as Chinese IMEs do: a composition of `steps` (what the IME shows
   * while the user types pinyin), then `commit` inserted as the composed text (Chrome DevTools Protocol).
   */
  async compose(steps: readonly string[], commit: string): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    for (const step of steps) {
      await cdp.send('Input.imeSetComposition', {
        text: step,
        selectionStart: step.length,
        selectionEnd: step.length,
      });
    }
    await cdp.send('Input.insertText', { text: commit });
    await cdp.detach();
  }
}

/** The row operations above a form, and the catalog search they open. */
export class RowActionsPage {
  readonly bar: Locator;

  constructor(private readonly page: Page) {
    this.bar = page.getByRole('toolbar', { name: '行操作' });
  }

  button(name: string): Locator {
    return this.bar.getByRole('button', { name, exact: true });
  }

  get picker(): Locator {
    return this.page.getByRole('dialog');
  }

  get options(): Locator {
    return this.picker.getByRole('option');
  }

  /** Opens the catalog search with `button`, types `query` and picks the option reading `option`. */
  async addRow(button: string, query: string, option: string | RegExp): Promise<void> {
    await this.button(button).click();
    await this.picker.getByRole('combobox', { name: '搜索科目' }).fill(query);
    await this.options.filter({ hasText: option }).first().click();
  }

  /** Adds a project to 表12 through the 添加项目 dialog. */
  async addProject(name: string, functionCode: string): Promise<void> {
    await this.button('添加项目').click();
    const dialog = this.page.getByRole('dialog', { name: '添加项目' });
    await dialog.getByRole('textbox', { name: '项目名称' }).fill(name);
    await dialog.getByRole('combobox', { name: '功能科目' }).fill(functionCode);
    await dialog.getByRole('button', { name: '添加' }).click();
  }

  /** The question asked before a row with money is removed. */
  get confirmation(): Locator {
    return this.page.getByRole('alertdialog');
  }
}

/** 情况说明 (and 国有资产): figures from the tables, slots the accountant types. */
export class NarrativePage {
  readonly article: Locator;

  constructor(page: Page) {
    this.article = page.getByRole('article');
  }

  /** What the accountant types (reasons, notes), as shown in the text. */
  get slots(): Locator {
    return this.article.locator('.slot');
  }

  get unfilled(): Locator {
    return this.article.locator('.slot.unfilled');
  }

  /** Figures computed from the tables. */
  get figures(): Locator {
    return this.article.locator('.figure:not(.typed-figure)');
  }

  /** Figures the accountant typed (last year's). */
  get typedFigures(): Locator {
    return this.article.locator('.typed-figure');
  }

  get editor(): Locator {
    return this.article.locator('.slot-editor textarea');
  }

  get valueEditor(): Locator {
    return this.article.locator('.slot-editor input');
  }

  get problem(): Locator {
    return this.article.locator('.slot-problem');
  }

  /** The line at the top: what is still to be filled in. */
  get status(): Locator {
    return this.article.getByRole('status');
  }
}

export class FindingsPage {
  readonly panel: Locator;

  constructor(page: Page) {
    this.panel = page.getByRole('complementary', { name: '审核结果' });
  }

  /** The finding buttons, 错误 first. */
  get items(): Locator {
    return this.panel.locator('.finding-button');
  }

  errors(): Locator {
    return this.panel.locator('.finding-button.error');
  }

  /** A finding by its rule id (e.g. B2) and a part of its message. */
  finding(rule: string, text: string | RegExp): Locator {
    return this.items.filter({ hasText: rule }).filter({ hasText: text });
  }

  /** The 说明 box of the 提示 being followed. */
  get explanation(): Locator {
    return this.panel.getByRole('textbox', { name: '说明' });
  }

  /** The cells of the finding being followed, as links. */
  get targets(): Locator {
    return this.panel.getByLabel('当前问题涉及的单元格').getByRole('button');
  }
}

export class BudgetApp {
  readonly form: FormGridPage;
  readonly findings: FindingsPage;
  readonly rows: RowActionsPage;
  readonly narrative: NarrativePage;

  constructor(readonly page: Page) {
    this.narrative = new NarrativePage(page);
    this.form = new FormGridPage(page);
    this.findings = new FindingsPage(page);
    this.rows = new RowActionsPage(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.form.grid).toBeVisible();
  }

  outlineEntry(label: string | RegExp): Locator {
    return this.page.getByRole('navigation', { name: '目录' }).getByRole('button', { name: label });
  }

  async show(label: string | RegExp): Promise<void> {
    await this.outlineEntry(label).click();
  }

  statusBar(): Locator {
    return this.page.getByRole('contentinfo', { name: '状态栏' });
  }

  checkStatus(): Locator {
    return this.page.getByTestId('check-status');
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('toolbar').getByRole('button', { name, exact: true });
  }
}
