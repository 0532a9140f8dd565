/**
 * Autosave timing: while a document has unsaved changes, its text is written to the recovery journal
 * (journal.ts) at most once every N seconds (default 5). The first change after a quiet spell is written
 * at once (on the next turn of the event loop, so a burst of changes is written once); later ones wait
 * until N seconds have passed since the last write, and only the latest text is written. After a save
 * (or a clean close) pending writes are cancelled, and the journal is discarded once any write in
 * progress has finished, so a late write cannot leave a journal behind.
 *
 * The clock and the timer are injectable so tests can drive time by hand.
 */

export interface Clock {
  now(): number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaverOptions {
  /** Writes the text to the journal (e.g. `(text) => writeJournal(userData, target, text)`). */
  readonly write: (text: string) => Promise<unknown>;
  /** Removes the journal (e.g. `() => discardJournal(userData, target)`). */
  readonly discard: () => Promise<void>;
  /** At most one write per this many milliseconds (default 5000). */
  readonly intervalMs?: number;
  readonly clock?: Clock;
  readonly timers?: Timers;
  /** Told of a failed write (the text stays pending and is tried again after the interval). */
  readonly onError?: (error: unknown) => void;
}

export const DEFAULT_AUTOSAVE_INTERVAL_MS = 5000;

const systemClock: Clock = { now: () => Date.now() };
const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Autosaver {
  private readonly write: (text: string) => Promise<unknown>;
  private readonly discard: () => Promise<void>;
  private readonly intervalMs: number;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly onError: (error: unknown) => void;

  /** The latest text not yet written to the journal, or null when there is none. */
  private pending: string | null = null;
  /** The latest text given by changed(). */
  private latest: string | null = null;
  /** Whether the document has changes not saved to its file. */
  private dirty = false;
  private lastWriteAt: number | null = null;
  private timer: unknown = null;
  private writing: Promise<void> | null = null;
  private stopped = false;

  constructor(options: AutosaverOptions) {
    this.write = options.write;
    this.discard = options.discard;
    this.intervalMs = options.intervalMs ?? DEFAULT_AUTOSAVE_INTERVAL_MS;
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? systemTimers;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Whether there are changes not saved to the document file. */
  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** The document changed; `text` is its current serialized text. */
  changed(text: string): void {
    if (this.stopped) return;
    this.dirty = true;
    this.latest = text;
    this.pending = text;
    this.schedule();
  }

  /**
   * The document was saved with `savedText`. Stops autosaving (until the next change) and discards the
   * journal — unless changes made since then are still unsaved, whose journal is kept.
   */
  async saved(savedText: string): Promise<void> {
    if (this.latest !== null && this.latest !== savedText) return;
    this.pending = null;
    this.dirty = false;
    this.cancelTimer();
    await this.writing;
    // A change may have arrived while the last write finished.
    if (!this.hasUnsavedChanges) await this.discard();
  }

  /**
   * The document has no unsaved changes any more (saved, or its changes undone), whatever text the journal
   * last got: stops autosaving until the next change and discards the journal.
   */
  async clean(): Promise<void> {
    this.pending = null;
    this.latest = null;
    this.dirty = false;
    this.cancelTimer();
    await this.writing;
    // A change may have arrived while the last write finished.
    if (!this.hasUnsavedChanges) await this.discard();
  }

  /** Writes any pending text now (e.g. before the system shuts down). */
  async flush(): Promise<void> {
    await this.writing;
    this.cancelTimer();
    if (this.pending !== null) this.startWrite();
    await this.writing;
  }

  /** The document was closed cleanly (saved, or the user chose not to keep the changes). */
  async close(): Promise<void> {
    this.stopped = true;
    this.pending = null;
    this.latest = null;
    this.dirty = false;
    this.cancelTimer();
    await this.writing;
    await this.discard();
  }

  private schedule(): void {
    if (this.timer !== null || this.writing !== null || this.pending === null) return;
    const delay =
      this.lastWriteAt === null ? 0 : Math.max(0, this.lastWriteAt + this.intervalMs - this.clock.now());
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.startWrite();
    }, delay);
  }

  private startWrite(): void {
    const text = this.pending;
    if (text === null || this.stopped) return;
    this.pending = null;
    this.lastWriteAt = this.clock.now();
    this.writing = this.write(text).then(
      () => undefined,
      (error: unknown) => {
        this.onError(error);
        // Try again later with this text, unless a newer one has come.
        if (this.dirty) this.pending ??= text;
      },
    );
    void this.writing.finally(() => {
      this.writing = null;
      if (!this.stopped) this.schedule();
    });
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
