import { RateLimiter } from '../sync/rate-limiter.ts';

const SWEEP_EVERY = 1_000;

/** One token bucket per client address (`perMinute` sustained, bursts of the same size). */
export class AddressRateLimiter {
  private readonly buckets = new Map<string, { limiter: RateLimiter; last: number }>();
  private takes = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Takes one attempt for `address`; false when it has used up its allowance. */
  take(address: string): boolean {
    if (++this.takes % SWEEP_EVERY === 0) this.sweep();
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = { limiter: new RateLimiter(this.perMinute / 60, this.perMinute, this.now), last: 0 };
      this.buckets.set(address, bucket);
    }
    bucket.last = this.now();
    return bucket.limiter.take();
  }

  /** Seconds until `address` may try again (for `Retry-After`). */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(60 / this.perMinute));
  }

  // An address idle for a minute has a full bucket again: forgetting it changes nothing, and bounds memory.
  private sweep(): void {
    const cutoff = this.now() - 60_000;
    for (const [address, bucket] of this.buckets) if (bucket.last < cutoff) this.buckets.delete(address);
  }
}
