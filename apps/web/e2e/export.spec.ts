import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  addNote,
  adoptPageToken,
  auth,
  connectNotes,
  createBoard,
  dragBy,
  element,
  openBoard,
} from './board.ts';

/** Loads an image file into the page's own <img>: a valid image decodes and has a size. */
async function decodedSize(page: Page, bytes: Buffer, type: string) {
  return page.evaluate(
    async ({ base64, type }) => {
      const image = new Image();
      image.src = `data:${type};base64,${base64}`;
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    },
    { base64: bytes.toString('base64'), type },
  );
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the board exports as a valid PNG and SVG, and the selection alone too', async ({ page, request }) => {
  await openBoard(page, await createBoard(request, 'Export me'));
  const command = await addNote(page, 'Command', 'Request Payment');
  await dragBy(page, command, -300, 0);
  const aggregate = await addNote(page, 'Aggregate', '결제');
  await connectNotes(page, command, aggregate);
  await page.keyboard.press('Escape');

  const svg = await download(page, 'Export SVG');
  expect(svg.name).toBe('Export me.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('Request Payment');
  expect(text).toContain('결제');
  const svgSize = await decodedSize(page, svg.bytes, 'image/svg+xml');
  expect(svgSize.width).toBeGreaterThan(300);

  const png = await download(page, 'Export PNG');
  expect(png.name).toBe('Export me.png');
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const pngSize = await decodedSize(page, png.bytes, 'image/png');
  // Twice the SVG's size: exported at 2× for sharp text.
  expect(pngSize).toEqual({ width: svgSize.width * 2, height: svgSize.height * 2 });

  await element(page, 'Aggregate', '결제').click();
  const selection = await download(page, 'Export SVG');
  expect(selection.bytes.toString('utf8')).toContain('결제');
  expect(selection.bytes.toString('utf8')).not.toContain('Request Payment');
});

test('a downloaded board file imports as an identical new board', async ({ page, request }) => {
  const id = await createBoard(request, 'Round trip');
  await openBoard(page, id);
  const actor = await addNote(page, 'Actor', 'Customer');
  await dragBy(page, actor, -300, 0);
  const command = await addNote(page, 'Command', '결제 요청');
  await connectNotes(page, actor, command);
  await page
    .getByRole('complementary', { name: 'Properties' })
    .getByRole('button', { name: 'Add field' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Field name' })).toHaveCount(1);

  const file = await download(page, 'Download board file');
  expect(file.name).toBe('Round trip.squall.json');
  const original = JSON.parse(file.bytes.toString('utf8'));
  expect(original.elements).toHaveLength(2);
  expect(original.connections).toHaveLength(1);

  await page.goto('/');
  await page.getByLabel('Import board file').setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: file.bytes,
  });
  await expect(page).toHaveURL(/\/b\//);
  await expect(element(page, 'Command', '결제 요청')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Connection from Actor: Customer to Command: 결제 요청' }),
  ).toHaveCount(1);
  const importedId = new URL(page.url()).pathname.split('/').at(-1)!;
  expect(importedId).not.toBe(id);
  await adoptPageToken(page, importedId);
  const imported = await (await request.get(`/api/boards/${importedId}/file`, auth(importedId))).json();
  expect(imported.elements).toEqual(original.elements);
  expect(imported.connections).toEqual(original.connections);
});
