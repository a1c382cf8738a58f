/**
 * Where the frame time of issue #16's grid scenario goes: opens the grid in Squall (or the reference
 * page with PROFILE_PAGE=reference), then records a Chromium performance trace and a JS CPU profile
 * (CDP) over the wheel pan and over the zoom sweep, and prints the main thread's time by trace event
 * (self time: script, style, layout, paint, …) and the functions with the most self time.
 *
 *   npx tsx bench/profileGrid.ts    (PROFILE_SIZE=5000; BENCH_DIST=<unminified build> for names)
 */
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { importGrid, ZOOM_SWEEP } from './gridBench.ts';
import { currentZoom, INSTRUMENT, sleep, TICK_MS } from './pacedInput.ts';
import { startReferencePage } from './referencePage.ts';
import { startServer } from './startServer.ts';

const SIZE = Number(process.env.PROFILE_SIZE ?? 5000);
const REFERENCE = process.env.PROFILE_PAGE === 'reference';
const dist = process.env.BENCH_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
const serverEntry = fileURLToPath(new URL('../../collab-server/dist/main.js', import.meta.url));
const TICKS = 180;
// PROFILE_TRACE=0: the CPU profile only (a trace slows the page down about twice).
const TRACE = process.env.PROFILE_TRACE !== '0';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { name?: string };
}

/** Self time (ms) by event name on the renderer's main thread, from complete ('X') events. */
function mainThreadSelfTimes(events: readonly TraceEvent[]): Map<string, number> {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const own = events
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: Array<{ end: number; name: string }> = [];
  for (const event of own) {
    while (stack.length > 0 && stack.at(-1)!.end <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur! / 1000);
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur! / 1000);
    stack.push({ end: event.ts + event.dur!, name: event.name });
  }
  return self;
}

interface ProfileNode {
  readonly id: number;
  readonly children?: number[];
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly hitCount?: number;
}

/** Self time (ms) by function from a CDP CPU profile. */
function functionSelfTimes(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.split('/').at(-1) ?? '';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return self;
}

/** Total (inclusive) time (ms) by function from a CDP CPU profile; recursion counted once. */
function functionTotalTimes(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!url) continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return total;
}

function top(map: Map<string, number>, count: number): string {
  return [...map]
    .filter(([, ms]) => ms > 0.5)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${name}`)
    .join('\n');
}

async function profiled(page: Page, cdp: CDPSession, label: string, step: (tick: number) => Promise<void>) {
  const browser = page.context().browser()!;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (TRACE)
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink',
        'cc',
        'v8.execute',
        'toplevel',
      ],
    });
  await cdp.send('Profiler.start');
  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
  });
  const start = performance.now();
  for (let tick = 0; tick < TICKS; tick++) {
    const wait = start + tick * TICK_MS - performance.now();
    if (wait > 0) await sleep(wait);
    await step(tick);
  }
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: Parameters<typeof functionSelfTimes>[0];
  };
  const trace = TRACE
    ? (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    : { traceEvents: [] };
  const file = join(tmpdir(), `squall-grid-${label}.json`);
  writeFileSync(file, JSON.stringify(trace));
  writeFileSync(file.replace('.json', '.cpuprofile'), JSON.stringify(profile));
  const times = mainThreadSelfTimes(trace.traceEvents);
  const total = [...times.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n== ${label}: ${frames.length - 1} frames in ${(frames.at(-1)! - frames[0]!).toFixed(0)} ms, ` +
      `main thread ${total.toFixed(0)} ms (trace ${file}) ==`,
  );
  console.log(top(times, 18));
  console.log('-- JS self time by function --');
  console.log(top(functionSelfTimes(profile), 25));
  console.log('-- JS total time by function --');
  console.log(top(functionTotalTimes(profile), 40));
}

async function main() {
  const server = await startServer(serverEntry, dist);
  const reference = REFERENCE ? await startReferencePage() : null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const link = await importGrid(server.url, SIZE);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.addInitScript(INSTRUMENT);
    await page.addInitScript(() => window.localStorage.setItem('squall:userName', 'Bench'));
    const x = -3_780;
    const y = -4_450;
    await page.goto(reference ? `${reference.url}?n=${SIZE}&x=${x}&y=${y}&zoom=0.35` : link);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const centre = { x: 640, y: 400 };
    await page.mouse.move(centre.x, centre.y);
    await profiled(page, cdp, 'pan', (tick) => {
      const angle = (tick / 120) * 2 * Math.PI;
      return page.mouse.wheel(24 * Math.cos(angle), 24 * Math.sin(angle));
    });
    let direction = -1;
    await page.keyboard.down('Control');
    await profiled(page, cdp, 'zoom', async () => {
      const zoom = await currentZoom(page);
      if (zoom >= ZOOM_SWEEP[1]) direction = 1;
      else if (zoom <= ZOOM_SWEEP[0]) direction = -1;
      await page.mouse.wheel(0, 20 * direction);
    });
    await page.keyboard.up('Control');
  } finally {
    await browser.close();
    await server.stop();
    await reference?.stop();
  }
  console.log(
    `Load average: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
}

await main();
