/**
 * Issue #16's scenario: the grid of `gridBoard.ts` imported into Squall and opened through its edit
 * link at the fitted opening view, then panned with the wheel (as a trackpad pans) at that zoom and
 * zoomed with Ctrl+wheel from 0.25 to 1.5 and back, one wheel event per 60 Hz tick. The same grid on a
 * bare React Flow page (`reference/`) at the same viewport, in the same run, is the reference.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { generateGrid } from './gridBoard.ts';
import { currentZoom, INSTRUMENT, type PacedResult, paced, WARMUP_TICKS } from './pacedInput.ts';

export const ZOOM_SWEEP = [0.25, 1.5] as const;
/** Wheel pixels per tick: a brisk two-finger scroll; the view goes round a circle once every 2 s. */
const PAN_SPEED = 24;
/** Ctrl+wheel pixels per tick: React Flow zooms by 2^(−deltaY × 0.002), so 0.25 → 1.5 takes ~65 ticks. */
const ZOOM_SPEED = 20;

export interface GridPageResult {
  readonly page: 'Squall' | 'React Flow';
  /** From navigation to the first note visible. */
  readonly firstNotesMs: number;
  readonly zoomAtOpening: number;
  readonly nodesInDom: number;
  readonly pan: PacedResult;
  readonly zoom: PacedResult;
  readonly zoomRange: readonly [number, number];
}

export interface GridViewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

function viewportOf(page: Page): Promise<GridViewport> {
  return page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    const [x = 0, y = 0, zoom = 1] = (transform.match(/-?[\d.]+/g) ?? []).map(Number);
    return { x, y, zoom };
  });
}

function centreOf(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__renderer')!.getBoundingClientRect();
    return { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
  });
}

/** Wheel pan (a circle of the view, back where it started every 2 s), then the Ctrl+wheel zoom sweep. */
async function panAndZoom(page: Page, cdp: CDPSession) {
  const centre = await centreOf(page);
  await page.mouse.move(centre.x, centre.y);
  const pan = await paced(page, cdp, (tick) => {
    const angle = (tick / 120) * 2 * Math.PI;
    return page.mouse.wheel(PAN_SPEED * Math.cos(angle), PAN_SPEED * Math.sin(angle));
  });
  let direction = -1;
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  await page.keyboard.down('Control');
  const zoom = await paced(page, cdp, async (tick) => {
    const now = await currentZoom(page);
    if (tick >= WARMUP_TICKS) {
      low = Math.min(low, now);
      high = Math.max(high, now);
    }
    // Turn around at the ends of the sweep, reading the zoom the canvas really has.
    if (now >= ZOOM_SWEEP[1]) direction = 1;
    else if (now <= ZOOM_SWEEP[0]) direction = -1;
    await page.mouse.wheel(0, ZOOM_SPEED * direction);
  });
  await page.keyboard.up('Control');
  return { pan, zoom, zoomRange: [low, high] as const };
}

async function openedPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(INSTRUMENT);
  return { context, page, cdp };
}

/** Imports the grid; returns its edit link. */
export async function importGrid(serverUrl: string, size: number): Promise<string> {
  const response = await fetch(`${serverUrl}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(generateGrid(size)),
  });
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  const { editUrl } = (await response.json()) as { editUrl: string };
  return new URL(editUrl, serverUrl).href;
}

/** Squall on the grid through its edit link; returns the figures and the opening viewport. */
export async function benchSquallGrid(
  browser: Browser,
  editLink: string,
): Promise<GridPageResult & { opening: GridViewport }> {
  const { context, page, cdp } = await openedPage(browser);
  await page.addInitScript(() => window.localStorage.setItem('squall:userName', 'Bench'));
  await page.goto(editLink);
  await page.waitForFunction(() => window.__liveAt !== undefined, null, { timeout: 60_000 });
  const firstNotesMs = await page.evaluate(() => window.__readyAt!);
  const opening = await viewportOf(page);
  const nodesInDom = await page.locator('.react-flow__node').count();
  // Let the lint and other after-load work finish before measuring interaction.
  await page.waitForTimeout(1000);
  const measured = await panAndZoom(page, cdp);
  await context.close();
  return { page: 'Squall', firstNotesMs, zoomAtOpening: opening.zoom, nodesInDom, opening, ...measured };
}

/** The bare React Flow page on the same grid, opened at `opening` (Squall's opening viewport). */
export async function benchReferenceGrid(
  browser: Browser,
  referenceUrl: string,
  size: number,
  opening: GridViewport,
): Promise<GridPageResult> {
  const { context, page, cdp } = await openedPage(browser);
  const url = new URL(referenceUrl);
  url.search = new URLSearchParams({
    n: String(size),
    x: String(opening.x),
    y: String(opening.y),
    zoom: String(opening.zoom),
  }).toString();
  await page.goto(url.href);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60_000 });
  const firstNotesMs = await page.evaluate(() => window.__readyAt!);
  const { zoom: zoomAtOpening } = await viewportOf(page);
  const nodesInDom = await page.locator('.react-flow__node').count();
  await page.waitForTimeout(1000);
  const measured = await panAndZoom(page, cdp);
  await context.close();
  return { page: 'React Flow', firstNotesMs, zoomAtOpening, nodesInDom, ...measured };
}
