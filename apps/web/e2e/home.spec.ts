import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { auth, createBoard, element, openBoard } from './board.ts';

async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel('Import board file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('a board can be renamed, and deleted only after confirming', async ({ page, request }) => {
  const name = `Rename me ${Date.now()}`;
  const id = await createBoard(request, name);
  // The home page lists the boards whose links this browser has opened.
  await openBoard(page, id);
  await page.goto('/');
  const row = page.getByRole('listitem', { name });
  await row.getByRole('button', { name: `Rename ${name}` }).click();
  const input = page.getByRole('textbox', { name: `New name for ${name}` });
  await input.fill(`${name} (renamed)`);
  await input.press('Enter');
  const renamed = page.getByRole('listitem', { name: `${name} (renamed)` });
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: `Delete ${name} (renamed)` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete ${name} (renamed)?` });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: `Delete ${name} (renamed)` }).click();
  await confirm.getByRole('button', { name: 'Delete board' }).click();
  await expect(renamed).toBeHidden();
  expect((await request.get(`/api/boards/${id}`, auth(id))).status()).toBe(404);
});

test('an invalid board file is refused with precise errors and nothing is created', async ({ page }) => {
  const name = `Broken ${Date.now()}`;
  await page.goto('/');
  const broken = {
    format: 'squall.board',
    version: 1,
    name,
    level: 'process',
    elements: [
      {
        id: 'e1',
        kind: 'sticky',
        text: 'x',
        position: { x: 0, y: 0 },
        size: { width: 10, height: 10 },
        z: 'V',
        codeName: '',
      },
    ],
    connections: [],
  };
  await importFile(page, 'broken.squall.json', JSON.stringify(broken));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not import broken.squall.json');
  await expect(alert).toContainText('/elements/0/kind');
  await expect(alert).toContainText('Nothing was imported');

  await importFile(page, 'not-json.squall.json', '{"format": "squall.board", ');
  await expect(alert).toContainText('Could not import not-json.squall.json');

  // Nothing new on this browser's list of boards (an imported board would be there, with its key).
  await page.reload();
  await expect(page.getByText('No boards yet.')).toBeVisible();
});

test('an example board file imports and opens with its notes', async ({ page }) => {
  const text = readFileSync(
    new URL('../../../packages/model/examples/container-shipping.squall.json', import.meta.url),
    'utf8',
  );
  const file = JSON.parse(text) as { elements: Array<{ kind: string; text: string }> };
  await page.goto('/');
  await importFile(page, 'container-shipping.squall.json', text);
  await expect(page).toHaveURL(/\/b\//);
  const event = file.elements.find((e) => e.kind === 'domainEvent')!;
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search the board' }).fill(event.text);
  await page.keyboard.press('Enter');
  await expect(element(page, 'Domain event', event.text.replace(/\s+/g, ' ')).first()).toBeVisible();
});
