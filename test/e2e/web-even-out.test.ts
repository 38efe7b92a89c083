import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * A supervisor evens out a team from the board: the dialog shows each member's load now and after,
 * what would move, and moves it with a reason; the board then says what was done.
 */
const app = withWebApp({ people: ['samuel'], shots: 'even-out' });
const { call } = app;

describe('web app: evening out a team’s load from the supervisor board [pglite]', () => {
  it('previews the moves, makes them, and says so', async () => {
    const priya = app.web.org.personIds.get('priya')!;
    const samuel = app.web.org.personIds.get('samuel')!;
    const piled: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await call('POST', '/api/v1/cases', newCase({ subject: `Even out run ${i}` }));
      const h = await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
      if (h.owner.id !== priya)
        await call('POST', `/api/v1/handoffs/${h.id}/reassign`, { ownerId: priya, reason: 'piling up' });
      piled.push(h.id);
    }
    const { page, errors } = await app.signedIn('even-out-samuel', 'samuel@northwind.example');
    await page.goto(`${app.url}/supervisor`);
    await page.getByTestId('even-out-teams').getByRole('button', { name: 'Finance', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Even out Finance' });
    const plan = dialog.getByTestId('even-out-plan');
    await plan.waitFor();
    const summary = dialog.getByTestId('even-out-summary');
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^\d+ waiting handoffs would move: \d+ from Priya Raman to /);
    const priyaRow = plan.getByRole('row').filter({ hasText: 'Priya Raman' });
    expect(await priyaRow.getByRole('cell').nth(1).textContent()).toBe('6 of 10');
    // Which ones, by the case's subject, each linking to its case.
    await dialog.getByText('Which handoffs').click();
    const which = dialog.getByTestId('even-out-which');
    const firstMove = which.getByRole('listitem').first();
    expect(await firstMove.textContent()).toMatch(/^Even out run \d Priya Raman → /);
    const keptHref = (await firstMove.getByRole('link').getAttribute('href'))!;
    expect(keptHref).toMatch(/^\/cases\//);
    // Keep one with Priya: the plan is made again, that one listed as kept.
    await firstMove.getByRole('button', { name: /^Keep: Even out run \d$/ }).click();
    const keptRow = which.getByRole('listitem').filter({ hasText: 'kept with Priya Raman' });
    await keptRow.waitFor();
    expect(await keptRow.getByRole('link').getAttribute('href')).toBe(keptHref);
    await expect
      .poll(() => dialog.getByTestId('even-out-staying').textContent())
      .toBe('1 kept with Priya Raman, as you chose.');
    await screenshot(page, 'even-out-preview');
    expect(await basicA11y(page)).toEqual([]);
    // Nothing moved by looking.
    for (const id of piled) expect((await call('GET', `/api/v1/handoffs/${id}`)).owner.id).toBe(priya);

    await dialog.getByLabel('Reason (optional)').fill('Priya is swamped');
    await dialog.getByRole('button', { name: /^Move \d+$/ }).click();
    const result = page.getByTestId('even-out-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/^Moved \d+ waiting handoffs in Finance\.$/);
    expect(await dialog.isVisible()).toBe(false);
    const owners = await Promise.all(
      piled.map(async (id) => (await call('GET', `/api/v1/handoffs/${id}`)).owner.id),
    );
    const moved = owners.filter((o) => o !== priya).length;
    const keptCase = keptHref.split('/').at(-1);
    const keptHandoff = (
      await Promise.all(
        piled.map(
          async (id) =>
            (await call('GET', `/api/v1/handoffs/${id}`)) as { caseId: string; owner: { id: string } },
        ),
      )
    ).find((x) => x.caseId === keptCase)!;
    expect(keptHandoff.owner.id).toBe(priya);
    expect(moved).toBeGreaterThanOrEqual(2);
    expect(await result.textContent()).toBe(`Moved ${moved} waiting handoffs in Finance.`);
    const first = piled[owners.findIndex((o) => o !== priya)]!;
    const kase = (await call('GET', `/api/v1/handoffs/${first}`)).caseId;
    const events = (await call('GET', `/api/v1/cases/${kase}/events`)).items;
    expect(events.filter((e: { type: string }) => e.type === 'owner.changed').at(-1)).toMatchObject({
      actorId: samuel,
      data: { from: priya, reason: 'Priya is swamped' },
    });

    // Again: nothing left to move, said as such.
    await page.getByTestId('even-out-teams').getByRole('button', { name: 'Finance', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('even-out-summary').textContent()).toMatch(/^Nothing to move/);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Everyone in Finance away: what they hold stays, and the dialog says why.
    const finance = ['priya', 'tom', 'grace'].map((k) => app.web.org.personIds.get(k)!);
    const setAll = (availability: string) =>
      Promise.all(finance.map((p) => call('POST', `/api/v1/people/${p}/availability`, { availability })));
    await setAll('away');
    await page.getByTestId('even-out-teams').getByRole('button', { name: 'Finance', exact: true }).click();
    const staying = dialog.getByTestId('even-out-staying');
    await staying.waitFor();
    expect(await staying.textContent()).toMatch(
      /\d+ stay with Priya Raman, away or off shift: nobody who can take work has room\./,
    );
    await screenshot(page, 'even-out-staying');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await setAll('available');
    expect(errors).toEqual([]);
  });
});
