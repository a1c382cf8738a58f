import { expect, type Page, test } from '@playwright/test';
import { addNote, boardLink, createBoard, element } from './board.ts';
import { join, peopleHere, person } from './people.ts';

const IMG = '<img src=x onerror=alert(1)>';
const LINK = '<a href="javascript:alert(2)">click</a> javascript:alert(3)';
const BOB = '<a href=javascript:alert(4)>Bob</a>';

/** Fails the test on any dialog (an `alert` from an injected handler) and any CSP violation. */
function watch(page: Page): { dialogs: string[]; cspViolations: string[] } {
  const seen = { dialogs: [] as string[], cspViolations: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.cspViolations.push(message.text());
  });
  return seen;
}

async function expectInert(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator('[onerror]')).toHaveCount(0);
}

test('XSS payloads in note text, board names and user names stay text', async ({ browser, request }) => {
  const id = await createBoard(request, IMG);
  const alice = await person(browser, IMG);
  const bob = await person(browser, BOB);
  const aliceSeen = watch(alice.page);
  const bobSeen = watch(bob.page);
  await join(alice.page, boardLink(id));
  await join(bob.page, boardLink(id));

  await addNote(alice.page, 'Domain event', IMG);
  await addNote(alice.page, 'Policy', LINK);
  // Bob reads both notes and Alice's name, as text.
  await expect(element(bob.page, 'Domain event', IMG)).toContainText(IMG);
  await expect(element(bob.page, 'Policy', LINK)).toContainText('javascript:alert(3)');
  await expect(peopleHere(bob.page).getByRole('button', { name: `Follow ${IMG}` })).toBeVisible();
  await expect(peopleHere(alice.page).getByRole('button', { name: `Follow ${BOB}` })).toBeVisible();
  // The board name shows as the page's heading text and title, not markup.
  await expect(alice.page).toHaveTitle(`${IMG} · Squall`);

  for (const page of [alice.page, bob.page]) await expectInert(page);
  // The home page of the browser that holds the board lists its name as text too.
  await alice.page.goto('/');
  await expectInert(alice.page);

  expect(aliceSeen.dialogs).toEqual([]);
  expect(bobSeen.dialogs).toEqual([]);
  expect([...aliceSeen.cspViolations, ...bobSeen.cspViolations]).toEqual([]);
  await alice.context.close();
  await bob.context.close();
});

test('every route answers with the security headers, and the app runs under its CSP', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Headers');
  const seen = watch(page);
  const pageResponse = await page.goto(boardLink(id));
  await expect(page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  const script = await page.locator('script[src]').first().getAttribute('src');
  const responses = [
    pageResponse!,
    await request.get('/'),
    await request.get(script!),
    await request.get('/api/boards'),
    await request.get(`/api/boards/${id}`),
    await request.get('/api/nope'),
    await request.get('/healthz'),
  ];
  for (const response of responses) {
    const headers = response.headers();
    expect(headers['content-security-policy'], response.url()).toContain("script-src 'self'");
    expect(headers['content-security-policy'], response.url()).not.toMatch(/script-src[^;]*unsafe/);
    expect(headers['content-security-policy'], response.url()).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options'], response.url()).toBe('nosniff');
    expect(headers['x-frame-options'], response.url()).toBe('DENY');
    expect(headers['referrer-policy'], response.url()).toBe('no-referrer');
  }
  expect(seen.cspViolations).toEqual([]);
});
