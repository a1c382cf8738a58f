import { expect, test } from '@playwright/test';
import { addNote, auth, connectNotes, createBoard, dragBy, openBoard } from './board.ts';

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
