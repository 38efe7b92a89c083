import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * Erasing a customer's personal data (GDPR) in a real Chromium: an admin confirms with the customer's
 * external id on the customer page; the page then says when and by whom, and their cases read
 * "Erased" where the texts were, while the cases and handoffs stay. Nobody else is offered it.
 */
const app = withWebApp({ people: ['ines', 'amara'], shots: 'customer-erasure' });
const { call } = app;

const customer = { externalId: 'cus-8841', name: 'Jane Doe' };
const personal = ['Jane Doe', '12 Harbour Street', 'jane.doe@example.com', 'statement-jane-doe.pdf'];

/** Two cases of Jane Doe's, one handed off to Finance with a full packet. */
async function seed() {
  await call('POST', '/api/v1/customers/import', {
    csv: `external_id,name,customer_since,annual_value,tier\n${customer.externalId},${customer.name},2022-03-01,12000,silver\n`,
  });
  const first = await call(
    'POST',
    '/api/v1/cases',
    newCase({
      subject: 'Jane Doe at 12 Harbour Street charged twice',
      customer,
      issueType: 'billing',
      messages: [
        { role: 'customer', text: 'Hi, Jane Doe here, 12 Harbour Street. I was charged twice in October.' },
        { role: 'agent', text: 'Thanks Jane, I will pass this to Finance with your statement.' },
        { role: 'customer', text: 'Please write to jane.doe@example.com when it is refunded.' },
      ],
      documents: [{ kind: 'bank_statement', name: 'statement-jane-doe.pdf' }],
    }),
  );
  const handoff = await call('POST', `/api/v1/cases/${first.id}/handoffs`, {
    scenario: 'billing-to-finance',
    packet: { ...fullPacket, whatHappened: 'Jane Doe of 12 Harbour Street was charged twice.' },
  });
  await call(
    'POST',
    '/api/v1/cases',
    newCase({ subject: 'Jane Doe: refund still missing', customer, issueType: 'billing' }),
  );
  return {
    caseId: first.id as string,
    customerId: first.customer.id as string,
    handoffId: handoff.id as string,
  };
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** What the page says, as a person reads it. */
const shown = (page: Page) => page.locator('body').innerText();

describe('web app: erasing a customer’s personal data [pglite]', () => {
  it('lets an admin erase after typing the external id; the cases then read Erased; others are not offered it', async () => {
    const { caseId, customerId, handoffId } = await seed();

    // An agent reads the customer page, and is offered no erasure.
    const agent = await app.signedIn('erasure-agent', 'amara@northwind.example');
    await agent.page.goto(`${app.url}/customers/${customerId}`);
    await agent.page.getByRole('heading', { level: 1, name: 'Jane Doe' }).waitFor();
    await agent.page.getByTestId('customer-case').first().waitFor();
    expect(await agent.page.getByRole('button', { name: /Erase personal data/ }).count()).toBe(0);
    expect(await agent.page.getByRole('link', { name: 'Download their data' }).count()).toBe(0);
    expect(agent.errors).toEqual([]);
    await app.closeBrowser(agent);

    const admin = await app.signedIn('erasure-admin', 'ines@northwind.example');
    const { page } = admin;
    await page.goto(`${app.url}/customers/${customerId}`);
    await page.getByRole('heading', { level: 1, name: 'Jane Doe' }).waitFor();
    await expect.poll(() => page.getByTestId('customer-case').count()).toBe(2);
    // An access request first: everything held about them, as one file.
    const saving = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download their data' }).click();
    const download = await saving;
    expect(download.suggestedFilename()).toMatch(/^baton-customer-.+\.json$/);
    const held = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(held.customer.name).toBe('Jane Doe');
    expect(held.cases).toHaveLength(2);
    await page.getByRole('button', { name: 'Erase personal data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase the personal data of Jane Doe?' });
    await dialog.waitFor();
    // It says what goes and what stays, and opens on the confirmation.
    const said = await dialog.innerText();
    expect(said).toMatch(/Erased for good/i);
    expect(said).toMatch(/In their 2 cases/);
    expect(said).toMatch(/Kept for reporting/i);
    // The handoff to Finance is still open: the dialog says its team will lose the packet.
    expect(said).toMatch(/1 handoff of theirs is still open: the receiving team will see its packet erased/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('erase-confirm');
    expect(await dialog.locator('label[for="erase-confirm"] code').textContent()).toBe(customer.externalId);

    // A wrong confirmation (the id in part, or another customer's) keeps the button off, and Enter does nothing.
    const erase = dialog.getByRole('button', { name: 'Erase personal data' });
    for (const wrong of ['cus-884', 'CUS-8841', 'cus-8841x']) {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(wrong);
      expect(await erase.isDisabled(), wrong).toBe(true);
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(true);
    expect((await call('GET', `/api/v1/customers/${customerId}/overview`)).customer.erasedAt).toBeNull();
    // Escape closes it without erasing; opened again it starts empty.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Erase personal data…' }).click();
    await dialog.waitFor();
    expect(await dialog.getByLabel(/to confirm/).inputValue()).toBe('');

    await page.keyboard.type(` ${customer.externalId} `); // spaces around a pasted id do not count
    expect(await erase.isEnabled()).toBe(true);
    await dialog.getByLabel(/Reason/).fill('GDPR-114');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'customer-erasure-dialog');
    await dialog.getByLabel(/to confirm/).press('Enter');

    await dialog.waitFor({ state: 'hidden' });
    const note = page.getByTestId('erasure-note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(
      /^Personal data erased on .+ by Inès Moreau\. Cases, handoffs and their timing stay for reporting\.$/,
    );
    await page.getByRole('heading', { level: 1, name: 'Erased customer' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('erasure-note');
    expect(await page.getByRole('button', { name: /Erase personal data/ }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('customer-case').locator('.erased').count()).toBe(2);
    for (const text of personal) expect(await shown(page)).not.toContain(text);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'customer-erasure-done');

    const overview = await call('GET', `/api/v1/customers/${customerId}/overview`);
    expect(overview.customer).toMatchObject({
      name: '[erased]',
      externalId: `erased:${customerId}`,
      erasedBy: { name: 'Inès Moreau' },
    });
    expect(overview.cases).toHaveLength(2);

    // The case keeps its messages and timeline, each text an Erased marker.
    await page.getByTestId('customer-case').locator(`a[href="/cases/${caseId}"]`).click();
    await page.waitForURL(`${app.url}/cases/${caseId}`);
    // (The list also says each day above its first message.)
    const messages = page.getByRole('list', { name: 'Messages' }).locator('li.message');
    await expect.poll(() => messages.count()).toBe(3);
    expect(await page.getByTestId('message-day').count()).toBeGreaterThanOrEqual(1);
    expect(await messages.locator('.message-text .erased').count()).toBe(3);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Subject erased');
    await page.locator('.timeline-item.ev-customer-erased').waitFor();
    expect(await page.locator('.doc-name .erased').count()).toBe(1);
    for (const text of personal) expect(await shown(page)).not.toContain(text);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'customer-erasure-case');

    // The handoff keeps its packet's shape, its texts erased.
    await page.goto(`${app.url}/handoffs/${handoffId}`);
    await page.getByRole('heading', { level: 3, name: 'What happened' }).waitFor();
    expect(await page.locator('.packet .erased').count()).toBeGreaterThanOrEqual(3);
    for (const text of personal) expect(await shown(page)).not.toContain(text);

    // The change log says it in words, with the request's reference and no name.
    await page.goto(`${app.url}/settings/changes`);
    const log = page.getByTestId('change-log');
    await log.locator('li[data-action="customer.erased"]').waitFor();
    expect(await log.locator('li[data-action="customer.erased"]').innerText()).toMatch(
      /erased the personal data of a customer \(2 cases; reference GDPR-114\)/,
    );

    // On a phone: the customer page and the case fit the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/customers/${customerId}`);
    await page.getByTestId('erasure-note').waitFor();
    await page.waitForTimeout(200);
    await screenshot(page, 'customer-erasure-narrow');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.goto(`${app.url}/cases/${caseId}`);
    await messages.first().waitFor();
    await page.waitForTimeout(200);
    await screenshot(page, 'customer-erasure-narrow-case');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(admin.errors).toEqual([]);
  }, 120_000);

  it('shows the dialog on a phone, and offers no second erasure', async () => {
    await call('POST', '/api/v1/customers/import', {
      csv: 'external_id,name\ncus-9001,Tom Baker\n',
    });
    const c = await call(
      'POST',
      '/api/v1/cases',
      newCase({
        subject: 'Tom Baker cannot log in',
        customer: { externalId: 'cus-9001', name: 'Tom Baker' },
      }),
    );
    const admin = await app.signedIn('erasure-narrow', 'ines@northwind.example');
    const { page } = admin;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/customers/${c.customer.id}`);
    await page.getByRole('button', { name: 'Erase personal data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase the personal data of Tom Baker?' });
    await dialog.getByLabel(/to confirm/).fill('cus-9001');
    await page.waitForTimeout(200);
    await screenshot(page, 'customer-erasure-narrow-dialog');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await dialog.getByRole('button', { name: 'Erase personal data' }).click();
    await page.getByTestId('erasure-note').waitFor();
    // Erased once: the API refuses a second time, and the page offers none.
    await expect(
      call('POST', `/api/v1/customers/${c.customer.id}/erasure`, { confirm: `erased:${c.customer.id}` }),
    ).rejects.toThrow(/409/);
    expect(await page.getByRole('button', { name: /Erase personal data/ }).count()).toBe(0);
    expect(admin.errors).toEqual([]);
  }, 60_000);
});
