import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot, signIn } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/** People and teams: admins add and edit people, leads run teams, everyone else only reads. */
const app = withWebApp({ people: ['ines', 'grace', 'amara', 'diana'], shots: 'people' });
const { call } = app;

type Person = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
  timezone: string;
  teams: { key: string }[];
};
type Team = {
  key: string;
  leadId: string;
  ownershipStrategy: string;
  capacity: number;
  members: { id: string; capacity: number | null }[];
};
const people = async (): Promise<Person[]> => (await call('GET', '/api/v1/people')).items;
const team = async (key: string): Promise<Team> => call('GET', `/api/v1/teams/${key}`);
const idOf = (key: string) => app.web.org.personIds.get(key)!;

/** An open handoff to Finance or Engineering, then owned by `owner`: a load that must move on. */
async function openHandoffOwnedBy(owner: string, scenario: string, subject: string) {
  const c = await call('POST', '/api/v1/cases', newCase({ subject }));
  const h = await call('POST', `/api/v1/cases/${c.id}/handoffs`, { scenario, packet: fullPacket });
  if (h.owner?.id !== idOf(owner))
    await call('POST', `/api/v1/handoffs/${h.id}/reassign`, { reason: 'test set-up', ownerId: idOf(owner) });
  return h.id as string;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('web app: people and teams [pglite]', () => {
  it('lets an admin add a person with a role and a team, who then signs in with that password', async () => {
    const browser = await app.signedIn('people-admin', 'ines@northwind.example');
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People and teams' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'people-table');

    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    // The dialog opens on its first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('person-name');
    await dialog.getByLabel('Name').fill('Zoe Park');
    await dialog.getByLabel('Work email').fill('zoe@northwind.example');
    await dialog.getByRole('checkbox', { name: /Team lead/ }).check();
    await dialog.getByLabel('Skills').fill('refunds, invoices');
    await dialog.getByLabel('Initial password').fill('zoe-first-day-2026');
    await dialog.getByRole('checkbox', { name: 'Finance' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'people-add-dialog');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('status').getByText('Zoe Park added to Finance').waitFor();
    // The dialog closes once the status is said, at the next render: waited for, not raced.
    await dialog.waitFor({ state: 'hidden' });

    const row = page.locator('tr[data-person="zoe@northwind.example"]');
    await row.waitFor();
    // Admins see who cannot sign in yet: Zoe has her password, Priya (no password in this run) not.
    expect(await row.getByText('No password yet').count()).toBe(0);
    await page.locator('tr[data-person="priya@northwind.example"]').getByText('No password yet').waitFor();
    expect(await row.textContent()).toMatch(/Zoe Park.*Agent.*Team lead.*Finance.*Active/);
    const zoe = (await people()).find((p) => p.email === 'zoe@northwind.example')!;
    expect(zoe).toMatchObject({
      roles: ['agent', 'lead'],
      skills: ['refunds', 'invoices'],
      timezone: 'Europe/London',
      teams: [{ key: 'finance' }],
      active: true,
    });
    expect((await team('finance')).members.map((m) => m.id)).toContain(zoe.id);

    // The filter: "/" goes there, and a team's name finds its people.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('/');
    await page.keyboard.type('zoe finance');
    await page.getByText('1 person', { exact: true }).waitFor();
    await page.keyboard.press('Enter');
    // j moves to the row, Enter edits it.
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: 'Edit Zoe Park' });
    await edit.getByLabel('Set a new password').waitFor();
    expect(await edit.getByLabel('Work email').inputValue()).toBe('zoe@northwind.example');
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'hidden' });
    // Editing saves only what changed: a skill more, and a second team.
    await page.getByRole('button', { name: 'Edit Zoe Park' }).click();
    await edit.getByLabel('Skills').fill('refunds, invoices, disputes');
    await edit.getByRole('checkbox', { name: 'Support' }).check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Zoe Park saved').waitFor();
    expect((await people()).find((p) => p.id === zoe.id)).toMatchObject({
      skills: ['refunds', 'invoices', 'disputes'],
      teams: [{ key: 'finance' }, { key: 'support' }],
    });

    // Her team shows her at once.
    await page.getByRole('tab', { name: /Teams/ }).click();
    const finance = page.locator('article[data-team="finance"]');
    await finance.locator('tr[data-member="Zoe Park"]').waitFor();
    await screenshot(page, 'people-teams');

    const zoeBrowser = await app.browser('people-zoe');
    await signIn(zoeBrowser.page, app.url, 'zoe@northwind.example', 'zoe-first-day-2026');
    expect(await zoeBrowser.page.getByTestId('current-person').textContent()).toContain('Zoe Park');
    // A lead who is no admin sees People, and in it no admin's buttons.
    await zoeBrowser.page.goto(`${app.url}/people`);
    await zoeBrowser.page.getByRole('heading', { level: 1, name: 'People and teams' }).waitFor();
    expect(await zoeBrowser.page.getByRole('button', { name: 'Add person' }).count()).toBe(0);
    expect(await zoeBrowser.page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await zoeBrowser.page.getByRole('button', { name: /^Deactivate / }).count()).toBeGreaterThan(0);
    await app.closeBrowser(zoeBrowser);
    expect(browser.errors).toEqual([]);
  });

  it('shows a taken email next to the email field, and creates nobody', async () => {
    const before = await people();
    const browser = await app.signedIn('people-duplicate', 'ines@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/people`);
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name').fill('Another Amara');
    await dialog.getByLabel('Work email').fill('Amara@Northwind.example');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    expect((await dialog.getByLabel('Initial password').inputValue()).length).toBeGreaterThanOrEqual(10);
    await dialog.getByRole('button', { name: 'Add person' }).click();
    const emailError = dialog.locator('[data-field="person-email"] .field-error');
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain("already Amara Okafor's address");
    expect(await dialog.getByLabel('Work email').getAttribute('aria-invalid')).toBe('true');
    // Focus is on the field to fix.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('person-email');
    await screenshot(page, 'people-duplicate-email');
    expect((await people()).length).toBe(before.length);
    expect((await people()).some((p) => p.name === 'Another Amara')).toBe(false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(browser.errors).toEqual([]);
  });

  it("lets a lead change a member's capacity and the team's strategy, and remove a member after a confirm", async () => {
    await openHandoffOwnedBy('tom', 'billing-to-finance', 'People run: refund for Tom');
    const browser = await app.signedIn('people-lead', 'grace@northwind.example');
    const { page } = browser;
    // A lead takes access from people, but only an admin from an admin.
    await page.goto(`${app.url}/people`);
    await page.getByRole('button', { name: 'Deactivate Priya Raman' }).waitFor();
    // Whether someone has a password yet is for admins only.
    expect(await page.getByText('No password yet').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Deactivate Inès Moreau' }).count()).toBe(0);
    await page.goto(`${app.url}/people?view=teams`);
    const finance = page.locator('article[data-team="finance"]');
    await finance.getByLabel('Ownership').selectOption('least-loaded');
    await finance.getByText('The member with the least open work for their capacity takes it.').waitFor();
    await finance.getByLabel('Capacity of Priya Raman').fill('4');
    await finance.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Finance saved').waitFor();
    const saved = await team('finance');
    expect(saved.ownershipStrategy).toBe('least-loaded');
    expect(saved.members.find((m) => m.id === idOf('priya'))?.capacity).toBe(4);
    expect(saved.members.find((m) => m.id === idOf('tom'))?.capacity).toBeNull();
    expect(await finance.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);

    // Remove asks first, naming Tom's open handoff; "Keep them" changes nothing.
    await finance.getByRole('button', { name: 'Remove Tom Becker from Finance' }).click();
    const ask = page.getByRole('dialog', { name: 'Remove Tom Becker from Finance?' });
    expect(await ask.getByTestId('remove-load').textContent()).toContain(
      'Their 1 open handoff in Finance moves on',
    );
    await screenshot(page, 'people-remove-confirm');
    await ask.getByRole('button', { name: 'Keep them' }).click();
    expect((await team('finance')).members.map((m) => m.id)).toContain(idOf('tom'));
    await finance.getByRole('button', { name: 'Remove Tom Becker from Finance' }).click();
    await ask.getByRole('button', { name: 'Remove from team' }).click();
    await page.getByRole('status').getByText('Tom Becker left Finance; 1 open handoff handed on').waitFor();
    expect((await team('finance')).members.map((m) => m.id)).not.toContain(idOf('tom'));
    expect(await finance.locator('tr[data-member="Tom Becker"]').count()).toBe(0);

    // Add member offers active people not in the team; Tom comes back.
    await finance.getByLabel('Add a member to Finance').selectOption({ label: 'Tom Becker' });
    await finance.getByRole('button', { name: 'Add', exact: true }).click();
    await finance.locator('tr[data-member="Tom Becker"]').waitFor();
    expect((await team('finance')).members.map((m) => m.id)).toContain(idOf('tom'));

    // The Changes tab: who did what, newest first, in the organisation's names.
    await page.getByRole('tab', { name: 'Changes' }).click();
    const log = page.getByTestId('change-log');
    await log.waitFor();
    const lines = await log.locator('li').allTextContents();
    expect(lines[0]).toContain('Grace Liu added Tom Becker to Finance');
    expect(lines[1]).toContain('Grace Liu removed Tom Becker from Finance (1 open handoff handed on)');
    expect(lines.join('\n')).toContain('changed the team Finance: ownership round-robin → least-loaded');
    await screenshot(page, 'people-changes');
    expect(browser.errors).toEqual([]);
  });

  it('deactivates a person after saying how many handoffs move on, and an admin reactivates them', async () => {
    await openHandoffOwnedBy('olivia', 'tech-to-engineering', 'People run: API bug for Olivia');
    const browser = await app.signedIn('people-deactivate', 'ines@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/people`);
    // A team's lead cannot go before the team has another: the dialog says so instead of offering it.
    await page.getByRole('button', { name: 'Deactivate Grace Liu' }).click();
    const graceAsk = page.getByRole('dialog', { name: 'Deactivate Grace Liu?' });
    await graceAsk.getByText('Name another lead first').waitFor();
    await screenshot(page, 'people-deactivate-lead');
    expect(await graceAsk.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    await graceAsk.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Deactivate Olivia Brown' }).click();
    const ask = page.getByRole('dialog', { name: 'Deactivate Olivia Brown?' });
    expect(await ask.getByTestId('deactivate-load').textContent()).toContain(
      'Their 1 open handoff is handed on',
    );
    await screenshot(page, 'people-deactivate-confirm');
    await ask.getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('status')
      .getByText('Olivia Brown no longer has access; 1 open handoff handed on')
      .waitFor();
    const row = page.locator('tr[data-person="olivia@northwind.example"]');
    await row.getByText('No access').waitFor();
    expect((await people()).find((p) => p.id === idOf('olivia'))?.active).toBe(false);

    await page.getByRole('button', { name: 'Reactivate Olivia Brown' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    expect((await people()).find((p) => p.id === idOf('olivia'))?.active).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  it('creates a team, showing a taken key next to the key field', async () => {
    const browser = await app.signedIn('people-new-team', 'ines@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/people?view=teams`);
    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('team-name');
    await dialog.getByLabel('Name').fill('Support');
    expect(await dialog.getByLabel('Key').inputValue()).toBe('support');
    await dialog.getByLabel('Lead').selectOption({ label: 'Fatima Zahra' });
    await dialog.getByLabel('Ownership').selectOption('skills');
    await dialog.getByRole('checkbox', { name: 'Noah Williams' }).check();
    await dialog.getByRole('button', { name: 'Create team' }).click();
    const keyError = dialog.locator('[data-field="team-key"] .field-error');
    await keyError.waitFor();
    expect(await keyError.textContent()).toContain('already the Support team');
    await screenshot(page, 'people-new-team-taken');
    await dialog.getByLabel('Name').fill('Support EMEA');
    await dialog.getByLabel('Key').fill('support-emea');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('status').getByText('Support EMEA created').waitFor();
    await page.locator('article[data-team="support-emea"] tr[data-member="Noah Williams"]').waitFor();
    expect(await team('support-emea')).toMatchObject({
      leadId: idOf('fatima'),
      ownershipStrategy: 'skills',
      capacity: 10,
      members: [expect.objectContaining({ id: idOf('noah') })],
    });
    expect(browser.errors).toEqual([]);
  });

  it('shows an agent no People, and a supervisor only what they may do, on a phone too', async () => {
    const agent = await app.signedIn('people-agent', 'amara@northwind.example');
    const nav = agent.page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cases' }).waitFor();
    expect(await nav.getByRole('link', { name: 'People' }).count()).toBe(0);
    await agent.page.goto(`${app.url}/people`);
    await agent.page
      .getByRole('heading', { name: 'People and teams is for team leads and supervisors' })
      .waitFor();
    expect(
      await agent.page.getByRole('button', { name: /Add person|Edit|Deactivate|Save changes/ }).count(),
    ).toBe(0);
    await app.closeBrowser(agent);

    const supervisor = await app.signedIn('people-supervisor', 'diana@northwind.example');
    const { page } = supervisor;
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).count(),
    ).toBe(0);
    await page.goto(`${app.url}/people`);
    await page.getByRole('heading', { level: 1, name: 'People and teams' }).waitFor();
    for (const name of [/^Add person$/, /^New team$/, /^Edit /, /^Deactivate /, /^Reactivate /])
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
    // Supervisors set availability: Lucas goes away.
    await page.getByLabel('Availability of Lucas Meyer').selectOption('away');
    await page.getByRole('status').getByText('Lucas Meyer is now away').waitFor();
    expect((await people()).find((p) => p.id === idOf('lucas'))).toMatchObject({ availability: 'away' });
    await page.getByRole('tab', { name: /Teams/ }).click();
    await page.locator('article[data-team="finance"]').waitFor();
    expect(await page.getByRole('button', { name: /Save changes|^Remove |^Add$/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await screenshot(page, 'people-narrow-teams-readonly');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await app.closeBrowser(supervisor);

    const admin = await app.signedIn('people-narrow', 'ines@northwind.example');
    await admin.page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/people', '/people?view=teams']) {
      await admin.page.goto(`${app.url}${path}`);
      await admin.page.getByRole('heading', { level: 1, name: 'People and teams' }).waitFor();
      await admin.page.waitForTimeout(200);
      await screenshot(admin.page, `people-narrow${path.replace(/\W+/g, '-')}`);
      expect(await overflow(admin.page), path).toBeLessThanOrEqual(0);
    }
    await admin.page.getByRole('button', { name: 'Add person' }).click();
    await admin.page.getByRole('dialog', { name: 'Add a person' }).getByLabel('Name').waitFor();
    await screenshot(admin.page, 'people-narrow-add');
    expect(supervisor.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  }, 60_000);

  it('lets a lead give a team its Slack channel, naming a refused address, and take it away', async () => {
    app.web.runtime.services.config.webhookAllowPrivate = true;
    const channelOf = async (key: string) =>
      (await call('GET', '/api/v1/notifications/teams')).items.find((t: { team: string }) => t.team === key)
        .slackUrl;
    const browser = await app.signedIn('people-slack', 'grace@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/people?view=teams`);
    const finance = page.locator('article[data-team="finance"]');
    await finance.getByTestId('team-slack').getByText('none').waitFor();
    await finance.getByRole('button', { name: 'Add Finance’s Slack channel' }).click();
    // The field has the focus: type, and a refused address is said beside it, nothing saved.
    const channelField = finance.getByLabel('Finance’s Slack incoming webhook');
    await expect.poll(() => channelField.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ftp://files.example.com/finance');
    await finance.getByRole('button', { name: 'Save channel' }).click();
    await finance.getByText('Must be an http(s) URL.').waitFor();
    await expect.poll(() => channelField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await channelField.getAttribute('aria-describedby')).toBe(
      'finance-slack-hint finance-slack-error',
    );
    expect(await channelOf('finance')).toBeNull();
    await finance.getByLabel('Finance’s Slack incoming webhook').fill('http://127.0.0.1:9/finance');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'people-team-slack');
    await page.keyboard.press('Enter');
    await finance.getByText('http://127.0.0.1:9/finance').waitFor();
    expect(await channelOf('finance')).toBe('http://127.0.0.1:9/finance');
    // Send test posts to it now and says how it went (nothing listens there).
    await finance.getByRole('button', { name: 'Send a test post to Finance’s Slack channel' }).click();
    await expect.poll(() => finance.getByTestId('test-send').textContent()).toBe('Test failed bad port');
    // Remove asks first, in place, with the focus on Keep it; kept, nothing changes.
    await finance.getByRole('button', { name: 'Remove Finance’s Slack channel' }).click();
    const keep = finance.getByRole('button', { name: 'Keep it' });
    await expect.poll(() => keep.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        finance
          .getByRole('button', { name: 'Remove Finance’s Slack channel' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    expect(await channelOf('finance')).toBe('http://127.0.0.1:9/finance');
    await page.keyboard.press('Enter');
    await finance.getByRole('button', { name: 'Remove Finance’s channel', exact: true }).click();
    await finance.getByTestId('team-slack').getByText('none').waitFor();
    expect(await channelOf('finance')).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});
