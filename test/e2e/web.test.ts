import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { basicA11y, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { type Browser, withWebApp } from '../support/web-app.ts';

/**
 * The web app in a real Chromium against a real Baton (PGlite, real clock, scheduler on):
 * an agent hands a case off, the receiving team sees it live and works it from the keyboard,
 * a supervisor watches breaches arrive, and the queue stays smooth at 5,000 rows.
 */
const timings: Record<string, number> = {};
const app = withWebApp({
  people: ['amara', 'priya', 'tom', 'grace', 'diana'],
  shots: 'web',
  async ready({ buildMs }) {
    timings.buildMs = buildMs;
  },
});
const { call, browser, closeBrowser } = app;

/** Milliseconds from the navigation's start until `selector` shows. */
async function timeTo(page: Page, selector: string) {
  await page.waitForSelector(selector);
  return page.evaluate(() => Math.round(performance.now()));
}

afterAll(() => {
  process.stderr.write(`\nweb timings: ${JSON.stringify(timings)}\n`);
});

describe('web app [pglite]', () => {
  let agent: Browser;
  let finance: Browser;
  let handoffUrl = '';
  let bouncedCaseId = '';
  const subject = 'Charged twice for the October invoice';

  it('signs an agent in, with the organisation and the person in the navigation', async () => {
    agent = await browser('agent');
    const { page } = agent;
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Work email').fill('amara@northwind.example');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    await page.getByLabel('Password').fill('baton-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');
    await expect(page.locator('.org-name').textContent()).resolves.toBe('Northwind Home Services');
    await expect(page.getByTestId('current-person').textContent()).resolves.toContain('Amara Okafor');
    const nav = await page.getByRole('navigation', { name: 'Main' }).textContent();
    expect(nav).toContain('Cases');
    expect(nav).not.toContain('Settings'); // an agent is no lead
    expect(await basicA11y(page)).toEqual([]);
  });

  it('creates a case and opens it: conversation, documents on file, timeline', async () => {
    const { page } = agent;
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Customer name').fill('Maria Lopez');
    await page.getByLabel('Customer reference').fill('cust-1001');
    await page
      .getByLabel('What the customer said')
      .fill('Hi, I was charged twice for my October invoice. Can you fix this?');
    await page.getByLabel('Kind').fill('invoice');
    await page.getByLabel('File name').fill('INV-2026-10.pdf');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: subject, level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Messages' }).getByText('charged twice').waitFor();
    await page.getByRole('list', { name: 'Documents on file' }).getByText('INV-2026-10.pdf').waitFor();
    await page.locator('.timeline').getByText('Case opened').waitFor();
    // Asking again for a kind on file is warned, however it is typed, and refused without a reason.
    await page.getByLabel('Ask the customer for a document').fill('Invoices');
    await page.locator('#doc-request-warning').waitFor();
    expect(await page.getByRole('button', { name: 'Ask again with reason' }).isDisabled()).toBe(true);
    await page.getByLabel('Ask the customer for a document').fill('');
    // A kind is typed in words and kept by its key, as helpdesks register documents.
    await page.getByLabel('Ask the customer for a document').fill('Photos');
    await page.getByRole('button', { name: 'Ask for it' }).click();
    await page.getByRole('status').getByText('Asked the customer for photo.').waitFor();
    const caseId = new URL(page.url()).pathname.split('/').pop();
    const asked = (await call('GET', `/api/v1/cases/${caseId}`)) as { documentRequests: { kind: string }[] };
    expect(asked.documentRequests.map((r) => r.kind)).toEqual(['photo']);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, '01-case-view');
  });

  it('hands off: an incomplete packet names its missing fields, a complete one is sent', async () => {
    const { page } = agent;
    // The receiving finance agent watches the team queue before anything is sent.
    finance = await app.signedIn('finance', 'priya@northwind.example');
    await finance.page.goto(`${app.url}/queue?tab=team&team=finance&state=open`);
    await finance.page.getByText("Nothing in Finance's queue").waitFor();
    await finance.page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    await page.getByRole('link', { name: 'Hand off' }).click();
    await page.getByLabel('Scenario').selectOption('billing-to-finance');
    // Pre-filled from the conversation by the summariser: the agent checks and completes it.
    await page.getByText('Pre-filled from the conversation').waitFor();
    expect(await page.getByLabel('What happened').inputValue()).toMatch(/charged twice/i);
    await page
      .getByLabel('What happened')
      .fill('Customer was charged twice for the October invoice and wants the duplicate refunded.');
    await page.getByLabel('Next steps').fill('');
    await page.getByRole('button', { name: 'Send to Finance' }).click();
    const incomplete = page.locator('#packet-incomplete');
    await incomplete.waitFor();
    expect(await incomplete.textContent()).toMatch(/what was attempted.*next steps/i);
    await page.locator('#field-attempted-error').waitFor();
    await page.locator('#field-nextSteps-error').waitFor();
    expect(await page.getByTestId('missing-fields').textContent()).toContain('What was attempted');
    await screenshot(page, '02-handoff-incomplete');

    await page
      .getByLabel('What was attempted')
      .fill('Checked the payment ledger: two captures of 89.00 on 3 Oct\nConfirmed the card on file');
    await page.getByRole('radio', { name: 'Frustrated' }).check();
    await page.getByRole('radio', { name: 'High' }).check();
    await page
      .getByLabel('Next steps')
      .fill('Refund the duplicate capture\nConfirm the refund to the customer');
    await page
      .getByLabel('Conversation summary')
      .fill('Duplicate charge on the October invoice; ledger confirms two captures.');
    await page.getByLabel('Documents still needed from the customer').fill('invoice');
    await page.getByTestId('document-on-file-warning').waitFor();
    await page.getByLabel('Documents still needed from the customer').fill('bank_statement');
    await page.getByTestId('document-on-file-warning').waitFor({ state: 'detached' });
    await page.getByText('Ready to send').waitFor();
    expect(await page.locator('#packet-incomplete').count()).toBe(0);
    await page.getByRole('button', { name: 'Send to Finance' }).click();
    await page.waitForURL(/\/handoffs\/ho_/);
    handoffUrl = page.url();
    await page.getByText('Waiting for pickup').first().waitFor();
    expect(await page.getByTestId('customer-update').textContent()).toContain('Finance');
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, '03-handoff-sent');
  });

  it('lists the case with where it is now, searched by the server', async () => {
    const { page } = agent;
    // The main navigation's (the handoff's breadcrumb leads to Cases too, for its sender).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Cases', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    const asked = page.waitForRequest(
      (r) => r.url().includes('/api/v1/cases?') && r.url().includes('q=twice'),
    );
    await page.getByLabel('Search cases').fill('twice');
    await asked;
    const row = page.getByRole('row').filter({ hasText: subject });
    await row.getByText('Waiting for pickup').waitFor();
    const where = await row.locator('.where-now').textContent();
    expect(where).toMatch(/Finance · \w+/);
    expect(where).toMatch(/due (in \d+|\w{3}\b)/); // near: "due in 41 min"; days off: "due Mon 7 Dec, 09:16"
    await page.getByLabel('Status').selectOption('resolved');
    await page.getByText('No case matches').waitFor();
    await page.getByLabel('Status').selectOption('');
    // The state leads to the handoff itself, where the next steps (and tests) go on.
    await row.getByRole('link', { name: /Waiting for pickup/ }).click();
    await page.waitForURL(handoffUrl);
  });

  it('shows the handoff live in the finance queue, without a reload; accepted and resolved by keyboard', async () => {
    const { page } = finance;
    const list = page.getByRole('listbox', { name: 'Finance queue' });
    await list.getByText(subject).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await page.locator('.queue-preview').getByRole('heading', { name: 'Billing to Finance' }).waitFor();
    await page.locator('.qrow .pill').first().waitFor();
    expect(await page.locator('.qrow .pill').first().textContent()).toMatch(/On track|At risk|Overdue/);
    // The row's truncated parts read in full on hover: the case, the scenario, when it was sent.
    const row = list.getByRole('option').filter({ hasText: subject });
    expect(await row.locator('.qrow-title').getAttribute('title')).toContain(subject);
    expect(await row.locator('.qrow-scenario').getAttribute('title')).toBe('Billing to Finance');
    expect(await row.locator('.qrow-age').getAttribute('title')).toMatch(/^Sent \w+/);
    await screenshot(page, '04-queue-live');

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });

    await page.keyboard.press('a');
    await list.getByText('In progress').waitFor();
    // A key pressed in passing is never silent: the queue says what it did, to which case.
    await page.getByTestId('queue-done').getByText(`Accepted “${subject}”: it is yours now.`).waitFor();
    await page
      .locator('.queue-preview')
      .getByRole('button', { name: /Resolve/ })
      .waitFor();
    // The sender's page follows along live.
    await agent.page.getByText('In progress').first().waitFor({ timeout: 10_000 });
    expect(agent.page.url()).toBe(handoffUrl);

    // o: reassign, with a reason, to a named colleague.
    await page.keyboard.press('o');
    const reassign = page.getByRole('dialog', { name: 'Reassign the owner' });
    await reassign.waitFor();
    const current = await page.locator('.queue-preview').getByTestId('handoff-owner').textContent();
    const other = current === 'Grace Liu' ? 'Tom Becker' : 'Grace Liu';
    await reassign.getByLabel('New owner').selectOption({ label: other });
    await reassign.getByLabel('Reason').fill('Needs a refunds specialist');
    await reassign.getByRole('button', { name: 'Reassign' }).click();
    await page.locator('.queue-preview').getByTestId('handoff-owner').filter({ hasText: other }).waitFor();

    // Resolving cannot be undone: the first r asks for a second, and another key lets it go.
    await page.keyboard.press('r');
    expect(await page.getByTestId('queue-done').innerText()).toBe(`Press r again to resolve “${subject}”.`);
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    expect(await page.getByTestId('queue-done').innerText()).toBe(`Press r again to resolve “${subject}”.`);
    expect((await call('GET', `/api/v1/handoffs/${handoffUrl.split('/').pop()}`)).state).toBe('accepted');
    await page.keyboard.press('r');
    await page.getByText("Nothing in Finance's queue").waitFor();
    expect(await page.getByTestId('queue-done').innerText()).toBe(`Resolved “${subject}”.`);
    const h = await call('GET', `/api/v1/handoffs/${handoffUrl.split('/').pop()}`);
    expect(h.state).toBe('resolved');
  });

  it('bounces with a reason from the keyboard', async () => {
    const { page } = finance;
    // Sent by Amara through her API token, so that the bounce returns it to her.
    const token = await app.tokenOf('amara', ['agent']);
    const created = await call('POST', '/api/v1/cases', newCase({ subject: 'Refund never arrived' }), token);
    bouncedCaseId = created.id;
    const h = await call(
      'POST',
      `/api/v1/cases/${created.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      token,
    );
    const list = page.getByRole('listbox', { name: 'Finance queue' });
    await list.getByText('Refund never arrived').waitFor({ timeout: 10_000 });
    await page
      .locator('.queue-preview')
      .getByRole('button', { name: /Bounce/ })
      .waitFor();
    await page.keyboard.press('b');
    const dialog = page.getByRole('dialog', { name: 'Bounce back to the sender' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Wrong team' }).check();
    await dialog.getByLabel('Note for the sender').fill('This is a tier 2 account question.');
    await dialog.getByRole('button', { name: 'Bounce', exact: true }).click();
    await page.getByText("Nothing in Finance's queue").waitFor();
    expect((await call('GET', `/api/v1/handoffs/${h.id}`)).bounce.reason).toBe('wrong_team');
    expect(finance.errors).toEqual([]);
  });

  it('returns a bounce to the sender, who sends it on with the packet that came back', async () => {
    const { page } = agent;
    await page.goto(`${app.url}/cases/${bouncedCaseId}`);
    await page.locator('.journey').getByText('Bounced').waitFor();
    await page.getByRole('link', { name: 'Hand off' }).click();
    await page.getByText('Bounced back by Finance: Wrong team').waitFor();
    expect(await page.getByLabel('What happened').inputValue()).toBe(fullPacket.whatHappened);
    await page.getByLabel('Scenario').selectOption('tier1-to-tier2');
    await page.getByText('Ready to send').waitFor();
    await page.getByRole('button', { name: 'Send to Tier 2' }).click();
    await page.waitForURL(/\/handoffs\/ho_/);
    const resent = await call('GET', `/api/v1/handoffs/${page.url().split('/').pop()}`);
    expect(resent).toMatchObject({
      state: 'sent',
      toTeam: 'tier2',
      previousId: expect.stringMatching(/^ho_/),
    });
    expect(agent.errors).toEqual([]);
    await closeBrowser(agent);
  });

  it('shares one live connection between the tabs of one person, and updates them all', async () => {
    const before = app.web.runtime.services.hub.size;
    const second = await finance.context.newPage();
    await second.goto(`${app.url}/queue?tab=team&team=tier2&state=open`);
    await finance.page.goto(`${app.url}/queue?tab=team&team=tier2&state=open`);
    await second.locator('.queue-list').waitFor();
    await finance.page.locator('.queue-list').waitFor();
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Account locked after password reset' }),
    );
    await call('POST', `/api/v1/cases/${c.id}/handoffs`, { scenario: 'tier1-to-tier2', packet: fullPacket });
    await second.getByRole('listbox').getByText('Account locked').waitFor({ timeout: 10_000 });
    await finance.page.getByRole('listbox').getByText('Account locked').waitFor({ timeout: 10_000 });
    expect(app.web.runtime.services.hub.size).toBe(before);
    await second.close();
  });

  it('measures the first load of the queue', async () => {
    const { page } = finance;
    for (let i = 0; i < 3; i++) {
      const c = await call(
        'POST',
        '/api/v1/cases',
        newCase({
          subject: `Invoice question ${i + 1}`,
          customer: { externalId: `cust-${i}`, name: `Customer ${i}` },
        }),
      );
      await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      });
    }
    await page.goto(`${app.url}/queue?tab=team&team=finance`);
    timings.queueFirstRowMs = await timeTo(page, '[role=option] .qrow-subject');
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        domContentLoadedMs: Math.round(n.domContentLoadedEventEnd),
        loadMs: Math.round(n.loadEventEnd),
      };
    });
    Object.assign(timings, nav);
    // Speed is measured, not asserted (the goal is 1 s): the figure is printed with the others after the run.
    expect(await basicA11y(page)).toEqual([]);
    await page.locator('.queue-preview').getByRole('heading', { name: 'Billing to Finance' }).waitFor();
    await screenshot(page, '05-queue');
  });

  it('shows the supervisor board with breaches arriving live', async () => {
    const sup = await app.signedIn('supervisor', 'diana@northwind.example');
    const { page } = sup;
    await page.getByRole('heading', { name: 'Supervisor board' }).waitFor();
    await page.locator('svg.load-chart').waitFor();
    const before = Number(await page.getByTestId('board-breached').textContent());
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Customer furious about repeated outage' }),
    );
    // A clock of one second, round the clock: it breaches while the board looks on. (The
    // supervisor scenario's pickup clock pages at once: paged, not breached.)
    await call('POST', '/api/v1/scenarios', {
      id: 'one-second-watch',
      toTeam: 'supervisors',
      sla: [{ name: 'resolve', target: 'PT1S', calendar: { timezone: 'UTC', hours: '24/7' } }],
    });
    await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'one-second-watch',
      packet: { ...fullPacket, emotion: 'angry' },
    });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=board-breached]')?.textContent) > n,
      before,
      { timeout: 10_000 },
    );
    await page
      .getByRole('link', { name: /Customer furious/ })
      .first()
      .waitFor();
    // Breached with nobody picking it up: lost, whichever clock breached (as analytics count it).
    await page
      .getByRole('list', { name: 'Lost escalations' })
      .getByRole('link', { name: /Customer furious/ })
      .waitFor();
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, '06-supervisor');
    await page
      .getByRole('link', { name: 'Settings' })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(sup.errors).toEqual([]);
    await closeBrowser(sup);
  });

  it('shows settings to a lead', async () => {
    const lead = await app.signedIn('lead', 'grace@northwind.example');
    await lead.page.getByRole('link', { name: 'Settings' }).click();
    await lead.page.getByRole('heading', { name: 'Teams and calendars' }).waitFor();
    await lead.page.getByRole('cell', { name: /Billing to Finance/ }).waitFor();
    expect(await lead.page.locator('.settings-team').count()).toBe(5);
    expect(await basicA11y(lead.page)).toEqual([]);
    await screenshot(lead.page, '07-settings');
    await lead.page.getByRole('button', { name: 'Sign out' }).click();
    await lead.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(lead.errors).toEqual([]);
    await closeBrowser(lead);
  });

  it('keeps a queue of 5,000 handoffs smooth (virtualised)', { timeout: 60_000 }, async () => {
    const { page } = finance;
    const total = 5000;
    const base = Date.now();
    const item = (i: number) => ({
      id: `syn-${String(i).padStart(5, '0')}`,
      caseId: `syn-case-${i}`,
      scenario: 'tech-to-engineering',
      scenarioVersion: 1,
      state: 'accepted',
      fromKind: 'agent',
      fromTeam: 'support',
      sender: { id: 'x', name: 'Amara Okafor' },
      toTeam: 'engineering',
      toTeamName: 'Engineering',
      owner: { id: 'y', name: 'Kenji Watanabe' },
      completeness: 80 + (i % 21),
      bounce: null,
      previousId: null,
      skills: [],
      createdAt: new Date(base - i * 60_000).toISOString(),
      sentAt: new Date(base - i * 60_000).toISOString(),
      acceptedAt: null,
      resolvedAt: null,
      updatedAt: new Date(base).toISOString(),
      sla: [
        {
          name: 'resolve',
          target: 'P1D',
          state: i % 50 === 0 ? 'breached' : 'running',
          deadline: new Date(base + (i - 200) * 90_000).toISOString(),
        },
      ],
    });
    await page.route(/\/api\/v1\/handoffs\?/, (route) => {
      const url = new URL(route.request().url());
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = Array.from({ length: Math.min(500, total - start) }, (_, k) => item(start + k));
      const next = start + items.length < total ? String(start + items.length) : null;
      return route.fulfill({ json: { items, nextCursor: next } });
    });
    await page.route(/\/api\/v1\/handoffs\/syn-/, (route) => {
      const i = Number(route.request().url().split('syn-')[1]);
      return route.fulfill({
        json: {
          ...item(i),
          packet: fullPacket,
          missing: [],
          quality: { score: 100, checks: [] },
          customerUpdate: null,
          actions: ['bounce', 'resolve', 'reassign'],
        },
      });
    });
    await page.route(/\/api\/v1\/cases\/syn-case-/, (route) =>
      route.fulfill({
        json: {
          ...newCase({ subject: `Synthetic case ${route.request().url().split('-').pop()}` }),
          customer: { name: 'Test Customer' },
        },
      }),
    );
    await page.goto(`${app.url}/queue?tab=team&team=engineering&state=accepted`);
    timings.bigQueueFirstRowMs = await timeTo(page, '[role=option]');
    await page
      .getByTestId('queue-count')
      .filter({ hasText: /^5,000 handoffs$/ })
      .waitFor({ timeout: 20_000 });
    timings.bigQueueAllRowsMs = await page.evaluate(() => Math.round(performance.now()));
    const rendered = await page.locator('[role=option]').count();
    expect(rendered).toBeLessThan(60);

    // Scroll the whole list, one step a frame, and record the frame times.
    const frames = await page.evaluate(async () => {
      const list = document.querySelector('.vlist') as HTMLElement;
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        list.scrollTop += 2800;
        await new Promise(requestAnimationFrame);
        const t = performance.now();
        deltas.push(t - last);
        last = t;
      }
      deltas.sort((a, b) => a - b);
      return { p50: Math.round(deltas[60]!), p95: Math.round(deltas[114]!) };
    });
    timings.scrollFrameP50Ms = frames.p50;
    timings.scrollFrameP95Ms = frames.p95;
    // Frame times are reported, not asserted: they depend on what else the machine runs. The guard
    // that the list is virtualised is the drawn-row count above.

    await page.locator('.vlist').focus();
    await page.keyboard.press('End');
    await page.locator('[role=option][aria-posinset="5000"][aria-selected="true"]').waitFor();
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await page.locator('[role=option][aria-posinset="2"][aria-selected="true"]').waitFor();
    await page.locator('.queue-preview').getByRole('heading', { name: /Tech/ }).waitFor();
    await screenshot(page, '08-queue-5000');
    await page.unrouteAll();
    expect(finance.errors).toEqual([]);
  });

  it('shows the case list a page at a time, with more on demand, and works it from the keyboard', async () => {
    for (let i = 0; i < 55; i++) await call('POST', '/api/v1/cases', newCase({ subject: `Bulk case ${i}` }));
    const { page } = finance;
    await page.goto(`${app.url}/cases`);
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    const searched = page.waitForResponse((r) => r.url().includes('q=bulk'));
    await page.getByLabel('Search cases').fill('bulk case');
    await searched;
    const rows = page.getByRole('row').filter({ hasText: 'Bulk case' });
    await page.getByText('50+ cases').waitFor();
    expect(await rows.count()).toBe(50);
    // A live refresh that overtakes "Show more" (a case created while the next page is on its way)
    // loads the cases asked for, so the click is not lost.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(/\/api\/v1\/cases\?.*cursor=/, async (route) => {
      await held;
      await route.continue();
    });
    const refreshed = page.waitForResponse(
      (r) => r.url().includes('q=bulk') && r.url().includes('limit=100'),
    );
    await page.getByRole('button', { name: 'Show more cases' }).click();
    await call('POST', '/api/v1/cases', newCase({ subject: 'Bulk case 55' }));
    await refreshed;
    release();
    await page.getByText('56 cases').waitFor();
    expect(await rows.count()).toBe(56);
    expect(await page.getByRole('button', { name: 'Show more cases' }).count()).toBe(0);
    await page.unrouteAll();

    // From the keyboard, as in the queue: "/" searches, Escape leaves the field, j/k move, Enter opens.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.locator('tr[aria-current="true"]').textContent()).toContain('Bulk case 54');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bulk case 54', level: 1 }).waitFor();
    expect(finance.errors).toEqual([]);
  });

  it('tells an agent who opens a lead’s page by address what it is for, without asking the API', async () => {
    const { page } = finance;
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/(supervisor|webhooks|settings)/.test(r.url())) asked.push(r.url());
    });
    await page.goto(`${app.url}/supervisor`);
    await page
      .getByRole('heading', { name: 'The supervisor board is for supervisors and team leads' })
      .waitFor();
    await page.goto(`${app.url}/settings/integrations`);
    await page.getByRole('heading', { name: 'Settings is for team leads' }).waitFor();
    await page.getByRole('link', { name: 'Go to your start page' }).click();
    await page.waitForURL(/\/(queue|cases)$/);
    expect(asked).toEqual([]);
    expect(finance.errors).toEqual([]);
  });
});
