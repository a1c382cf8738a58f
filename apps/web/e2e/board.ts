import { type APIRequestContext, type APIResponse, expect, type Locator, type Page } from '@playwright/test';

/** Test helpers that act as a user would: through roles and accessible names. */

export const KIND_LABELS = {
  domainEvent: 'Domain event',
  command: 'Command',
  actor: 'Actor',
  aggregate: 'Aggregate',
  policy: 'Policy',
  readModel: 'Read model',
  externalSystem: 'External system',
  hotspot: 'Hotspot',
  opportunity: 'Opportunity',
  boundedContext: 'Bounded context',
  swimlane: 'Swimlane',
} as const;

export type KindLabel = (typeof KIND_LABELS)[keyof typeof KIND_LABELS];

/** The owner keys of the boards the specs created: a board opens and answers only with one. */
const ownerKeys = new Map<string, string>();

async function keepCreated(response: APIResponse): Promise<string> {
  expect(response.status()).toBe(201);
  const board = (await response.json()) as { id: string; ownerKey: string };
  ownerKeys.set(board.id, board.ownerKey);
  return board.id;
}

export async function createBoard(request: APIRequestContext, name: string): Promise<string> {
  return keepCreated(await request.post('/api/boards', { data: { name } }));
}

/** Imports a board file (an object or its text) through the API, as a new board. */
export async function importBoard(request: APIRequestContext, file: unknown): Promise<string> {
  return keepCreated(await request.post('/api/boards/import', { data: file as object }));
}

/** Remembers the token a page holds for a board it created itself (through the home page). */
export async function adoptPageToken(page: Page, id: string): Promise<void> {
  const stored = await page.evaluate(() => window.localStorage.getItem('squall:boardTokens'));
  const token = (JSON.parse(stored ?? '{}') as Record<string, { token: string }>)[id]?.token;
  if (!token) throw new Error(`the page holds no token for board ${id}`);
  ownerKeys.set(id, token);
}

/** Request options that present a board's owner key. */
export function auth(id: string): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${ownerKeys.get(id) ?? ''}` } };
}

/** The link that opens a board, capability included, as its owner would share it. */
export function boardLink(id: string): string {
  return `/b/${id}?token=${encodeURIComponent(ownerKeys.get(id) ?? '')}`;
}

export async function openBoard(page: Page, id: string): Promise<void> {
  await page.goto(boardLink(id));
  await expect(page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
}

export function element(page: Page, kind: KindLabel, text: string): Locator {
  return page.getByRole('group', { name: text ? `${kind}: ${text}` : kind, exact: true });
}

/** Places a note from the palette and types its text, as a facilitator would. */
export async function addNote(page: Page, kind: KindLabel, text: string): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Palette' })
    .getByRole('button', { name: kind, exact: true })
    .click();
  const editor = page.getByRole('textbox', { name: `Text of ${kind}` });
  await expect(editor).toBeFocused();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
  const note = element(page, kind, text);
  await expect(note).toBeVisible();
  return note;
}

/** Moves a note by dragging it with the mouse. */
export async function dragBy(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

export type Side = 'top' | 'right' | 'bottom' | 'left';

/** Drags from a handle of one note (its right side unless told) onto another note's handle (its left side). */
export async function connectNotes(
  page: Page,
  from: Locator,
  to: Locator,
  sides: { readonly from?: Side; readonly to?: Side } = {},
): Promise<void> {
  await from.hover();
  const source = from.locator(`.react-flow__handle-${sides.from ?? 'right'}`);
  const target = to.locator(`.react-flow__handle-${sides.to ?? 'left'}`);
  const a = (await source.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await to.hover({ force: true });
  const b = (await target.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Waits until an element stops moving (e.g. after an animated zoom), so a drag starts where it is. */
export async function whenSettled(target: Locator): Promise<void> {
  let previous = '';
  await expect
    .poll(async () => {
      const box = JSON.stringify(await target.boundingBox());
      const settled = box === previous;
      previous = box;
      return settled;
    })
    .toBe(true);
}
