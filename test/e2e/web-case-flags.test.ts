import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/** The case page shows a document asked for again in a message, and a repeat contact's earlier case. */
const app = withWebApp({ people: ['amara'], shots: 'case-flags' });
const { call } = app;

describe('web app: case page flags [pglite]', () => {
  it('shows the re-requested document with the message, and links a repeat contact to the earlier case', async () => {
    const customer = { externalId: 'web-flags-1', name: 'Maria Lopez' };
    const first = await call('POST', '/api/v1/cases', newCase({ customer, issueType: 'billing' }));
    const again = await call(
      'POST',
      '/api/v1/cases',
      newCase({ customer, issueType: 'billing', subject: 'Still charged twice' }),
    );
    expect(again.repeatOf).toBe(first.id);
    await call('POST', `/api/v1/cases/${again.id}/messages`, {
      role: 'agent',
      text: 'Could you send the October invoice again, please?',
    });

    const browser = await app.signedIn('case-flags', 'amara@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/cases/${again.id}`);
    const flags = page.getByRole('note', { name: 'Documents asked for again' });
    await flags.waitFor();
    await flags.getByText('INV-2026-10.pdf is on file', { exact: false }).waitFor();
    await flags.getByText('Could you send the October invoice again, please?', { exact: false }).waitFor();
    await page.getByText('Repeat contact', { exact: false }).waitFor();
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'case-flags');

    await page.getByRole('link', { name: 'earlier case' }).click();
    await page.getByRole('heading', { level: 1, name: first.subject }).waitFor();
    expect(await page.getByRole('note', { name: 'Documents asked for again' }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
