import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addNote, element } from './board.ts';
import { person } from './people.ts';
import { phaseStatus, workshopRoom } from './workshop.ts';

// Three people, each in their own browser context.
test.setTimeout(60_000);

test('"New board" starts from a template: the Big Picture wall and both example boards open', async ({
  browser,
}) => {
  const fay = await person(browser, 'Fay');
  const cases: Array<[string, RegExp]> = [
    ['Big Picture wall', /^Swimlane: Timeline: domain events/],
    ['Example: banking payments', /^Domain event: Payment Requested$/],
    ['Example: container shipping', /^Domain event: Container Delivered$/],
  ];
  for (const [template, expected] of cases) {
    await fay.page.goto('/');
    await fay.page.getByRole('textbox', { name: 'Board name' }).fill(template);
    await fay.page.getByRole('combobox', { name: 'Template' }).selectOption({ label: template });
    await fay.page.getByRole('button', { name: 'Create board' }).click();
    await expect(fay.page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
    await expect(fay.page.getByRole('group', { name: expected })).toBeVisible();
  }
  // The wall's lanes for the later Big Picture steps.
  await fay.page.goto('/');
  await fay.page.getByRole('link', { name: 'Big Picture wall' }).click();
  for (const lane of [
    /^Swimlane: Legend/,
    /^Swimlane: People and systems/,
    /^Swimlane: Problems and opportunities/,
  ]) {
    await expect(fay.page.getByRole('group', { name: lane })).toBeVisible();
  }
  // Empty is still the default.
  await fay.page.goto('/');
  await expect(fay.page.getByRole('combobox', { name: 'Template' })).toHaveValue('empty');
});

test('the summary lists who took part, the phases, the hotspots and the contexts, in the app and from the API', async ({
  browser,
  request,
}) => {
  const { facilitator, participants, boardId } = await workshopRoom(browser, ['Bob'], {
    boardName: 'Payments workshop',
  });
  const bob = participants[0]!;
  const select = facilitator.page.getByRole('combobox', { name: 'Workshop phase' });
  await select.selectOption({ label: 'Chaotic exploration' });
  await addNote(bob.page, 'Domain event', 'Payment Requested');
  await select.selectOption({ label: 'Problems and opportunities' });
  await expect(phaseStatus(bob.page)).toHaveText('Phase: Problems and opportunities');
  await addNote(bob.page, 'Hotspot', 'Who refunds fees?');
  await addNote(bob.page, 'Opportunity', 'Instant payouts');
  await expect(element(facilitator.page, 'Opportunity', 'Instant payouts')).toBeVisible();

  const downloading = facilitator.page.waitForEvent('download');
  await facilitator.page.getByRole('button', { name: 'Download summary' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Payments workshop summary.md');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text).toMatch(/^# Payments workshop: workshop summary\n/);
  expect(text).toContain('- Fay (facilitator)\n');
  expect(text).toContain('- Bob\n');
  expect(text).toMatch(
    /\| Chaotic exploration \| [\dT:-]+Z \| \d+ s \|\n\| Problems and opportunities \| [\dT:-]+Z \| \d+ s so far \|/,
  );
  expect(text).toContain('- Hotspot: Who refunds fees?');
  expect(text).toContain('- Opportunity: Instant payouts');
  expect(text).toContain('### No bounded contexts yet\n\n- Payment Requested');

  // The server offers the same report to any holder of a board token.
  const editToken = await facilitator.page.evaluate(
    (id) =>
      (
        JSON.parse(window.localStorage.getItem('squall:boardTokens') ?? '{}') as Record<
          string,
          { editToken: string }
        >
      )[id]?.editToken,
    boardId,
  );
  const fromApi = await request.get(`/api/boards/${boardId}/summary.md`, {
    headers: { authorization: `Bearer ${editToken}` },
  });
  expect(fromApi.status()).toBe(200);
  const apiText = await fromApi.text();
  const withoutTime = (markdown: string) =>
    markdown.replace(/Written [\dT:-]+Z\./, '').replace(/\| [\dT:-]+Z \| \d+ s( so far)? \|/g, '');
  expect(withoutTime(apiText)).toBe(withoutTime(text));
  expect((await request.get(`/api/boards/${boardId}/summary.md`)).status()).toBe(401);
});
