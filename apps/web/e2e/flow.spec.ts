import { type APIRequestContext, expect, test } from '@playwright/test';
import {
  addNote,
  auth,
  boardLink,
  connectNotes,
  createBoard,
  dragBy,
  element,
  importBoard,
  openBoard,
  whenSettled,
} from './board.ts';
import { join, person } from './people.ts';

interface FileElement {
  id: string;
  kind: string;
  text: string;
  position: { x: number; y: number };
  fields?: Array<{ name: string; type: { kind: string } }>;
}
interface FileConnection {
  id: string;
  source: string;
  target: string;
}

async function boardFile(request: APIRequestContext, id: string) {
  return (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
    elements: FileElement[];
    connections: FileConnection[];
  };
}

const note = (id: string, kind: string, text: string, x: number, y: number, extra = {}) => ({
  id,
  kind,
  text,
  position: { x, y },
  size: kind === 'aggregate' ? { width: 200, height: 200 } : { width: 140, height: 140 },
  z: `V${id}`,
  codeName: '',
  ...(kind === 'domainEvent' || kind === 'command' ? { fields: [] } : {}),
  ...(kind === 'aggregate' ? { keyField: '', topic: {} } : {}),
  ...extra,
});

const boardWith = (name: string, elements: unknown[], connections: unknown[] = []) => ({
  format: 'squall.board',
  version: 2,
  name,
  level: 'bigPicture',
  elements,
  connections,
});

test('a swimlane and a pivotal event are seen by two people; a lane carries the notes dropped in it', async ({
  page,
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Timeline');
  await openBoard(page, id);
  const bob = await person(browser, 'Bob');
  await join(bob.page, boardLink(id));

  const lane = await addNote(page, 'Swimlane', 'Customer');
  const event = await addNote(page, 'Domain event', 'Order Placed');
  const bobsLane = element(bob.page, 'Swimlane', 'Customer');
  const bobsEvent = element(bob.page, 'Domain event', 'Order Placed');
  await expect(bobsLane).toBeVisible();
  await expect(bobsEvent).toBeVisible();
  // The lane is a band behind the notes: the event is drawn over it.
  const laneBox = (await lane.boundingBox())!;
  const eventBox = (await event.boundingBox())!;
  expect(laneBox.width).toBeGreaterThan(eventBox.width * 5);
  expect(eventBox.y).toBeGreaterThan(laneBox.y);
  expect(eventBox.y + eventBox.height).toBeLessThan(laneBox.y + laneBox.height);

  await event.click();
  const pivotal = page.getByRole('complementary', { name: 'Properties' }).getByLabel('Pivotal event');
  await expect(pivotal).not.toBeChecked();
  await pivotal.check();
  await expect(event.locator('.note--pivotal')).toHaveCount(1);
  await expect(bobsEvent.locator('.note--pivotal')).toHaveCount(1);
  const line = bob.page.getByRole('img', { name: 'Phase border: Order Placed' });
  await expect(line).toHaveCount(1);
  // The line runs through the board's height, taller than everything on it.
  const lineHeight = await line.evaluate((node) => (node as HTMLElement).offsetHeight);
  expect(lineHeight).toBeGreaterThan(laneBox.height);

  // Alice drags the lane by its name (on its left end: she zooms to fit to see it), and the event
  // inside comes along, for Bob too.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const title = lane.locator('.frame__title');
  await whenSettled(title);
  const from = (await title.boundingBox())!;
  const bobsBefore = (await bobsEvent.boundingBox())!;
  const grab = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x, grab.y + 100, { steps: 8 });
  await page.mouse.up();
  await expect
    .poll(async () => Math.round((await bobsEvent.boundingBox())!.y - bobsBefore.y))
    .toBeGreaterThan(50);

  // Unchecking removes the border and the line for both.
  await event.click();
  await pivotal.uncheck();
  await expect(line).toHaveCount(0);
  await expect(bobsEvent.locator('.note--pivotal')).toHaveCount(0);
  await bob.context.close();
});

test('keyboard only: a command → aggregate → event → policy chain, arrows walk it, Alt+arrow moves, ? lists the keys', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Keyboard');
  await openBoard(page, id);
  await page.keyboard.press('c');
  await expect(page.getByRole('textbox', { name: 'Text of Command' })).toBeFocused();
  await page.keyboard.insertText('Request Payment');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Text of Aggregate' })).toBeFocused();
  await page.keyboard.insertText('Payment');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Text of Domain event' })).toBeFocused();
  await page.keyboard.insertText('Payment Requested');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Text of Policy' })).toBeFocused();
  // Tab on the new, empty note tries the grammar's other choice after an event, then back.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Text of Read model' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Text of Policy' })).toBeFocused();
  await page.keyboard.insertText('Check for fraud');
  await page.keyboard.press('Escape');

  const chain = ['Request Payment', 'Payment', 'Payment Requested', 'Check for fraud'];
  await expect
    .poll(async () => {
      const file = await boardFile(request, id);
      const byId = new Map(file.elements.map((e) => [e.id, e]));
      return file.connections.map((c) => `${byId.get(c.source)?.text} → ${byId.get(c.target)?.text}`).sort();
    })
    .toEqual(
      [
        'Payment → Payment Requested',
        'Payment Requested → Check for fraud',
        'Request Payment → Payment',
      ].sort(),
    );
  const file = await boardFile(request, id);
  const xs = chain.map((text) => file.elements.find((e) => e.text === text)!.position.x);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  expect(file.elements.map((e) => e.kind).sort()).toEqual(['aggregate', 'command', 'domainEvent', 'policy']);
  // Every arrow is legal: none is marked.
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge.is-illegal')).toHaveCount(0);

  // Shift+Tab on the command creates the actor before it.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(element(page, 'Command', 'Request Payment')).toHaveClass(/selected/);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('textbox', { name: 'Text of Actor' })).toBeFocused();
  await page.keyboard.insertText('Customer');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await boardFile(request, id)).connections.length).toBe(4);

  // Arrows move the selection; Enter edits; Alt+arrow moves the note.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(element(page, 'Aggregate', 'Payment')).toHaveClass(/selected/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Text of Aggregate' })).toBeFocused();
  await page.keyboard.press('Escape');
  const before = (await boardFile(request, id)).elements.find((e) => e.text === 'Payment')!.position;
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(async () => (await boardFile(request, id)).elements.find((e) => e.text === 'Payment')!.position)
    .toEqual({ x: before.x, y: before.y + 10 });

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Shift\+Tab create the previous/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Alt\+Arrows/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('enforce the timeline orders the events for everyone; undo restores them and keeps a colleague’s later edits', async ({
  page,
  browser,
  request,
}) => {
  const id = await importBoard(
    request,
    boardWith('Chaos', [
      note('lane', 'swimlane', 'Customer', -100, 300, { size: { width: 2000, height: 240 } }),
      note('e3', 'domainEvent', 'Order Shipped', 420, 20),
      note('e1', 'domainEvent', 'Order Placed', 0, 60),
      note('e2', 'domainEvent', 'Order Paid', 80, 330),
      note('e4', 'domainEvent', 'Order Delivered', 500, 40),
      note('c1', 'command', 'Place Order', 0, 700),
    ]),
  );
  await openBoard(page, id);
  const bob = await person(browser, 'Bob');
  await join(bob.page, boardLink(id));
  const original = new Map((await boardFile(request, id)).elements.map((e) => [e.id, e.position]));

  await page.getByRole('button', { name: 'Enforce the timeline' }).click();
  const at = (file: Awaited<ReturnType<typeof boardFile>>, elementId: string) =>
    file.elements.find((e) => e.id === elementId)!.position;
  await expect.poll(async () => at(await boardFile(request, id), 'e1').y).not.toBe(original.get('e1')!.y);
  const ordered = await boardFile(request, id);
  const events = ordered.elements.filter((e) => e.kind === 'domainEvent');
  expect(events.sort((a, b) => a.position.x - b.position.x).map((e) => e.text)).toEqual([
    'Order Placed',
    'Order Paid',
    'Order Shipped',
    'Order Delivered',
  ]);
  // Outside the lane the events share a row and do not overlap; the lane's event sits on its row.
  expect(at(ordered, 'e1').y).toBe(at(ordered, 'e3').y);
  expect(at(ordered, 'e3').y).toBe(at(ordered, 'e4').y);
  expect(at(ordered, 'e4').x).toBeGreaterThanOrEqual(at(ordered, 'e3').x + 140);
  expect(at(ordered, 'e2').y).toBe(300 + 120 - 70);
  // Bob sees the new places (the view of the Order Paid note moved right).
  const bobsPaid = element(bob.page, 'Domain event', 'Order Paid');
  await expect(bobsPaid).toBeVisible();

  // Bob then edits: he renames an event and moves the command.
  await element(bob.page, 'Domain event', 'Order Shipped').click();
  const text = bob.page
    .getByRole('complementary', { name: 'Properties' })
    .getByRole('textbox', { name: 'Text' });
  await text.fill('Order Dispatched');
  // He zooms to fit first: the command may be below his view.
  await bob.page.getByRole('button', { name: 'Zoom to fit' }).click();
  const bobsCommandNote = element(bob.page, 'Command', 'Place Order');
  await whenSettled(bobsCommandNote);
  await dragBy(bob.page, bobsCommandNote, 100, 0);
  await expect
    .poll(async () => at(await boardFile(request, id), 'c1').x)
    .toBeGreaterThan(original.get('c1')!.x + 50);
  const bobsCommand = at(await boardFile(request, id), 'c1');

  // Alice undoes her one step: the events go back; Bob's rename and move stay.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => {
      const file = await boardFile(request, id);
      return ['e1', 'e2', 'e3', 'e4'].map((eventId) => at(file, eventId));
    })
    .toEqual(['e1', 'e2', 'e3', 'e4'].map((eventId) => original.get(eventId)));
  const after = await boardFile(request, id);
  expect(after.elements.find((e) => e.id === 'e3')!.text).toBe('Order Dispatched');
  expect(at(after, 'c1')).toEqual(bobsCommand);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await bob.context.close();
});

test('find duplicates and merge: one note keeps both notes’ connections and fields, conflicts listed; one undo', async ({
  page,
  request,
}) => {
  const field = (fieldId: string, name: string, kind: string) => ({
    id: fieldId,
    name,
    type: { kind },
    required: true,
  });
  const id = await importBoard(
    request,
    boardWith(
      'Duplicates',
      [
        note('agg', 'aggregate', 'Payment', 0, 0),
        note('a', 'domainEvent', 'Payment Requested', 300, 0, { fields: [field('f1', 'amount', 'number')] }),
        note('b', 'domainEvent', 'payment-requested ', 300, 400, {
          fields: [field('f2', 'amount', 'string'), field('f3', 'currency', 'string')],
        }),
        note('pol', 'policy', 'Check fraud', 700, 400),
        note('other', 'domainEvent', 'Payment Completed', 700, 0),
      ],
      [
        { id: 'k1', source: 'agg', target: 'a' },
        { id: 'k2', source: 'b', target: 'pol' },
      ],
    ),
  );
  await openBoard(page, id);
  await page.getByRole('button', { name: 'Find duplicates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Find duplicates' });
  const group = dialog.getByRole('group', { name: 'Domain event: Payment Requested' });
  await expect(group).toBeVisible();
  await expect(dialog.getByRole('group')).toHaveCount(1);
  await expect(group.getByRole('radio', { name: /Keep “Payment Requested”/ })).toBeChecked();
  await group.getByRole('button', { name: 'Merge' }).click();
  const conflicts = dialog.getByRole('list', { name: 'Conflicting fields of Payment Requested' });
  await expect(conflicts).toContainText('amount');
  await expect(dialog.getByText('No duplicates')).toBeVisible();

  await expect
    .poll(async () => (await boardFile(request, id)).elements.map((e) => e.id).sort())
    .toEqual(['a', 'agg', 'other', 'pol']);
  const merged = await boardFile(request, id);
  expect(merged.connections.map((c) => `${c.source}>${c.target}`).sort()).toEqual(['a>pol', 'agg>a']);
  expect(merged.elements.find((e) => e.id === 'a')!.fields!.map((f) => `${f.name}:${f.type.kind}`)).toEqual([
    'amount:number',
    'amount:string',
    'currency:string',
  ]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await boardFile(request, id)).elements.map((e) => e.id).sort())
    .toEqual(['a', 'agg', 'b', 'other', 'pol']);
  const restored = await boardFile(request, id);
  expect(restored.connections.map((c) => `${c.source}>${c.target}`).sort()).toEqual(['agg>a', 'b>pol']);
  expect(restored.elements.find((e) => e.id === 'a')!.fields).toHaveLength(1);
});

test('a connection starts on a note’s left side, and dropping anywhere on a note connects to it', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Sides');
  await openBoard(page, id);
  const command = await addNote(page, 'Command', 'Ship order');
  await dragBy(page, command, -300, 0);
  const policy = await addNote(page, 'Policy', 'Whenever paid');
  await connectNotes(page, policy, command, { from: 'left', to: 'right' });
  const arrow = page.getByRole('group', {
    name: 'Connection from Policy: Whenever paid to Command: Ship order',
  });
  await expect(arrow).toHaveCount(1);

  // From the aggregate's top handle, dropped on the middle of the event (no handle there).
  const aggregate = await addNote(page, 'Aggregate', 'Order');
  await dragBy(page, aggregate, 0, 250);
  const event = await addNote(page, 'Domain event', 'Order Shipped');
  await dragBy(page, event, 250, 0);
  await aggregate.hover();
  const top = (await aggregate.locator('.react-flow__handle-top').boundingBox())!;
  const middle = (await event.boundingBox())!;
  await page.mouse.move(top.x + top.width / 2, top.y + top.height / 2);
  await page.mouse.down();
  await page.mouse.move(middle.x + middle.width / 2, middle.y + middle.height / 2 + 20, { steps: 10 });
  await page.mouse.up();
  await expect(
    page.getByRole('group', { name: 'Connection from Aggregate: Order to Domain event: Order Shipped' }),
  ).toHaveCount(1);
});

test('arrange flow lays a scattered chain out left to right in one undoable step', async ({
  page,
  request,
}) => {
  const id = await importBoard(
    request,
    boardWith(
      'Scattered',
      [
        note('cmd', 'command', 'Place Order', 900, 500),
        note('agg', 'aggregate', 'Order', 0, 600),
        note('evt', 'domainEvent', 'Order Placed', 400, -200),
        note('pol', 'policy', 'Reserve stock', -300, 100),
      ],
      [
        { id: 'k1', source: 'cmd', target: 'agg' },
        { id: 'k2', source: 'agg', target: 'evt' },
        { id: 'k3', source: 'evt', target: 'pol' },
      ],
    ),
  );
  await openBoard(page, id);
  const original = (await boardFile(request, id)).elements.map((e) => e.position);
  await page.getByRole('button', { name: 'Arrange flow' }).click();
  const order = async () => {
    const file = await boardFile(request, id);
    return [...file.elements].sort((a, b) => a.position.x - b.position.x).map((e) => e.id);
  };
  await expect.poll(order).toEqual(['cmd', 'agg', 'evt', 'pol']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await boardFile(request, id)).elements.map((e) => e.position))
    .toEqual(original);
});
