/**
 * The app in Chromium (run by run.ts as a child process; prints JSON): how long the sample takes to
 * open (navigation to the first form on screen), and how long typing an amount takes on the sample
 * and on the 100× document — from the Enter that commits it until the cell, the totals, the outline
 * counts and the findings panel are updated and laid out (what must fit in one 16 ms frame). Also the
 * time until the next frame is presented, for information. And at 100×, adding a project: until its row
 * is shown, until the findings are in (the edit checks everything again, in the background, in short
 * steps, then builds what a one-cell re-check needs), and the first amount typed in it.
 *
 * Needs the built renderer (out/renderer: `vite build`) and Debian's chromium (/usr/bin/chromium).
 */
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { serializeDocument } from '../../shared/document/file';
import { generateDocument } from '../../shared/sample/generate';

const PORT = 4180;
const OPEN_RUNS = 5;
const EDITS_PER_FORM = 40;
const ROWS_ADDED = 3;
/** Time for the background steps after a row is added, before the amount is typed (a person's pause). */
const PAUSE_AFTER_ADDING_MS = 2000;

interface Typing {
  readonly document: string;
  readonly edits: number;
  readonly updateMedianMs: number;
  readonly updateP95Ms: number;
  readonly nextFrameMedianMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Types `count` amounts in the shown form, in the page itself (no round trips): moves `move` (down a
 * column, or right along the selected row) to the next typed cell, types a digit, and times the Enter
 * that commits it.
 */
async function typeAmounts(
  page: Page,
  count: number,
  move: 'ArrowDown' | 'ArrowRight',
): Promise<{ update: number[]; frame: number[] }> {
  return page.evaluate(
    async ([edits, direction]) => {
      const nextFrame = () =>
        new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const editor = document.querySelector<HTMLInputElement>('.cell-editor');
      if (!editor) throw new Error('no cell editor');
      const key = (name: string) =>
        editor.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      const update: number[] = [];
      const frame: number[] = [];
      for (let i = 0; i < edits; i++) {
        key(direction);
        await nextFrame();
        const typedCellActive = () =>
          document.querySelector('td.active')?.getAttribute('aria-readonly') === 'false';
        for (let step = 0; step < 12 && !typedCellActive(); step++) {
          key(direction);
          await nextFrame();
        }
        if (!typedCellActive()) {
          if (direction === 'ArrowRight') throw new Error('no typed cell in the row');
          // At the foot of the form: back to the top of the column.
          editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', ctrlKey: true, bubbles: true }));
          for (const move of ['ArrowRight', 'ArrowRight', 'ArrowRight']) key(move);
          await nextFrame();
          for (let step = 0; step < 12 && !typedCellActive(); step++) {
            key('ArrowDown');
            await nextFrame();
          }
        }
        editor.value = String((i % 9) + 1);
        editor.dispatchEvent(
          new InputEvent('input', { bubbles: true, inputType: 'insertText', data: editor.value }),
        );
        await nextFrame();
        if (!editor.classList.contains('editing')) throw new Error('typing did not start editing');
        const start = performance.now();
        key('Enter');
        // React renders the update in a microtask, which a key the user presses gets right after its
        // handler; an event dispatched from here gets it at this await. Then style and layout of what
        // the commit changed: the work of this frame.
        await Promise.resolve();
        document.body.getBoundingClientRect();
        update.push(performance.now() - start);
        await nextFrame();
        frame.push(performance.now() - start);
      }
      return { update, frame };
    },
    [count, move] as const,
  );
}

/** Adding a project at 100×, and the first amount typed in it (medians of ROWS_ADDED). */
interface RowAdded {
  /** From the click on 添加 until the row is in the table and laid out: what the accountant waits for. */
  readonly shownMs: number;
  /** From the same click until the findings of the whole budget are in (checked in the background). */
  readonly checkedMs: number;
  /** The first amount typed in the row after a pause, timed as typeAmounts does. */
  readonly firstAmountMs: number;
}

/**
 * At 100×: adds a project to 表12 ROWS_ADDED times, timing the click on 添加 until the row is shown, and
 * until the findings are in; after a pause, types an amount in the new row and times its Enter.
 */
async function measureRowAdded(page: Page): Promise<RowAdded> {
  await page
    .getByRole('navigation', { name: '目录' })
    .getByRole('button', { name: /^表12 / })
    .click();
  const shown: number[] = [];
  const checked: number[] = [];
  const typed: number[] = [];
  for (let added = 0; added < ROWS_ADDED; added++) {
    const name = `基准新增项目${added + 1}`;
    await page.getByRole('button', { name: '添加项目' }).click();
    const dialog = page.getByRole('dialog', { name: '添加项目' });
    await dialog.getByRole('textbox', { name: '项目名称' }).fill(name);
    await dialog.getByRole('combobox', { name: '功能科目' }).fill('2010399');
    const times = await page.evaluate(async (project) => {
      const add = [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].find(
        (button) => button.textContent === '添加',
      );
      const status = document.querySelector('[data-testid="check-status"]');
      if (!add || !status) throw new Error('no 添加 button or check status');
      /** Resolves once `done` holds, checked after each change of the page. */
      const until = (done: () => boolean) =>
        new Promise<void>((resolve) => {
          if (done()) resolve();
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            resolve();
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      const start = performance.now();
      add.click();
      // The new row is selected, so scrolled into sight (the grid makes the rows in sight only).
      await until(() => document.querySelector('[role="grid"]')?.textContent.includes(project) === true);
      document.body.getBoundingClientRect();
      const shownMs = performance.now() - start;
      await until(() => status.textContent !== '正在审核…');
      return { shownMs, checkedMs: performance.now() - start };
    }, name);
    shown.push(times.shownMs);
    checked.push(times.checkedMs);
    await page.waitForTimeout(PAUSE_AFTER_ADDING_MS);
    // The added row is selected at its name: right to its first typed amount.
    const { update } = await typeAmounts(page, 1, 'ArrowRight');
    typed.push(...update);
  }
  const median = (times: number[]) =>
    round(
      percentile(
        [...times].sort((a, b) => a - b),
        0.5,
      ),
    );
  return { shownMs: median(shown), checkedMs: median(checked), firstAmountMs: median(typed) };
}

async function measureTyping(page: Page, name: string, forms: readonly RegExp[]): Promise<Typing> {
  const update: number[] = [];
  const frame: number[] = [];
  for (const form of forms) {
    await page.getByRole('navigation', { name: '目录' }).getByRole('button', { name: form }).click();
    // Start on the first row of the 基本支出 / first amount column.
    await page.getByRole('gridcell').first().click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const measured = await typeAmounts(page, EDITS_PER_FORM, 'ArrowDown');
    update.push(...measured.update);
    frame.push(...measured.frame);
  }
  update.sort((a, b) => a - b);
  frame.sort((a, b) => a - b);
  return {
    document: name,
    edits: update.length,
    updateMedianMs: round(percentile(update, 0.5)),
    updateP95Ms: round(percentile(update, 0.95)),
    nextFrameMedianMs: round(percentile(frame, 0.5)),
  };
}

const server = await preview({
  preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  logLevel: 'silent',
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const base = `http://127.0.0.1:${PORT}/`;
  const opens: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const start = performance.now();
    await page.goto(base);
    await page.getByRole('gridcell').first().waitFor();
    opens.push(performance.now() - start);
    await page.close();
  }
  opens.sort((a, b) => a - b);

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(base);
  await page.getByRole('gridcell').first().waitFor();
  const sample = await measureTyping(page, '样例 sample', [/^表3 /]);
  await page.close();

  const large = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const text = serializeDocument(generateDocument({ scale: 100, seed: 1 }));
  await large.route('**/bench-100x.json', (route) =>
    route.fulfill({ body: text, contentType: 'application/json' }),
  );
  const openStart = performance.now();
  await large.goto(`${base}?open=bench-100x.json`);
  await large.getByRole('gridcell').first().waitFor();
  const openLargeMs = performance.now() - openStart;
  const hundred = await measureTyping(large, '100×', [/^表3 /, /^表12 /]);
  const rowAdded = await measureRowAdded(large);

  process.stdout.write(
    `${JSON.stringify({ openSampleMs: round(percentile(opens, 0.5)), openLargeMs: round(openLargeMs), typing: [sample, hundred], rowAdded })}\n`,
  );
} finally {
  await browser.close();
  await server.close();
}
