import { expect, type Page, test } from '@playwright/test';
import { element, importBoard, openBoard } from './board.ts';

const COLUMNS = 40;
const SPACING = 220;
const NOTE = 140;
/** `KIND_INFO.domainEvent.color`, #ff9f43. */
const EVENT_COLOR = [255, 159, 67];

/** A board file of `count` domain events "Event <i>" on a 40-column grid, 220 px apart. */
function gridBoardFile(count: number) {
  return {
    format: 'squall.board',
    version: 1,
    name: 'Far zoom',
    level: 'process',
    elements: Array.from({ length: count }, (_, i) => ({
      id: `e${i}`,
      kind: 'domainEvent',
      text: `Event ${i}`,
      position: { x: (i % COLUMNS) * SPACING, y: Math.floor(i / COLUMNS) * SPACING },
      size: { width: NOTE, height: NOTE },
      z: `V${i.toString(36)}1`,
      codeName: '',
      fields: [],
    })),
    connections: [],
  };
}

/** Where a board point is on the screen now, from React Flow's viewport transform. */
async function onScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([bx, by]) => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const [, tx, ty, zoom] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/
        .exec(viewport.style.transform)!
        .map(Number);
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return { x: pane.left + tx! + bx! * zoom!, y: pane.top + ty! + by! * zoom! };
    },
    [x, y],
  );
}

/** The middle of note `i` of the grid on the screen. */
function noteCentre(page: Page, i: number) {
  const column = i % COLUMNS;
  const row = Math.floor(i / COLUMNS);
  return onScreen(page, column * SPACING + NOTE / 2, row * SPACING + NOTE / 2);
}

/** Ctrl+wheel over the middle of the canvas, as a pinch or a mouse wheel zooms (negative: in). */
async function zoomWithWheel(page: Page, deltaY: number): Promise<void> {
  const box = (await page.locator('.react-flow__renderer').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, deltaY);
  await page.keyboard.up('Control');
}

/** The colour the overview canvas shows at a screen point. */
async function overviewColour(page: Page, point: { x: number; y: number }): Promise<number[]> {
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.far-board canvas')!;
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const pixel = canvas
      .getContext('2d')!
      .getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data;
    return [pixel[0]!, pixel[1]!, pixel[2]!];
  }, point);
}

function overview(page: Page) {
  return page.locator('.far-board canvas');
}

function overviewStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: 'Board overview' });
}

test('far out the board is one drawn overview; zooming back in brings the notes back, still selected', async ({
  page,
  request,
}) => {
  const id = await importBoard(request, gridBoardFile(800));
  await openBoard(page, id);
  // Opened at zoom 0.35 around the middle of the board: row 10, column 20.
  const first = element(page, 'Domain event', 'Event 420');
  const second = element(page, 'Domain event', 'Event 421');
  await first.click();
  await second.click({ modifiers: ['Shift'] });
  await expect(second).toHaveClass(/selected/);
  expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(40);

  await zoomWithWheel(page, 600);
  await expect(overview(page)).toBeVisible();
  await expect(overviewStatus(page)).toHaveCount(1);
  // Only the selection stays a React Flow node (so it can still be dragged), with its accessible name.
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(first).toHaveClass(/selected/);
  // The rest is drawn: a note out of the selection shows in its kind's colour where it is on the board.
  await expect.poll(async () => overviewColour(page, await noteCentre(page, 425))).toEqual(EVENT_COLOR);
  // ...and the gap between two notes is not painted.
  const gap = await onScreen(page, 25 * SPACING + NOTE + 40, 10 * SPACING + NOTE / 2);
  expect(await overviewColour(page, gap)).not.toEqual(EVENT_COLOR);

  await zoomWithWheel(page, -600);
  await expect(overview(page)).toHaveCount(0);
  await expect(overviewStatus(page)).toHaveCount(0);
  await expect(element(page, 'Domain event', 'Event 425')).toBeVisible();
  expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(40);
  await expect(first).toHaveClass(/selected/);
  await expect(second).toHaveClass(/selected/);
  await expect(element(page, 'Domain event', 'Event 425')).not.toHaveClass(/selected/);
});

test('in the overview a click selects the note drawn there, Shift adds, Shift+drag box-selects', async ({
  page,
  request,
}) => {
  const id = await importBoard(request, gridBoardFile(800));
  await openBoard(page, id);
  await zoomWithWheel(page, 600);
  await expect(overview(page)).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  const click = await noteCentre(page, 425);
  await page.mouse.click(click.x, click.y);
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(element(page, 'Domain event', 'Event 425')).toHaveClass(/selected/);
  const shiftClick = await noteCentre(page, 426);
  await page.keyboard.down('Shift');
  await page.mouse.click(shiftClick.x, shiftClick.y);
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);

  // A click on the empty board clears the selection, as at any zoom.
  const gap = await onScreen(page, 25 * SPACING + NOTE + 40, 10 * SPACING + NOTE / 2);
  await page.mouse.click(gap.x, gap.y);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // A box around rows 5–6, columns 30–31 (from the gaps around them): events 230, 231, 270, 271.
  const from = await onScreen(page, 30 * SPACING - 40, 5 * SPACING - 40);
  const to = await onScreen(page, 31 * SPACING + NOTE + 40, 6 * SPACING + NOTE + 40);
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(4);

  await page.keyboard.press('Shift+@');
  await expect(overview(page)).toHaveCount(0);
  for (const i of [230, 231, 270, 271])
    await expect(element(page, 'Domain event', `Event ${i}`)).toHaveClass(/selected/);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(4);
});

test('a double-click on a note in the overview zooms in on it', async ({ page, request }) => {
  const id = await importBoard(request, gridBoardFile(800));
  await openBoard(page, id);
  await zoomWithWheel(page, 600);
  await expect(overview(page)).toBeVisible();
  const target = await noteCentre(page, 532);
  await page.mouse.dblclick(target.x, target.y);
  await expect(overview(page)).toHaveCount(0);
  const note = element(page, 'Domain event', 'Event 532');
  await expect(note).toBeInViewport();
  await expect(note).toHaveClass(/selected/);
  // Zoomed in to read it, not to edit it: the note is not in text editing.
  await expect(page.getByRole('textbox', { name: 'Text of Domain event' })).toHaveCount(0);
});
