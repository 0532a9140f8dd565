import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { BUNDLED_FONT_FILES } from './src-main/pdf/fontFiles.ts';

/** The renderer: a static React app loaded from disk by the Electron window (relative asset paths). */
const renderer: UserConfig = {
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Loaded from disk, not a network: the warning's 500 kB is for downloads. The app's chunk (about
    // 1 MB: React, the catalogs, pinyin-pro's dictionary) and the Excel one (exceljs, loaded on the
    // first export or import) stay under this.
    chunkSizeWarningLimit: 1200,
  },
};

/** The app's runtime dependencies: packaged as they are in node_modules, not bundled (pdfmake reads files). */
const dependencies = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies,
);

/** Copies the report's fonts, just the weights it uses, to out/fonts (src-main/pdf/fontFiles.ts). */
function copyFonts(): Plugin {
  const resolve = createRequire(import.meta.url).resolve;
  return {
    name: 'copy-report-fonts',
    writeBundle() {
      mkdirSync('out/fonts', { recursive: true });
      for (const [name, source] of Object.entries(BUNDLED_FONT_FILES)) {
        copyFileSync(resolve(source), join('out/fonts', name));
      }
    },
  };
}

/**
 * `vite build --mode main` and `--mode preload`: the Electron main process (with the PDF layout worker,
 * src-main/pdf/pdfWorker.ts, beside it as pdfWorker.cjs) and the preload, CommonJS (a sandboxed preload can
 * require nothing but electron, and cannot be an ES module). electron, Node's built-ins and, for the main
 * process, the runtime dependencies stay external; the preload is self-contained.
 */
function electronEntry(entry: 'main' | 'preload'): UserConfig {
  const entries: Record<string, string> =
    entry === 'main'
      ? { main: 'src-main/electron/main.ts', pdfWorker: 'src-main/pdf/pdfWorker.ts' }
      : { preload: 'src-main/electron/preload.ts' };
  const packages = entry === 'main' ? dependencies.map((name) => new RegExp(`^${name}(/|$)`)) : [];
  return {
    plugins: entry === 'main' ? [copyFonts()] : [],
    // CommonJS has no import.meta: the module's own URL is its file's (render.ts finds fonts and the worker by it).
    define: { 'import.meta.url': 'require("node:url").pathToFileURL(__filename).href' },
    build: {
      outDir: 'out/main',
      emptyOutDir: entry === 'main',
      target: 'node22',
      minify: false,
      lib: {
        entry: entries,
        formats: ['cjs'],
        fileName: (_format, name) => `${name}.cjs`,
      },
      rolldownOptions: {
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...packages],
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  ...(mode === 'main' || mode === 'preload' ? electronEntry(mode) : renderer),
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'src-main/**/*.test.ts', 'tests/unit/**/*.test.ts'],
  },
}));
