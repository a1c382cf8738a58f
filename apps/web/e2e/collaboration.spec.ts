import { expect, test } from '@playwright/test';
import { addNote, auth, createBoard, element, openBoard } from './board.ts';

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

test('people see each other’s pointers by name and a drag as it happens', async ({ browser, request }) => {
  const id = await createBoard(request, 'Presence');
  const aliceContext = await browser.newContext();
  await aliceContext.addInitScript(() => window.localStorage.setItem('squall:userName', 'Alice'));
  const alice = await aliceContext.newPage();
  const bob = await (await browser.newContext()).newPage();
  await openBoard(alice, id);
  await openBoard(bob, id);
  const note = await addNote(alice, 'Command', 'Request Payment');
  const seenByBob = element(bob, 'Command', 'Request Payment');
  await expect(seenByBob).toBeVisible();

  const box = (await note.boundingBox())!;
  await alice.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(bob.getByRole('img', { name: 'Alice’s pointer' })).toBeVisible();

  // Alice holds the note mid-drag: Bob already sees it move, before anything is written.
  const before = (await seenByBob.boundingBox())!;
  await alice.mouse.down();
  await alice.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 + 60, { steps: 6 });
  const moved = Math.round((await note.boundingBox())!.x - box.x);
  expect(moved).toBeGreaterThan(50);
  await expect.poll(async () => Math.round((await seenByBob.boundingBox())!.x - before.x)).toBe(moved);
  const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
    elements: Array<{ position: { x: number } }>;
  };
  const stored = file.elements[0]!.position.x;
  await alice.mouse.up();
  await expect
    .poll(async () => {
      const after = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as typeof file;
      return Math.round(after.elements[0]!.position.x - stored);
    })
    .toBe(moved);
  await aliceContext.close();
  await bob.context().close();
});

test('the owner shares an edit link and a view-only link; a board opens only with a link', async ({
  browser,
}) => {
  const owner = await (await browser.newContext()).newPage();
  await owner.goto('/');
  await owner.getByRole('textbox', { name: 'Board name' }).fill('Shared workshop');
  await owner.getByRole('button', { name: 'Create board' }).click();
  await expect(owner.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  await addNote(owner, 'Domain event', 'Order Placed');
  await owner.getByRole('button', { name: 'Share', exact: true }).click();
  const share = owner.getByRole('region', { name: 'Share this board' });
  const editLink = await share.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const viewLink = await share.getByRole('textbox', { name: 'View-only link' }).inputValue();
  const boardUrl = new URL(owner.url());

  // Without a link, nobody else gets in.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(boardUrl.pathname);
  await expect(stranger.getByRole('heading', { name: 'You need a link to this board' })).toBeVisible();

  const editor = await (await browser.newContext()).newPage();
  await editor.goto(editLink);
  await expect(element(editor, 'Domain event', 'Order Placed')).toBeVisible();
  await addNote(editor, 'Command', 'Place Order');
  await expect(element(owner, 'Command', 'Place Order')).toBeVisible();

  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(viewLink);
  await expect(element(viewer, 'Command', 'Place Order')).toBeVisible();
  await expect(viewer.getByRole('status').filter({ hasText: 'View only' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Domain event', exact: true })).toBeDisabled();

  for (const page of [owner, stranger, editor, viewer]) await page.context().close();
});
