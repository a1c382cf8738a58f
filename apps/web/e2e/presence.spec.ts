import { expect, type Locator, type Page, test } from '@playwright/test';
import { addNote, boardLink, createBoard, element } from './board.ts';
import { join, peopleHere, person } from './people.ts';

test.setTimeout(60_000);

/** The board point at the middle of the canvas and the zoom, read from React Flow's transform. */
async function viewCentre(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const pane = document.querySelector<HTMLElement>('.react-flow')!.getBoundingClientRect();
    const { e: x, f: y, a: zoom } = new DOMMatrix(getComputedStyle(viewport).transform);
    return {
      x: Math.round((pane.width / 2 - x) / zoom),
      y: Math.round((pane.height / 2 - y) / zoom),
      zoom: Math.round(zoom * 100) / 100,
    };
  });
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** The board point under a point of the page, read from React Flow's transform. */
async function boardPointAt(page: Page, at: Point): Promise<Point> {
  return page.evaluate((at) => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const pane = document.querySelector<HTMLElement>('.react-flow')!.getBoundingClientRect();
    const { e: x, f: y, a: zoom } = new DOMMatrix(getComputedStyle(viewport).transform);
    return { x: (at.x - pane.left - x) / zoom, y: (at.y - pane.top - y) / zoom };
  }, at);
}

/** The board point where a remote pointer is drawn (its target, not where its glide has got to). */
async function shownPointerPoint(pointer: Locator): Promise<Point | null> {
  const style = (await pointer.getAttribute('style')) ?? '';
  const match = /translate\(([-\d.e]+)px, ([-\d.e]+)px\)/.exec(style);
  return match ? { x: Number(match[1]), y: Number(match[2]) } : null;
}

function distance(a: Point | null, b: Point): number {
  return a ? Math.hypot(a.x - b.x, a.y - b.y) : Number.POSITIVE_INFINITY;
}

/** Pans by dragging the empty canvas. */
async function pan(page: Page, dx: number, dy: number) {
  const canvas = (await page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  const x = canvas.x + 60;
  const y = canvas.y + canvas.height - 200;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}

test('a first visit asks for a name, keeps it, and the others see it with a count', async ({
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Names');
  // A browser that never picked a name.
  const newcomer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await newcomer.newPage();
  await join(page, boardLink(id));
  const prompt = page.getByRole('dialog', { name: 'What’s your name?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Join the board' }).click();
  await expect(prompt.getByRole('alert')).toContainText('Type the name');
  await prompt.getByRole('textbox', { name: 'Your name' }).fill('  Dana   Scully ');
  await prompt.getByRole('textbox', { name: 'Your name' }).press('Enter');
  await expect(prompt).toBeHidden();
  await expect(peopleHere(page)).toContainText('1 person here');
  await expect(peopleHere(page).getByRole('listitem', { name: 'Dana Scully (you)' })).toBeVisible();

  const bob = await person(browser, 'Bob');
  await join(bob.page, boardLink(id));
  await expect(peopleHere(bob.page)).toContainText('2 people here');
  await expect(peopleHere(bob.page).getByRole('button', { name: 'Follow Dana Scully' })).toBeVisible();
  await expect(peopleHere(page).getByRole('button', { name: 'Follow Bob' })).toBeVisible();

  // Remembered: the next visit goes straight to the board.
  await page.reload();
  await expect(page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  await expect(peopleHere(page)).toContainText('2 people here');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await newcomer.close();
  await expect(peopleHere(bob.page)).toContainText('1 person here');
  await bob.context.close();
});

test('someone else’s selection is outlined in their colour', async ({ browser, request }) => {
  const id = await createBoard(request, 'Selections');
  const alice = await person(browser, 'Alice');
  const bob = await person(browser, 'Bob');
  await join(alice.page, boardLink(id));
  await join(bob.page, boardLink(id));
  await addNote(alice.page, 'Policy', 'Whenever paid');
  await expect(element(bob.page, 'Policy', 'Whenever paid')).toBeVisible();
  // Alice's note stays selected after she typed it: Bob sees it outlined in Alice's colour.
  const outline = bob.page.getByRole('img', { name: 'Selected by Alice: Policy: Whenever paid' });
  await expect(outline).toBeVisible();
  const aliceColour = await peopleHere(bob.page)
    .getByRole('button', { name: 'Follow Alice' })
    .locator('.avatar')
    .evaluate((avatar) => getComputedStyle(avatar).backgroundColor);
  expect(await outline.evaluate((box) => getComputedStyle(box).borderColor)).toBe(aliceColour);
  // Alice clicks the empty canvas: nothing is selected any more, for Bob either.
  const canvas = (await alice.page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  await alice.page.mouse.click(canvas.x + 60, canvas.y + canvas.height - 200);
  await expect(outline).toHaveCount(0);
  await alice.context.close();
  await bob.context.close();
});

test('following someone tracks their viewport until I move myself', async ({ browser, request }) => {
  const id = await createBoard(request, 'Follow');
  const alice = await person(browser, 'Alice');
  const bob = await person(browser, 'Bob');
  await join(alice.page, boardLink(id));
  await join(bob.page, boardLink(id));
  const follow = peopleHere(bob.page).getByRole('button', { name: 'Follow Alice' });
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');

  await pan(alice.page, 300, 120);
  const led = await viewCentre(alice.page);
  await expect.poll(() => viewCentre(bob.page)).toEqual(led);
  // Zooming is followed too.
  await alice.page.getByRole('button', { name: 'Zoom to fit' }).click();
  await addNote(alice.page, 'Hotspot', 'Who approves?');
  await alice.page.getByRole('button', { name: 'Zoom to selection' }).click();
  await expect.poll(async () => (await viewCentre(alice.page)).zoom).toBe(1.5);
  const zoomed = await viewCentre(alice.page);
  await expect.poll(() => viewCentre(bob.page)).toEqual(zoomed);

  // Bob pans by hand: he stops following, and Alice's next move leaves his view alone.
  await pan(bob.page, -200, 0);
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  const own = await viewCentre(bob.page);
  await pan(alice.page, 0, 200);
  await expect.poll(async () => (await viewCentre(alice.page)).y).not.toBe(zoomed.y);
  expect(await viewCentre(bob.page)).toEqual(own);
  await alice.context.close();
  await bob.context.close();
});

test('an idle pointer is hidden while its owner stays on the board, and shows again when it moves', async ({
  browser,
  request,
}) => {
  const id = await createBoard(request, 'Idle');
  const alice = await person(browser, 'Alice');
  const bob = await person(browser, 'Bob');
  // Bob's clock can jump ahead; Alice's awareness keeps arriving in real time.
  await bob.page.clock.install();
  await join(alice.page, boardLink(id));
  await join(bob.page, boardLink(id));
  const canvas = (await alice.page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  // Whole pixels: mouse events carry whole-pixel coordinates, so Alice shares exactly this point.
  const rest = {
    x: Math.round(canvas.x + canvas.width / 2),
    y: Math.round(canvas.y + canvas.height / 2 + 100),
  };
  await alice.page.mouse.move(rest.x, rest.y, { steps: 3 });
  const pointer = bob.page.getByRole('img', { name: 'Alice’s pointer' });
  await expect(pointer).toBeVisible();
  // Pointer moves go out at most every 33 ms, the last one after the others: idleness counts from the
  // last move Bob receives, so the clock may jump only once Bob shows the pointer where Alice's stopped.
  const stopped = await boardPointAt(alice.page, rest);
  await expect.poll(async () => distance(await shownPointerPoint(pointer), stopped)).toBeLessThan(1);
  // 21 s later by Bob's clock: past the 20 s idle limit, short of awareness's 30 s timeout.
  await bob.page.clock.fastForward(21_000);
  await expect(pointer).toBeHidden();
  await expect(peopleHere(bob.page)).toContainText('2 people here');
  await alice.page.mouse.move(rest.x + 50, rest.y, { steps: 3 });
  await expect(pointer).toBeVisible();
  await alice.context.close();
  await bob.context.close();
});
