import { describe, expect, it } from 'vitest';
import { basicA11y, screenshot, signIn } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { type Browser, withWebApp } from '../support/web-app.ts';

/**
 * The shared case room (live notes with mentions, presence across two browsers), the supervisor's
 * sentiment dips and lost escalations, and the lead's calendar and scenario editors, in a real
 * Chromium against a real Baton (PGlite, real clock, scheduler on).
 */
const app = withWebApp({ people: ['amara', 'priya', 'grace', 'diana'], shots: 'room' });
const { call, tokenOf, browser, closeBrowser } = app;

describe('web app: case room, supervisor dips, settings for leads [pglite]', () => {
  let caseId = '';
  let handoffId = '';
  let agent: Browser;

  it('shares a live case room: a note with mentions appears in the other browser, presence shows both', async () => {
    const subject = 'Refund promised but never arrived';
    const created = await call(
      'POST',
      '/api/v1/cases',
      newCase({
        subject,
        messages: [{ role: 'customer', text: 'I was promised a refund two weeks ago and it never arrived.' }],
      }),
    );
    caseId = created.id;
    const amaraToken = await tokenOf('amara', ['agent']);
    const h = await call(
      'POST',
      `/api/v1/cases/${caseId}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      amaraToken,
    );
    handoffId = h.id;

    // The sender on the case, the receiver on the handoff: one room.
    agent = await browser('room-agent');
    const receiver = await browser('room-receiver');
    await Promise.all([
      signIn(agent.page, app.url, 'amara@northwind.example'),
      signIn(receiver.page, app.url, 'priya@northwind.example'),
    ]);
    await agent.page.goto(`${app.url}/cases/${caseId}`);
    await agent.page.getByRole('heading', { name: 'Case room' }).waitFor();
    await receiver.page.goto(`${app.url}/handoffs/${handoffId}`);
    await receiver.page.getByRole('heading', { name: 'Case room' }).waitFor();
    await receiver.page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    // Presence: each sees both, the one who arrived first learning of the other live.
    const viewing = (b: Browser) => b.page.getByTestId('viewing-now');
    await viewing(agent).getByText('Priya Raman').waitFor({ timeout: 10_000 });
    await viewing(agent).getByText('Amara Okafor (you)').waitFor();
    await viewing(receiver).getByText('Amara Okafor').waitFor();
    await viewing(receiver).getByText('Priya Raman (you)').waitFor();

    // A note with an @person and an @team mention, both picked from the autocomplete.
    const { page } = agent;
    const note = page.getByRole('combobox', { name: 'Internal note' });
    await note.click();
    await note.pressSequentially('@pri');
    const options = page.getByRole('listbox', { name: 'People and teams' });
    await options.getByRole('option', { name: /Priya Raman/ }).waitFor();
    expect(await note.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, '09-room-autocomplete');
    await page.keyboard.press('Enter');
    expect(await note.inputValue()).toBe('@priya ');
    await note.pressSequentially('can you confirm the refund went out? Looping in @fin');
    await options.getByRole('option', { name: /Finance/ }).waitFor();
    await page.keyboard.press('Tab');
    expect(await note.inputValue()).toBe('@priya can you confirm the refund went out? Looping in @finance ');
    await page.keyboard.press('Control+Enter');
    await page
      .getByRole('list', { name: 'Internal notes' })
      .getByText('can you confirm the refund')
      .waitFor();
    expect(await note.inputValue()).toBe('');

    // The receiver sees it live, without a reload, with the mentions as chips (hers highlighted).
    const thread = receiver.page.getByRole('list', { name: 'Internal notes' });
    await thread.getByText('can you confirm the refund').waitFor({ timeout: 10_000 });
    await thread.locator('.mention-me', { hasText: '@priya' }).waitFor();
    await thread.locator('.mention-team', { hasText: '@finance' }).waitFor();
    await thread.getByText('Amara Okafor').waitFor();
    expect(
      await receiver.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    expect(await basicA11y(receiver.page)).toEqual([]);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, '10-room-sender');
    await screenshot(receiver.page, '11a-handoff-viewing-now');
    await receiver.page.locator('#case-room').scrollIntoViewIfNeeded();
    await screenshot(receiver.page, '11-room-receiver');

    // The mention reached her inbox.
    const inbox = await call('GET', '/api/v1/notifications', undefined, await tokenOf('priya', ['agent']));
    expect(JSON.stringify(inbox.items)).toContain('can you confirm the refund');

    // She replies from the handoff page; the sender sees it live.
    const reply = receiver.page.getByRole('combobox', { name: 'Internal note' });
    await reply.fill('Refund sent today, @amara.');
    await receiver.page.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByRole('list', { name: 'Internal notes' })
      .getByText('Refund sent today')
      .waitFor({ timeout: 10_000 });
    await page.locator('.mention-me', { hasText: '@amara' }).waitFor();

    // Leaving the case takes her out of the room at once.
    await receiver.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Queue' })
      .click();
    await viewing(agent).getByText('Priya Raman').waitFor({ state: 'detached', timeout: 10_000 });
    expect(receiver.errors).toEqual([]);
    expect(agent.errors).toEqual([]);
    await closeBrowser(receiver);
  });

  it('preselects the tagger’s scenario with its confidence, and offers candidates when it abstains', async () => {
    const { page } = agent;
    const answer = {
      suggestion: {
        type: 'technical.api',
        name: 'API error',
        confidence: 0.87,
        scenario: 'tech-to-engineering',
      },
      top: [{ type: 'technical.api', name: 'API error', confidence: 0.87, scenario: 'tech-to-engineering' }],
      abstained: false,
    };
    await page.route(/\/api\/v1\/cases\/[^/]+\/suggestion$/, (route) => route.fulfill({ json: answer }));
    await page.goto(`${app.url}/cases/${caseId}/handoff`);
    await page.getByTestId('scenario-suggested').waitFor();
    expect(await page.getByLabel('Scenario').inputValue()).toBe('tech-to-engineering');
    expect(await page.getByTestId('scenario-suggested').textContent()).toMatch(/API error.*87% confident/);
    await page.unrouteAll();

    await page.route(/\/api\/v1\/cases\/[^/]+\/suggestion$/, (route) =>
      route.fulfill({
        json: {
          suggestion: null,
          abstained: true,
          top: [
            { type: 'billing.refund', name: 'Refund', confidence: 0.41, scenario: 'billing-to-finance' },
            { type: 'account.access', name: 'Account access', confidence: 0.33, scenario: 'tier1-to-tier2' },
          ],
        },
      }),
    );
    await page.goto(`${app.url}/cases/${caseId}`);
    await page.getByRole('link', { name: 'Hand off' }).click();
    const candidates = page.getByTestId('scenario-candidates');
    await candidates.waitFor();
    expect(await candidates.textContent()).toContain('not sure');
    await candidates.getByRole('button', { name: 'Tier 1 to Tier 2' }).click();
    expect(await page.getByLabel('Scenario').inputValue()).toBe('tier1-to-tier2');
    await page.unrouteAll();
    expect(agent.errors).toEqual([]);
    await closeBrowser(agent);
  });

  it('shows a sentiment dip live on the supervisor board, with the message, and the escalation Baton raised', async () => {
    const sup = await app.signedIn('room-supervisor', 'diana@northwind.example');
    const { page } = sup;
    await page.getByRole('heading', { name: 'Sentiment dips' }).waitFor();
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Broadband down for the third time',
        messages: [{ role: 'customer', text: 'Hi, could you help me check my October invoice please?' }],
      }),
    );
    await call('POST', `/api/v1/cases/${c.id}/messages`, {
      role: 'customer',
      text: 'This is RIDICULOUS. Third time I explain this, still waiting and nobody helps. Absolutely unacceptable!!!',
    });
    const dips = page.getByRole('list', { name: 'Sentiment dips, newest first' });
    await dips.locator('.dip-quote', { hasText: 'RIDICULOUS' }).waitFor({ timeout: 10_000 });
    await dips.getByRole('link', { name: /Broadband down for the third time/ }).waitFor();
    expect(await dips.locator('li').first().textContent()).toMatch(/Sentiment −0\.\d\d/);
    // The dip raised agent-to-supervisor, sent by Baton. Its pickup clock pages at once: paged, not a
    // breach, and not lost (as analytics count it) until its resolve clock breaches unpicked.
    const escalations = page.getByRole('region', { name: 'Escalations to supervisors' });
    const raised = escalations.getByRole('listitem').filter({ hasText: /Broadband down/ });
    await raised.waitFor({ timeout: 10_000 });
    expect(await raised.innerText()).toMatch(/Baton · /);
    expect(
      await page
        .getByRole('list', { name: 'Lost escalations' })
        .getByRole('link', { name: /Broadband down/ })
        .count(),
    ).toBe(0);
    expect(Number(await page.getByTestId('board-dips').textContent())).toBeGreaterThan(0);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, '12-supervisor-dips');
    expect(sup.errors).toEqual([]);
    await closeBrowser(sup);
  });

  it('lets a lead edit a team calendar, import public holidays, and see the running clocks recomputed', async () => {
    const lead = await app.signedIn('room-lead', 'grace@northwind.example');
    const { page } = lead;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Edit Finance calendar' }).click();
    const form = page.getByRole('form', { name: 'Finance calendar' });
    await form.waitFor();
    await form.getByLabel('Friday closes (2)').fill('16:00');
    await form.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await form.getByLabel('Saturday closes').fill('13:00');
    // Public holidays: previewed, then picked.
    await form.getByLabel('Country').fill('GB');
    await form.getByLabel('State optional').fill('ENG');
    await form.getByLabel('Years').fill('2027');
    await form.getByRole('button', { name: 'Preview holidays' }).click();
    const list = form.getByRole('list', { name: 'Public holidays to add' });
    await list.getByText('Christmas Day', { exact: true }).waitFor();
    await list.getByText('already in').first().waitFor(); // 2027-01-01 is in the demo calendar
    await list.getByRole('checkbox', { name: /Good Friday/ }).uncheck();
    expect(await basicA11y(page)).toEqual([]);
    await form.evaluate((el) => el.closest('article')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, '13-calendar-editor');
    await list.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, '13b-holiday-import');
    const before = (await call('GET', '/api/v1/teams/finance')).calendar.holidays.length;
    await form.getByRole('button', { name: /^Add \d+ holidays$/ }).click();
    await form.getByRole('list', { name: 'Holidays' }).getByText('Easter Monday').waitFor();
    await form.getByRole('button', { name: 'Save calendar' }).click();
    const saved = page.getByTestId('calendar-saved');
    await saved.waitFor();
    // The handoff sent in the first test runs two clocks (acknowledge, resolve) on finance's hours.
    expect(await saved.textContent()).toMatch(/2 running clocks recomputed/);
    const team = await call('GET', '/api/v1/teams/finance');
    expect(team.calendar.hours.sat).toEqual([['09:00', '13:00']]);
    expect(team.calendar.hours.fri).toEqual([
      ['09:00', '12:30'],
      ['13:15', '16:00'],
    ]);
    expect(team.calendar.holidays).toContain('2027-12-27');
    expect(team.calendar.holidays).not.toContain('2027-03-26'); // Good Friday, unticked
    expect(team.calendar.holidays.length).toBeGreaterThan(before);
    // The page shows the new hours without a reload.
    await page.locator('.settings-team', { hasText: 'Finance' }).getByText('09:00–13:00').waitFor();
    expect(await basicA11y(page)).toEqual([]);
    await saved.evaluate((el) => el.closest('article')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, '14-calendar-saved');
    expect(lead.errors).toEqual([]);
  });

  it('lets a lead save a scenario as a new version, with its version history', async () => {
    const lead = app.browsers.at(-1)!;
    const { page } = lead;
    const before = (await call('GET', '/api/v1/scenarios/billing-to-finance')).version;
    await page.getByRole('button', { name: 'Edit billing-to-finance' }).click();
    const form = page.getByRole('form', { name: 'Edit Billing to Finance' });
    await form.getByRole('list', { name: 'Versions' }).getByText(`v${before}`).waitFor();
    // Opened, the editor has the focus (its first field that can be edited: the name).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await form.getByLabel('Name', { exact: true }).getAttribute('id'),
    );
    // Saved as it is: nothing changed, no version made.
    await form.getByRole('button', { name: `Save as version ${before + 1}` }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Nothing changed: version ${before} stays the current one.` })
      .waitFor();
    expect((await call('GET', '/api/v1/scenarios/billing-to-finance')).version).toBe(before);
    // What the API would refuse is refused at its field, focused, and nothing is sent.
    await form.getByLabel('Name', { exact: true }).fill('  ');
    await form.getByLabel('Clock 2 name').fill('acknowledge');
    await form.getByLabel('Clock 1 target').fill('soon');
    await form.getByRole('button', { name: `Save as version ${before + 1}` }).click();
    await form.getByRole('alert').filter({ hasText: 'Not saved: 3 fields need fixing' }).waitFor();
    expect(
      await form.getByLabel('Name', { exact: true }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await form.getByText('Give the scenario a name').count()).toBe(1);
    expect(await form.getByText('Another clock is named acknowledge').count()).toBe(1);
    expect(await form.getByText('Use a time such as 4h').count()).toBe(1);
    expect(await form.getByLabel('Clock 2 name').getAttribute('aria-invalid')).toBe('true');
    expect((await call('GET', '/api/v1/scenarios/billing-to-finance')).version).toBe(before);
    await form.getByLabel('Name', { exact: true }).fill('Billing to Finance');
    await form.getByLabel('Clock 2 name').fill('resolve');
    // Targets in words are saved in the API's form.
    await form.getByLabel('Clock 1 target').fill('2h');
    await form.getByRole('checkbox', { name: 'Conversation summary' }).check();
    await form.getByRole('button', { name: 'Reviewed today' }).click();
    expect(await basicA11y(page)).toEqual([]);
    await form.evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, '15-scenario-editor');
    await form.getByRole('button', { name: `Save as version ${before + 1}` }).click();
    await page
      .getByTestId('scenario-saved')
      .filter({ hasText: `version ${before + 1}` })
      .waitFor();
    const s = await call('GET', '/api/v1/scenarios/billing-to-finance');
    expect(s.version).toBe(before + 1);
    expect(s.sla.find((c: { name: string }) => c.name === 'acknowledge').target).toBe('PT2H');
    expect(s.required).toContain('summary');
    expect(s.history.map((v: { version: number }) => v.version)).toEqual([before + 1, before]);
    expect(s.template.lastReviewed).toBe(new Date().toISOString().slice(0, 10));
    // Closed, the editor gives the focus back to the button that opened it.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Edit billing-to-finance',
    );
    await page
      .locator('tr', { hasText: 'billing-to-finance' })
      .locator('li', { hasText: 'Acknowledge: 2 business hours' })
      .waitFor();

    // A new scenario, usable at once.
    await page.getByRole('button', { name: 'New scenario' }).click();
    const create = page.getByRole('form', { name: 'New scenario' });
    await create.getByLabel('Scenario id').fill('refund-to-tier2');
    await create.getByLabel('Name', { exact: true }).fill('Refund to Tier 2');
    await create.getByLabel('To team').selectOption('tier2');
    // Routed by skills: the form says who in Tier 2 matches before it is saved.
    await create.getByLabel('Choose the owner by').selectOption('skills');
    await create.getByLabel('Skills asked for').fill('accounts, payroll');
    expect(await create.getByTestId('skills-hint').textContent()).toBe(
      'Best match first: Fatima Zahra (accounts), Noah Williams (accounts).',
    );
    await create.getByLabel('Skills asked for').fill('payroll');
    expect(await create.getByTestId('skills-hint').textContent()).toBe(
      'Nobody in Tier 2 has this skill: the least loaded member takes it.',
    );
    await create.getByLabel('Skills asked for').fill('accounts');
    await create.getByRole('button', { name: 'Create scenario' }).click();
    await page
      .getByTestId('scenario-saved')
      .filter({ hasText: 'Refund to Tier 2 saved as version 1' })
      .waitFor();
    expect(await call('GET', '/api/v1/scenarios/refund-to-tier2')).toMatchObject({
      toTeam: 'tier2',
      ownership: 'skills',
      skills: ['accounts'],
    });
    expect(await basicA11y(page)).toEqual([]);
    expect(lead.errors).toEqual([]);
    await closeBrowser(lead);
  });

  it('lets the owner accept and then resolve a handoff from the case itself, and nobody else', async () => {
    const created = await call('POST', '/api/v1/cases', newCase({ subject: 'Accepted from the case page' }));
    const sent = await call(
      'POST',
      `/api/v1/cases/${created.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      await tokenOf('amara', ['agent']),
    );
    const people = (await call('GET', '/api/v1/people')) as { items: { id: string; email: string }[] };
    const priya = people.items.find((p) => p.email === 'priya@northwind.example')!;
    if (sent.owner.id !== priya.id)
      await call('POST', `/api/v1/handoffs/${sent.id}/reassign`, {
        reason: 'Priya knows this customer',
        ownerId: priya.id,
      });

    // The sender sees the journey but no Accept: it is not theirs to take.
    const sender = await app.signedIn('accept-sender', 'amara@northwind.example');
    await sender.page.goto(`${app.url}/cases/${created.id}`);
    await sender.page.getByRole('heading', { name: 'Journey' }).waitFor();
    await sender.page.getByText('Waiting for pickup').first().waitFor();
    expect(await sender.page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);

    const owner = await app.signedIn('accept-owner', 'priya@northwind.example');
    await owner.page.goto(`${app.url}/cases/${created.id}`);
    await owner.page.getByRole('button', { name: 'Accept', exact: true }).click();
    await owner.page.locator('.journey').getByText('In progress').waitFor();
    expect(await owner.page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    await owner.page.locator('.timeline').getByText('Handoff accepted').waitFor();
    expect((await call('GET', `/api/v1/handoffs/${sent.id}`)).state).toBe('accepted');
    // Once it is theirs, the owner resolves it from the same place; the sender never gets the button.
    expect(await sender.page.getByRole('button', { name: 'Resolve', exact: true }).count()).toBe(0);
    // The sender's page follows live.
    await sender.page.locator('.journey').getByText('In progress').waitFor();

    // The customer tells it all again: the handoff page names that message as the evidence, and
    // says the clocks' targets in words.
    await call('POST', `/api/v1/cases/${created.id}/messages`, {
      role: 'customer',
      text: 'Hi, I was charged twice for my October invoice. Can you fix this?',
    });
    await owner.page.goto(`${app.url}/handoffs/${sent.id}`);
    const repeated = owner.page
      .locator('.check-fail')
      .filter({ hasText: 'Customer did not repeat themselves' });
    await repeated.getByText(/Evidence: Message from the customer, /).waitFor();
    // (The scenario's targets were edited by a lead above: the words, not the figure, are what is checked.)
    const clocks = await owner.page.locator('.clocks').textContent();
    expect(clocks).toMatch(/\d+ business (hours?|days?) \(Europe\/London\)/);
    expect(clocks).not.toMatch(/\bP(T\d|\d)/);

    await owner.page.goto(`${app.url}/cases/${created.id}`);
    await owner.page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await owner.page.locator('.journey').getByText('Resolved').waitFor();
    expect(await owner.page.getByRole('button', { name: 'Resolve', exact: true }).count()).toBe(0);
    expect((await call('GET', `/api/v1/handoffs/${sent.id}`)).state).toBe('resolved');
    expect([...sender.errors, ...owner.errors]).toEqual([]);
    await closeBrowser(sender);
    await closeBrowser(owner);
  });
});
