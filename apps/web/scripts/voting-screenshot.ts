/**
 * Takes the README's workshop screenshot from the production build and the real server: a
 * facilitator's screen in the middle of a dot vote (`docs/screenshots/workshop-voting.png`) on the
 * banking example, with the hotspots and opportunities of a Big Picture round added.
 *
 *   npm run screenshots -w @squall/web
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startServer } from '../bench/startServer.ts';
import { CHROMIUM_ARGS } from '../playwright.config.ts';

const root = new URL('../../../', import.meta.url);
const out = fileURLToPath(new URL('docs/screenshots/workshop-voting.png', root));

interface BoardFile {
  elements: Array<{ id: string; kind: string; text: string; position: { x: number; y: number } }>;
}

const file = JSON.parse(
  readFileSync(new URL('packages/model/examples/banking-payments.squall.json', root), 'utf8'),
) as BoardFile & Record<string, unknown>;
const top = Math.min(...file.elements.map((element) => element.position.y));
// Above the middle of the board, so zooming in around them keeps them all in view.
const middle =
  (Math.min(...file.elements.map((element) => element.position.x)) +
    Math.max(...file.elements.map((element) => element.position.x))) /
  2;
const left = middle - 330;
const round: Array<[string, string]> = [
  ['hotspot', 'Chargebacks take weeks'],
  ['opportunity', 'Instant refunds for trusted customers'],
  ['hotspot', 'Which fraud rules can block a salary?'],
  ['opportunity', 'Explain a blocked payment in the app'],
];
round.forEach(([kind, text], index) => {
  file.elements.push({
    id: `vote-${index}`,
    kind,
    text,
    position: { x: left + index * 190, y: top - 230 },
    size: { width: 140, height: 140 },
    z: `Z${index + 1}`,
    codeName: '',
  } as never);
});

const server = await startServer(
  fileURLToPath(new URL('apps/collab-server/dist/main.js', root)),
  fileURLToPath(new URL('apps/web/dist', root)),
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

async function open(name: string, link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript((userName) => window.localStorage.setItem('squall:userName', userName), name);
  await page.goto(link);
  await page.getByRole('application', { name: 'Board canvas' }).waitFor();
  return page;
}

/** Waits until an element stops moving (the zoom is animated). */
async function settled(target: ReturnType<Page['getByRole']>) {
  let previous = '';
  for (;;) {
    const box = JSON.stringify(await target.boundingBox());
    if (box === previous) return;
    previous = box;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function voteOn(page: Page, label: string) {
  return page
    .getByRole('group', { name: label, exact: true })
    .getByRole('button', { name: 'Vote', exact: true })
    .click();
}

try {
  const response = await fetch(`${server.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...file, name: 'Payments Big Picture' }),
  });
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  const board = (await response.json()) as { id: string; ownerKey: string; editUrl: string };
  const facilitator = await open(
    'Fay',
    `${server.url}/b/${board.id}?token=${encodeURIComponent(board.ownerKey)}`,
  );
  const participant = await open('Alice', `${server.url}${board.editUrl}`);
  await facilitator
    .getByRole('combobox', { name: 'Workshop phase' })
    .selectOption({ label: 'Pick your problem' });
  await facilitator.getByRole('button', { name: 'Start voting' }).click();
  await participant.getByRole('button', { name: 'Vote', exact: true }).first().waitFor();
  await voteOn(participant, 'Hotspot: Chargebacks take weeks');
  await voteOn(facilitator, 'Opportunity: Instant refunds for trusted customers');
  await voteOn(facilitator, 'Opportunity: Instant refunds for trusted customers');
  await voteOn(facilitator, 'Hotspot: Which fraud rules can block a salary?');
  await facilitator.getByText('0 votes left').waitFor();
  // Close up on the round's notes: Ctrl+wheel zooms around the pointer.
  const first = facilitator.getByRole('group', { name: 'Hotspot: Chargebacks take weeks', exact: true });
  const last = facilitator.getByRole('group', { name: 'Opportunity: Explain a blocked payment in the app' });
  const a = (await first.boundingBox())!;
  const b = (await last.boundingBox())!;
  await facilitator.mouse.move((a.x + b.x + b.width) / 2, a.y + a.height / 2);
  await facilitator.keyboard.down('Control');
  for (let step = 0; step < 5; step++) await facilitator.mouse.wheel(0, -100);
  await facilitator.keyboard.up('Control');
  await settled(first);
  await facilitator.mouse.move(10, 500);
  await facilitator.screenshot({ path: out });
  console.log(`Saved ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
