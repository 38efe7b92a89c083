import type { Locator } from 'playwright-core';

/**
 * A chart's numbers as the table behind its "Show the numbers as a table" disclosure, opened from
 * the keyboard: one array of cell texts a row.
 */
export async function chartTable(figure: Locator): Promise<string[][]> {
  const page = figure.page();
  if (!(await figure.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))) {
    await figure.locator('summary').focus();
    await page.keyboard.press('Enter');
  }
  await figure.locator('table tbody tr').first().waitFor();
  return figure
    .locator('table tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent?.trim() ?? '')),
    );
}
