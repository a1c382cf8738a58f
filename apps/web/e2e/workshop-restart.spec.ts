import { expect, test } from '@playwright/test';
import { ownServer } from './ownServer.ts';
import { status } from './people.ts';
import { expectSameTime, phaseStatus, timer, workshopRoom } from './workshop.ts';

test.setTimeout(90_000);

test('the phase and a running timer survive a server restart', async ({ browser }) => {
  const server = await ownServer();
  try {
    const { facilitator, participants } = await workshopRoom(browser, ['Bob'], { origin: server.origin });
    const bob = participants[0]!;
    const controls = facilitator.page.getByRole('group', { name: 'Facilitator controls' });
    await facilitator.page
      .getByRole('combobox', { name: 'Workshop phase' })
      .selectOption({ label: 'People and systems' });
    await controls.getByRole('spinbutton', { name: 'Timer minutes' }).fill('10');
    await controls.getByRole('button', { name: 'Start timer' }).click();
    await expect(timer(bob.page)).toBeVisible();
    const before = await expectSameTime([facilitator.page, bob.page]);

    await server.kill();
    await expect(status(bob.page)).toHaveText('Reconnecting…');
    await server.start();
    await expect(status(bob.page)).toHaveText('Connected', { timeout: 15_000 });
    await expect(status(facilitator.page)).toHaveText('Connected', { timeout: 15_000 });

    // A newcomer after the restart gets the same state from the server.
    await bob.page.reload();
    await expect(phaseStatus(bob.page)).toHaveText('Phase: People and systems');
    const after = await expectSameTime([facilitator.page, bob.page]);
    expect(Math.max(...after)).toBeLessThanOrEqual(Math.min(...before));
    expect(Math.min(...after)).toBeGreaterThan(9 * 60);
    // The facilitator can still drive it after the restart.
    await controls.getByRole('button', { name: 'Pause timer' }).click();
    await expect(bob.page.getByText('paused', { exact: true })).toBeVisible();
  } finally {
    await server.kill();
  }
});
