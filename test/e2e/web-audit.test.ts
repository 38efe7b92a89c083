import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/audit.ts';
import { SAMPLE_EXPORT_NAME, sampleExport } from '../../web/src/audit/sample-export.ts';
import { basicA11y, screenshot } from '../support/browser.ts';
import { withWebApp } from '../support/web-app.ts';

/** The audit of a helpdesk export, run in the browser by the engine of `baton audit`. */
const app = withWebApp({ people: ['grace', 'amara'], shots: 'audit' });

const header = 'number,incident_state,sys_mod_count,assignment_group,assigned_to,made_sla,reopen_count';
// Figures worked out by hand: 2 cases, 5 events; INC1 goes Service Desk → Billing, Finance → Service
// Desk (2 handoffs, a ping-pong, the first leg without an owner, SLA missed, reopened).
const small = [
  header,
  'INC1,New,0,Service Desk,?,TRUE,0',
  'INC1,Active,2,"Billing, Finance",?,TRUE,0',
  'INC1,Active,1,?,Ann,TRUE,0',
  'INC1,Active,3,Service Desk,Bob,FALSE,1',
  'INC2,New,0,Service Desk,Ann,TRUE,0',
].join('\r\n');

/** A large export: `cases` incidents of four updates, each passing from one group to another and back. */
function large(cases: number): string {
  const rows = [header];
  for (let i = 0; i < cases; i++) {
    const n = `INC${100_000 + i}`;
    rows.push(
      `${n},New,0,Service Desk,?,TRUE,0`,
      `${n},Active,1,Network,Ann,TRUE,0`,
      `${n},Active,2,Service Desk,Bob,${i % 3 ? 'TRUE' : 'FALSE'},0`,
      `${n},Resolved,3,Service Desk,Bob,${i % 3 ? 'TRUE' : 'FALSE'},${i % 5 ? 0 : 1}`,
    );
  }
  return rows.join('\n');
}

/** The value the audit's figure tile labelled `label` shows. */
const tileIn = (page: Page) => async (label: string) =>
  (
    await page
      .getByTestId('audit-figures')
      .locator('.an-tile')
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator('.an-tile-value')
      .textContent()
  )?.trim();

async function* chunksOf(text: string) {
  for (let i = 0; i < text.length; i += 1 << 16) yield text.slice(i, i + (1 << 16));
}

describe('web app: auditing a helpdesk export [pglite]', () => {
  it('reads the export in the browser with progress, shows the figures and the report, and saves both', async () => {
    const browser = await app.signedIn('audit-lead', 'grace@northwind.example');
    const { page } = browser;
    const served: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') served.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(`${app.url}/analytics`);
    await page.getByRole('link', { name: 'Audit a helpdesk export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit a helpdesk export' }).waitFor();
    expect(await basicA11y(page)).toEqual([]);

    // The small log: the contract's figures, as the command line computes them.
    await page.getByLabel('Export file').setInputFiles({
      name: 'incidents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(small),
    });
    await page.getByRole('button', { name: 'Audit the export' }).click();
    await page.getByTestId('audit-figures').waitFor();
    const tile = tileIn(page);
    expect(await tile('Cases')).toBe('2');
    expect(await tile('Handoffs')).toBe('2');
    expect(await tile('Ping-pong cases')).toBe('1');
    expect(await tile('Handoffs without an owner')).toBe('1');
    expect(await tile('SLA missed')).toBe('1');
    expect(await tile('Reopened')).toBe('1');
    const report = page.frameLocator('iframe[title="Audit report"]');
    await report.getByText('Billing, Finance → Service Desk').first().waitFor();
    // Saved as a file, as a lead would forward it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download JSON' }).click(),
    ]);
    const saved = { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    expect(saved.name).toBe('incidents-audit.json');
    const expected = await runAudit(chunksOf(small), { kind: 'csv', file: 'incidents.csv' });
    expect(JSON.parse(saved.text)).toEqual(JSON.parse(JSON.stringify(expected)));
    const html = await page.getByRole('link', { name: 'Download the report' }).getAttribute('download');
    expect(html).toBe('incidents-audit.html');
    await screenshot(page, 'audit-report');

    // A large export: the progress bar moves while the worker reads, then the figures agree.
    const big = large(60_000);
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('#audit-progress-bar');
        if (bar) seen.push(bar.value / bar.max);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByLabel('Export file').setInputFiles({
      name: 'all-incidents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(big),
    });
    await page.getByRole('button', { name: 'Audit the export' }).click();
    await page.getByRole('heading', { name: 'Audit of all-incidents.csv' }).waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeGreaterThan(0);
    expect(await tile('Cases')).toBe('60,000');
    expect(await tile('Handoffs')).toBe('120,000');
    expect(await tile('Ping-pong cases')).toBe('60,000');
    expect(await tile('SLA missed')).toBe('20,000');
    expect(await tile('Reopened')).toBe('12,000');

    // Not an export: a clear error, and the last report is gone rather than mislabelled.
    await page.getByLabel('Export file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"tickets": [1, 2'),
    });
    await page.getByRole('button', { name: 'Audit the export' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('notes.json could not be audited');
    expect(await page.getByTestId('audit-figures').count()).toBe(0);
    // An image chosen by mistake is named for what it is, not read for columns.
    await page.getByLabel('Export file').setInputFiles({
      name: 'screenshot.png',
      mimeType: 'image/png',
      buffer: Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
    });
    await page.getByRole('button', { name: 'Audit the export' }).click();
    await page.getByRole('alert').filter({ hasText: 'screenshot.png could not be audited' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('not a CSV or JSON file');

    // Cancelled: said so, with how far it got, and the focus back where an audit starts.
    await page.getByLabel('Export file').setInputFiles({
      name: 'everything.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(large(300_000)),
    });
    await page.getByRole('button', { name: 'Audit the export' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Cancelled: the audit of everything.csv stopped at' })
      .waitFor();
    expect(
      await page
        .getByRole('button', { name: 'Audit the export' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await page.getByTestId('audit-figures').count()).toBe(0);

    // Nothing was sent anywhere: the file never left the browser.
    expect(served).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('audits the made-up sample export at a click, with the figures the engine gives it', async () => {
    const browser = await app.signedIn('audit-sample', 'grace@northwind.example');
    const { page } = browser;
    await page.goto(`${app.url}/audit`);
    await page.getByRole('button', { name: 'Try a sample export' }).click();
    await page.getByRole('heading', { name: `Audit of ${SAMPLE_EXPORT_NAME}` }).waitFor();
    const expected = (await runAudit(chunksOf(sampleExport()), { kind: 'csv' })).summary;
    const tile = tileIn(page);
    expect(await tile('Cases')).toBe('300');
    expect(await tile('Handoffs')).toBe(expected.handoffs.toLocaleString('en-US'));
    expect(await tile('Ping-pong cases')).toBe(String(expected.pingPongCases));
    expect(await tile('Handoffs without an owner')).toBe(String(expected.ownerlessHandoffs));
    // The form says what was read, so the format can be seen and the sample chosen again.
    expect(await page.getByRole('combobox', { name: 'Format' }).inputValue()).toBe('generic');
    expect(await page.getByText('Generic export,').count()).toBe(1);
    await screenshot(page, 'audit-sample');
    expect(browser.errors).toEqual([]);
  });

  it('keeps the page to the people who read analytics', async () => {
    const browser = await app.signedIn('audit-agent', 'amara@northwind.example');
    await browser.page.goto(`${app.url}/audit`);
    await browser.page.getByRole('heading', { name: 'The helpdesk audit is for' }).waitFor();
  });
});
