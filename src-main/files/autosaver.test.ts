/**
 * Autosave timing, driven by a hand-moved clock and timer: at most one journal write per interval, only
 * the latest text, nothing after a save until the next change; and, with real journals, the journal
 * appears while there are unsaved changes and is gone after the save.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Autosaver, type Clock, type Timers } from './autosaver';
import {
  discardJournal,
  journalDirectory,
  journalPathFor,
  writeJournal,
  type JournalEnvelope,
} from './journal';

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock and timer moved by hand. */
class ManualTime implements Clock, Timers {
  private time = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.due.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.due.size;
  }

  /** Moves time forward, running each timer at its time (and the promise callbacks it starts). */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const next = [...this.due.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (next === undefined) break;
      this.due.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
      await settle();
    }
    this.time = end;
  }
}

function setup(options: { failWrites?: number } = {}) {
  const time = new ManualTime();
  const writes: { at: number; text: string }[] = [];
  const errors: unknown[] = [];
  let discards = 0;
  let failures = options.failWrites ?? 0;
  const autosaver = new Autosaver({
    write: (text) => {
      if (failures > 0) {
        failures--;
        return Promise.reject(new Error('ENOSPC'));
      }
      writes.push({ at: time.now(), text });
      return Promise.resolve();
    },
    discard: () => {
      discards++;
      return Promise.resolve();
    },
    clock: time,
    timers: time,
    onError: (error) => errors.push(error),
  });
  return { time, writes, errors, autosaver, discards: () => discards };
}

describe('Autosaver', () => {
  it('writes nothing while there are no changes', async () => {
    const { time, writes, autosaver } = setup();
    await time.advance(60_000);
    expect(writes).toEqual([]);
    expect(autosaver.hasUnsavedChanges).toBe(false);
  });

  it('writes the first change at once, then the latest text at most every 5 seconds', async () => {
    const { time, writes, autosaver } = setup();
    autosaver.changed('a');
    autosaver.changed('ab'); // same turn: one write
    await time.advance(0);
    expect(writes).toEqual([{ at: 0, text: 'ab' }]);

    await time.advance(1000);
    autosaver.changed('abc');
    await time.advance(1000);
    autosaver.changed('abcd');
    await time.advance(2000);
    expect(writes).toHaveLength(1); // t = 4 s: not yet
    await time.advance(1000);
    expect(writes).toEqual([
      { at: 0, text: 'ab' },
      { at: 5000, text: 'abcd' },
    ]);
    await time.advance(30_000);
    expect(writes).toHaveLength(2); // no change since: nothing more
    expect(autosaver.hasUnsavedChanges).toBe(true);

    autosaver.changed('abcde'); // after a quiet spell: at once
    await time.advance(0);
    expect(writes[2]).toEqual({ at: 35_000, text: 'abcde' });
  });

  it('when clean again (saved elsewhere, or undone), stops and discards whatever text it last got', async () => {
    const { time, writes, autosaver, discards } = setup();
    autosaver.changed('v1');
    await time.advance(0);
    autosaver.changed('v2'); // pending, never written
    await autosaver.clean();
    expect(discards()).toBe(1);
    expect(autosaver.hasUnsavedChanges).toBe(false);
    expect(time.pendingTimers).toBe(0);
    await time.advance(60_000);
    expect(writes.map((w) => w.text)).toEqual(['v1']);
    autosaver.changed('v3');
    await time.advance(0);
    expect(writes.map((w) => w.text)).toEqual(['v1', 'v3']);
  });

  it('stops after a save, discards the journal, and starts again on the next change', async () => {
    const { time, writes, autosaver, discards } = setup();
    autosaver.changed('v1');
    await time.advance(0);
    autosaver.changed('v2');
    await autosaver.saved('v2');
    expect(discards()).toBe(1);
    expect(autosaver.hasUnsavedChanges).toBe(false);
    expect(time.pendingTimers).toBe(0);
    await time.advance(60_000);
    expect(writes.map((w) => w.text)).toEqual(['v1']);

    autosaver.changed('v3');
    await time.advance(0);
    expect(writes.map((w) => w.text)).toEqual(['v1', 'v3']);
  });

  it('keeps the journal when the document changed again while it was being saved', async () => {
    const { time, writes, autosaver, discards } = setup();
    autosaver.changed('v1');
    await time.advance(0);
    autosaver.changed('v2'); // typed after the save of v1 began
    await autosaver.saved('v1');
    expect(discards()).toBe(0);
    expect(autosaver.hasUnsavedChanges).toBe(true);
    await time.advance(5000);
    expect(writes.map((w) => w.text)).toEqual(['v1', 'v2']);
  });

  it('reports a failed write and tries again after the interval', async () => {
    const { time, writes, errors, autosaver } = setup({ failWrites: 1 });
    autosaver.changed('v1');
    await time.advance(0);
    expect(errors).toHaveLength(1);
    expect(writes).toEqual([]);
    await time.advance(5000);
    expect(writes).toEqual([{ at: 5000, text: 'v1' }]);
  });

  it('writes pending text on flush, and nothing after a clean close', async () => {
    const { time, writes, autosaver, discards } = setup();
    autosaver.changed('v1');
    await time.advance(0);
    autosaver.changed('v2');
    await autosaver.flush();
    expect(writes.map((w) => w.text)).toEqual(['v1', 'v2']);
    await autosaver.close();
    expect(discards()).toBe(1);
    autosaver.changed('v3');
    await time.advance(60_000);
    expect(writes.map((w) => w.text)).toEqual(['v1', 'v2']);
  });
});

describe('Autosaver with real journals', () => {
  let folder = '';
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps the unsaved text in the journal until the save, then removes it', async () => {
    folder = await mkdtemp(join(tmpdir(), 'budget-autosave-'));
    const userData = join(folder, 'userData');
    const target = { documentPath: join(folder, '预算.json') };
    const time = new ManualTime();
    const autosaver = new Autosaver({
      write: (text) => writeJournal(userData, target, text),
      discard: () => discardJournal(userData, target),
      clock: time,
      timers: time,
    });
    autosaver.changed('{"edited": 1}');
    await time.advance(0);
    await autosaver.flush(); // waits for the write in progress
    const envelope = JSON.parse(await readFile(journalPathFor(userData, target), 'utf8')) as JournalEnvelope;
    expect(envelope.text).toBe('{"edited": 1}');

    await autosaver.saved('{"edited": 1}');
    expect(await readdir(journalDirectory(userData))).toEqual([]);
  });
});
