import { expect, test } from '@playwright/test';
import { join, person } from './people.ts';
import { expectSameTime, timer, timerSeconds, timersOn, workshopRoom } from './workshop.ts';

// Three people, each in their own browser context.
test.setTimeout(60_000);

const SKEW_MS = 7 * 60_000;

test('the shared timer runs the same on every screen, a participant with a skewed clock included', async ({
  browser,
}) => {
  const { facilitator, participants, editLink } = await workshopRoom(browser, ['Bob']);
  const bob = participants[0]!;
  // Carol's computer clock is seven minutes ahead: the timer must still read the same as everyone's.
  const carol = await person(browser, 'Carol');
  await carol.context.clock.setSystemTime(Date.now() + SKEW_MS);
  await join(carol.page, editLink);
  const carolSkew = await carol.page.evaluate(() => Date.now());
  expect(carolSkew - Date.now()).toBeGreaterThan(SKEW_MS - 10_000);
  const pages = [facilitator.page, bob.page, carol.page];
  const controls = facilitator.page.getByRole('group', { name: 'Facilitator controls' });

  await controls.getByRole('spinbutton', { name: 'Timer minutes' }).fill('5');
  await controls.getByRole('button', { name: 'Start timer' }).click();
  for (const page of pages) await expect(timer(page)).toHaveText(/^0[45]:\d\d$/);
  const started = await expectSameTime(pages);
  expect(Math.min(...started)).toBeGreaterThan(4 * 60 + 50);
  // It counts down (on Carol's skewed screen too).
  await expect.poll(() => timerSeconds(carol.page)).toBeLessThan(Math.min(...started));

  await controls.getByRole('button', { name: 'Pause timer' }).click();
  for (const page of pages) await expect(page.getByText('paused', { exact: true })).toBeVisible();
  const paused = await expectSameTime(pages);
  expect(Math.max(...paused) - Math.min(...paused)).toBe(0);
  // Paused means paused: a second later every screen shows the same value as before.
  await facilitator.page.waitForTimeout(1_200);
  expect(await timersOn(pages)).toEqual(paused);

  await controls.getByRole('button', { name: 'Resume timer' }).click();
  for (const page of pages) await expect(page.getByText('paused', { exact: true })).toHaveCount(0);
  await expect.poll(() => timerSeconds(bob.page)).toBeLessThan(paused[0]!);
  await expectSameTime(pages);

  await controls.getByRole('button', { name: 'Add 1 minute' }).click();
  await expect.poll(() => timerSeconds(carol.page)).toBeGreaterThan(5 * 60 + 30);
  await expectSameTime(pages);

  // A reload (Bob) keeps the shared timer, at the same time as everyone else's.
  await bob.page.reload();
  await expect(bob.page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  await expect(timer(bob.page)).toBeVisible();
  const afterReload = await expectSameTime(pages);
  expect(Math.min(...afterReload)).toBeGreaterThan(5 * 60);

  await controls.getByRole('button', { name: 'Stop timer' }).click();
  for (const page of pages) await expect(timer(page)).toHaveCount(0);
});

test('at zero everyone gets "Time is up", a flash and a sound, except who muted it', async ({ browser }) => {
  const { facilitator, participants } = await workshopRoom(browser, ['Bob', 'Carol']);
  const [bob, carol] = participants as [(typeof participants)[0], (typeof participants)[0]];
  const controls = facilitator.page.getByRole('group', { name: 'Facilitator controls' });
  await controls.getByRole('spinbutton', { name: 'Timer minutes' }).fill('1');
  await controls.getByRole('button', { name: 'Start timer' }).click();
  await expect(timer(bob.page)).toBeVisible();
  // Bob mutes the sound in his browser (nobody else's).
  const mute = bob.page.getByRole('button', { name: 'Mute timer sound' });
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await expect(carol.page.getByRole('button', { name: 'Mute timer sound' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  // Three seconds this time.
  await controls.getByRole('spinbutton', { name: 'Timer minutes' }).fill('0.05');
  await controls.getByRole('button', { name: 'Start timer' }).click();
  // All three at once: the flash lasts a moment.
  await Promise.all(
    [facilitator.page, bob.page, carol.page].map(async (page) => {
      await expect(page.locator('.workshop-flash')).toHaveCount(1, { timeout: 10_000 });
      await expect(page.getByRole('alert').filter({ hasText: 'Time is up' })).toBeVisible();
      await expect(timer(page)).toHaveText('00:00');
    }),
  );
  const soundPlayed = (page: typeof bob.page) =>
    page.evaluate(() => document.documentElement.dataset.squallTimeUpSound !== undefined);
  expect(await soundPlayed(carol.page)).toBe(true);
  expect(await soundPlayed(facilitator.page)).toBe(true);
  expect(await soundPlayed(bob.page)).toBe(false);
  // The flash passes; the alert stays until the facilitator stops the timer.
  await expect(carol.page.locator('.workshop-flash')).toHaveCount(0);
  await expect(carol.page.getByRole('alert').filter({ hasText: 'Time is up' })).toBeVisible();
  await controls.getByRole('button', { name: 'Stop timer' }).click();
  await expect(carol.page.getByRole('alert').filter({ hasText: 'Time is up' })).toHaveCount(0);
});
