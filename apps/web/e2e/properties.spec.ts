import { expect, type Locator, test } from '@playwright/test';
import { addNote, auth, createBoard, dragBy, element, openBoard } from './board.ts';

const valuesOf = (inputs: Locator) =>
  inputs.evaluateAll((elements) => elements.map((element) => (element as HTMLInputElement).value));

interface FileField {
  name: string;
  type: { kind: string; values?: string[] };
  required: boolean;
  description?: string;
}

test('payload fields of an event are added, edited, reordered and removed', async ({ page, request }) => {
  const id = await createBoard(request, 'Payload');
  await openBoard(page, id);
  await addNote(page, 'Domain event', 'Payment Requested');
  const panel = page.getByRole('complementary', { name: 'Properties' });
  await expect(panel.getByRole('heading', { name: 'Domain event' })).toBeVisible();

  await panel.getByRole('button', { name: 'Add field' }).click();
  await panel.getByRole('button', { name: 'Add field' }).click();
  await panel.getByRole('button', { name: 'Add field' }).click();
  const names = panel.getByRole('textbox', { name: 'Field name' });
  await expect(names).toHaveCount(3);
  await names.nth(0).fill('paymentId');
  await names.nth(0).press('Enter');
  await names.nth(1).fill('amount');
  await names.nth(1).press('Enter');
  await names.nth(2).fill('method');
  await names.nth(2).press('Enter');

  const amount = panel.getByRole('listitem', { name: 'Field amount' });
  await amount.getByRole('combobox', { name: 'Field type' }).selectOption('number');
  await amount.getByRole('checkbox', { name: 'Required' }).check();
  await amount.getByRole('textbox', { name: 'Field description' }).fill('In cents');
  await amount.getByRole('textbox', { name: 'Field description' }).press('Enter');
  const method = panel.getByRole('listitem', { name: 'Field method' });
  await method.getByRole('combobox', { name: 'Field type' }).selectOption('enum');
  await method.getByRole('textbox', { name: 'Enum values' }).fill('CARD, SEPA');
  await method.getByRole('textbox', { name: 'Enum values' }).press('Enter');
  await panel.getByRole('button', { name: 'Move method up' }).click();
  await panel
    .getByRole('listitem', { name: 'Field paymentId' })
    .getByRole('combobox', { name: 'Field type' })
    .selectOption('uuid');

  await expect.poll(() => valuesOf(names)).toEqual(['paymentId', 'method', 'amount']);
  const read = async () => {
    const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
      elements: Array<{ fields: FileField[] }>;
    };
    return file.elements[0]!.fields;
  };
  await expect.poll(read).toEqual([
    { id: expect.any(String), name: 'paymentId', type: { kind: 'uuid' }, required: false },
    {
      id: expect.any(String),
      name: 'method',
      type: { kind: 'enum', values: ['CARD', 'SEPA'] },
      required: false,
    },
    {
      id: expect.any(String),
      name: 'amount',
      type: { kind: 'number' },
      required: true,
      description: 'In cents',
    },
  ]);

  await panel.getByRole('button', { name: 'Remove method' }).click();
  await expect.poll(() => valuesOf(names)).toEqual(['paymentId', 'amount']);
  await expect.poll(async () => (await read()).map((field) => field.name)).toEqual(['paymentId', 'amount']);

  // The fields survive a reload.
  await page.reload();
  await element(page, 'Domain event', 'Payment Requested').click();
  await expect
    .poll(() => valuesOf(page.getByRole('textbox', { name: 'Field name' })))
    .toEqual(['paymentId', 'amount']);
});

test('kind, code name, aggregate key field and topic settings are edited in the panel', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Properties');
  await openBoard(page, id);
  await addNote(page, 'Command', 'Payment');
  const panel = page.getByRole('complementary', { name: 'Properties' });
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('aggregate');
  await expect(element(page, 'Aggregate', 'Payment')).toBeVisible();
  await panel.getByRole('textbox', { name: 'Code name' }).fill('PaymentAggregate');
  await panel.getByRole('textbox', { name: 'Code name' }).press('Enter');
  await panel.getByRole('textbox', { name: 'Key field' }).fill('paymentId');
  await panel.getByRole('textbox', { name: 'Key field' }).press('Enter');
  // A value Kafka cannot take is refused where it was typed, and nothing is saved.
  await panel.getByRole('textbox', { name: 'Partitions' }).fill('twelve');
  await panel.getByRole('textbox', { name: 'Partitions' }).press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('Enter a whole number, or leave it empty to inherit.');
  await expect(panel.getByRole('textbox', { name: 'Partitions' })).toHaveAttribute('aria-invalid', 'true');
  await panel.getByRole('textbox', { name: 'Partitions' }).fill('0');
  await panel.getByRole('textbox', { name: 'Partitions' }).press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('Use 1 or more.');
  await panel.getByRole('textbox', { name: 'Partitions' }).fill('12');
  await panel.getByRole('textbox', { name: 'Partitions' }).press('Enter');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByRole('checkbox', { name: 'Publish a state topic' }).check();
  await expect
    .poll(async () => {
      const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
        elements: Array<Record<string, unknown>>;
      };
      return file.elements[0];
    })
    .toMatchObject({
      kind: 'aggregate',
      codeName: 'PaymentAggregate',
      keyField: 'paymentId',
      topic: { partitions: 12, stateTopic: true },
    });
});

test('the lint panel lists problems live and focuses the element on click', async ({ page, request }) => {
  const id = await createBoard(request, 'Lint');
  await openBoard(page, id);
  await addNote(page, 'Hotspot', 'Who refunds fees?');
  const lint = page.getByRole('region', { name: 'Lint' });
  const issue = lint.getByRole('button', { name: /Who refunds fees/ });
  await expect(issue).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Properties' }).getByRole('heading')).toHaveText(
    'Board',
  );
  await issue.click();
  await expect(page.getByRole('complementary', { name: 'Properties' }).getByRole('heading')).toHaveText(
    'Hotspot',
  );
});

test('edits in the panel are kept when the selection moves straight on to another note', async ({
  page,
  request,
}) => {
  const id = await createBoard(request, 'Keep edits');
  await openBoard(page, id);
  const first = await addNote(page, 'Domain event', 'First');
  await dragBy(page, first, -250, 0);
  await addNote(page, 'Domain event', 'Second');
  await first.click();
  const panel = page.getByRole('complementary', { name: 'Properties' });
  await panel.getByRole('textbox', { name: 'Code name' }).fill('FirstHappened');
  await panel.getByRole('textbox', { name: 'Text' }).fill('First, renamed');
  // Straight on to the other note, without leaving the field first.
  await element(page, 'Domain event', 'Second').click();
  await expect(element(page, 'Domain event', 'First, renamed')).toBeVisible();
  await expect
    .poll(async () => {
      const file = (await (await request.get(`/api/boards/${id}/file`, auth(id))).json()) as {
        elements: Array<{ text: string; codeName: string }>;
      };
      return file.elements.find((e) => e.text === 'First, renamed')?.codeName;
    })
    .toBe('FirstHappened');
});

test('the panel writes text as it is typed, keeping the caret where the person types', async ({
  page,
  request,
}) => {
  await openBoard(page, await createBoard(request, 'Live panel text'));
  await addNote(page, 'Domain event', 'Order Placed');
  const text = page.getByRole('complementary', { name: 'Properties' }).getByRole('textbox', { name: 'Text' });
  await text.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Big ');
  // On the board before the field is left: nothing waits for a blur that may never come.
  await expect(element(page, 'Domain event', 'Big Order Placed')).toBeVisible();
  await expect(text).toBeFocused();
});
