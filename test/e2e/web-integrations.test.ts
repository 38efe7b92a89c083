import { afterAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../src/integrations/delivery.jobs.ts';
import { maxAttempts } from '../../src/integrations/signature.ts';
import { basicA11y, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

/**
 * The webhook delivery log in a real Chromium: a lead sees the subscriptions, the recent deliveries
 * with their attempts and the receiver's answer, and sends a dead letter again with one click.
 */
let hook: Receiver;
const app = withWebApp({
  people: ['grace'],
  shots: 'integrations',
  async ready({ web }) {
    web.runtime.services.config.webhookAllowPrivate = true;
    hook = await startReceiver('web-log-secret', { dedupe: true });
  },
});
const { call } = app;

afterAll(async () => {
  await hook?.close();
});

describe('webhook delivery log [pglite]', () => {
  it('shows subscriptions, deliveries and a dead letter a lead sends again', async () => {
    await call('POST', '/api/v1/webhooks/subscriptions', {
      url: hook.url,
      secret: 'web-log-secret',
      events: ['handoff.sent', 'handoff.accepted'],
    });
    // The receiver is down for the first handoff's every try: it becomes a dead letter.
    hook.mode = 'down';
    const first = await call('POST', '/api/v1/cases', newCase({ subject: 'Refund never arrived' }));
    await call('POST', `/api/v1/cases/${first.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const services = app.web.runtime.services;
    let later = Date.now();
    for (let i = 0; i < maxAttempts + 2; i++) {
      later += 3_600_000;
      await deliverDue({ ...services, clock: () => new Date(later) });
    }
    const dead = (await call('GET', '/api/v1/webhooks/deliveries?status=dead')).items;
    expect(dead).toHaveLength(1);
    // Then it is back, and a second handoff is delivered at once.
    hook.mode = 'up';
    const second = await call('POST', '/api/v1/cases', newCase({ subject: 'Card declined twice' }));
    await call('POST', `/api/v1/cases/${second.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    await expect.poll(() => hook.processed.size, { timeout: 10_000 }).toBe(1);

    const { page, errors } = await app.signedIn('integrations', 'grace@northwind.example');
    await page.goto(`${app.url}/settings`);
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('subscriptions').textContent()).toContain(hook.url);
    // Beside the subscription, how its deliveries stand: the one made, the one given up.
    // (The running scheduler may have tried the first at once, a failed try in this hour.)
    expect(await page.getByTestId('subscription-health').textContent()).toMatch(
      /Last delivery .* · 1 delivery in 24 h · (1 failed try in 24 h · )?1 dead letter/,
    );
    // And the day hour by hour, as bars read out by their peak.
    expect(await page.getByTestId('hour-bars').getAttribute('aria-label')).toMatch(
      /^Deliveries per hour over the last 24 hours, at most 1 an hour(; 1 failed try in 1 hour)?$/,
    );
    const deadRow = page.getByRole('table', { name: 'Dead letters' }).getByTestId('delivery-row');
    await expect.poll(() => deadRow.count()).toBe(1);
    const deadText = await deadRow.textContent();
    expect(deadText).toContain('handoff.sent');
    expect(deadText).toContain('HTTP 503');
    expect(deadText).toContain(String(maxAttempts));
    const recent = page.getByRole('table', { name: 'Recent deliveries' });
    await expect.poll(() => recent.locator('[data-status="delivered"]').count()).toBe(1);
    expect(await recent.locator('[data-status="delivered"]').textContent()).toContain('HTTP 204');
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'integrations-delivery-log');

    await page.getByRole('button', { name: `Redeliver #${dead[0].seq}` }).click();
    await page.getByTestId('redelivery-queued').waitFor();
    // The scheduler sends it; the log shows both delivered, and no dead letter is left.
    await expect.poll(() => hook.processed.size, { timeout: 10_000 }).toBe(2);
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return recent.locator('[data-status="delivered"]').count();
        },
        { timeout: 10_000 },
      )
      .toBe(2);
    expect(await page.getByText('No dead letters').count()).toBe(1);
    await screenshot(page, 'integrations-redelivered');
    expect(errors).toEqual([]);
  }, 90_000);

  it('adds a subscription from the form, pauses, resumes and edits it', async () => {
    const { page, errors } = await app.signedIn('integrations', 'grace@northwind.example');
    await page.goto(`${app.url}/settings/integrations`);
    await page.getByRole('button', { name: 'Add subscription' }).click();
    const form = page.getByTestId('subscription-form');
    // The address has the focus, and a secret is generated for the receiver.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).type))
      .toBe('url');
    expect((await form.getByLabel(/Signing secret/).inputValue()).length).toBe(64);
    await page.keyboard.type('ftp://example.com/hook');
    await form.getByLabel(/Signing secret/).fill('web-log-secret');
    await form.getByLabel('handoff.accepted').check();
    await form.getByLabel('handoff.sent').uncheck();
    await screenshot(page, 'integrations-add-subscription');
    await form.getByRole('button', { name: 'Subscribe' }).click();
    // The browser's own check refuses a non-http URL first; the server would say the same.
    expect(await page.getByTestId('subscription').count()).toBe(1);
    await form.getByLabel('Receiver URL').fill(`${hook.url}?second`);
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.getByTestId('subscription').count()).toBe(2);
    const subs = (await call('GET', '/api/v1/webhooks/subscriptions')).items;
    const made = subs.find((s: { url: string }) => s.url.endsWith('?second'));
    expect(made).toMatchObject({ events: ['handoff.accepted'], active: true });

    const row = page.getByTestId('subscription').filter({ hasText: '?second' });
    // Who added it: they hear of its dead letters with the admins.
    expect(made.createdBy).toBe(app.web.org.personIds.get('grace'));
    expect(await row.getByTestId('subscription-maker').textContent()).toMatch(/^Added by Grace \S+ /);
    await row.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => row.getAttribute('data-active')).toBe('false');
    expect(await row.textContent()).toContain('Paused');
    await screenshot(page, 'integrations-paused');
    await row.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => row.getAttribute('data-active')).toBe('true');

    // A test event now, and what the receiver answered.
    await row.getByRole('button', { name: 'Send test' }).click();
    await row
      .getByTestId('test-delivery')
      .getByText(/Test delivered/)
      .waitFor();
    expect(await row.getByTestId('test-delivery').textContent()).toMatch(/HTTP 2\d\d in \d+ ms/);
    await row.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit subscription' });
    await dialog.getByLabel(/All events/).check();
    // Sent to a Slack channel instead: one line per event, the row says so.
    await dialog.getByLabel('Send to').selectOption('slack');
    await dialog.getByText(/Paste the channel’s incoming webhook URL/).waitFor();
    // Finance's own channel: kept to that team, and not saved until a team is chosen.
    await dialog.getByLabel('Every team').uncheck();
    await dialog.getByText('Choose at least one team.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Finance', { exact: true }).check();
    await screenshot(page, 'integrations-kept-to-team');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const edited = (await call('GET', '/api/v1/webhooks/subscriptions')).items.find(
      (s: { id: string }) => s.id === made.id,
    );
    expect(edited).toMatchObject({
      events: ['*'],
      active: true,
      url: made.url,
      format: 'slack',
      teams: ['finance'],
    });
    await row.getByText(/Slack message · Events: all · Teams: Finance/).waitFor();
    expect(await basicA11y(page)).toEqual([]);

    // Removed, after asking once more: gone from the list, the page says so.
    await row.getByRole('button', { name: `Remove ${made.url}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this subscription?' });
    await confirm.getByText(/Deliveries it has not made yet are dropped/).waitFor();
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'integrations-remove');
    await confirm.getByRole('button', { name: 'Remove subscription' }).click();
    await page.getByRole('status').getByText(`Removed ${made.url}.`).waitFor();
    await expect.poll(() => page.getByTestId('subscription').count()).toBe(1);
    const left = (await call('GET', '/api/v1/webhooks/subscriptions')).items;
    expect(left.map((s: { id: string }) => s.id)).not.toContain(made.id);
    expect(errors).toEqual([]);
  }, 90_000);

  it("shows a failing receiver's answer beside its subscription, and what removing it would drop", async () => {
    const failing = await call('POST', '/api/v1/webhooks/subscriptions', {
      url: `${hook.url}?failing`,
      secret: 'web-log-secret',
      events: ['handoff.sent'],
    });
    hook.mode = 'down';
    try {
      const kase = await call('POST', '/api/v1/cases', newCase({ subject: 'Invoice in the wrong currency' }));
      await call('POST', `/api/v1/cases/${kase.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      // The running scheduler tries it at once, and the receiver answers 503.
      const healthOf = async () =>
        (await call('GET', '/api/v1/webhooks/subscriptions')).items.find(
          (s: { id: string }) => s.id === failing.id,
        ).health;
      await expect.poll(async () => (await healthOf()).state, { timeout: 10_000 }).toBe('failing');

      const { page, errors } = await app.signedIn('integrations', 'grace@northwind.example');
      await page.goto(`${app.url}/settings/integrations`);
      const row = page.getByTestId('subscription').filter({ hasText: '?failing' });
      await row.getByText('Failing', { exact: true }).waitFor();
      const line = await row.getByTestId('subscription-health').textContent();
      expect(line).toContain('No delivery yet · 0 deliveries in 24 h · 1 waiting');
      expect(line).toContain('Last try failed: HTTP 503');
      // The failed tries are counted, and drawn in red in this hour's bar.
      expect(line).toMatch(/· \d+ failed tr(y|ies) in 24 h/);
      expect(await row.getByTestId('hour-bars').getAttribute('aria-label')).toMatch(
        /^No deliveries in the last 24 hours; \d+ failed tr(y|ies) in 1 hour$/,
      );
      expect(await row.locator('.hour-bar-failed').count()).toBe(1);
      expect(await basicA11y(page)).toEqual([]);
      await screenshot(page, 'integrations-health-failing');

      // Remove says beforehand what it would drop; kept, nothing changes.
      await row.getByRole('button', { name: `Remove ${hook.url}?failing` }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove this subscription?' });
      expect(await confirm.getByTestId('remove-waiting').textContent()).toBe(
        '1 delivery is waiting to be sent.',
      );
      await confirm.getByRole('button', { name: 'Keep it' }).click();
      await confirm.waitFor({ state: 'hidden' });
      expect((await healthOf()).waiting).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      hook.mode = 'up';
    }
  }, 90_000);
});
