/**
 * The browser tests' `test`: Playwright's, with every page watched for what an accountant must never
 * meet. An uncaught error in the page or an error written to its console fails the test that caused it,
 * with the messages.
 */
import { expect, test as base } from '@playwright/test';

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`页面异常：${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`控制台错误：${message.text()}`);
      });
      await use(errors);
      expect(errors, '页面不应出现异常或控制台错误').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
