/**
 * The propagation benchmark of issue #5: the time from a change in one browser context to its
 * appearance in another, through the real collab server on loopback (production build, headless
 * Debian Chromium). Two kinds of change: a document edit (a note nudged with the arrow keys: the
 * model's write, the y-websocket update, the server's persist-then-relay, the other browser's Yjs
 * apply and React Flow render) and a pointer move (awareness, throttled to ~30 Hz, relayed on the
 * server's 30 ms tick). Timed from the writer's keydown / mousemove event to the DOM change in the
 * reader (a MutationObserver), on one clock (`performance.timeOrigin + performance.now()`). Then the
 * same with 10 simulated people (real `WebsocketProvider` clients in this process) editing twice a
 * second and moving their pointers 20 times a second on the same board.
 *
 *   npm run bench -w @squall/web     (BENCH_CHANGES=300 changes of each kind per scenario)
 */
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { generateBoard } from './generateBoard.ts';
import { simulatedUsers } from './simulatedUsers.ts';
import { startServer } from './startServer.ts';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 300);
const SIMULATED = 10;
/** Pointer moves further apart than the ~30 Hz throttle, so each is sent at once. */
const POINTER_GAP_MS = 40;
const WRITER = 'Writer';
const dist = fileURLToPath(new URL('../dist', import.meta.url));
// BENCH_SERVER measures another build of the collab server.
const serverEntry =
  process.env.BENCH_SERVER ?? fileURLToPath(new URL('../../collab-server/dist/main.js', import.meta.url));

declare global {
  interface Window {
    __sent: number[];
    __seen: number[];
  }
}

/** In the writer: when each keydown / mousemove happened. A string: tsx would wrap a function. */
const RECORD_SENT = `
  window.__sent = [];
  const stamp = () => window.__sent.push(performance.timeOrigin + performance.now());
  window.addEventListener('keydown', stamp, true);
  window.addEventListener('mousemove', stamp, true);
`;

/** In the reader: when the watched element's position changed in the DOM. */
function watch(page: Page, selector: string): Promise<void> {
  return page.evaluate((selector) => {
    window.__seen = [];
    let last = document.querySelector<HTMLElement>(selector)?.style.transform ?? '';
    new MutationObserver(() => {
      const target = document.querySelector<HTMLElement>(selector);
      const now = performance.timeOrigin + performance.now();
      if (target && target.style.transform !== last) {
        last = target.style.transform;
        window.__seen.push(now);
      }
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      childList: true,
      attributeFilter: ['style'],
    });
  }, selector);
}

interface Stats {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

async function open(browser: Browser, url: string, name: string, init?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript((name) => window.localStorage.setItem('squall:userName', name), name);
  if (init) await page.addInitScript(init);
  await page.goto(url);
  await page.getByRole('application', { name: 'Board canvas' }).waitFor();
  return page;
}

/** Nudges the selected note left and right; each nudge is timed until the reader shows it. */
async function measureEdits(writer: Page, reader: Page, noteId: string): Promise<number[]> {
  await watch(reader, `.react-flow__node[data-id="${noteId}"]`);
  await writer.evaluate(() => {
    window.__sent = [];
  });
  for (let i = 0; i < CHANGES; i++) {
    await writer.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await reader.waitForFunction((n) => window.__seen.length >= n, i + 1);
  }
  return latencies(writer, reader);
}

/** Moves the writer's pointer between two points; each move is timed until the reader's pointer moves. */
async function measurePointer(writer: Page, reader: Page): Promise<number[]> {
  const canvas = (await writer.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  const x = canvas.x + canvas.width / 2;
  const y = canvas.y + canvas.height / 2;
  const pointer = `.remote-cursor[aria-label="${WRITER}’s pointer"]`;
  // Off the canvas first (the reader's pointer disappears), so no earlier position is still on its way.
  await writer.mouse.move(canvas.x + canvas.width / 2, canvas.y - 20);
  await reader.locator(pointer).waitFor({ state: 'detached' });
  await watch(reader, pointer);
  await writer.mouse.move(x, y);
  await reader.waitForFunction(() => window.__seen.length > 0);
  await reader.evaluate(() => {
    window.__seen = [];
  });
  await writer.evaluate(() => {
    window.__sent = [];
  });
  for (let i = 0; i < CHANGES; i++) {
    await new Promise((resolve) => setTimeout(resolve, POINTER_GAP_MS));
    await writer.mouse.move(x + (i % 2 === 0 ? 40 : 0), y);
    await reader.waitForFunction((n) => window.__seen.length >= n, i + 1);
  }
  return latencies(writer, reader);
}

async function latencies(writer: Page, reader: Page): Promise<number[]> {
  const sent = await writer.evaluate(() => window.__sent);
  const seen = await reader.evaluate(() => window.__seen);
  if (sent.length !== seen.length) throw new Error(`${sent.length} changes sent but ${seen.length} seen`);
  return sent.map((at, i) => seen[i]! - at);
}

async function scenario(browser: Browser, base: string, simulated: number) {
  const file = generateBoard(1);
  const response = await fetch(`${base}/api/boards/import`, { method: 'POST', body: JSON.stringify(file) });
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  const { id, editUrl, editToken } = (await response.json()) as {
    id: string;
    editUrl: string;
    editToken: string;
  };
  const noteId = file.elements[0]!.id;
  const sims = await simulatedUsers(base.replace('http', 'ws'), id, editToken, simulated);
  try {
    const writer = await open(browser, `${base}${editUrl}`, WRITER, RECORD_SENT);
    const reader = await open(browser, `${base}${editUrl}`, 'Reader');
    await writer.locator(`.react-flow__node[data-id="${noteId}"]`).click();
    const edits = stats(await measureEdits(writer, reader, noteId));
    const pointer = stats(await measurePointer(writer, reader));
    await writer.context().close();
    await reader.context().close();
    return { edits, pointer };
  } finally {
    sims.stop();
  }
}

async function main() {
  const server = await startServer(serverEntry, dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const rows: Array<Record<string, string | number>> = [];
  const fmt = (n: number) => n.toFixed(1);
  try {
    for (const simulated of [0, SIMULATED]) {
      const result = await scenario(browser, server.url, simulated);
      for (const [change, s] of [
        ['edit', result.edits],
        ['pointer', result.pointer],
      ] as const) {
        rows.push({
          people: simulated === 0 ? '2 browsers' : `2 browsers + ${simulated} simulated`,
          change,
          n: s.n,
          'p50 ms': fmt(s.p50),
          'p95 ms': fmt(s.p95),
          'p99 ms': fmt(s.p99),
          'max ms': fmt(s.max),
        });
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log('\nPropagation benchmark (browser → collab server → browser, loopback, headless Chromium)');
  console.table(rows);
}

await main();
