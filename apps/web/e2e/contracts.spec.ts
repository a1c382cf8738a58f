import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { addNote, boardLink, importBoard } from './board.ts';
import { join, person } from './people.ts';

const banking = JSON.parse(
  readFileSync(
    new URL('../../../packages/model/examples/banking-payments.squall.json', import.meta.url),
    'utf8',
  ),
) as object;

test('the Export code dialog previews every generated file live, with options, copy and a zip', async ({
  browser,
  request,
}) => {
  const id = await importBoard(request, banking);
  const alice = await person(browser, 'Alice');
  const bob = await person(browser, 'Bob');
  await alice.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = alice.page;
  await join(page, boardLink(id));

  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await expect(dialog).toBeVisible();
  const files = dialog.getByRole('tablist', { name: 'Generated files' });
  await expect(files.getByRole('tab', { name: 'README.md' })).toHaveAttribute('aria-selected', 'true');

  // TypeScript of the Payment aggregate: interfaces and zod validators, highlighted.
  await files.getByRole('tab', { name: 'typescript/payments/payment.ts' }).click();
  const preview = dialog.getByRole('tabpanel', { name: 'typescript/payments/payment.ts' });
  await expect(preview).toContainText('export interface PaymentRequested');
  await expect(preview.locator('.tok-keyword').first()).toHaveText('import');

  // Options regenerate the files at once.
  await files.getByRole('tab', { name: 'topics/topics.json' }).click();
  const topics = dialog.getByRole('tabpanel', { name: 'topics/topics.json' });
  await expect(topics).toContainText('"example.payments.payment.events"');
  await dialog.getByLabel('Organisation').fill('acme');
  await dialog.getByLabel('Topic profile').selectOption('dev');
  await expect(topics).toContainText('"acme.payments.payment.events"');
  await expect(topics).toContainText('"replicationFactor": 1');

  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    '"acme.payments.payment.events"',
  );

  // A colleague's edit shows up in the open dialog: the new event is reported as having no producer.
  await join(bob.page, boardLink(id));
  await addNote(bob.page, 'Domain event', 'Refund Issued');
  await expect(dialog.getByRole('region', { name: 'Warnings that affect the export' })).toContainText(
    'Refund Issued',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download zip' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('banking-payments-contracts.zip');
  const entries = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!))));
  const tabs = await files.getByRole('tab').allTextContents();
  expect(entries.map((entry) => entry.split('/').slice(1).join('/')).sort()).toEqual([...tabs].sort());

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await alice.context.close();
  await bob.context.close();
});

test('the Export code dialog also generates the services, and downloads them with their contracts', async ({
  browser,
  request,
}) => {
  const id = await importBoard(request, banking);
  const alice = await person(browser, 'Alice');
  const page = alice.page;
  await join(page, boardLink(id));

  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  const files = dialog.getByRole('tablist', { name: 'Generated files' });
  await expect(files.getByRole('tab', { name: 'topics/topics.json' })).toBeVisible();
  await dialog.getByLabel('Output').selectOption('services');

  const decide = 'services/payments-service/src/aggregates/payment/decide.ts';
  await files.getByRole('tab', { name: decide }).click();
  await expect(dialog.getByRole('tabpanel', { name: decide })).toContainText('export function decide(');
  await expect(files.getByRole('tab', { name: 'typescript/payments/payment.ts' })).toBeVisible();
  await expect(files.getByRole('tab', { name: 'topics/topics.json' })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download zip' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('banking-payments-services.zip');
  const entries = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!))));
  const tabs = await files.getByRole('tab').allTextContents();
  // The zip holds the services, the TypeScript they import and the workspace package.json.
  expect(entries.map((entry) => entry.split('/').slice(1).join('/')).sort()).toEqual(
    tabs.filter((tab) => tab !== 'README.md').sort(),
  );
  await alice.context.close();
});
