/**
 * The window's size, position and maximized state, remembered between runs in
 * `<userData>/window-state.json` (written atomically). A remembered position is used only when the window
 * would still be visible on one of the screens there are now (a monitor unplugged, a resolution changed);
 * otherwise the window is centred at its remembered size, fitted to the screen. Each new document window
 * is placed a little below and to the right of the last one.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomicWrite';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly width: number;
  readonly height: number;
  /** Absent: centred. */
  readonly x?: number;
  readonly y?: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1366, height: 768, maximized: false };
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 600;
/** How far each further window is moved from the last. */
export const CASCADE_OFFSET = 28;
/** How much of the title bar must be on a screen for a remembered position to be used. */
const MIN_VISIBLE = 100;

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(200).max(100_000);
const stateSchema = z.object({
  width: size,
  height: size,
  x: coordinate.optional(),
  y: coordinate.optional(),
  maximized: z.boolean(),
});

export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, WINDOW_STATE_FILE);
}

/** The remembered state, or the default when there is none or it cannot be read. Never throws. */
export async function loadWindowState(userDataDir: string): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(windowStatePath(userDataDir), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(userDataDir: string, state: WindowState): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  await writeFileAtomic(windowStatePath(userDataDir), `${JSON.stringify(state, null, 2)}\n`);
}

/** The state to remember of a window: its normal (not maximized) bounds, and whether it is maximized. */
export function stateOf(normalBounds: Rectangle, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
}

/**
 * Where to open a window: the remembered state, fitted to the screens' work areas (`displays`, the primary
 * first), moved `cascade` steps down and right for each window already open.
 */
export function placeWindow(
  state: WindowState,
  displays: readonly Rectangle[],
  cascade = 0,
): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  const primary = displays[0];
  const limit = (value: number, max: number | undefined, min: number) =>
    Math.max(min, max === undefined ? value : Math.min(value, max));
  if (state.x === undefined || state.y === undefined) {
    const width = limit(state.width, primary?.width, MIN_WIDTH);
    const height = limit(state.height, primary?.height, MIN_HEIGHT);
    if (!primary || cascade === 0) return { bounds: { width, height }, maximized: state.maximized };
    const x = primary.x + Math.max(0, (primary.width - width) / 2) + cascade * CASCADE_OFFSET;
    const y = primary.y + Math.max(0, (primary.height - height) / 2) + cascade * CASCADE_OFFSET;
    return { bounds: { x: Math.round(x), y: Math.round(y), width, height }, maximized: state.maximized };
  }
  const moved: Rectangle = {
    x: state.x + cascade * CASCADE_OFFSET,
    y: state.y + cascade * CASCADE_OFFSET,
    width: state.width,
    height: state.height,
  };
  const screen = displays.find((display) => titleBarVisible(moved, display));
  if (!screen) return placeWindow({ ...state, x: undefined, y: undefined }, displays, cascade);
  const width = limit(moved.width, screen.width, MIN_WIDTH);
  const height = limit(moved.height, screen.height, MIN_HEIGHT);
  // Keep the window's top inside the screen (the title bar is how it is moved).
  const x = Math.min(
    Math.max(moved.x, screen.x - width + MIN_VISIBLE),
    screen.x + screen.width - MIN_VISIBLE,
  );
  const y = Math.min(Math.max(moved.y, screen.y), screen.y + screen.height - MIN_VISIBLE);
  return { bounds: { x, y, width, height }, maximized: state.maximized };
}

/** Whether enough of the window's top edge lies within the screen to grab it. */
function titleBarVisible(window: Rectangle, screen: Rectangle): boolean {
  const left = Math.max(window.x, screen.x);
  const right = Math.min(window.x + window.width, screen.x + screen.width);
  const topInside = window.y >= screen.y && window.y < screen.y + screen.height - MIN_VISIBLE / 2;
  return topInside && right - left >= MIN_VISIBLE;
}
