import { expect, type Page, test } from '@playwright/test';
import { element, type KindLabel } from './board.ts';
import { join, person } from './people.ts';
import { createWorkshopBoard } from './workshopBoard.ts';

test.setTimeout(120_000);

/** Places a note with a keyboard shortcut at a point relative to the canvas centre, and types its text. */
async function placeAt(page: Page, key: string, kind: KindLabel, text: string, dx: number, dy: number) {
  const canvas = (await page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2 + dx, canvas.y + canvas.height / 2 + dy);
  await page.keyboard.press(key);
  await expect(page.getByRole('textbox', { name: `Text of ${kind}` })).toBeFocused();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
  await expect(element(page, kind, text)).toBeVisible();
}

function vote(page: Page, text: string) {
  return element(page, 'Hotspot', text).getByRole('button', { name: 'Vote', exact: true });
}

function votesLeft(page: Page) {
  return page.getByRole('region', { name: 'Dot voting' }).getByRole('status');
}

test('dot voting: limits, hidden counts until closed, ranked results; forged votes do not count', async ({
  browser,
  request,
}) => {
  const board = await createWorkshopBoard(request, 'Payments workshop');
  const [fay, alice, bob] = await Promise.all(['Fay', 'Alice', 'Bob'].map((name) => person(browser, name)));
  await join(fay!.page, board.ownerLink);
  await join(alice!.page, board.editLink);
  await join(bob!.page, board.editLink);
  // Side by side, so no note hides another's buttons (shortcuts place a note at the pointer).
  for (const [text, dx] of [
    ['Fees unclear', -300],
    ['Refunds slow', -100],
    ['Fraud checks', 100],
  ] as const) {
    await placeAt(fay!.page, 'h', 'Hotspot', text, dx, -100);
  }
  await placeAt(fay!.page, 'e', 'Domain event', 'Refund Paid', 300, -100);
  for (const page of [alice!.page, bob!.page])
    await expect(element(page, 'Hotspot', 'Fraud checks')).toBeVisible();

  // Participants cannot start voting.
  await expect(alice!.page.getByRole('button', { name: 'Start voting' })).toHaveCount(0);
  const setup = fay!.page.getByRole('region', { name: 'Dot voting' });
  await expect(setup.getByRole('spinbutton', { name: 'Votes per person' })).toHaveValue('3');
  await expect(setup.getByRole('checkbox', { name: 'Hotspot' })).toBeChecked();
  await expect(setup.getByRole('checkbox', { name: 'Opportunity' })).toBeChecked();
  await expect(setup.getByRole('checkbox', { name: 'Domain event' })).not.toBeChecked();
  await setup.getByRole('button', { name: 'Start voting' }).click();

  for (const page of [alice!.page, bob!.page]) await expect(votesLeft(page)).toContainText('3 votes left');
  // Only hotspots and opportunities take votes.
  await expect(
    element(alice!.page, 'Domain event', 'Refund Paid').getByRole('button', { name: 'Vote' }),
  ).toHaveCount(0);

  // Alice: two votes on one note, one on another; then she is out of votes.
  await expect(vote(alice!.page, 'Fees unclear')).toHaveAttribute('aria-pressed', 'false');
  await vote(alice!.page, 'Fees unclear').click();
  await vote(alice!.page, 'Fees unclear').click();
  await vote(alice!.page, 'Refunds slow').click();
  await expect(vote(alice!.page, 'Fees unclear')).toHaveAttribute('aria-pressed', 'true');
  await expect(element(alice!.page, 'Hotspot', 'Fees unclear').getByRole('img')).toHaveAccessibleName(
    'Your votes: 2',
  );
  await expect(votesLeft(alice!.page)).toContainText('0 votes left');
  await vote(alice!.page, 'Fraud checks').click();
  await expect(
    alice!.page.getByRole('alert').or(alice!.page.getByRole('status')).filter({ hasText: 'No votes left' }),
  ).toBeVisible();
  await expect(vote(alice!.page, 'Fraud checks')).toHaveAttribute('aria-pressed', 'false');
  // She takes one back and puts it elsewhere.
  await element(alice!.page, 'Hotspot', 'Refunds slow')
    .getByRole('button', { name: 'Take back a vote' })
    .click();
  await expect(votesLeft(alice!.page)).toContainText('1 vote left');
  await vote(alice!.page, 'Fraud checks').click();
  await expect(votesLeft(alice!.page)).toContainText('0 votes left');

  // Bob votes; nobody sees anyone else's votes while voting is open.
  await vote(bob!.page, 'Fraud checks').click();
  await expect(votesLeft(bob!.page)).toContainText('2 votes left');
  await expect(element(bob!.page, 'Hotspot', 'Fees unclear').getByRole('img')).toHaveCount(0);
  await expect(element(bob!.page, 'Hotspot', 'Fraud checks').getByRole('img')).toHaveAccessibleName(
    'Your vote: 1',
  );
  await expect(element(fay!.page, 'Hotspot', 'Fees unclear').getByRole('img')).toHaveCount(0);
  await expect(fay!.page.getByRole('region', { name: 'Voting results' })).toHaveCount(0);
  // How many voted shows, not on what.
  await expect(fay!.page.getByRole('region', { name: 'Dot voting' })).toContainText('2 people have voted');

  // Bob's modified client: a ballot over the limit is refused by the server, and one on a note that
  // cannot be voted on is stored but never counted.
  const secret = await bob!.page.evaluate(() => window.localStorage.getItem('squall:participant'));
  expect(secret).toBeTruthy();
  const forge = (elements: string[]) =>
    bob!.page.request.post(`/api/boards/${board.id}/workshop`, {
      headers: { authorization: `Bearer ${board.editToken}`, 'x-squall-participant': secret! },
      data: { type: 'castBallot', elements },
    });
  const ids = await fay!.page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.react-flow__node')].map((node) => [
        node.getAttribute('aria-label'),
        node.getAttribute('data-id'),
      ]),
    ),
  );
  const fees = ids['Hotspot: Fees unclear']!;
  const event = ids['Domain event: Refund Paid']!;
  expect((await forge(Array(10).fill(fees))).status()).toBe(409);
  expect((await forge([event, event, event])).status()).toBe(200);
  // Someone else's facilitator action is refused too.
  expect(
    (
      await bob!.page.request.post(`/api/boards/${board.id}/workshop`, {
        headers: { authorization: `Bearer ${board.editToken}`, 'x-squall-participant': secret! },
        data: { type: 'closeVoting' },
      })
    ).status(),
  ).toBe(403);
  await expect(votesLeft(bob!.page)).toContainText('3 votes left');
  await vote(bob!.page, 'Fraud checks').click();
  await vote(fay!.page, 'Fraud checks').click();

  await fay!.page.getByRole('button', { name: 'Close voting' }).click();
  // Results for everyone: Fraud checks 3 (Alice, Bob, Fay), Fees unclear 2, the event none.
  for (const page of [fay!.page, alice!.page, bob!.page]) {
    const results = page.getByRole('region', { name: 'Voting results' }).getByRole('listitem');
    await expect(results).toHaveText(['3 votes Hotspot: Fraud checks', '2 votes Hotspot: Fees unclear']);
    await expect(element(page, 'Hotspot', 'Fraud checks').getByRole('img')).toHaveAccessibleName('3 votes');
    await expect(element(page, 'Hotspot', 'Fees unclear').getByRole('img')).toHaveAccessibleName('2 votes');
    await expect(element(page, 'Hotspot', 'Refunds slow').getByRole('img')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Vote', exact: true })).toHaveCount(0);
  }
  // A result takes you to its note.
  await alice!.page
    .getByRole('region', { name: 'Voting results' })
    .getByRole('button', { name: /Fees unclear/ })
    .click();
  await expect(alice!.page.locator('.react-flow__node.selected')).toHaveAttribute(
    'aria-label',
    'Hotspot: Fees unclear',
  );
});
