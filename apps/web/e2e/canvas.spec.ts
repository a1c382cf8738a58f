import { expect, test } from '@playwright/test';
import {
  addNote,
  auth,
  connectNotes,
  createBoard,
  dragBy,
  element,
  openBoard,
  whenSettled,
} from './board.ts';

interface FileElement {
  id: string;
  kind: string;
  text: string;
  position: { x: number; y: number };
  size: { width: number; height: number };
  z: string;
}

async function boardFile(request: import('@playwright/test').APIRequestContext, id: string) {
  return (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
    elements: FileElement[];
    connections: unknown[];
  };
}

test('moving a bounded context frame moves the notes inside it, and only those', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Frames');
  await openBoard(page, id);
  const frame = await addNote(page, 'Bounded context', 'Payments');
  const inside = await addNote(page, 'Domain event', 'Payment Requested');
  const outside = await addNote(page, 'Domain event', 'Order Placed');
  await outside.click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect
    .poll(
      async () => (await boardFile(request, id)).elements.find((e) => e.text === 'Order Placed')?.position.y,
    )
    .toBeGreaterThan(400);
  await page.keyboard.press('Shift+!');
  await whenSettled(frame.getByText('Payments'));

  const before = await boardFile(request, id);
  await dragBy(page, frame.getByText('Payments'), 100, -50);
  const moved = async (text: string) => {
    const after = await boardFile(request, id);
    const a = after.elements.find((e) => e.text === text)!.position;
    const b = before.elements.find((e) => e.text === text)!.position;
    return { dx: Math.round(a.x - b.x), dy: Math.round(a.y - b.y) };
  };
  await expect.poll(async () => (await moved('Payments')).dx).toBeGreaterThan(50);
  const frameDelta = await moved('Payments');
  expect(frameDelta.dy).toBeLessThan(-20);
  expect(await moved('Payment Requested')).toEqual(frameDelta);
  expect(await moved('Order Placed')).toEqual({ dx: 0, dy: 0 });
  await expect(inside).toBeVisible();
});

test('copy and paste within a board and onto another board; duplicate', async ({ page, request }) => {
  const first = await createBoard(request, 'Copy source');
  const second = await createBoard(request, 'Paste target');
  await openBoard(page, first);
  const note = await addNote(page, 'Policy', 'When fraud suspected, block card');
  await note.click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(element(page, 'Policy', 'When fraud suspected, block card')).toHaveCount(2);
  await page.keyboard.press('Control+d');
  await expect(element(page, 'Policy', 'When fraud suspected, block card')).toHaveCount(3);
  await expect.poll(async () => (await boardFile(request, first)).elements.length).toBe(3);

  await openBoard(page, second);
  await page.keyboard.press('Control+v');
  await expect(element(page, 'Policy', 'When fraud suspected, block card')).toHaveCount(1);
  await expect
    .poll(async () => (await boardFile(request, second)).elements.map((e) => e.text))
    .toEqual(['When fraud suspected, block card']);
});

test('search highlights matches and jumps between them', async ({ page, request }) => {
  const id = await createBoard(request, 'Search');
  await openBoard(page, id);
  const a = await addNote(page, 'Domain event', 'Payment Requested');
  await dragBy(page, a, -280, 0);
  await addNote(page, 'Command', 'Ship Container');
  const c = await addNote(page, 'Domain event', 'Payment Completed');
  await dragBy(page, c, 280, 0);
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Search the board' });
  await expect(box).toBeFocused();
  await box.fill('payment');
  await expect(page.getByRole('status').filter({ hasText: 'matches' })).toHaveText('0 of 2 matches');
  await expect(a).toHaveClass(/is-match/);
  await expect(c).toHaveClass(/is-match/);
  await expect(element(page, 'Command', 'Ship Container')).not.toHaveClass(/is-match/);
  await box.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'matches' })).toHaveText('1 of 2 matches');
  await expect(a).toHaveClass(/selected/);
  await box.press('Enter');
  await expect(c).toHaveClass(/selected/);
  await box.press('Escape');
  await expect(box).toBeHidden();
  await expect(c).not.toHaveClass(/is-match/);
});

test('Alt+arrow keys nudge, snap to grid aligns, z-order brings to front', async ({ page, request }) => {
  const id = await createBoard(request, 'Nudge');
  await openBoard(page, id);
  const first = await addNote(page, 'Domain event', 'First');
  const second = await addNote(page, 'Domain event', 'Second');
  const position = async (text: string) =>
    (await boardFile(request, id)).elements.find((e) => e.text === text)!.position;
  await second.click();
  // The note's text reaches the server a moment after it shows here.
  await expect
    .poll(async () => (await boardFile(request, id)).elements.some((e) => e.text === 'Second'))
    .toBe(true);
  const start = await position('Second');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(() => position('Second')).toEqual({ x: start.x + 10, y: start.y + 110 });

  await page.getByRole('button', { name: 'Snap to grid' }).click();
  await expect(page.getByRole('button', { name: 'Snap to grid' })).toHaveAttribute('aria-pressed', 'true');
  await dragBy(page, second, 33, 47);
  await expect
    .poll(async () => {
      const p = await position('Second');
      return [p.x % 20, p.y % 20];
    })
    .toEqual([0, 0]);

  const z = async (text: string) => (await boardFile(request, id)).elements.find((e) => e.text === text)!.z;
  await first.click();
  await page.keyboard.press('Control+]');
  await expect.poll(async () => (await z('First')) > (await z('Second'))).toBe(true);
  await page.getByRole('button', { name: 'Send to back' }).click();
  await expect.poll(async () => (await z('First')) < (await z('Second'))).toBe(true);
});

test('aggregates are resized with their handles', async ({ page, request }) => {
  const id = await createBoard(request, 'Resize');
  await openBoard(page, id);
  const aggregate = await addNote(page, 'Aggregate', 'Payment');
  await aggregate.click();
  const handle = aggregate.locator('.react-flow__resize-control.bottom.right');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => (await boardFile(request, id)).elements[0]!.size)
    .toEqual({ width: 260, height: 240 });
});

test('zoom to fit, zoom to selection and the minimap move the view', async ({ page, request }) => {
  const id = await createBoard(request, 'Views');
  await openBoard(page, id);
  const left = await addNote(page, 'Domain event', 'Far left');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Alt+Shift+ArrowLeft');
  const right = await addNote(page, 'Domain event', 'Far right');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Alt+Shift+ArrowRight');
  const canvas = (await page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  const inView = async (note: typeof left) => {
    const box = await note.boundingBox();
    return !!box && box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width;
  };
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect.poll(() => inView(left)).toBe(true);
  await expect.poll(() => inView(right)).toBe(true);
  const fitWidth = (await left.boundingBox())!.width;

  await right.click();
  await page.getByRole('button', { name: 'Zoom to selection' }).click();
  await expect.poll(async () => (await right.boundingBox())!.width).toBeGreaterThan(fitWidth * 1.3);
  await expect(left).toHaveCount(0); // out of view: not rendered at all

  const minimap = (await page.getByRole('img', { name: 'Minimap' }).boundingBox())!;
  await page.mouse.click(minimap.x + 10, minimap.y + minimap.height / 2);
  await expect(element(page, 'Domain event', 'Far left')).toBeVisible();
});

test('a selected connection is deleted with the Delete key', async ({ page, request }) => {
  const id = await createBoard(request, 'Delete a connection');
  await openBoard(page, id);
  const actor = await addNote(page, 'Actor', 'Customer');
  await dragBy(page, actor, -300, 0);
  const command = await addNote(page, 'Command', 'Pay');
  await connectNotes(page, actor, command);
  const edge = page.getByRole('group', { name: 'Connection from Actor: Customer to Command: Pay' });
  await edge.click();
  await page.keyboard.press('Delete');
  await expect(edge).toHaveCount(0);
  await expect(actor).toBeVisible();
  await expect(command).toBeVisible();
  await expect.poll(async () => (await boardFile(request, id)).connections).toEqual([]);
});

test('double-click places the last used kind; the wheel pans and Ctrl+wheel zooms', async ({
  page,
  request,
}) => {
  await openBoard(page, await createBoard(request, 'Pointer'));
  await addNote(page, 'Read model', 'Payment status');
  const canvas = (await page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  await page.mouse.dblclick(canvas.x + 120, canvas.y + 120);
  await page.keyboard.insertText('Balance');
  await page.keyboard.press('Escape');
  const placed = element(page, 'Read model', 'Balance');
  await expect(placed).toBeVisible();

  const before = (await placed.boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await page.mouse.wheel(0, 100);
  await expect.poll(async () => Math.round((await placed.boundingBox())!.y - before.y)).toBeLessThan(-20);
  const panned = (await placed.boundingBox())!;
  expect(Math.round(panned.width)).toBe(Math.round(before.width));

  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 50);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await placed.boundingBox())!.width).toBeLessThan(before.width - 3);
});

test('shift-click and box selection select several notes; the board is renamed from its title', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Selecting');
  await openBoard(page, id);
  const a = await addNote(page, 'Domain event', 'One');
  await dragBy(page, a, -200, 0);
  const b = await addNote(page, 'Domain event', 'Two');
  const c = await addNote(page, 'Domain event', 'Three');
  await dragBy(page, c, 200, 0);
  const panel = page.getByRole('complementary', { name: 'Properties' });

  await a.click();
  await b.click({ modifiers: ['Shift'] });
  await expect(panel.getByRole('heading')).toHaveText('2 elements selected');

  await page.keyboard.press('Escape');
  await expect(panel.getByRole('heading')).toHaveText('Board');
  // Shift+drag on the empty canvas draws a selection box around all three.
  const boxA = (await a.boundingBox())!;
  const boxC = (await c.boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(boxA.x - 30, boxA.y - 30);
  await page.mouse.down();
  await page.mouse.move(boxC.x + boxC.width + 30, boxC.y + boxC.height + 30, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(panel.getByRole('heading')).toHaveText('3 elements selected');

  await page.getByRole('button', { name: 'Selecting' }).click();
  const title = page.getByRole('textbox', { name: 'Board name' });
  await title.fill('Selecting, renamed');
  await title.press('Enter');
  await expect(page.getByRole('heading', { name: 'Selecting, renamed' })).toBeVisible();
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/boards/${id}`, auth(id))).json()) as { name: string }).name,
    )
    .toBe('Selecting, renamed');
});
