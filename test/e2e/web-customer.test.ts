import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * The customer page in a real Chromium: from a case, a supervisor follows the customer's name to one
 * page with their cases (a repeat contact marked), handoffs, promises, sentiment over time and the
 * churn risk with its reasons.
 */
const app = withWebApp({ people: ['diana'], shots: 'customer' });
const { call } = app;

describe('customer page [pglite]', () => {
  it('shows one customer across cases with sentiment over time and the risk with its reasons', async () => {
    await call('POST', '/api/v1/customers/import', {
      csv: 'external_id,name,customer_since,annual_value,tier\nharbour-7,Harbour Hotels,2021-06-01,48000,gold\n',
    });
    const customer = { externalId: 'harbour-7', name: 'Harbour Hotels' };
    const first = await call(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Boiler service invoice charged twice',
        customer,
        issueType: 'billing',
        messages: [
          { role: 'customer', text: 'Hello, thanks for the quick service visit last week, all good.' },
          { role: 'customer', text: 'But I was charged twice for the invoice. Can you fix this?' },
        ],
      }),
    );
    const handoff = await call('POST', `/api/v1/cases/${first.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    await call('POST', `/api/v1/handoffs/${handoff.id}/bounce`, {
      reason: 'wrong_team',
      note: 'card dispute',
    });
    await call('POST', `/api/v1/handoffs/${handoff.id}/promises`, {
      text: 'We will call you tomorrow',
      due: new Date(Date.now() + 86_400_000).toISOString(),
    }).catch(() => undefined); // a bounced handoff takes no promises: the page shows none open then
    await call('POST', `/api/v1/cases/${first.id}/satisfaction`, { rating: 2 });
    const second = await call(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Still charged twice',
        customer,
        issueType: 'billing',
        messages: [
          {
            role: 'customer',
            text: 'This is unacceptable service. I already explained this twice and I want to make a formal complaint.',
          },
        ],
      }),
    );

    const { page, errors } = await app.signedIn('customer', 'diana@northwind.example');
    await page.goto(`${app.url}/cases/${second.id}`);
    await page.getByRole('link', { name: 'Harbour Hotels' }).click();
    await page.getByRole('heading', { name: 'Harbour Hotels', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/customers/${second.customer.id}`);

    await expect.poll(() => page.getByTestId('customer-case').count()).toBe(2);
    const facts = await page.getByTestId('customer-facts').textContent();
    expect(facts).toContain('48,000');
    expect(facts).toContain('gold');
    expect(facts).toMatch(/2 cases · [01] repeat contacts?/);
    expect(await page.getByTestId('customer-csat').textContent()).toBe('0 of 1 rated case satisfied');
    expect(await page.getByTestId('customer-case').allTextContents()).toEqual([
      expect.stringContaining('CSAT 2 of 5 · not satisfied'),
      expect.not.stringContaining('CSAT'),
    ]);
    // The finance handoff, bounced; a complaint may also have raised the supervisor scenario.
    const handoffRows = (await page.getByTestId('customer-handoff').allTextContents()).join('\n');
    expect(handoffRows).toMatch(/Finance\s*Bounced/);

    const chart = page.getByTestId('sentiment-chart');
    expect(await chart.locator('circle').count()).toBe(3);
    expect(await chart.getAttribute('aria-label')).toMatch(/Sentiment of 3 customer messages/);

    const score = Number((await page.getByTestId('risk-score').textContent())?.match(/\d+/)?.[0]);
    const api = await call('GET', `/api/v1/customers/${second.customer.id}/risk`);
    expect(score).toBe(api.score);
    const reasons = await page.getByTestId('risk-reason').allTextContents();
    expect(reasons.join('\n')).toMatch(/Complaint\s*\+\d+/);
    expect(reasons.join('\n')).toMatch(/Bounced handoff/);
    expect(reasons.join('\n')).toMatch(/High value/);
    expect(reasons.join('\n')).toMatch(/Low satisfaction\s*\+20/);

    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'customer-page');
    expect(errors).toEqual([]);
  }, 90_000);
});
