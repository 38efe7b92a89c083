import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * A lead moves several handoffs at once from the queue: picked with `x` (or their boxes), reassigned
 * with one reason, 25 to a request; one that someone else resolved meanwhile is named with the
 * server's words, and the rest are done.
 */
const app = withWebApp({ people: ['grace'], shots: 'queue-bulk' });
const { call } = app;

type Handoff = { id: string; state: string; owner: { id: string; name: string } | null };

describe('web app: reassigning picked handoffs together [pglite]', () => {
  it('picks by keyboard and by box, reassigns them to one person, and names the one that could not be', async () => {
    const subjects = ['Bulk run: refund owed', 'Bulk run: invoice twice', 'Bulk run: card declined'];
    const sent: Handoff[] = [];
    for (const subject of subjects) {
      const c = await call('POST', '/api/v1/cases', newCase({ subject }));
      sent.push(
        await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
          scenario: 'billing-to-finance',
          packet: fullPacket,
        }),
      );
    }
    const grace = app.web.org.personIds.get('grace')!;

    const { page, errors } = await app.signedIn('bulk-grace', 'grace@northwind.example');
    // From the supervisor board's load per team (which says who is away), to the team's queue.
    const priya = app.web.org.personIds.get('priya')!;
    await call('POST', `/api/v1/people/${priya}/availability`, { availability: 'away' });
    await page.goto(`${app.url}/supervisor`);
    const chart = page.locator('svg.load-chart');
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toContain('Finance: 3 waiting, 0 in progress, 0 breached, 2 of 3 available');
    expect(await chart.textContent()).toContain('3 open · 1.5 per person · 1 away');
    await call('POST', `/api/v1/people/${priya}/availability`, { availability: 'available' });
    await page.getByTestId('team-queue-links').getByRole('link', { name: 'Finance', exact: true }).click();
    await page.waitForURL(/\/queue\?tab=team&team=finance&state=open$/);
    const list = page.getByRole('listbox', { name: 'Finance queue' });
    await expect.poll(() => list.getByRole('option').count()).toBe(3);
    await list.focus();

    // x picks the selected row; j moves on; Escape unpicks them all.
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.textContent()).toContain('2 picked');
    expect(await list.getByRole('option', { checked: true }).count()).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    // x on the first, then Shift+x on the third picks the three.
    await page.keyboard.press('Home');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+X');
    await expect.poll(() => bar.textContent()).toContain('3 picked');
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);

    // Two by their boxes, then o asks for the new owner and the reason.
    const boxes = list.getByTestId('pick-box');
    await boxes.nth(0).click();
    await boxes.nth(2).click();
    await expect.poll(() => bar.textContent()).toContain('2 picked');
    const picked = [0, 2];
    const pickedIds = await Promise.all(
      picked.map(async (i) =>
        (await list.getByRole('option').nth(i).getAttribute('id'))!.replace('qrow-', ''),
      ),
    );
    await screenshot(page, 'queue-bulk-picked');
    await list.focus();
    await page.keyboard.press('o');
    const dialog = page.getByRole('dialog', { name: 'Reassign 2 handoffs' });
    await dialog.waitFor();
    // The new owner: a finance member who owns neither (so each reassignment is a change of owner).
    const owners = await Promise.all(
      pickedIds.map(async (id) => (await call('GET', `/api/v1/handoffs/${id}`)).owner.id),
    );
    const newKey = ['tom', 'priya', 'grace'].find((key) => !owners.includes(app.web.org.personIds.get(key)))!;
    const newOwner = app.web.org.personIds.get(newKey)!;
    // By value: the page's people were read while Priya was away, so her name may carry "(away)".
    await dialog.getByLabel('New owner').selectOption(newOwner);
    await dialog.getByLabel('Reason').fill('Covering for a colleague out today');
    await dialog.getByRole('button', { name: 'Reassign 2' }).click();
    await page.getByTestId('bulk-result').filter({ hasText: '2 handoffs reassigned.' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    for (const id of pickedIds) {
      const h = await call('GET', `/api/v1/handoffs/${id}`);
      expect(h.owner.id, id).toBe(newOwner);
      const events = await call('GET', `/api/v1/cases/${h.caseId}/events`);
      const moved = events.items.filter((e: { type: string }) => e.type === 'owner.changed');
      expect(moved.at(-1)).toMatchObject({
        actorId: grace,
        data: { to: newOwner, reason: 'Covering for a colleague out today' },
      });
    }

    // All three; while the first is being reassigned, someone resolves another of them.
    await list.getByTestId('pick-box').first().click();
    await bar.getByRole('button', { name: 'Pick all 3 shown' }).click();
    await expect.poll(() => bar.textContent()).toContain('3 picked');
    const ownerBefore = new Map<string, string>();
    for (const h of sent) ownerBefore.set(h.id, (await call('GET', `/api/v1/handoffs/${h.id}`)).owner.id);
    // The three go in one request; just before it reaches the server, someone resolves the second.
    let victim: string | null = null;
    await page.route('**/api/v1/handoffs/reassign', async (route) => {
      if (!victim) {
        victim = (route.request().postDataJSON() as { ids: string[] }).ids[1]!;
        await call('POST', `/api/v1/handoffs/${victim}/accept`, {});
        await call('POST', `/api/v1/handoffs/${victim}/resolve`, {});
      }
      await route.continue();
    });
    await bar.getByRole('button', { name: /^Reassign all 3/ }).click();
    const all = page.getByRole('dialog', { name: 'Reassign 3 handoffs' });
    // A fresh dialog: the last run's owner and reason are not carried over.
    expect(await all.getByLabel('New owner').inputValue()).toBe('');
    expect(await all.getByLabel('Reason').inputValue()).toBe('');
    await all.getByLabel('Reason').fill('Rebalancing the team');
    await all.getByRole('button', { name: 'Reassign 3' }).click();
    const failures = all.getByTestId('bulk-failures');
    await failures.waitFor();
    const words = await failures.textContent();
    expect(words).toContain('2 handoffs reassigned; 1 was not');
    const victimSubject = subjects[sent.findIndex((h) => h.id === victim)]!;
    expect(words).toContain(`${victimSubject} (${victim}):`);
    expect(words).toMatch(/resolved/);
    await screenshot(page, 'queue-bulk-failures');
    expect(await basicA11y(page)).toEqual([]);
    await all.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('bulk-result').filter({ hasText: '2 handoffs reassigned; 1 was not.' }).waitFor();
    // The resolved one left the open queue, and with it the picks.
    await expect.poll(() => list.getByRole('option').count()).toBe(2);
    expect(await bar.count()).toBe(0);
    const victimNow = await call('GET', `/api/v1/handoffs/${victim}`);
    expect(victimNow.state).toBe('resolved');
    // The other two went to another member each, by the team's rule.
    for (const h of sent.filter((x) => x.id !== victim)) {
      const now = await call('GET', `/api/v1/handoffs/${h.id}`);
      expect(now.owner.id, h.id).not.toBe(ownerBefore.get(h.id));
    }

    // Stop, while the first 25 of 28 are being reassigned: those are done, the other 3 left as they were.
    await page.unroute('**/api/v1/handoffs/reassign');
    for (let i = 0; i < 26; i++) {
      const c = await call('POST', '/api/v1/cases', newCase({ subject: `Bulk stop ${i}` }));
      await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
    }
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tried: number[] = [];
    await page.route('**/api/v1/handoffs/reassign', async (route) => {
      tried.push((route.request().postDataJSON() as { ids: string[] }).ids.length);
      if (tried.length === 1) await held;
      await route.continue();
    });
    await list.getByTestId('pick-box').first().click();
    await bar.getByRole('button', { name: /^Pick all 28 shown/ }).click();
    await list.focus();
    await page.keyboard.press('o');
    const many = page.getByRole('dialog', { name: 'Reassign 28 handoffs' });
    await many.getByLabel('Reason').fill('Changed my mind');
    await many.getByRole('button', { name: 'Reassign 28' }).click();
    await many.getByText('Reassigning 1–25 of 28…').waitFor();
    expect(await many.getByRole('progressbar', { name: 'Reassigned so far' }).getAttribute('value')).toBe(
      '0',
    );
    await many.getByRole('button', { name: 'Stop' }).click();
    release();
    await page
      .getByTestId('bulk-result')
      .filter({ hasText: '25 handoffs reassigned; 3 left as they were (stopped).' })
      .waitFor();
    expect(tried).toEqual([25]);
    expect(await bar.textContent()).toContain('3 picked');

    // The owner named is deactivated while the first 25 of 28 are on their way: the whole request is
    // refused, and the run ends there (the next 3 would meet the same refusal), all still picked.
    await page.unroute('**/api/v1/handoffs/reassign');
    const tom = app.web.org.personIds.get('tom')!;
    const asked: number[] = [];
    await page.route('**/api/v1/handoffs/reassign', async (route) => {
      asked.push((route.request().postDataJSON() as { ids: string[] }).ids.length);
      if (asked.length === 1) await call('POST', `/api/v1/people/${tom}/deactivate`, {});
      await route.continue();
    });
    await bar.getByRole('button', { name: /^Pick all 28 shown/ }).click();
    await list.focus();
    await page.keyboard.press('o');
    const toTom = page.getByRole('dialog', { name: 'Reassign 28 handoffs' });
    await toTom.getByLabel('New owner').selectOption(tom);
    await toTom.getByLabel('Reason').fill('Going to Tom');
    await toTom.getByRole('button', { name: 'Reassign 28' }).click();
    const refusal = toTom.getByTestId('bulk-failures');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'None of the 28 was reassigned (Tom Becker is deactivated and cannot own a handoff).',
    );
    // Said once, not once per handoff; the reason stays, to try again with someone else.
    expect(await refusal.getByRole('listitem').count()).toBe(0);
    expect(asked).toEqual([25]);
    expect(await toTom.getByLabel('Reason').inputValue()).toBe('Going to Tom');
    await screenshot(page, 'queue-bulk-refused');
    await toTom.getByRole('button', { name: 'Close' }).click();
    await page
      .getByTestId('bulk-result')
      .filter({ hasText: 'None of the 28 was reassigned (Tom Becker is deactivated' })
      .waitFor();
    expect(await bar.textContent()).toContain('28 picked');
    // Nothing went to Tom (what he held was handed on when he was deactivated).
    const toms = await call('GET', `/api/v1/handoffs?owner=${tom}&limit=100`);
    expect((toms.items as Handoff[]).filter((h) => ['sent', 'accepted'].includes(h.state))).toEqual([]);
    await list.getByTestId('pick-box').first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.count()).toBe(0);
    await call('POST', `/api/v1/people/${tom}/reactivate`, {});
    // On a phone-width screen the bar wraps within the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      )
      .toBeLessThanOrEqual(0);
    // The list keeps a height of its own above the preview (it was squeezed to nothing).
    const listBox = await list.boundingBox();
    expect(listBox?.height).toBeGreaterThan(200);
    await screenshot(page, 'queue-bulk-narrow');
    expect(errors.filter((e) => !/\b(400|409)\b/.test(e))).toEqual([]);
  });

  it('starts the reassign dialog afresh after a reassignment, and keeps a closed dialog’s words', async () => {
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Afresh run: one handoff' }));
    const h = await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const other = ['tom', 'priya', 'grace']
      .map((key) => app.web.org.personIds.get(key)!)
      .find((id) => id !== h.owner.id)!;
    const { page, errors } = await app.signedIn('afresh-grace', 'grace@northwind.example');
    await page.goto(`${app.url}/handoffs/${h.id}`);
    const reassign = page.getByRole('dialog', { name: 'Reassign the owner' });
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    await reassign.getByLabel('New owner').selectOption(other);
    await reassign.getByLabel('Reason').fill('Billing specialist');
    await reassign.getByRole('button', { name: 'Reassign', exact: true }).click();
    await expect.poll(async () => (await call('GET', `/api/v1/handoffs/${h.id}`)).owner.id).toBe(other);

    // Again: the person just chosen is the owner now, not a choice; nothing of the last time is kept.
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    expect(await reassign.getByLabel('New owner').inputValue()).toBe('');
    expect(await reassign.getByLabel('Reason').inputValue()).toBe('');
    await reassign.getByLabel('Reason').fill('Back to the team’s rule');
    await reassign.getByRole('button', { name: 'Reassign', exact: true }).click();
    await expect.poll(async () => (await call('GET', `/api/v1/handoffs/${h.id}`)).owner.id).not.toBe(other);

    // Closed without bouncing, the dialog keeps the reason and note for the next opening.
    const bounce = page.getByRole('dialog', { name: 'Bounce back to the sender' });
    await page.getByRole('button', { name: 'Bounce', exact: true }).click();
    await bounce.getByLabel('Wrong team').check();
    await bounce.getByLabel(/Note for the sender/).fill('Card changes are Tier 2');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Bounce', exact: true }).click();
    expect(await bounce.getByLabel('Wrong team').isChecked()).toBe(true);
    expect(await bounce.getByLabel(/Note for the sender/).inputValue()).toBe('Card changes are Tier 2');
    await bounce.getByRole('button', { name: 'Keep it' }).click();
    expect(errors).toEqual([]);
  });
});
