import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/** The renderer: a static React app loaded from disk by the Electron window (relative asset paths). */
const renderer: UserConfig = {
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true },
};

/**
 * `vite build --mode main` and `--mode preload`: the Electron main process and the preload, each one
 * self-contained CommonJS file (a sandboxed preload can require nothing but electron, and cannot be an
 * ES module). electron and Node's built-ins stay external.
 */
function electronEntry(entry: 'main' | 'preload'): UserConfig {
  return {
    build: {
      outDir: 'out/main',
      emptyOutDir: entry === 'main',
      target: 'node22',
      minify: false,
      lib: {
        entry: { [entry]: `src-main/electron/${entry}.ts` },
        formats: ['cjs'],
        fileName: (_format, name) => `${name}.cjs`,
      },
      rolldownOptions: {
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
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
