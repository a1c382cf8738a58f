/**
 * Takes the README's screenshots from the production build and the real server:
 * `docs/screenshots/home.png` and `docs/screenshots/board.png` (the banking example board).
 *
 *   npm run screenshots -w @squall/web   (also takes voting-screenshot.ts's workshop picture)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServer } from '../bench/startServer.ts';
import { CHROMIUM_ARGS } from '../playwright.config.ts';

const root = new URL('../../../', import.meta.url);
const out = (name: string) => fileURLToPath(new URL(`docs/screenshots/${name}`, root));
const examples = ['banking-payments', 'container-shipping'];

const server = await startServer(
  fileURLToPath(new URL('apps/collab-server/dist/main.js', root)),
  fileURLToPath(new URL('apps/web/dist', root)),
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
try {
  const links: string[] = [];
  for (const example of examples) {
    const file = readFileSync(new URL(`packages/model/examples/${example}.squall.json`, root), 'utf8');
    const response = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: file,
    });
    const board = (await response.json()) as { id: string; ownerKey: string };
    links.push(`${server.url}/b/${board.id}?token=${encodeURIComponent(board.ownerKey)}`);
  }
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  // A returning visitor: no first-visit name prompt over the board.
  await page.addInitScript(() => window.localStorage.setItem('squall:userName', 'Facilitator'));
  await page.goto(links[0]!);
  await page.getByRole('application', { name: 'Board canvas' }).waitFor();
  // Show the properties of an event with its payload.
  await page
    .getByRole('group', { name: /^Domain event: Payment Requested/ })
    .first()
    .click();
  await page.getByRole('region', { name: 'Lint' }).getByRole('button').first().waitFor();
  await page.screenshot({ path: out('board.png') });
  // Opening the other example's link puts it on this browser's list of boards too.
  for (const link of links.slice(1)) {
    await page.goto(link);
    await page.getByRole('application', { name: 'Board canvas' }).waitFor();
  }
  await page.goto(server.url);
  await page
    .getByRole('listitem')
    .nth(links.length - 1)
    .waitFor();
  await page.screenshot({ path: out('home.png') });
  console.log(`Saved ${out('board.png')} and ${out('home.png')}`);
} finally {
  await browser.close();
  await server.stop();
}
