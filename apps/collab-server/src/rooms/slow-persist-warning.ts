import type { Logger } from '../logger.ts';

/** An append slower than this is worth a warning. */
const SLOW_PERSIST_MS = 100;
/** After a warning, further slow appends are summed up in one line per window. */
const WINDOW_MS = 10_000;

/**
 * The `slow persist` warning, for every board of the process. An overloaded database or disk makes
 * every board's appends slow at once, and a line for each (thousands a second) would add to the load
 * it reports: the first is logged at once, the rest of each 10 s window in one line with their count
 * and the slowest.
 */
export class SlowPersistWarning {
  private windowEnds: NodeJS.Timeout | undefined;
  private count = 0;
  private slowest = { board: '', ms: 0 };

  constructor(
    private readonly log: Logger,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** An append of `board` took `ms`; ignored unless slow. */
  observe(board: string, ms: number): void {
    if (ms <= SLOW_PERSIST_MS) return;
    if (!this.windowEnds) {
      this.log.warn({ board, ms: Math.round(ms) }, 'slow persist');
      this.startWindow();
      return;
    }
    this.count++;
    if (ms > this.slowest.ms) this.slowest = { board, ms };
  }

  private startWindow(): void {
    this.windowEnds = setTimeout(() => this.endWindow(), this.windowMs);
    this.windowEnds.unref();
  }

  private endWindow(): void {
    this.windowEnds = undefined;
    if (this.count === 0) return;
    const { board, ms } = this.slowest;
    this.log.warn(
      {
        count: this.count,
        withinSeconds: this.windowMs / 1000,
        slowestBoard: board,
        slowestMs: Math.round(ms),
      },
      'slow persists',
    );
    this.count = 0;
    this.slowest = { board: '', ms: 0 };
    // Still slow: the next window sums up again rather than logging its first at once.
    this.startWindow();
  }
}
