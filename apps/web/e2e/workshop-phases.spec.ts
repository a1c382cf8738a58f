import { expect, test } from '@playwright/test';
import { addNote } from './board.ts';
import { peopleHere } from './people.ts';
import { pan, phaseStatus, postWorkshopAction, viewCentre, workshopBar, workshopRoom } from './workshop.ts';

// Three people, each in their own browser context.
test.setTimeout(60_000);

test('the facilitator sets the phase for everyone; participants get no controls and their forged changes are refused', async ({
  browser,
}) => {
  const { facilitator, participants, boardId } = await workshopRoom(browser, ['Bob', 'Carol']);
  const [bob, carol] = participants as [(typeof participants)[0], (typeof participants)[0]];
  const select = facilitator.page.getByRole('combobox', { name: 'Workshop phase' });
  await select.selectOption({ label: 'Chaotic exploration' });
  for (const page of [facilitator.page, bob.page, carol.page]) {
    await expect(phaseStatus(page)).toHaveText('Phase: Chaotic exploration');
    await expect(workshopBar(page)).toContainText('domain events');
  }
  // Only the facilitator sees the facilitator controls.
  for (const page of [bob.page, carol.page]) {
    await expect(page.getByRole('combobox', { name: 'Workshop phase' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Start timer' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Bring everyone here' })).toHaveCount(0);
  }

  // The palette follows the phase: events and hotspots up front, the rest one click away.
  const palette = bob.page.getByRole('navigation', { name: 'Palette' });
  await expect(palette.getByRole('button', { name: 'Domain event', exact: true })).toBeVisible();
  await expect(palette.getByRole('button', { name: 'Hotspot', exact: true })).toBeVisible();
  await expect(palette.getByRole('button', { name: 'Aggregate', exact: true })).toBeHidden();
  await palette.getByRole('button', { name: 'More kinds' }).click();
  await expect(palette.getByRole('button', { name: 'Aggregate', exact: true })).toBeVisible();
  // The lint is relaxed while exploring: a command nobody handles is no problem yet.
  await addNote(bob.page, 'Command', 'Pay');
  const lint = bob.page.getByRole('region', { name: 'Lint' });
  await expect(lint.getByRole('button', { name: 'Lint: no problems' })).toBeVisible();

  // Bob's browser asks the server anyway, with his own token and participant secret: refused.
  expect(await postWorkshopAction(bob.page, boardId, { type: 'setPhase', phase: 'softwareDesign' })).toBe(
    403,
  );
  expect(await postWorkshopAction(bob.page, boardId, { type: 'startTimer', minutes: 5 })).toBe(403);
  await select.selectOption({ label: 'Enforce the timeline' });
  for (const page of [facilitator.page, bob.page, carol.page]) {
    await expect(phaseStatus(page)).toHaveText('Phase: Enforce the timeline');
  }

  // The facilitator makes Bob a facilitator: he gets the controls, and his change reaches everyone.
  await peopleHere(facilitator.page).getByRole('button', { name: 'Facilitators' }).click();
  const bobRow = facilitator.page
    .getByRole('list', { name: 'Participants' })
    .getByRole('listitem', { name: 'Bob' });
  await bobRow.getByRole('button', { name: 'Make facilitator' }).click();
  await expect(bobRow.getByText('Facilitator', { exact: true })).toBeVisible();
  await bob.page
    .getByRole('combobox', { name: 'Workshop phase' })
    .selectOption({ label: 'Process modelling' });
  for (const page of [facilitator.page, bob.page, carol.page]) {
    await expect(phaseStatus(page)).toHaveText('Phase: Process modelling');
  }
  await expect(carol.page.getByRole('combobox', { name: 'Workshop phase' })).toHaveCount(0);

  // Undone: Bob's controls go, and the server refuses him again.
  await bobRow.getByRole('button', { name: 'Remove facilitator' }).click();
  await expect(bob.page.getByRole('combobox', { name: 'Workshop phase' })).toHaveCount(0);
  expect(await postWorkshopAction(bob.page, boardId, { type: 'setPhase', phase: 'softwareDesign' })).toBe(
    403,
  );
  await expect(phaseStatus(carol.page)).toHaveText('Phase: Process modelling');
});

test('"Bring everyone here" makes every participant follow the facilitator until they move', async ({
  browser,
}) => {
  const { facilitator, participants } = await workshopRoom(browser, ['Bob', 'Carol']);
  const [bob, carol] = participants as [(typeof participants)[0], (typeof participants)[0]];
  await pan(facilitator.page, 400, -150);
  const there = await viewCentre(facilitator.page);
  expect(await viewCentre(bob.page)).not.toEqual(there);
  await facilitator.page.getByRole('button', { name: 'Bring everyone here' }).click();
  for (const someone of [bob, carol]) {
    await expect.poll(() => viewCentre(someone.page)).toEqual(there);
    await expect(peopleHere(someone.page).getByRole('button', { name: 'Follow Fay' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }
  // It is the existing follow: the facilitator moves on and everyone comes along, until one moves alone.
  await pan(facilitator.page, -250, 100);
  const next = await viewCentre(facilitator.page);
  await expect.poll(() => viewCentre(carol.page)).toEqual(next);
  await pan(bob.page, 100, 100);
  await expect(peopleHere(bob.page).getByRole('button', { name: 'Follow Fay' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  // A participant cannot summon anyone.
  await expect(bob.page.getByRole('button', { name: 'Bring everyone here' })).toHaveCount(0);
});
