import { expect, test } from '@playwright/test';
import { addNote, createBoard, element, openBoard } from './board.ts';

// Two people in separate browser contexts: everything they share goes through the real server.
test('two people see each other’s notes live, and undo only undoes one’s own work', async ({
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Workshop');
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await openBoard(alice, id);
  await openBoard(bob, id);

  await addNote(alice, 'Domain event', 'Order Placed');
  await expect(element(bob, 'Domain event', 'Order Placed')).toBeVisible();
  await addNote(bob, 'Domain event', '주문 취소됨');
  await expect(element(alice, 'Domain event', '주문 취소됨')).toBeVisible();

  // Bob's undo takes back Bob's text, never Alice's note.
  await bob.keyboard.press('Control+z');
  await expect(element(alice, 'Domain event', '주문 취소됨')).toHaveCount(0);
  await expect(element(alice, 'Domain event', 'Order Placed')).toBeVisible();
  await expect(element(bob, 'Domain event', 'Order Placed')).toBeVisible();

  await alice.context().close();
  await bob.context().close();
});
