import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * The customer data retention schedule in a real Chromium: a lead reads it, an admin picks one, sees
 * how many customers it would erase before saving, confirms, and the schedule is saved.
 */
const app = withWebApp({ people: ['grace', 'ines'], shots: 'customer-retention' });
const { call } = app;

describe('customer data retention settings [pglite]', () => {
  it('previews what a schedule erases, asks again, and saves it; a lead only reads it', async () => {
    // A customer last in touch two years ago, their one case resolved.
    const kase = await call('POST', '/api/v1/cases', {
      subject: 'Old boiler question',
      customer: { externalId: 'ret-web-1', name: 'Olive Oldham' },
      channel: 'email',
      messages: [{ role: 'customer', text: 'Is my boiler still under cover?' }],
    });
    await call('POST', `/api/v1/cases/${kase.id}/resolve`, {});
    const longAgo = new Date(Date.now() - 730 * 86_400_000).toISOString();
    await app.database.db.execute(
      sql`update cases set created_at = ${longAgo}, updated_at = ${longAgo} where id = ${kase.id}`,
    );
    await app.database.db.execute(
      sql`update customers set created_at = ${longAgo} where id = ${kase.customer.id}`,
    );

    const lead = await app.signedIn('retention-lead', 'grace@northwind.example');
    await lead.page.goto(`${app.url}/settings/customers`);
    await lead.page.getByTestId('retention-now').waitFor();
    expect(await lead.page.getByTestId('retention-now').textContent()).toContain(
      'kept until an admin erases it',
    );
    expect(await lead.page.getByRole('radio').count()).toBe(0);
    await app.closeBrowser(lead);

    const { page, errors } = await app.signedIn('retention-admin', 'ines@northwind.example');
    await page.goto(`${app.url}/settings/customers`);
    await page.getByTestId('retention-form').waitFor();
    await page.getByRole('radio', { name: 'After 1 year without contact' }).check();
    await expect
      .poll(() => page.getByTestId('retention-preview').textContent())
      .toContain('1 customer would');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'customer-retention-preview');
    // Saving asks again, naming what it erases; cancelling saves nothing.
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByRole('button', { name: 'Erase 1 customer and save' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await call('GET', '/api/v1/settings/customer-retention')).eraseAfterDays).toBeNull();
    // Out of range: the field says so and nothing can be saved.
    await page.getByLabel('days without contact', { exact: false }).fill('12');
    expect(await page.getByRole('button', { name: 'Save schedule' }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'After 1 year without contact' }).check();
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByRole('button', { name: 'Erase 1 customer and save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: erased after 1 year' }).waitFor();
    expect(await call('GET', '/api/v1/settings/customer-retention')).toEqual({
      eraseAfterDays: 365,
      dueNow: 1,
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'customer-retention-narrow');
    // The form fits a phone's width (the page's tables scroll sideways in their own frames).
    const box = await page.getByTestId('retention-form').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
