import { expect, test } from '@playwright/test';

test('a fresh server shows the empty state and a first board can be created', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('No boards yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create board' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Board name' }).fill('First workshop');
  await page.getByRole('button', { name: 'Create board' }).click();
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('application', { name: 'Board canvas' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'First workshop' })).toBeVisible();
  await page.getByRole('link', { name: 'All boards' }).click();
  await expect(page.getByRole('listitem', { name: 'First workshop' })).toContainText('0 elements');
  await expect(page.getByText('No boards yet.')).toBeHidden();
});
