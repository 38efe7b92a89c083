import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/** The supervisor board says when the SLA engine is not keeping up, and is silent when it is. */
const app = withWebApp({ people: ['diana'], shots: 'sla-health' });
const { call } = app;

describe('web app: the SLA engine on the supervisor board [pglite]', () => {
  it('shows a clock that keeps failing, in words, and nothing once it recovers', async () => {
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Refund stuck at the bank' }));
    const sent = await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const sup = await app.signedIn('sla-health', 'diana@northwind.example');
    const { page } = sup;
    await page.getByRole('heading', { name: 'Supervisor board' }).waitFor();
    await page.locator('svg.load-chart').waitFor();
    expect(await page.getByTestId('sla-engine-notice').count()).toBe(0);

    // The clock's last attempt failed; its retry is an hour away (as the scheduler would leave it).
    const failing = (attempts: number) =>
      app.database.db.execute(sql`update sla_clocks
        set attempts = ${attempts}, last_error = ${attempts ? 'SlaError: invalid calendar' : null},
          retry_at = ${attempts ? sql`now() + interval '1 hour'` : null}
        where handoff_id = ${sent.id} and name = 'acknowledge'`);
    await failing(3);
    await page.reload();
    const notice = page.getByTestId('sla-engine-notice');
    await notice.getByText('The SLA engine is not keeping up').waitFor();
    await notice
      .getByText('1 SLA clock failed at the last attempt and is being retried', { exact: false })
      .waitFor();
    await notice.getByRole('link', { name: 'Refund stuck at the bank, Acknowledge clock' }).waitFor();
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'sla-health');

    await failing(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Supervisor board' }).waitFor();
    await page.locator('svg.load-chart').waitFor();
    expect(await page.getByTestId('sla-engine-notice').count()).toBe(0);
    expect(sup.errors).toEqual([]);
  });

  it('says on the handoff page what the escalation ladder does next if nobody acts', async () => {
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Invoice address wrong' }));
    const sent = await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const next = sent.sla.find((k: { name: string }) => k.name === 'acknowledge').next;
    expect(next).toMatchObject({ action: 'warn_owner', at: 75 });
    const sup = await app.signedIn('sla-next', 'diana@northwind.example');
    await sup.page.goto(`${app.url}/handoffs/${sent.id}`);
    await sup.page
      .getByText('Next if nobody acts: warn the owner at 75 %', { exact: false })
      .first()
      .waitFor();
    expect(await basicA11y(sup.page)).toEqual([]);
    expect(sup.errors).toEqual([]);
  });
});
