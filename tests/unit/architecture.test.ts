/**
 * shared/ is pure domain code: it runs in the main process, the renderer and the command line alike, so
 * it may import nothing from Electron, Node or the DOM. ESLint forbids such imports as they are written;
 * this test checks the whole tree, and that shared/'s compiler settings leave out DOM and Node types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SHARED = join(root, 'shared');
/** The npm packages shared/ may use: pure JavaScript that runs anywhere. */
const ALLOWED_PACKAGES = ['zod', 'decimal.js', 'exceljs', 'fflate', 'pdfmake/interfaces', 'pinyin-pro'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? '');
  return specifiers;
}

describe('shared/', () => {
  const files = sourceFiles(SHARED);

  it('is found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports only its own modules and pure packages', () => {
    const offending = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => !spec.startsWith('.') && !ALLOWED_PACKAGES.includes(spec))
        .map((spec) => `${relative(root, file)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('never reaches out of shared/ into the app layers', () => {
    const offending = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => /src-main|src-renderer/.test(spec))
        .map((spec) => `${relative(root, file)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('is type-checked without the DOM library or Node types', () => {
    const config = JSON.parse(
      readFileSync(join(root, 'tsconfig.shared.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
    ) as { compilerOptions: { lib: string[]; types: string[] }; include: string[] };
    expect(config.compilerOptions.lib).toEqual(['ES2023']);
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.include).toEqual(['shared/**/*.ts']);
  });

  it('would catch a forbidden import (the scanner itself works)', () => {
    expect(
      importsOf("import { app } from 'electron';\nimport x from \"node:fs\";\nconst y = import('react');"),
    ).toEqual(['electron', 'node:fs', 'react']);
  });
});
