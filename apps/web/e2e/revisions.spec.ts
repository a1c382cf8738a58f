import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { boardLink, element, importBoard } from './board.ts';

const banking = JSON.parse(
  readFileSync(
    new URL('../../../packages/model/examples/banking-payments.squall.json', import.meta.url),
    'utf8',
  ),
) as object;

test('Save revision, then Compare with… lists what changed since, breaking or not, and a new board opens from it', async ({
  page,
  request,
}) => {
  const id = await importBoard(request, banking);
  await page.goto(boardLink(id));
  const blocked = element(page, 'Domain event', 'Payment Blocked');
  await expect(blocked).toBeVisible();

  await page.getByRole('button', { name: 'Revisions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revisions' });
  await dialog.getByLabel('Revision name').fill('after workshop 2');
  await dialog.getByRole('button', { name: 'Save revision' }).click();
  const saved = dialog.getByRole('list', { name: 'Saved revisions' });
  await expect(saved).toContainText('1. after workshop 2');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A change after the revision: the Payment Blocked event goes.
  await blocked.click();
  await page.keyboard.press('Delete');
  await expect(blocked).toHaveCount(0);

  await page.getByRole('button', { name: 'Revisions' }).click();
  await dialog.getByRole('button', { name: 'Compare with after workshop 2' }).click();
  const changes = dialog.getByRole('region', { name: 'Changes since the revision' });
  await expect(changes).toContainText('1 breaking of 1');
  await expect(changes).toContainText('Breaking event-removed: Removing the event PaymentBlocked breaks');
  // Forward mode: consumers on the old schema just stop seeing it.
  await changes.getByLabel('Compatibility mode').selectOption('forward');
  await expect(changes).toContainText('1 compatible');

  // The server computes the same diff.
  const api = await request.get(
    `/api/boards/${id}/diff?from=1&mode=backward&token=${new URL(boardLink(id), 'http://x').searchParams.get('token')}`,
  );
  expect((await api.json()).changes.map((change: { kind: string }) => change.kind)).toEqual([
    'event-removed',
  ]);

  // A new board from the revision still has the event.
  const [opened] = await Promise.all([
    page.context().waitForEvent('page'),
    dialog.getByRole('button', { name: 'New board from after workshop 2' }).click(),
  ]);
  await expect(element(opened, 'Domain event', 'Payment Blocked')).toBeVisible();
  expect(new URL(opened.url()).pathname).not.toBe(`/b/${id}`);
});
