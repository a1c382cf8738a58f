import { expect, test } from '@playwright/test';
import { addNote, element } from './board.ts';
import { ownServer } from './ownServer.ts';
import { join, person, status } from './people.ts';

test.setTimeout(90_000);

test('the server is killed and restarted mid-session: both reconnect by themselves and nothing is lost', async ({
  browser,
}) => {
  const server = await ownServer();
  try {
    const created = await fetch(`${server.origin}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Restart' }),
    });
    expect(created.status).toBe(201);
    const { id, ownerKey } = (await created.json()) as { id: string; ownerKey: string };
    // A board opens and answers only with one of its tokens.
    const link = `${server.origin}/b/${id}?token=${encodeURIComponent(ownerKey)}`;
    const withKey = { headers: { authorization: `Bearer ${ownerKey}` } };
    const alice = await person(browser, 'Alice', server.origin);
    const bob = await person(browser, 'Bob', server.origin);
    await join(alice.page, link);
    await join(bob.page, link);
    await addNote(alice.page, 'Domain event', 'Before the crash');
    await addNote(bob.page, 'Command', 'Also before');
    await expect(element(alice.page, 'Command', 'Also before')).toBeVisible();
    await expect(element(bob.page, 'Domain event', 'Before the crash')).toBeVisible();

    await server.kill();
    await expect(status(alice.page)).toHaveText('Reconnecting…');
    await expect(status(bob.page)).toHaveText('Reconnecting…');
    // Both carry on while the server is down: the edits wait in their browsers.
    await addNote(alice.page, 'Policy', 'While it was down');
    await addNote(bob.page, 'Hotspot', 'Bob while down');

    await server.start();
    await expect(status(alice.page)).toHaveText('Connected', { timeout: 15_000 });
    await expect(status(bob.page)).toHaveText('Connected', { timeout: 15_000 });
    await expect(element(bob.page, 'Policy', 'While it was down')).toBeVisible();
    await expect(element(alice.page, 'Hotspot', 'Bob while down')).toBeVisible();
    await addNote(bob.page, 'Read model', 'After the restart');
    await expect(element(alice.page, 'Read model', 'After the restart')).toBeVisible();

    const expected = [
      'After the restart',
      'Also before',
      'Before the crash',
      'Bob while down',
      'While it was down',
    ];
    await expect
      .poll(async () => {
        const file = (await (await fetch(`${server.origin}/api/boards/${id}/file`, withKey)).json()) as {
          elements: Array<{ text: string }>;
        };
        return file.elements.map((e) => e.text).sort();
      })
      .toEqual(expected);
    await alice.context.close();
    await bob.context.close();
    // And it is on disk: after another SIGKILL and restart the stored board still has every edit.
    await server.kill();
    await server.start();
    const file = (await (await fetch(`${server.origin}/api/boards/${id}/file`, withKey)).json()) as {
      elements: Array<{ text: string }>;
    };
    expect(file.elements.map((e) => e.text).sort()).toEqual(expected);
  } finally {
    await server.kill();
  }
});
