import { expect, test } from '@playwright/test';
import { addNote, element } from './board.ts';
import { join, person, status } from './people.ts';
import { createWorkshopBoard, openRawListener, wireTap } from './workshopBoard.ts';

// A facilitator and two participants, each in their own browser context, through the real server.
test.setTimeout(180_000);

test('silent writing keeps drafts in their author’s browser (not even on the wire) until they are revealed', async ({
  browser,
  request,
}) => {
  const board = await createWorkshopBoard(request, 'Refunds workshop');
  const [fay, alice, bob] = await Promise.all(['Fay', 'Alice', 'Bob'].map((name) => person(browser, name)));
  const aliceWire = wireTap(alice!.page);
  const bobWire = wireTap(bob!.page);
  await join(fay!.page, board.ownerLink);
  await join(alice!.page, board.editLink);
  await join(bob!.page, board.editLink);
  // An outsider's bare protocol client, listening to everything the server relays about the board.
  const listener = await person(browser, 'Listener');
  await listener.page.goto('/');
  const rawReceived = await openRawListener(listener.page, board);

  // Participants have no facilitator controls.
  await expect(alice!.page.getByRole('button', { name: 'Silent writing' })).toHaveCount(0);
  await fay!.page.getByRole('button', { name: 'Silent writing' }).click();
  await expect(fay!.page.getByRole('button', { name: 'Silent writing' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const page of [alice!.page, bob!.page]) {
    await expect(
      page.getByRole('status').filter({ hasText: 'Silent writing: your new notes are drafts' }),
    ).toBeVisible();
  }

  await addNote(alice!.page, 'Hotspot', 'Refunds take weeks');
  await addNote(alice!.page, 'Domain event', 'Refund Requested');
  // Alice sees her drafts, dashed and with a Publish button; nobody else sees them, only how many she holds.
  const draft = element(alice!.page, 'Hotspot', 'Refunds take weeks');
  await expect(draft.locator('.note--draft')).toBeVisible();
  await expect(draft.getByRole('button', { name: 'Publish note' })).toBeVisible();
  for (const page of [fay!.page, bob!.page]) {
    await expect(page.getByRole('list', { name: 'Drafts held' })).toContainText('Alice: 2 notes');
    await expect(element(page, 'Hotspot', 'Refunds take weeks')).toHaveCount(0);
  }

  // Her drafts survive a reload (IndexedDB), still unpublished.
  await alice!.page.reload();
  await expect(alice!.page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  await expect(element(alice!.page, 'Hotspot', 'Refunds take weeks').locator('.note--draft')).toBeVisible();
  await expect(element(alice!.page, 'Domain event', 'Refund Requested')).toBeVisible();
  await expect(fay!.page.getByRole('list', { name: 'Drafts held' })).toContainText('Alice: 2 notes');

  // Not a byte of the drafts' text left Alice's browser or reached anyone else's.
  const secret = 'Refunds take weeks';
  expect(aliceWire.sent.join('\n')).not.toContain(secret);
  expect(bobWire.received.join('\n')).not.toContain(secret);
  expect(await rawReceived()).not.toContain(secret);

  // Bob publishes one of his own drafts himself.
  await addNote(bob!.page, 'Opportunity', 'Instant refunds');
  await element(bob!.page, 'Opportunity', 'Instant refunds')
    .getByRole('button', { name: 'Publish note' })
    .click();
  await expect(element(alice!.page, 'Opportunity', 'Instant refunds')).toBeVisible();
  await expect(element(bob!.page, 'Opportunity', 'Instant refunds').locator('.note--draft')).toHaveCount(0);

  // Bob goes offline and writes a draft there; the reveal happens while he is away.
  await bob!.context.setOffline(true);
  await expect(status(bob!.page)).toHaveText('Offline');
  await addNote(bob!.page, 'Hotspot', 'Written on the train');

  await fay!.page.getByRole('button', { name: 'Reveal notes' }).click();
  // Alice's drafts appear for everyone at once, and are no longer drafts for her.
  for (const page of [fay!.page, alice!.page]) {
    await expect(element(page, 'Hotspot', 'Refunds take weeks')).toBeVisible();
    await expect(element(page, 'Domain event', 'Refund Requested')).toBeVisible();
  }
  await expect(alice!.page.locator('.note--draft')).toHaveCount(0);
  await expect(fay!.page.getByRole('list', { name: 'Drafts held' })).toHaveCount(0);
  // The check above could fail: now that it is revealed, the text does go over the wire.
  await expect.poll(rawReceived).toContain(secret);
  expect(bobWire.received.join('\n')).not.toContain('Written on the train');

  // Back online, Bob's browser publishes what he wrote before the reveal.
  await bob!.context.setOffline(false);
  await expect(status(bob!.page)).toHaveText('Connected');
  await expect(element(fay!.page, 'Hotspot', 'Written on the train')).toBeVisible();
  await expect(element(alice!.page, 'Hotspot', 'Written on the train')).toBeVisible();

  // After a reveal, silent writing is still on: a new draft stays private until the next one.
  await addNote(alice!.page, 'Hotspot', 'Second round');
  await expect(element(alice!.page, 'Hotspot', 'Second round').locator('.note--draft')).toBeVisible();
  await expect(fay!.page.getByRole('list', { name: 'Drafts held' })).toContainText('Alice: 1 note');
  // Turning silent writing off reveals too.
  await fay!.page.getByRole('button', { name: 'Silent writing' }).click();
  await expect(element(bob!.page, 'Hotspot', 'Second round')).toBeVisible();
  await addNote(alice!.page, 'Hotspot', 'Out loud');
  await expect(element(bob!.page, 'Hotspot', 'Out loud')).toBeVisible();
});
