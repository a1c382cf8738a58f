import { expect, type Page, test } from '@playwright/test';
import { addNote, auth, boardLink, createBoard, dragBy, element } from './board.ts';
import { join, person } from './people.ts';

test.setTimeout(60_000);

/** The text of the only note of a kind, as drawn on the board. */
function textOf(page: Page, kind: string) {
  return page.locator(`.note[data-kind="${kind}"] .note__text`);
}

test('two people typing into one note at once both keep their words, and converge', async ({
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Typing');
  const alice = await person(browser, 'Alice');
  const bob = await person(browser, 'Bob');
  await join(alice.page, boardLink(id));
  await join(bob.page, boardLink(id));
  await addNote(alice.page, 'Domain event', 'Order');
  await expect(element(bob.page, 'Domain event', 'Order')).toBeVisible();

  // Both open the note and type at the same time: Alice at the end, Bob at the start.
  await element(alice.page, 'Domain event', 'Order').dblclick();
  await element(bob.page, 'Domain event', 'Order').dblclick();
  await alice.page.keyboard.press('End');
  await bob.page.keyboard.press('Home');
  await Promise.all([
    alice.page.keyboard.type(' Placed by Alice', { delay: 25 }),
    bob.page.keyboard.type('Bob says: ', { delay: 25 }),
  ]);
  // While still editing, each sees the other's words arrive in their own text box.
  const expected = 'Bob says: Order Placed by Alice';
  await expect(alice.page.getByRole('textbox', { name: 'Text of Domain event' })).toHaveValue(expected);
  await expect(bob.page.getByRole('textbox', { name: 'Text of Domain event' })).toHaveValue(expected);
  await alice.page.keyboard.press('Escape');
  await bob.page.keyboard.press('Escape');
  await expect(textOf(alice.page, 'domainEvent')).toHaveText(expected);
  await expect(textOf(bob.page, 'domainEvent')).toHaveText(expected);
  await expect
    .poll(async () => {
      const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
        elements: Array<{ text: string }>;
      };
      return file.elements.map((e) => e.text);
    })
    .toEqual([expected]);
  await alice.context.close();
  await bob.context.close();
});

test('my undo takes back my own change only, and selects what it changed again', async ({
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Undo');
  const alice = await person(browser, 'Alice');
  const bob = await person(browser, 'Bob');
  await join(alice.page, boardLink(id));
  await join(bob.page, boardLink(id));
  await addNote(alice.page, 'Command', 'Ship');
  const ship = element(alice.page, 'Command', 'Ship');
  await dragBy(alice.page, ship, -250, 0);
  await addNote(bob.page, 'Actor', 'Warehouse');
  await expect(element(alice.page, 'Actor', 'Warehouse')).toBeVisible();

  // Alice moves her command, then clicks away; Bob retypes his actor meanwhile.
  const before = (await ship.boundingBox())!;
  await dragBy(alice.page, ship, 0, 150);
  const canvas = (await alice.page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  await alice.page.mouse.click(canvas.x + 60, canvas.y + canvas.height - 200);
  await expect(ship).not.toHaveClass(/selected/);
  await element(bob.page, 'Actor', 'Warehouse').dblclick();
  await bob.page.keyboard.press('Control+a');
  await bob.page.keyboard.type('Warehouse clerk');
  await bob.page.keyboard.press('Escape');
  await expect(element(alice.page, 'Actor', 'Warehouse clerk')).toBeVisible();

  // Alice's undo puts her command back and selects it; Bob's text stays, for both of them.
  await alice.page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await ship.boundingBox())!.y)).toBe(Math.round(before.y));
  await expect(ship).toHaveClass(/selected/);
  await expect(element(alice.page, 'Actor', 'Warehouse clerk')).toBeVisible();
  await expect(element(bob.page, 'Actor', 'Warehouse clerk')).toBeVisible();
  // Bob's undo takes back his text, not Alice's note.
  await bob.page.keyboard.press('Control+z');
  await expect(element(alice.page, 'Actor', 'Warehouse')).toBeVisible();
  await expect(element(bob.page, 'Command', 'Ship')).toBeVisible();
  await alice.context.close();
  await bob.context.close();
});
