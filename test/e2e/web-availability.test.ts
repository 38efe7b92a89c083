import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * An agent sets their own status from the account menu, as in any helpdesk: away, new handoffs go
 * to their teammates; the dot on their avatar says which.
 */
const app = withWebApp({ people: ['priya'], shots: 'availability' });
const { call } = app;

describe('web app: your own status [pglite]', () => {
  it('sets away from the account menu, and new handoffs go to teammates until available again', async () => {
    const priya = app.web.org.personIds.get('priya')!;
    const { page, errors } = await app.signedIn('status-priya', 'priya@northwind.example');
    const dot = page.getByTestId('my-status');
    expect(await dot.getAttribute('data-status')).toBe('available');

    // She has accepted one handoff: going away leaves it hers, unless she hands it on too.
    const c0 = await call('POST', '/api/v1/cases', newCase({ subject: 'Status run: accepted' }));
    const accepted = await call('POST', `/api/v1/cases/${c0.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    await call('POST', `/api/v1/handoffs/${accepted.id}/reassign`, { ownerId: priya, reason: 'set-up' });
    await call('POST', `/api/v1/handoffs/${accepted.id}/accept`, {}, await app.tokenOf('priya', ['agent']));

    await page.getByTestId('current-person').click();
    const status = page.getByTestId('status-choice');
    expect(await status.getByRole('button', { name: 'Available' }).getAttribute('aria-pressed')).toBe('true');
    await status.getByRole('button', { name: 'Away' }).click();
    await expect.poll(() => dot.getAttribute('data-status')).toBe('away');
    expect(await status.textContent()).toContain('New handoffs go to others');
    expect(await status.getByRole('button', { name: 'Away' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'availability-menu');
    expect(await basicA11y(page)).toEqual([]);
    const people = await call('GET', '/api/v1/people');
    expect(people.items.find((p: { id: string }) => p.id === priya).availability).toBe('away');
    // The account button says it to a screen reader too.
    expect(await page.getByTestId('current-person').textContent()).toContain('your account, away');

    expect((await call('GET', `/api/v1/handoffs/${accepted.id}`)).owner.id).toBe(priya);
    await status.getByRole('button', { name: 'Hand on my accepted handoffs too…' }).click();
    await status.getByRole('button', { name: 'Yes, hand them all on now' }).click();
    await status.getByTestId('handed-on').filter({ hasText: '1 handoff handed on to your teams.' }).waitFor();
    const handedOn = await call('GET', `/api/v1/handoffs/${accepted.id}`);
    expect(handedOn).toMatchObject({ state: 'accepted' });
    expect(handedOn.owner.id).not.toBe(priya);

    // Three handoffs to Finance while she is away: none is hers.
    for (let i = 0; i < 3; i++) {
      const c = await call('POST', '/api/v1/cases', newCase({ subject: `Status run ${i}` }));
      const sent = await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      expect(sent.owner.id).not.toBe(priya);
    }

    // A lead sets her offline: her page follows live (the stream says `me`), without a reload.
    await call('POST', `/api/v1/people/${priya}/availability`, { availability: 'offline' });
    await expect.poll(() => dot.getAttribute('data-status')).toBe('offline');

    // Back: the dot and the API follow; a reload keeps it.
    await page.keyboard.press('Escape');
    await page.getByTestId('current-person').click();
    await status.getByRole('button', { name: 'Available' }).click();
    await expect.poll(() => dot.getAttribute('data-status')).toBe('available');
    await page.reload();
    await expect.poll(() => page.getByTestId('my-status').getAttribute('data-status')).toBe('available');
    const after = await call('GET', '/api/v1/people');
    expect(after.items.find((p: { id: string }) => p.id === priya).availability).toBe('available');
    expect(errors).toEqual([]);
  });
});
