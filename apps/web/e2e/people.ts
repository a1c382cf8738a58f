import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

/** The origin the configured server runs on (other servers, e.g. one a spec starts, pass theirs). */
export const defaultOrigin = `http://127.0.0.1:${process.env.SQUALL_E2E_PORT}`;

export interface Person {
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * One person in their own browser context (their own storage, no BroadcastChannel shared with the
 * others), who picked `name` on an earlier visit.
 */
export async function person(browser: Browser, name: string, origin = defaultOrigin): Promise<Person> {
  const context = await browser.newContext({
    storageState: {
      cookies: [],
      origins: [{ origin, localStorage: [{ name: 'squall:userName', value: name }] }],
    },
  });
  return { context, page: await context.newPage() };
}

/** Opens a board and waits until it is live (the canvas, not the read-only preview). */
export async function join(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
}

export function status(page: Page) {
  return page.getByRole('banner').getByRole('status');
}

export function peopleHere(page: Page) {
  return page.getByRole('region', { name: 'People here' });
}

/** The text a note shows (what everyone reads on the board). */
export function noteText(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"] .note__text`);
}
