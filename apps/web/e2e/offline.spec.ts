import { expect, type Page, test } from '@playwright/test';
import { addNote, auth, boardLink, createBoard, element } from './board.ts';
import { join, person, status } from './people.ts';

test.setTimeout(90_000);

/** Waits until the service worker controls the page and has cached the app shell. */
async function shellCached(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const names = await caches.keys();
        const cached = await Promise.all(names.map(async (name) => (await caches.open(name)).keys()));
        return cached.flat().some((request) => new URL(request.url).pathname.startsWith('/assets/'));
      }),
    )
    .toBe(true);
}

test('offline edits are kept, survive a reload while offline, and merge when the network returns', async ({
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Flaky Wi-Fi');
  const alice = await person(browser, 'Alice');
  const bob = await person(browser, 'Bob');
  await join(alice.page, boardLink(id));
  await join(bob.page, boardLink(id));
  await expect(status(alice.page)).toHaveText('Connected');
  await addNote(alice.page, 'Domain event', 'Before the outage');
  await expect(element(bob.page, 'Domain event', 'Before the outage')).toBeVisible();
  await shellCached(alice.page);

  await alice.context.setOffline(true);
  await expect(status(alice.page)).toHaveText('Offline');
  await addNote(alice.page, 'Domain event', 'Typed offline');
  await addNote(bob.page, 'Command', 'Typed online');
  await expect(element(bob.page, 'Command', 'Typed online')).toBeVisible();

  // A reload without a network: the page comes from the service worker, the board from IndexedDB.
  const reloaded = await alice.page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(
    await alice.page.evaluate(() =>
      fetch('/api/boards').then(
        () => 'reached',
        () => 'unreachable',
      ),
    ),
  ).toBe('unreachable');
  await expect(alice.page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  await expect(status(alice.page)).toHaveText('Offline');
  await expect(alice.page.getByRole('heading', { name: 'Flaky Wi-Fi' })).toBeVisible();
  await expect(element(alice.page, 'Domain event', 'Typed offline')).toBeVisible();
  await expect(element(alice.page, 'Domain event', 'Before the outage')).toBeVisible();
  await addNote(alice.page, 'Hotspot', 'After the reload');
  // Nothing of Alice's reached Bob, and Bob's note has not reached Alice.
  await expect(element(alice.page, 'Command', 'Typed online')).toHaveCount(0);
  await expect(element(bob.page, 'Domain event', 'Typed offline')).toHaveCount(0);

  await alice.context.setOffline(false);
  await expect(status(alice.page)).toHaveText('Connected');
  for (const page of [alice.page, bob.page]) {
    await expect(element(page, 'Domain event', 'Before the outage')).toBeVisible();
    await expect(element(page, 'Domain event', 'Typed offline')).toBeVisible();
    await expect(element(page, 'Hotspot', 'After the reload')).toBeVisible();
    await expect(element(page, 'Command', 'Typed online')).toBeVisible();
  }
  await expect
    .poll(async () => {
      const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
        elements: Array<{ text: string }>;
      };
      return file.elements.map((e) => e.text).sort();
    })
    .toEqual(['After the reload', 'Before the outage', 'Typed offline', 'Typed online']);
  await alice.context.close();
  await bob.context.close();
});
