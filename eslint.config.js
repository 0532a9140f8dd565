// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/', 'playwright-report/', '.tmp/'],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'src-main/pdf/pdfWorkerSource.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-restricted-properties': [
        'error',
        { object: 'Number', property: 'parseFloat', message: '金额一律经 decimal.js 计算。' },
      ],
      'no-restricted-globals': ['error', { name: 'parseFloat', message: '金额一律经 decimal.js 计算。' }],
    },
  },
  {
    // shared/ is pure domain code, run in the main process, the renderer and the command line alike.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'shared/ 不得依赖 Node：把副作用放在 src-main。' },
            { group: ['electron', 'electron/*'], message: 'shared/ 不得依赖 Electron。' },
            { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'shared/ 不得依赖界面库。' },
            {
              group: ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'buffer'],
              message: 'shared/ 不得依赖 Node 内置模块。',
            },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'shared/ 不得引用应用层代码。' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer'].map(
          (name) => ({
            name,
            message: 'shared/ 是纯领域代码，不得使用浏览器或 Node 全局对象。',
          }),
        ),
        { name: 'parseFloat', message: '金额一律经 decimal.js 计算。' },
      ],
    },
  },
  {
    // Plain JavaScript config files are outside every tsconfig: lint them without type information.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src-main/**/*.ts', 'tests/**/*.ts', '*.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
);
