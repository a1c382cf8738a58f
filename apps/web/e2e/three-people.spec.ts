import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { boardLink, connectNotes, createBoard, dragBy, element, type KindLabel } from './board.ts';
import { join, peopleHere, person } from './people.ts';

/** Places a note with a keyboard shortcut at a point relative to the canvas centre, and types its text. */
async function placeAt(page: Page, key: string, kind: KindLabel, text: string, dx: number, dy: number) {
  const canvas = (await page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2 + dx, canvas.y + canvas.height / 2 + dy);
  await page.keyboard.press(key);
  await expect(page.getByRole('textbox', { name: `Text of ${kind}` })).toBeFocused();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
}

/** Where a note is drawn, relative to the canvas. */
async function canvasBox(page: Page, kind: KindLabel, text: string) {
  const canvas = (await page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  const box = (await element(page, kind, text).boundingBox())!;
  return { x: Math.round(box.x - canvas.x), y: Math.round(box.y - canvas.y) };
}

// Three people, each in their own browser context: all they share goes through the real server.
// Three browsers on two shared cores need more than the default 30 s.
test.setTimeout(90_000);

test('three people create, move, retype, connect and delete, and everyone sees it all', async ({
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Three people');
  const [alice, bob, carol] = await Promise.all(
    ['Alice', 'Bob', 'Carol'].map((name) => person(browser, name)),
  );
  const pages = [alice!.page, bob!.page, carol!.page];
  for (const page of pages) await join(page, boardLink(id));
  for (const page of pages) await expect(peopleHere(page)).toContainText('3 people here');

  // Creation, from each of them, at different places (keyboard shortcuts place at the pointer).
  await placeAt(alice!.page, 'c', 'Command', 'Pay', -300, -100);
  await placeAt(bob!.page, 'g', 'Aggregate', 'Payment', 0, -100);
  await placeAt(carol!.page, 'e', 'Domain event', 'Paid', 300, -100);
  for (const page of pages) {
    await expect(element(page, 'Command', 'Pay')).toBeVisible();
    await expect(element(page, 'Aggregate', 'Payment')).toBeVisible();
    await expect(element(page, 'Domain event', 'Paid')).toBeVisible();
  }
  // Carol moves Bob's aggregate; everyone (same viewport size, same opening view) sees it where she does.
  const aliceView = alice!.page;
  await dragBy(carol!.page, element(carol!.page, 'Aggregate', 'Payment'), 0, 200);
  const moved = await canvasBox(carol!.page, 'Aggregate', 'Payment');
  for (const page of [aliceView, bob!.page])
    await expect.poll(() => canvasBox(page, 'Aggregate', 'Payment')).toEqual(moved);

  // Connections both ways: Alice connects her command to Bob's aggregate, Bob the aggregate to Carol's event.
  await connectNotes(
    aliceView,
    element(aliceView, 'Command', 'Pay'),
    element(aliceView, 'Aggregate', 'Payment'),
  );
  await connectNotes(
    bob!.page,
    element(bob!.page, 'Aggregate', 'Payment'),
    element(bob!.page, 'Domain event', 'Paid'),
  );
  for (const page of pages) {
    await expect(
      page.getByRole('group', { name: 'Connection from Command: Pay to Aggregate: Payment' }),
    ).toHaveCount(1);
    await expect(
      page.getByRole('group', { name: 'Connection from Aggregate: Payment to Domain event: Paid' }),
    ).toHaveCount(1);
  }

  // Bob retypes Carol's event.
  await element(bob!.page, 'Domain event', 'Paid').dblclick();
  await bob!.page.keyboard.press('Control+a');
  await bob!.page.keyboard.type('Payment Captured');
  await bob!.page.keyboard.press('Escape');
  for (const page of pages) await expect(element(page, 'Domain event', 'Payment Captured')).toBeVisible();

  // Carol deletes Alice's command: its connection goes with it, for everyone.
  await element(carol!.page, 'Command', 'Pay').click();
  await carol!.page.keyboard.press('Delete');
  for (const page of pages) {
    await expect(element(page, 'Command', 'Pay')).toHaveCount(0);
    await expect(page.getByRole('group', { name: /^Connection from Command: Pay/ })).toHaveCount(0);
    await expect(
      page.getByRole('group', {
        name: 'Connection from Aggregate: Payment to Domain event: Payment Captured',
      }),
    ).toHaveCount(1);
  }

  // Presence: Carol's pointer shows for the others, and she vanishes from the board when she leaves.
  const canvas = (await carol!.page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  await carol!.page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2 + 150, { steps: 4 });
  await expect(aliceView.getByRole('img', { name: 'Carol’s pointer' })).toBeVisible();
  await expect(bob!.page.getByRole('img', { name: 'Carol’s pointer' })).toBeVisible();
  await carol!.context.close();
  for (const page of [aliceView, bob!.page]) {
    await expect(peopleHere(page)).toContainText('2 people here');
    await expect(page.getByRole('img', { name: 'Carol’s pointer' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Follow Carol' })).toHaveCount(0);
  }
  await alice!.context.close();
  await bob!.context.close();
});
