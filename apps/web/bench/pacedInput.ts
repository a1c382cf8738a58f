/** Real input paced at 60 Hz and the frames it gives, shared by the canvas benchmark scenarios. */
import type { CDPSession, Page } from '@playwright/test';
import { type FrameStats, frameStats } from './frameStats.ts';

export const TICK_MS = 1000 / 60;
export const WARMUP_TICKS = 60;
export const RECORDED_TICKS = 180;

declare global {
  interface Window {
    __frames: number[];
    __recording: boolean;
    /** First notes visible: the read-only preview of a large board, or the live board. */
    __readyAt: number | undefined;
    /** Notes visible on the live (editable, synced) board. */
    __liveAt: number | undefined;
  }
}

/**
 * Records rAF timestamps while `__recording`, and when the first notes became visible. A string, not a
 * function: tsx would wrap a function's inner closures in a helper that does not exist in the page.
 */
export const INSTRUMENT = `
  window.__frames = [];
  window.__recording = false;
  window.__readyAt = undefined;
  window.__liveAt = undefined;
  requestAnimationFrame(function loop(time) {
    if (window.__recording) window.__frames.push(time);
    if (window.__readyAt === undefined) {
      const node = document.querySelector('.react-flow__node');
      if (node && getComputedStyle(node).visibility === 'visible') window.__readyAt = performance.now();
    }
    if (window.__liveAt === undefined) {
      const node = document.querySelector('[aria-label="Board canvas"] .react-flow__node');
      if (node && getComputedStyle(node).visibility === 'visible') window.__liveAt = performance.now();
    }
    requestAnimationFrame(loop);
  });
`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PacedResult extends FrameStats {
  /** Main-thread busy time per recorded frame: less sensitive than FPS to other load on the machine. */
  readonly busyPerFrame: number;
  /** Main-thread CPU time per recorded frame (CDP `ThreadTime`): what preemption by other load does not inflate. */
  readonly cpuPerFrame: number;
  /** Of the main thread's busy time per frame: script, style recalculation and layout (CDP metrics). */
  readonly scriptPerFrame: number;
  readonly stylePerFrame: number;
  readonly layoutPerFrame: number;
}

const METRICS = [
  'TaskDuration',
  'ThreadTime',
  'ScriptDuration',
  'RecalcStyleDuration',
  'LayoutDuration',
] as const;
type Metrics = Record<(typeof METRICS)[number], number>;

/** The page's cumulative main-thread metrics, in seconds (Chrome DevTools Protocol `Performance`). */
async function mainThreadMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  const values = new Map(metrics.map((metric) => [metric.name, metric.value]));
  return Object.fromEntries(METRICS.map((name) => [name, values.get(name) ?? Number.NaN])) as Metrics;
}

/** Runs `step(i)` once per 60 Hz tick; records frames for the ticks after the warm-up. */
export async function paced(
  page: Page,
  cdp: CDPSession,
  step: (tick: number) => Promise<void>,
): Promise<PacedResult> {
  const start = performance.now();
  let atStart: Metrics | undefined;
  for (let tick = 0; tick < WARMUP_TICKS + RECORDED_TICKS; tick++) {
    if (tick === WARMUP_TICKS) {
      await page.evaluate(() => {
        window.__frames = [];
        window.__recording = true;
      });
      atStart = await mainThreadMetrics(cdp);
    }
    const wait = start + tick * TICK_MS - performance.now();
    if (wait > 0) await sleep(wait);
    await step(tick);
  }
  const atEnd = await mainThreadMetrics(cdp);
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  const perFrame = (name: keyof Metrics) =>
    ((atEnd[name] - atStart![name]) * 1000) / Math.max(1, frames.length - 1);
  return {
    ...frameStats(frames),
    busyPerFrame: perFrame('TaskDuration'),
    cpuPerFrame: perFrame('ThreadTime'),
    scriptPerFrame: perFrame('ScriptDuration'),
    stylePerFrame: perFrame('RecalcStyleDuration'),
    layoutPerFrame: perFrame('LayoutDuration'),
  };
}

/** The zoom the canvas really has, from React Flow's viewport transform. */
export function currentZoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
  });
}
