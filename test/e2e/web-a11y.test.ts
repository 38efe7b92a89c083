import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../../src/db/testing.ts';
import { axeViolations } from '../support/axe.ts';
import {
  buildWeb,
  openBrowser,
  screenshot,
  signIn,
  startWebServer,
  type WebServer,
} from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';

/**
 * axe-core on the main pages of each role, as a person first sees them: no violation of impact
 * serious or critical, and not one console error (failed requests included) on the way.
 */
type Browser = Awaited<ReturnType<typeof openBrowser>>;

let database: Database;
let web: WebServer;
let dist: string;
const browsers: Browser[] = [];
const ids = { caseId: '', handoffId: '' };

async function call(method: string, path: string, body?: unknown) {
  const res = await web.runtime.app.request(path, {
    method,
    headers: { authorization: 'Bearer web-test-admin', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function browser(name: string) {
  const b = await openBrowser(name);
  browsers.push(b);
  return b;
}

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

beforeAll(async () => {
  const [built, db] = await Promise.all([
    buildWeb(),
    freshDatabase('pglite', { pgliteDump: inject('pgliteDump'), postgresUrl: null }),
  ]);
  dist = built.dir;
  database = db;
  web = await startWebServer(database, dist, ['amara', 'priya', 'diana', 'grace']);
  const c = await call('POST', '/api/v1/cases', newCase({ subject: 'Charged twice for October' }));
  ids.caseId = c.id;
  ids.handoffId = (
    await call('POST', `/api/v1/cases/${c.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    })
  ).id;
}, 180_000);

afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await web?.close();
  await database?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [n, b] of browsers.entries())
    for (const [i, p] of b.context.pages().entries())
      await screenshot(p, `failed-a11y-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}-${n}-${i}`).catch(
        () => undefined,
      );
});

describe('accessibility and a clean console [pglite]', () => {
  it('sign-in: no violations, and a signed-out visit logs nothing (no 401 on boot)', async () => {
    const b = await browser('a11y-signin');
    await b.page.goto(web.url);
    await check(b.page, 'h1:text("Sign in")', '01-signin');
    expect(b.console).toEqual([]);
  });

  it('an agent: cases, the case view, the handoff form and the handoff page', async () => {
    const b = await browser('a11y-agent');
    const { page } = b;
    await signIn(page, web.url, 'amara@northwind.example');
    await check(page, 'h1:text("Cases")', '02-cases');
    await page.goto(`${web.url}/cases/${ids.caseId}`);
    await check(page, '.timeline', '03-case-view');
    await page.goto(`${web.url}/cases/${ids.caseId}/handoff`);
    await page.getByLabel('Scenario').selectOption('billing-to-finance');
    await check(page, 'text=Pre-filled from the conversation', '04-handoff-form');
    await page.goto(`${web.url}/handoffs/${ids.handoffId}`);
    await check(page, '.quality', '05-handoff-page');
    expect(b.console).toEqual([]);
  });

  it('a receiving team member: the queue', async () => {
    const b = await browser('a11y-finance');
    const { page } = b;
    await signIn(page, web.url, 'priya@northwind.example');
    await page.goto(`${web.url}/queue?tab=team&team=finance`);
    await check(page, '[role=option] .qrow-subject', '06-queue');
    await page.locator('.queue-preview h2, .queue-preview h1').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(b.console).toEqual([]);
  });

  it('a supervisor: the board', async () => {
    const b = await browser('a11y-supervisor');
    await signIn(b.page, web.url, 'diana@northwind.example');
    await check(b.page, 'svg.load-chart', '07-supervisor');
    expect(b.console).toEqual([]);
  });

  it('a lead: settings, and the QA pages', async () => {
    const b = await browser('a11y-lead');
    const { page } = b;
    await signIn(page, web.url, 'grace@northwind.example');
    await page.goto(`${web.url}/settings`);
    await check(page, '.settings-team', '08-settings');
    await page.goto(`${web.url}/qa`);
    await check(page, 'h1:text("Review queue")', '09-qa-queue');
    await page.goto(`${web.url}/qa/reviews/${ids.handoffId}`);
    await check(page, '.quality', '10-qa-review');
    await page.goto(`${web.url}/qa/report`);
    await check(page, 'h1:text("Quality report")', '11-qa-report');
    expect(b.console).toEqual([]);
  });
});
