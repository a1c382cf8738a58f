import { type Browser, expect, type Page } from '@playwright/test';
import { defaultOrigin, join, type Person, person } from './people.ts';

/** A facilitator (the board's creator, holding the owner key) and participants on its edit link. */
export async function workshopRoom(
  browser: Browser,
  names: readonly string[],
  { origin = defaultOrigin, boardName = 'Workshop' }: { origin?: string; boardName?: string } = {},
): Promise<{ facilitator: Person; participants: Person[]; editLink: string; boardId: string }> {
  const facilitator = await person(browser, 'Fay', origin);
  await facilitator.page.goto(`${origin}/`);
  await facilitator.page.getByRole('textbox', { name: 'Board name' }).fill(boardName);
  await facilitator.page.getByRole('button', { name: 'Create board' }).click();
  await expect(facilitator.page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  const boardId = new URL(facilitator.page.url()).pathname.split('/').at(-1) ?? '';
  const editLink = await facilitator.page.evaluate((id) => {
    const held = JSON.parse(window.localStorage.getItem('squall:boardTokens') ?? '{}') as Record<
      string,
      { editToken?: string }
    >;
    return `${window.location.origin}/b/${id}?token=${encodeURIComponent(held[id]?.editToken ?? '')}`;
  }, boardId);
  const participants: Person[] = [];
  for (const name of names) {
    const someone = await person(browser, name, origin);
    await join(someone.page, editLink);
    participants.push(someone);
  }
  return { facilitator, participants, editLink, boardId };
}

export function workshopBar(page: Page) {
  return page.getByRole('region', { name: 'Workshop' });
}

export function phaseStatus(page: Page) {
  return workshopBar(page)
    .getByRole('status')
    .filter({ hasText: /^Phase: / });
}

export function timer(page: Page) {
  return page.getByRole('timer', { name: 'Workshop timer' });
}

/** Seconds a `mm:ss` timer shows. */
export async function timerSeconds(page: Page): Promise<number> {
  const text = (await timer(page).textContent()) ?? '';
  const match = /^(\d+):(\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`not a timer: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** A workshop action posted from `page`'s browser with its own token and participant secret. */
export function postWorkshopAction(
  page: Page,
  boardId: string,
  action: Record<string, unknown>,
): Promise<number> {
  return page.evaluate(
    async ({ id, body }) => {
      const held = JSON.parse(window.localStorage.getItem('squall:boardTokens') ?? '{}') as Record<
        string,
        { token: string }
      >;
      const response = await fetch(`/api/boards/${id}/workshop`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${held[id]?.token ?? ''}`,
          'x-squall-participant': window.localStorage.getItem('squall:participant') ?? '',
        },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { id: boardId, body: action },
  );
}

/** The seconds every page's timer shows, read at (nearly) the same moment. */
export async function timersOn(pages: readonly Page[]): Promise<number[]> {
  return Promise.all(pages.map((page) => timerSeconds(page)));
}

/** Every page shows the same remaining time, give or take a second. */
export async function expectSameTime(pages: readonly Page[]): Promise<number[]> {
  let seconds: number[] = [];
  await expect
    .poll(
      async () => {
        seconds = await timersOn(pages);
        return Math.max(...seconds) - Math.min(...seconds);
      },
      { timeout: 5_000 },
    )
    .toBeLessThanOrEqual(1);
  return seconds;
}

/** The board point at the centre of a page's canvas, and its zoom (what follow shares). */
export async function viewCentre(page: Page): Promise<{ x: number; y: number; zoom: number }> {
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

/** Drags the empty canvas by (dx, dy). */
export async function pan(page: Page, dx: number, dy: number): Promise<void> {
  const canvas = (await page.getByRole('application', { name: 'Board canvas' }).boundingBox())!;
  const x = canvas.x + 60;
  const y = canvas.y + canvas.height - 200;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}
