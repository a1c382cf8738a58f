import { expect, test } from '@playwright/test';
import { addNote, auth, createBoard, element, KIND_LABELS, openBoard } from './board.ts';

test('every kind can be placed from the palette and carries its accessible name', async ({
  page,
  request,
}) => {
  await openBoard(page, await createBoard(request, 'All kinds'));
  for (const label of Object.values(KIND_LABELS)) {
    await addNote(page, label, `My ${label.toLowerCase()}`);
  }
  for (const label of Object.values(KIND_LABELS)) {
    await expect(element(page, label, `My ${label.toLowerCase()}`)).toHaveCount(1);
  }
  // The legend names every kind, always available.
  const legend = page.getByRole('region', { name: 'Legend' });
  for (const label of Object.values(KIND_LABELS))
    await expect(legend.getByText(label, { exact: true })).toBeVisible();
});

test('keyboard shortcuts place a kind at the pointer', async ({ page, request }) => {
  await openBoard(page, await createBoard(request, 'Shortcuts'));
  const canvas = page.getByRole('application', { name: 'Board canvas' });
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 300, box.y + 250);
  await page.keyboard.press('c');
  await page.keyboard.insertText('Request Payment');
  await page.keyboard.press('Escape');
  const command = element(page, 'Command', 'Request Payment');
  await expect(command).toBeVisible();
  const placed = (await command.boundingBox())!;
  // Centred on the pointer.
  expect(Math.abs(placed.x + placed.width / 2 - (box.x + 300))).toBeLessThan(4);
  expect(Math.abs(placed.y + placed.height / 2 - (box.y + 250))).toBeLessThan(4);
});

test('text is edited inline, multi-line and in Korean, and survives a reload', async ({ page, request }) => {
  const id = await createBoard(request, 'Editing');
  await openBoard(page, id);
  const note = await addNote(page, 'Domain event', '결제 요청됨');
  await note.dblclick();
  const editor = page.getByRole('textbox', { name: 'Text of Domain event' });
  await expect(editor).toHaveValue('결제 요청됨');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('支払い 💳');
  // A click on the empty canvas finishes editing.
  const canvas = page.getByRole('application', { name: 'Board canvas' });
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + 20, box.y + box.height - 200);
  await expect(editor).toBeHidden();
  const edited = element(page, 'Domain event', '결제 요청됨 支払い 💳');
  await expect(edited).toBeVisible();
  await expect(edited).toContainText('결제 요청됨');

  await page.reload();
  await expect(element(page, 'Domain event', '결제 요청됨 支払い 💳')).toBeVisible();
  const file = await (await request.get(`/api/boards/${id}/file`, auth(id))).json();
  expect(file.elements.map((e: { text: string }) => e.text)).toEqual(['결제 요청됨\n支払い 💳']);
});

test('an unknown board shows a friendly not-found page', async ({ page }) => {
  await page.goto('/b/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByRole('heading', { name: 'Board not found' })).toBeVisible();
  await page.getByRole('link', { name: 'See all boards' }).click();
  await expect(page).toHaveURL(/\/$/);
});
