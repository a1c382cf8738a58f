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

test('Compare with… marks the changed notes on the board until cleared; a revision opens read-only', async ({
  page,
  request,
}) => {
  const id = await importBoard(request, banking);
  await page.goto(boardLink(id));
  await expect(element(page, 'Domain event', 'Payment Blocked')).toBeVisible();

  await page.getByRole('button', { name: 'Revisions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revisions' });
  await dialog.getByLabel('Revision name').fill('before rename');
  await dialog.getByRole('button', { name: 'Save revision' }).click();
  await expect(dialog.getByRole('list', { name: 'Saved revisions' })).toContainText('1. before rename');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // After the revision: one event goes, another is renamed.
  await element(page, 'Domain event', 'Payment Blocked').click();
  await page.keyboard.press('Delete');
  await element(page, 'Domain event', 'Payment Requested').dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Payment Submitted');
  await page.keyboard.press('Escape');
  const renamed = element(page, 'Domain event', 'Payment Submitted');
  await expect(renamed).toBeVisible();

  await page.getByRole('button', { name: 'Revisions' }).click();
  await dialog.getByRole('button', { name: 'Compare with before rename' }).click();
  await expect(dialog.getByRole('region', { name: 'Changes since the revision' })).toContainText(
    'event-renamed',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  // On the board: the renamed note outlined as changed, the removed one named in the comparison bar.
  const bar = page.getByRole('status', { name: 'Comparison on the board' });
  await expect(bar).toContainText('1 changed');
  await expect(bar).toContainText('1 removed (removed: PaymentBlocked)');
  await expect(renamed.locator('.note--change-changed')).toBeVisible();
  await expect(page.locator('.note[data-change]')).toHaveCount(1);
  await bar.getByRole('button', { name: 'Clear comparison' }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.locator('.note[data-change]')).toHaveCount(0);

  // The revision, read-only: its notes as they were, nothing to edit, the live board untouched.
  await page.getByRole('button', { name: 'Revisions' }).click();
  await dialog.getByRole('button', { name: 'Open before rename read-only' }).click();
  const view = dialog.getByRole('region', { name: 'Revision before rename (read-only)' });
  const old = view.getByRole('img', { name: 'Domain event: Payment Blocked' });
  await expect(old).toBeVisible();
  await expect(view.getByRole('img', { name: 'Domain event: Payment Requested' })).toBeVisible();
  await old.dblclick();
  await page.keyboard.type('typed into the revision');
  await page.keyboard.press('Delete');
  await expect(view.getByRole('textbox')).toHaveCount(0);
  await expect(old).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(renamed).toBeVisible();
  await expect(element(page, 'Domain event', 'Payment Blocked')).toHaveCount(0);
  await expect(page.getByText('typed into the revision')).toHaveCount(0);
});
