import { expect, type Locator, test } from '@playwright/test';
import { addNote, auth, boardLink, connectNotes, createBoard, dragBy, element, openBoard } from './board.ts';
import { join, person } from './people.ts';

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where a drawn arrow starts and ends, in page pixels. */
async function arrowEnds(connection: Locator): Promise<{ start: Point; end: Point }> {
  return connection.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
    const toPage = path.getScreenCTM()!;
    const at = (length: number) => {
      const point = path.getPointAtLength(length).matrixTransform(toPage);
      return { x: point.x, y: point.y };
    };
    return { start: at(0), end: at(path.getTotalLength()) };
  });
}

/** The side of an element's box a point sits on, or just outside of (arrows stop a few pixels short). */
async function sideOf(point: Point, target: Locator): Promise<string> {
  const box = (await target.boundingBox())!;
  const near = (value: number, edge: number) => Math.abs(value - edge) <= 10;
  const across = point.x > box.x && point.x < box.x + box.width;
  const along = point.y > box.y && point.y < box.y + box.height;
  if (along && near(point.x, box.x)) return 'left';
  if (along && near(point.x, box.x + box.width)) return 'right';
  if (across && near(point.y, box.y)) return 'top';
  if (across && near(point.y, box.y + box.height)) return 'bottom';
  return 'none';
}

/** The sides of its source and target an arrow leaves from and enters, e.g. "left → right". */
async function arrowSides(connection: Locator, source: Locator, target: Locator): Promise<string> {
  const { start, end } = await arrowEnds(connection);
  return `${await sideOf(start, source)} → ${await sideOf(end, target)}`;
}

test('a legal connection is drawn; an illegal one is refused with an explanation', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Connections');
  await openBoard(page, id);
  const command = await addNote(page, 'Command', 'Request Payment');
  await dragBy(page, command, -300, 0);
  const aggregate = await addNote(page, 'Aggregate', 'Payment');
  await dragBy(page, aggregate, 0, -150);
  const event = await addNote(page, 'Domain event', 'Payment Requested');
  await dragBy(page, event, 0, 200);

  await connectNotes(page, command, aggregate);
  const legal = page.getByRole('group', {
    name: 'Connection from Command: Request Payment to Aggregate: Payment',
  });
  await expect(legal).toHaveCount(1);

  await connectNotes(page, command, event);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('A command does not produce an event by itself');
  await expect(
    page.getByRole('group', {
      name: 'Connection from Command: Request Payment to Domain event: Payment Requested',
    }),
  ).toHaveCount(0);

  const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
    connections: unknown[];
  };
  expect(file.connections).toHaveLength(1);
});

test('deleting a note deletes its connections in one step, and undo brings both back', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Delete with connections');
  await openBoard(page, id);
  const actor = await addNote(page, 'Actor', 'Customer');
  await dragBy(page, actor, -300, 0);
  const command = await addNote(page, 'Command', 'Pay');
  await connectNotes(page, actor, command);
  const edge = page.getByRole('group', { name: 'Connection from Actor: Customer to Command: Pay' });
  await expect(edge).toHaveCount(1);

  await command.click();
  await page.keyboard.press('Delete');
  await expect(command).toHaveCount(0);
  await expect(edge).toHaveCount(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(command).toBeVisible();
  await expect(edge).toHaveCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(command).toHaveCount(0);
  await expect(edge).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(edge).toHaveCount(1);
});

test('an arrow leaves and enters on the sides that face each other, and turns as a note moves, for everyone', async ({
  page,
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Arrow sides');
  await openBoard(page, id);
  const bob = await person(browser, 'Bob');
  await join(bob.page, boardLink(id));
  const command = await addNote(page, 'Command', 'Ship order');
  await dragBy(page, command, -300, 0);
  const policy = await addNote(page, 'Policy', 'Whenever paid');
  // Dragged from the policy's outgoing handle (its right side) to the command on its left.
  await connectNotes(page, policy, command);
  const name = 'Connection from Policy: Whenever paid to Command: Ship order';
  const arrow = page.getByRole('group', { name });
  await expect(arrow).toHaveCount(1);
  await expect.poll(() => arrowSides(arrow, policy, command)).toBe('left → right');
  const bobsArrow = bob.page.getByRole('group', { name });
  const bobsPolicy = element(bob.page, 'Policy', 'Whenever paid');
  const bobsCommand = element(bob.page, 'Command', 'Ship order');
  await expect.poll(() => arrowSides(bobsArrow, bobsPolicy, bobsCommand)).toBe('left → right');

  // Alice drags the command below the policy: the arrow turns while she drags, on Bob's screen too.
  const from = (await command.boundingBox())!;
  const under = (await policy.boundingBox())!;
  const grab = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const drop = { x: under.x + under.width / 2, y: under.y + under.height + 60 + from.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 10 });
  await expect.poll(() => arrowSides(arrow, policy, command)).toBe('bottom → top');
  await expect.poll(() => arrowSides(bobsArrow, bobsPolicy, bobsCommand)).toBe('bottom → top');
  await page.mouse.up();
  await expect.poll(() => arrowSides(bobsArrow, bobsPolicy, bobsCommand)).toBe('bottom → top');
  await bob.context.close();
});
