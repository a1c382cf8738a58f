import { expect, test } from '@playwright/test';
import { addNote, boardLink, createBoard, element, openBoard, whenSettled } from './board.ts';
import { join, person } from './people.ts';

test('a swimlane and a pivotal event are seen by two people; a lane carries the notes dropped in it', async ({
  page,
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Timeline');
  await openBoard(page, id);
  const bob = await person(browser, 'Bob');
  await join(bob.page, boardLink(id));

  const lane = await addNote(page, 'Swimlane', 'Customer');
  const event = await addNote(page, 'Domain event', 'Order Placed');
  const bobsLane = element(bob.page, 'Swimlane', 'Customer');
  const bobsEvent = element(bob.page, 'Domain event', 'Order Placed');
  await expect(bobsLane).toBeVisible();
  await expect(bobsEvent).toBeVisible();
  // The lane is a band behind the notes: the event is drawn over it.
  const laneBox = (await lane.boundingBox())!;
  const eventBox = (await event.boundingBox())!;
  expect(laneBox.width).toBeGreaterThan(eventBox.width * 5);
  expect(eventBox.y).toBeGreaterThan(laneBox.y);
  expect(eventBox.y + eventBox.height).toBeLessThan(laneBox.y + laneBox.height);

  await event.click();
  const pivotal = page.getByRole('complementary', { name: 'Properties' }).getByLabel('Pivotal event');
  await expect(pivotal).not.toBeChecked();
  await pivotal.check();
  await expect(event.locator('.note--pivotal')).toHaveCount(1);
  await expect(bobsEvent.locator('.note--pivotal')).toHaveCount(1);
  const line = bob.page.getByRole('img', { name: 'Phase border: Order Placed' });
  await expect(line).toHaveCount(1);
  // The line runs through the board's height, taller than everything on it.
  const lineHeight = await line.evaluate((node) => (node as HTMLElement).offsetHeight);
  expect(lineHeight).toBeGreaterThan(laneBox.height);

  // Alice drags the lane by its name (on its left end: she zooms to fit to see it), and the event
  // inside comes along, for Bob too.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const title = lane.locator('.frame__title');
  await whenSettled(title);
  const from = (await title.boundingBox())!;
  const bobsBefore = (await bobsEvent.boundingBox())!;
  const grab = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x, grab.y + 100, { steps: 8 });
  await page.mouse.up();
  await expect
    .poll(async () => Math.round((await bobsEvent.boundingBox())!.y - bobsBefore.y))
    .toBeGreaterThan(50);

  // Unchecking removes the border and the line for both.
  await event.click();
  await pivotal.uncheck();
  await expect(line).toHaveCount(0);
  await expect(bobsEvent.locator('.note--pivotal')).toHaveCount(0);
  await bob.context.close();
});
