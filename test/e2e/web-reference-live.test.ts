import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * An open page's choices of owner follow the organisation as it changes, without a reload: a member
 * who goes away is marked, one who joins is offered, one who loses access is no longer offered (the
 * server would refuse them), and the team's page and the supervisor board say so.
 */
const app = withWebApp({ people: ['grace'], shots: 'reference-live' });
const { call } = app;

// A page re-reads within about a second of a change (spread at random over the organisation's
// pages), longer than a poll's default second.
const heard = { timeout: 5_000 };

describe('web app: owner choices follow people and teams live [pglite]', () => {
  it('marks, offers and withdraws owners as people go away, join and lose access', async () => {
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Live owners: refund' }));
    await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const priya = app.web.org.personIds.get('priya')!;

    const { page, errors } = await app.signedIn('reference-grace', 'grace@northwind.example');
    await page.goto(`${app.url}/queue?tab=team&team=finance&state=open`);
    // What changes from here on is heard: the page's stream is connected.
    const live = page.locator('.live-on');
    await live.waitFor();
    const list = page.getByRole('listbox', { name: 'Finance queue' });
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(0);
    await list.focus();
    await page.keyboard.press('x');
    await page.keyboard.press('o');
    const dialog = page.getByRole('dialog', { name: 'Reassign the picked handoff' });
    const owner = dialog.getByLabel('New owner');
    const choices = () => owner.locator('option').allTextContents();
    await expect.poll(choices).toContain('Priya Raman');

    // Priya goes away (by herself, in another tab): the open dialog marks her, from what the stream
    // said, without reading the people or teams again.
    const reads: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/(teams|people)$/.test(new URL(r.url()).pathname)) reads.push(r.url());
    });
    const priyaToken = await app.tokenOf('priya', ['agent']);
    await call('POST', `/api/v1/people/${priya}/availability`, { availability: 'away' }, priyaToken);
    await expect.poll(choices, heard).toContain('Priya Raman (away)');
    expect(await choices()).not.toContain('Priya Raman');
    expect(reads).toEqual([]);

    // Someone joins Finance: offered.
    const hired = await call('POST', '/api/v1/people', {
      name: 'Nadia Okafor',
      email: 'nadia.okafor@northwind.example',
      roles: ['agent'],
      teams: ['finance'],
    });
    await expect.poll(choices, heard).toContain('Nadia Okafor');
    // Chosen, then she loses access before the reassignment is asked for: no longer offered, and
    // the choice falls back to the team's rule rather than to someone the server would refuse.
    await owner.selectOption(hired.id);
    await call('POST', `/api/v1/people/${hired.id}/deactivate`, {});
    await expect.poll(choices, heard).not.toContain('Nadia Okafor');
    expect(await owner.inputValue()).toBe('');
    expect(await dialog.getByRole('alert').textContent()).toBe(
      'Nadia Okafor no longer has access: choose someone else, or let Baton choose.',
    );
    await screenshot(page, 'reference-live-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The team's page lists her, marked; the board counts those who may work.
    await page.goto(`${app.url}/people?view=teams`);
    const row = page
      .getByRole('table', { name: 'Members of Finance' })
      .locator('tr[data-member="Nadia Okafor"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('No access');
    await page.goto(`${app.url}/supervisor`);
    await expect
      .poll(() => page.locator('svg.load-chart').getAttribute('aria-label'), heard)
      .toMatch(/Finance: \d+ waiting, \d+ in progress, \d+ breached, 2 of 3 available/);
    await live.waitFor();
    await call('POST', `/api/v1/people/${priya}/availability`, { availability: 'available' });
    await expect
      .poll(() => page.locator('svg.load-chart').getAttribute('aria-label'), heard)
      .toMatch(/Finance: \d+ waiting, \d+ in progress, \d+ breached, 3 of 3 available/);
    expect(errors).toEqual([]);
  });
});
