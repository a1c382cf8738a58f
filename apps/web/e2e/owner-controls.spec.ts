import { expect, test } from '@playwright/test';
import { addNote, element } from './board.ts';
import { join, peopleHere, person } from './people.ts';

test('the owner locks the board (read-only for everyone, the owner too), unlocks it and rotates a link', async ({
  browser,
}) => {
  const alice = await person(browser, 'Alice');
  await alice.page.goto('/');
  await alice.page.getByRole('textbox', { name: 'Board name' }).fill('Presented');
  await alice.page.getByRole('button', { name: 'Create board' }).click();
  await expect(alice.page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  await alice.page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = alice.page.getByRole('region', { name: 'Share this board' });
  const editLink = await share.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const viewLink = await share.getByRole('textbox', { name: 'View-only link' }).inputValue();
  const owner = share.getByRole('group', { name: 'Owner controls' });
  await expect(owner.getByRole('textbox', { name: /Owner key/ })).toHaveValue(/^[A-Za-z0-9_-]{43}$/);

  const bob = await person(browser, 'Bob');
  const carol = await person(browser, 'Carol');
  await join(bob.page, editLink);
  await join(carol.page, viewLink);
  const bobPalette = bob.page
    .getByRole('navigation', { name: 'Palette' })
    .getByRole('button', { name: 'Policy' });
  await expect(bobPalette).toBeEnabled();
  // Alice's side of the board, editable before the lock (she has something to undo).
  const alicePalette = alice.page
    .getByRole('navigation', { name: 'Palette' })
    .getByRole('button', { name: 'Domain event' });
  const aliceUndo = alice.page
    .getByRole('group', { name: 'Edit', exact: true })
    .getByRole('button', { name: 'Undo' });
  const aliceProperties = alice.page.getByRole('complementary', { name: 'Properties' });
  const aliceLocked = alice.page.getByRole('status').filter({ hasText: 'Locked by you' });
  await addNote(alice.page, 'Domain event', 'Before the lock');
  await expect(element(bob.page, 'Domain event', 'Before the lock')).toBeVisible();
  await expect(aliceUndo).toBeEnabled();
  await expect(aliceProperties).toBeVisible();
  await expect(aliceLocked).toHaveCount(0);

  await owner.getByRole('button', { name: 'Lock board' }).click();
  await expect(owner.getByText('Locked: read-only for everyone, you included.')).toBeVisible();
  await expect(bob.page.getByRole('status').filter({ hasText: 'Locked by the board owner' })).toBeVisible();
  await expect(bobPalette).toBeDisabled();
  // Locked means read-only for the owner too: palette, undo and properties off, and a note saying so,
  // while the owner controls (to unlock) stay at hand.
  await expect(aliceLocked).toBeVisible();
  await expect(alicePalette).toBeDisabled();
  await expect(aliceUndo).toBeDisabled();
  await expect(aliceProperties).toHaveCount(0);
  await expect(owner.getByRole('button', { name: 'Unlock board' })).toBeEnabled();

  // The share panel stays open beside the canvas.
  await owner.getByRole('button', { name: 'Unlock board' }).click();
  await expect(owner.getByText('Unlocked: everyone with the edit link can edit.')).toBeVisible();
  await expect(bob.page.getByRole('status').filter({ hasText: 'Locked by the board owner' })).toHaveCount(0);
  await expect(bobPalette).toBeEnabled();
  // Everyone reconnected, and everyone is still here, even Carol who has not moved since.
  await expect(peopleHere(bob.page)).toContainText('3 people here');
  await addNote(bob.page, 'Policy', 'After unlock');
  await expect(element(alice.page, 'Policy', 'After unlock')).toBeVisible();
  // The owner edits again, and everyone sees it.
  await expect(aliceLocked).toHaveCount(0);
  await expect(alicePalette).toBeEnabled();
  await expect(aliceProperties).toBeVisible();
  await addNote(alice.page, 'Domain event', 'Owner after unlock');
  await expect(element(bob.page, 'Domain event', 'Owner after unlock')).toBeVisible();
  await expect(element(carol.page, 'Domain event', 'Owner after unlock')).toBeVisible();

  await owner.getByRole('button', { name: 'New view-only link' }).click();
  await expect(carol.page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await expect(share.getByRole('textbox', { name: 'View-only link' })).not.toHaveValue(viewLink);
  // The old link is refused; the new one opens the board.
  const oldToken = new URL(viewLink).searchParams.get('token')!;
  const boardPath = new URL(viewLink).pathname.replace('/b/', '/api/boards/');
  const refused = await alice.page.request.get(`${boardPath}?token=${encodeURIComponent(oldToken)}`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('link_rotated');
  const dave = await person(browser, 'Dave');
  await join(dave.page, await share.getByRole('textbox', { name: 'View-only link' }).inputValue());
  await expect(element(dave.page, 'Policy', 'After unlock')).toBeVisible();

  for (const someone of [alice, bob, carol, dave]) await someone.context.close();
});

test('every toolbar control is in sight on a 1280 × 720 screen, the board owner’s too', async ({
  browser,
}) => {
  const owner = await person(browser, 'Olga');
  await owner.page.setViewportSize({ width: 1280, height: 720 });
  await owner.page.goto('/');
  await owner.page.getByRole('textbox', { name: 'Board name' }).fill('Laptop screen');
  await owner.page.getByRole('button', { name: 'Create board' }).click();
  await expect(owner.page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  const toolbar = owner.page.getByRole('banner');
  await expect(toolbar.getByRole('button', { name: 'Revisions' })).toBeVisible();
  // No part of the toolbar is scrolled out of sight: it wraps instead.
  const overflow = await toolbar.evaluate((header) => header.scrollWidth - header.clientWidth);
  expect(overflow).toBe(0);
  const controls = await toolbar.locator('button, a, select, input').all();
  expect(controls.length).toBeGreaterThan(15);
  for (const control of controls) {
    const box = await control.boundingBox();
    expect(box, (await control.textContent()) ?? undefined).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  }
});
