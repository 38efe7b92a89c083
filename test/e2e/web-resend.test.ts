import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/** A bounced handoff leads back to the form, even when the case has moved on since. */
const app = withWebApp({ people: ['amara', 'priya'], shots: 'resend' });
const { call, tokenOf, closeBrowser } = app;

describe('web app: fix and send again [pglite]', () => {
  it('opens the form from the bounced handoff with what came back, though a later handoff followed it, and lets the sender recall the new one', async () => {
    const amara = await tokenOf('amara', ['agent']);
    const priya = await tokenOf('priya', ['agent']);
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Resend run: refund to the wrong card' }),
      amara,
    );
    const packet = {
      ...fullPacket,
      whatHappened: 'Refunded to an expired card; the customer wants it on the new one.',
    };
    const first = await call(
      'POST',
      `/api/v1/cases/${c.id}/handoffs`,
      { scenario: 'billing-to-finance', packet },
      amara,
    );
    await call(
      'POST',
      `/api/v1/handoffs/${first.id}/bounce`,
      { reason: 'wrong_team', note: 'Card changes are Tier 2' },
      priya,
    );
    // The case moves on: a supervisor is pulled in, so the bounced handoff is no longer the latest.
    await call(
      'POST',
      `/api/v1/cases/${c.id}/handoffs`,
      { scenario: 'agent-to-supervisor', packet: fullPacket },
      amara,
    );

    const browser = await app.signedIn('resend-amara', 'amara@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/handoffs/${first.id}`);
    // The warm message promised Finance's owner: it says it no longer holds, with nothing to copy.
    await page
      .getByTestId('customer-update-stale')
      .getByText(/came back to its sender/)
      .waitFor();
    expect(await page.getByRole('region', { name: 'Customer update' }).getByRole('button').count()).toBe(0);
    await page.getByRole('link', { name: 'Fix and send again' }).click();
    await page.getByText('Bounced back by Finance: Wrong team').waitFor();
    expect(await page.getByLabel('What happened').inputValue()).toBe(packet.whatHappened);
    await page.getByLabel('Scenario').selectOption('tier1-to-tier2');
    await page.getByText('Ready to send').waitFor();
    await page.getByRole('button', { name: 'Send to Tier 2' }).click();
    await page.waitForURL(/\/handoffs\/ho_/);
    const resent = await call('GET', `/api/v1/handoffs/${page.url().split('/').pop()}`);
    expect(resent).toMatchObject({ state: 'sent', toTeam: 'tier2', previousId: first.id });
    // On the handoff she sent, the sender is offered no button she may not use.
    await page.goto(`${app.url}/handoffs/${resent.id}`);
    await page.getByTestId('handoff-owner').waitFor();
    for (const name of ['Accept', 'Bounce', 'Resolve', 'Reassign'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel handoff' }).count()).toBe(1);

    // She recalls it before anyone accepts, after one more question.
    await page.getByRole('button', { name: 'Cancel handoff' }).click();
    const ask = page.getByRole('dialog', { name: 'Cancel this handoff?' });
    await ask.getByRole('button', { name: 'Keep it' }).click();
    expect((await call('GET', `/api/v1/handoffs/${resent.id}`)).state).toBe('sent');
    await page.getByRole('button', { name: 'Cancel handoff' }).click();
    await ask.getByRole('button', { name: 'Cancel handoff' }).click();
    await page.getByTestId('handoff-owner').waitFor();
    await expect
      .poll(async () => (await call('GET', `/api/v1/handoffs/${resent.id}`)).state)
      .toBe('cancelled');
    expect(browser.errors).toEqual([]);
  });
  it('asks the receiving team for a skill, names who has it, and the owner follows it', async () => {
    const amara = await tokenOf('amara', ['agent']);
    const priya = await tokenOf('priya', ['agent']);
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Skills run: checkout page blank' }),
      amara,
    );
    const first = await call(
      'POST',
      `/api/v1/cases/${c.id}/handoffs`,
      { scenario: 'billing-to-finance', packet: fullPacket },
      amara,
    );
    await call(
      'POST',
      `/api/v1/handoffs/${first.id}/bounce`,
      { reason: 'wrong_team', note: 'A web bug' },
      priya,
    );

    const browser = await app.signedIn('skills-amara', 'amara@northwind.example');
    const { page } = browser;
    // The case list says who refused it and who holds it again, not "Finance · Amara".
    await page.goto(`${app.url}/cases`);
    const row = page.locator('.cases-table tr', { hasText: 'Skills run: checkout page blank' });
    expect(await row.locator('td[data-label="With"] .where-now-link').innerText()).toBe(
      'Bounced by Finance · back with Amara Okafor',
    );
    await page.goto(`${app.url}/cases/${c.id}/handoff?resend=${first.id}`);
    await page.getByLabel('Scenario').selectOption('tech-to-engineering');
    const owners = page.getByRole('region', { name: 'Who should own it' });
    await owners.waitFor();
    // Each skill of Engineering's members, with who has it: only Olivia knows the web app.
    expect(await owners.getByRole('listitem').filter({ hasText: /^web/ }).innerText()).toBe(
      'web Olivia Brown',
    );
    const web = owners.getByRole('button', { name: 'web', exact: true });
    await web.press('Enter');
    expect(await web.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'handoff-form-skills');
    await page.getByRole('button', { name: 'Send to Engineering' }).click();
    await page.waitForURL(/\/handoffs\/ho_/);
    const sent = await call('GET', `/api/v1/handoffs/${page.url().split('/').pop()}`, undefined, amara);
    expect(sent).toMatchObject({ skills: ['web'], owner: { name: 'Olivia Brown' }, previousId: first.id });
    expect(await page.getByTestId('handoff-skills').innerText()).toBe('Asked for web');
    // The sender came from her cases, and the way back says so (the receiving team's says Queue).
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
    expect(await crumbs.first().innerText()).toBe('Cases');
    expect(browser.errors).toEqual([]);
  });

  it('asks for a note when the reason to bounce is Other', async () => {
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Resend run: bounce for another reason' }),
    );
    const h = await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    const browser = await app.signedIn('resend-priya', 'priya@northwind.example');
    const { page } = browser;
    // The queue's filter finds it by the case's subject and customer, not only by scenario or person.
    await page.goto(`${app.url}/queue?tab=team&team=finance&state=open`);
    await page.locator('.queue-list').getByText('Resend run: bounce for another reason').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('another reason');
    await page.getByText('1 handoff', { exact: true }).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('maria lopez');
    await page.locator('.queue-list').getByText('Resend run: bounce for another reason').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('nothing like this');
    await page.getByText('0 handoffs', { exact: true }).waitFor();

    await page.goto(`${app.url}/handoffs/${h.id}`);
    await page.getByRole('button', { name: 'Bounce', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Bounce back to the sender' });
    await dialog.getByRole('radio', { name: 'Other' }).check();
    const bounce = dialog.getByRole('button', { name: 'Bounce', exact: true });
    expect(await bounce.isDisabled()).toBe(true);
    await dialog.getByLabel(/Note for the sender/).fill('The customer closed the card account yesterday.');
    expect(await bounce.isDisabled()).toBe(false);
    await bounce.click();
    await expect
      .poll(async () => (await call('GET', `/api/v1/handoffs/${h.id}`)).bounce)
      .toEqual(
        expect.objectContaining({ reason: 'other', note: 'The customer closed the card account yesterday.' }),
      );
    expect(browser.errors).toEqual([]);
  });
  it('continues a saved draft in the form instead of starting a second one, then sends that draft', async () => {
    const amara = await tokenOf('amara', ['agent']);
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({ subject: 'Resend run: a draft to finish' }),
      amara,
    );
    const saved = await call(
      'POST',
      `/api/v1/cases/${c.id}/handoffs`,
      {
        scenario: 'billing-to-finance',
        packet: { ...fullPacket, whatHappened: 'Charged twice in October; invoice on file.' },
        draft: true,
      },
      amara,
    );
    expect(saved.state).toBe('draft');
    // A teammate handing the case off is not offered Amara's draft: it is hers to finish.
    const teammate = await app.signedIn('resend-teammate', 'priya@northwind.example');
    await teammate.page.goto(`${app.url}/cases/${c.id}/handoff`);
    await teammate.page.getByRole('button', { name: 'Save as draft' }).waitFor();
    expect(await teammate.page.getByRole('link', { name: 'Continue the draft' }).count()).toBe(0);
    await closeBrowser(teammate);

    const browser = await app.signedIn('resend-drafter', 'amara@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/cases/${c.id}/handoff`);
    await page.getByText('You saved a draft of this handoff').waitFor();
    await page.getByRole('link', { name: 'Continue the draft' }).click();
    await page.getByText('Continuing the draft saved').waitFor();
    expect(await page.getByLabel('What happened').inputValue()).toBe(
      'Charged twice in October; invoice on file.',
    );
    expect(await page.getByLabel('Scenario').isDisabled()).toBe(true);
    expect(await page.getByLabel('Scenario').inputValue()).toBe('billing-to-finance');
    await page
      .getByLabel('What happened')
      .fill('Charged twice in October for one invoice; the invoice is on file.');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(new RegExp(`/handoffs/${saved.id}$`));
    const after = await call('GET', `/api/v1/handoffs/${saved.id}`);
    expect(after).toMatchObject({
      state: 'draft',
      packet: { whatHappened: 'Charged twice in October for one invoice; the invoice is on file.' },
    });
    const drafts = (await call('GET', `/api/v1/cases/${c.id}`)).handoffs.filter(
      (h: { state: string }) => h.state === 'draft',
    );
    expect(drafts.map((h: { id: string }) => h.id)).toEqual([saved.id]);

    // From the draft's page, back to the form, and sent: the same handoff, now with Finance.
    await page.getByRole('link', { name: 'Continue in the form' }).click();
    await page.getByText('Continuing the draft saved').waitFor();
    await page.getByText('Ready to send').waitFor();
    await page.getByRole('button', { name: 'Send to Finance' }).click();
    await page.waitForURL(new RegExp(`/handoffs/${saved.id}$`));
    await expect.poll(async () => (await call('GET', `/api/v1/handoffs/${saved.id}`)).state).toBe('sent');
    expect(browser.errors).toEqual([]);
  });
});
