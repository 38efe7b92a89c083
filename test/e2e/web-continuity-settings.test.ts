import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { basicA11y, screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * Customer-continuity settings in a real Chromium: a lead edits a scenario's warm message and the
 * risk threshold that pages supervisors, from the keyboard; the HTTP API shows both changed. Bad
 * input shows the API's error next to the field at fault and changes nothing.
 */
const app = withWebApp({ people: ['grace'], shots: 'continuity-settings' });
const { call } = app;

const warmOf = async (id: string) => (await call('GET', `/api/v1/scenarios/${id}`)).customerUpdate;

describe('customer-continuity settings [pglite]', () => {
  it('edits a warm message and the risk threshold; bad input shows the error and changes nothing', async () => {
    // One scenario's messages were last reviewed long ago: the page flags them.
    const tier2 = await warmOf('tier1-to-tier2');
    await call('PUT', '/api/v1/scenarios/tier1-to-tier2/customer-update', {
      templates: tier2.templates,
      shareOwnerName: tier2.shareOwnerName,
      lastReviewed: '2025-01-15',
    });
    const before = await warmOf('billing-to-finance');

    const { page, errors } = await app.signedIn('continuity-settings', 'grace@northwind.example');
    await page.goto(`${app.url}/settings`);
    await page.getByRole('link', { name: 'Customer continuity' }).click();
    await page.getByRole('heading', { name: 'Customer continuity', level: 1 }).waitFor();
    const row = (id: string) => page.locator(`[data-testid="warm-row"][data-scenario="${id}"]`);
    await row('billing-to-finance').waitFor();
    expect(await row('tier1-to-tier2').textContent()).toContain('Review overdue');
    expect(await row('billing-to-finance').textContent()).toMatch(/English, Spanish, French.*v1.*Current/);
    await page.getByTestId('risk-weights').waitFor();
    expect(await page.getByLabel('Page supervisors at a risk score of').inputValue()).toBe('60');
    expect(await axeViolations(page)).toEqual([]);
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'continuity-settings');

    // From the keyboard: Enter on the row's button opens the editor with the first message focused.
    await page.getByRole('button', { name: 'Edit warm messages for Billing to Finance' }).focus();
    await page.keyboard.press('Enter');
    const english = page.getByLabel('Message in English (en)');
    await expect.poll(() => english.evaluate((el) => el === document.activeElement)).toBe(true);
    const text =
      'Hi {customer}, your billing question is now with {owner}, who has your whole history. We will reply by {replyBy}.';
    await english.fill(text);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByTestId('templates-saved').waitFor();
    expect(await page.getByTestId('templates-saved').textContent()).toContain('saved as version 2');
    const after = await warmOf('billing-to-finance');
    expect(after.version).toBe(2);
    expect(after.templates.en).toBe(text);
    expect(after.templates.es).toBe(before.templates.es);
    expect(after.lastReviewed).toBe(new Date().toISOString().slice(0, 10));

    // A message without the reply time: the API's error is shown at the field, nothing is saved.
    await page.getByRole('button', { name: 'Edit warm messages for Billing to Finance' }).click();
    await english.fill('Hi {customer}, your question is with {team}. We will be in touch.');
    expect(await page.getByText('Check before saving: no reply time').count()).toBe(1);
    await page.getByRole('button', { name: 'Save as version 3' }).click();
    const templateError = page.getByRole('alert').filter({ hasText: 'The messages were not saved' });
    await templateError.waitFor();
    expect(await templateError.textContent()).toContain(
      'Message in English: the template must state the reply time: {replyBy}',
    );
    expect(await english.getAttribute('aria-invalid')).toBe('true');
    expect(await warmOf('billing-to-finance')).toEqual(after);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'continuity-settings-template-error');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // The risk settings: a new threshold, tiers and two reasons' caps, saved and read back through the API.
    const threshold = page.getByLabel('Page supervisors at a risk score of');
    await threshold.fill('45');
    const complaintCap = page.getByLabel('At most, Complaint');
    expect(await complaintCap.inputValue()).toBe('30');
    await complaintCap.fill('40');
    await page.getByLabel('At most, Waiting').fill('0');
    const weightRow = (reason: string) =>
      page.getByTestId('risk-weights').getByRole('row').filter({ hasText: reason });
    // The points column follows the caps as they are typed: 40 instead of 30 turns 20 points each into 26.7.
    expect(await weightRow('Complaint').textContent()).toContain('26.7 each');
    expect(await weightRow('Waiting').textContent()).toContain('off');
    await page.getByLabel('High-value tiers').fill('Enterprise, gold');
    await page.getByLabel('High-value tiers').press('Enter');
    await page.getByText('Saved: the next risk computed uses them.').waitFor();
    const saved = await call('GET', '/api/v1/settings/customer-risk');
    expect(saved).toEqual({
      pageThreshold: 45,
      highValueMinAnnual: 10_000,
      highValueTiers: ['enterprise', 'gold'],
      caps: { complaint: 40, waiting: 0 },
    });

    // Out of range: the API's error names the field, the field is marked, the settings stay.
    await threshold.fill('0');
    await page.getByRole('button', { name: 'Save risk settings' }).click();
    const riskError = page.getByRole('alert').filter({ hasText: 'The risk settings were not saved' });
    await riskError.waitFor();
    expect(await riskError.textContent()).toMatch(/Page threshold: .*1/);
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await call('GET', '/api/v1/settings/customer-risk')).toEqual(saved);
    // A cap out of range is named and marked the same way.
    await threshold.fill('45');
    await complaintCap.fill('150');
    await page.getByRole('button', { name: 'Save risk settings' }).click();
    await expect.poll(async () => (await riskError.textContent()) ?? '').toMatch(/At most, Complaint: .*100/);
    expect(await complaintCap.getAttribute('aria-invalid')).toBe('true');
    expect(await call('GET', '/api/v1/settings/customer-risk')).toEqual(saved);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'continuity-settings-risk-error');
    expect(errors).toEqual([]);
  }, 120_000);
});
