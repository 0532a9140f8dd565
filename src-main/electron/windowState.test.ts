/**
 * The remembered window: read back as written, a damaged file ignored, and a position used only where a
 * screen still shows it.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CASCADE_OFFSET,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  placeWindow,
  saveWindowState,
  stateOf,
  windowStatePath,
} from './windowState';

let userData: string;
beforeEach(async () => {
  userData = join(await mkdtemp(join(tmpdir(), 'budget-state-')), 'userData');
});
afterEach(async () => {
  await rm(join(userData, '..'), { recursive: true, force: true });
});

const SCREEN = { x: 0, y: 0, width: 1920, height: 1040 };
const SECOND = { x: 1920, y: 0, width: 1280, height: 984 };

describe('window state', () => {
  it('is the default when nothing was remembered, or the file is damaged', async () => {
    expect(await loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
    await saveWindowState(userData, DEFAULT_WINDOW_STATE);
    await writeFile(windowStatePath(userData), '{"width": "wide"');
    expect(await loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(windowStatePath(userData), '{"width": 5, "height": 5, "maximized": false}');
    expect(await loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('is read back as it was written (atomically: no temporary file left)', async () => {
    const state = stateOf({ x: 100.4, y: 50, width: 1400, height: 900 }, true);
    await saveWindowState(userData, state);
    expect(await loadWindowState(userData)).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
      maximized: true,
    });
    expect(await readdir(userData)).toEqual(['window-state.json']);
  });

  it('places the window where it was when a screen still shows it', () => {
    const state = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeWindow(state, [SCREEN, SECOND])).toEqual({
      bounds: { x: 2000, y: 100, width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('centres the window when its screen is gone, fitting it to the primary screen', () => {
    const state = { x: 2000, y: 100, width: 2400, height: 1300, maximized: true };
    expect(placeWindow(state, [SCREEN])).toEqual({ bounds: { width: 1920, height: 1040 }, maximized: true });
  });

  it('places each further window a little lower and to the right', () => {
    const state = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeWindow(state, [SCREEN], 2).bounds).toMatchObject({
      x: 100 + 2 * CASCADE_OFFSET,
      y: 100 + 2 * CASCADE_OFFSET,
    });
    const centred = placeWindow(DEFAULT_WINDOW_STATE, [SCREEN], 1).bounds;
    expect(centred).toEqual({ x: 277 + CASCADE_OFFSET, y: 136 + CASCADE_OFFSET, width: 1366, height: 768 });
  });

  it('never makes a window smaller than the app can be used at', () => {
    const small = { x: 0, y: 0, width: 800, height: 480, maximized: false };
    expect(placeWindow(small, [{ x: 0, y: 0, width: 1024, height: 700 }]).bounds).toMatchObject({
      width: 1024,
      height: 600,
    });
  });
});
