import { expect, test } from '@playwright/test';
import { auth, boardLink, element, importBoard } from './board.ts';

/** A board file of `count` domain events on a 40-column grid. */
function largeBoardFile(count: number) {
  return {
    format: 'squall.board',
    version: 1,
    name: 'Large board',
    level: 'process',
    elements: Array.from({ length: count }, (_, i) => ({
      id: `e${i}`,
      kind: 'domainEvent',
      text: `Event ${i}`,
      position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 220 },
      size: { width: 140, height: 140 },
      z: `V${i.toString(36)}1`,
      codeName: '',
      fields: [],
    })),
    // From the note in the middle to one in a far corner, out of view when the board opens.
    connections: [{ id: 'c-far', source: 'e820', target: 'e0' }],
  };
}

test('a board shows a read-only picture from its stored preview while it syncs, then becomes live', async ({
  page,
  request,
}) => {
  const id = await importBoard(request, largeBoardFile(1600));

  // Hold the server's sync messages back until the picture has been checked.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.routeWebSocket(/\/sync\//, (socket) => {
    const server = socket.connectToServer();
    server.onMessage(async (message) => {
      await released;
      socket.send(message);
    });
  });

  await page.goto(boardLink(id));
  const preview = page.getByRole('application', { name: 'Board preview' });
  await expect(preview).toBeVisible();
  // The board opens centred: the note in the middle of the 40×40 grid is in view.
  await expect(preview.getByRole('group', { name: 'Domain event: Event 820', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Domain event', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Export SVG' })).toBeDisabled();

  release();
  const canvas = page.getByRole('application', { name: 'Board canvas' });
  await expect(canvas).toBeVisible();
  await expect(page.getByRole('button', { name: 'Domain event', exact: true })).toBeEnabled();
  // React Flow is given only the part of the board around the view, and the far ends of its arrows:
  // the arrow into the far corner is drawn although its target is nowhere near.
  await expect(
    canvas.getByRole('group', { name: 'Connection from Domain event: Event 820 to Domain event: Event 0' }),
  ).toBeAttached();
  await expect(element(page, 'Domain event', 'Event 0')).toHaveCount(0);
  const note = element(page, 'Domain event', 'Event 820');
  await note.dblclick();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' (live)');
  await page.keyboard.press('Escape');
  await expect(element(page, 'Domain event', 'Event 820 (live)')).toBeVisible();
  await expect
    .poll(async () => {
      const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
        elements: Array<{ id: string; text: string }>;
      };
      return file.elements.find((e) => e.id === 'e820')?.text;
    })
    .toBe('Event 820 (live)');
});
