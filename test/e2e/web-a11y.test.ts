import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { withWebApp } from '../support/web-app.ts';

/**
 * axe-core on the main pages of each role, as a person first sees them: no violation of impact
 * serious or critical, and not one console error (failed requests included) on the way.
 */
const ids = { caseId: '', handoffId: '' };
const app = withWebApp({
  people: ['amara', 'priya', 'diana', 'grace'],
  shots: 'a11y',
  async ready({ call }) {
    const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Charged twice for October' }));
    ids.caseId = c.id;
    ids.handoffId = (
      await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
        scenario: 'billing-to-finance',
        packet: fullPacket,
      })
    ).id;
  },
});
/** The page once `ready` shows: axe finds nothing serious, and a screenshot is kept. */
async function check(page: Page, ready: string, shot: string) {
  await page.locator(ready).first().waitFor();
  await page
    .locator('.loading')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  expect(await axeViolations(page), shot).toEqual([]);
  await screenshot(page, `a11y-${shot}`);
}

describe('accessibility and a clean console [pglite]', () => {
  it('sign-in: no violations, and a signed-out visit logs nothing (no 401 on boot)', async () => {
    const b = await app.browser('a11y-signin');
    await b.page.goto(app.url);
    await check(b.page, 'h1:text("Sign in")', '01-signin');
    expect(b.console).toEqual([]);
  });

  it('an agent: cases, the case view, the handoff form and the handoff page', async () => {
    const b = await app.signedIn('a11y-agent', 'amara@northwind.example');
    const { page } = b;
    await check(page, 'h1:text("Cases")', '02-cases');
    await page.goto(`${app.url}/cases/${ids.caseId}`);
    await check(page, '.timeline', '03-case-view');
    await page.goto(`${app.url}/cases/${ids.caseId}/handoff`);
    await page.getByLabel('Scenario').selectOption('billing-to-finance');
    await check(page, 'text=Pre-filled from the conversation', '04-handoff-form');
    await page.goto(`${app.url}/handoffs/${ids.handoffId}`);
    await check(page, '.quality', '05-handoff-page');
    expect(b.console).toEqual([]);
  });

  it('a receiving team member: the queue', async () => {
    const b = await app.signedIn('a11y-finance', 'priya@northwind.example');
    const { page } = b;
    await page.goto(`${app.url}/queue?tab=team&team=finance`);
    await check(page, '[role=option] .qrow-subject', '06-queue');
    await page.locator('.queue-preview h2, .queue-preview h1').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(b.console).toEqual([]);
  });

  it('a supervisor: the board', async () => {
    const b = await app.signedIn('a11y-supervisor', 'diana@northwind.example');
    await check(b.page, 'svg.load-chart', '07-supervisor');
    expect(b.console).toEqual([]);
  });

  it('a lead: settings, and the QA pages', async () => {
    const b = await app.signedIn('a11y-lead', 'grace@northwind.example');
    const { page } = b;
    await page.goto(`${app.url}/settings`);
    await check(page, '.settings-team', '08-settings');
    await page.goto(`${app.url}/qa`);
    await check(page, 'h1:text("Review queue")', '09-qa-queue');
    await page.goto(`${app.url}/qa/reviews/${ids.handoffId}`);
    await check(page, '.quality', '10-qa-review');
    await page.goto(`${app.url}/qa/report`);
    await check(page, 'h1:text("Quality report")', '11-qa-report');
    expect(b.console).toEqual([]);
  });
});
