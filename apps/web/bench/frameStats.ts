export interface FrameStats {
  readonly fps: number;
  readonly p50: number;
  readonly p95: number;
  /** Share of frames later than one 60 Hz frame (Chromium reads on-time frames as 16.6–16.8 ms). */
  readonly over17_7: number;
  readonly over50: number;
  readonly max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Frame statistics from requestAnimationFrame timestamps (ms). */
export function frameStats(timestamps: readonly number[]): FrameStats {
  const deltas = timestamps.slice(1).map((t, i) => t - timestamps[i]!);
  const sorted = [...deltas].sort((a, b) => a - b);
  const duration = timestamps.at(-1)! - timestamps[0]!;
  return {
    fps: duration > 0 ? (deltas.length * 1000) / duration : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    over17_7: deltas.filter((d) => d > 17.7).length / Math.max(1, deltas.length),
    over50: deltas.filter((d) => d > 50).length / Math.max(1, deltas.length),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
