import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * Importing a helpdesk's ratings from the Analytics page: the file read and checked in the browser,
 * problems named by line before anything is sent, then the import with its progress and result.
 */
const app = withWebApp({ people: ['grace'], shots: 'ratings-import' });
const { call } = app;

describe('web app: importing ratings [pglite]', () => {
  it('reads a CSV export, names its bad lines, then imports it and shows what happened', async () => {
    for (const ticket of ['5101', '5102']) {
      const c = await call(
        'POST',
        '/api/v1/cases',
        newCase({ externalId: ticket, customer: { externalId: `c-${ticket}`, name: `Customer ${ticket}` } }),
      );
      await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
    }
    const { page, errors } = await app.signedIn('ratings-import', 'grace@northwind.example');
    await page.goto(`${app.url}/analytics`);
    const said = page.locator('section', { hasText: 'What customers said' });
    await said.getByRole('button', { name: 'Import ratings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import ratings from your helpdesk' });
    await dialog.waitFor();

    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await dialog.getByLabel('File').setInputFiles({
      name: 'zendesk-csat.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Ticket ID,Satisfaction,Comment\n5101,Good,Thanks\n5102,meh,\n`),
    });
    const problems = dialog.getByTestId('ratings-file-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('line 3: "meh" is no rating (1 to 5, good or bad)');
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'ratings-import-problems');

    await dialog.getByLabel('File').setInputFiles({
      name: 'zendesk-csat.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `Ticket ID,Satisfaction,Created at,Comment,Rating ID\n5101,Good,${ago(3)},Thanks,zr-1\n5102,Bad,${ago(2)},Never called back,zr-2\n4999,Bad,${ago(4)},,zr-0\n`,
      ),
    });
    await dialog.getByTestId('ratings-file-summary').getByText('3 ratings in zendesk-csat.csv').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import 3 ratings' }).click();
    const done = dialog.getByTestId('ratings-imported');
    await done.waitFor();
    expect(await done.textContent()).toMatch(
      /^2 new, 0 changed, 0 already there; 1 rating skipped: no case for the ticket\.Tickets skipped: 4999$/,
    );
    await dialog.getByText('Imported 3 of 3').waitFor();
    await screenshot(page, 'ratings-import-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The list below reads them at once: the unhappy one, in the customer's words.
    const row = page.getByTestId('customer-rating').filter({ hasText: 'Never called back' });
    await row.waitFor();
    expect(await row.locator('th').textContent()).toMatch(/via Zendesk$/);
    const listed = (await call('GET', '/api/v1/satisfaction?satisfied=false')) as {
      items: { source: string }[];
    };
    expect(listed.items.map((r) => r.source)).toContain('zendesk');
    expect(errors).toEqual([]);
  });
});
