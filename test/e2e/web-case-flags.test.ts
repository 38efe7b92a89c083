import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../../src/db/testing.ts';
import {
  basicA11y,
  buildWeb,
  openBrowser,
  screenshot,
  signIn,
  startWebServer,
  type WebServer,
} from '../support/browser.ts';
import { newCase } from '../support/harness.ts';

/** The case page shows a document asked for again in a message, and a repeat contact's earlier case. */
let database: Database;
let web: WebServer;
let dist: string;
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;

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

beforeAll(async () => {
  const [built, db] = await Promise.all([
    buildWeb(),
    freshDatabase('pglite', { pgliteDump: inject('pgliteDump'), postgresUrl: null }),
  ]);
  dist = built.dir;
  database = db;
  web = await startWebServer(database, dist, ['amara']);
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await web?.close();
  await database?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('web app: case page flags [pglite]', () => {
  it('shows the re-requested document with the message, and links a repeat contact to the earlier case', async () => {
    const customer = { externalId: 'web-flags-1', name: 'Maria Lopez' };
    const first = await call('POST', '/api/v1/cases', newCase({ customer, issueType: 'billing' }));
    const again = await call(
      'POST',
      '/api/v1/cases',
      newCase({ customer, issueType: 'billing', subject: 'Still charged twice' }),
    );
    expect(again.repeatOf).toBe(first.id);
    await call('POST', `/api/v1/cases/${again.id}/messages`, {
      role: 'agent',
      text: 'Could you send the October invoice again, please?',
    });

    browser = await openBrowser('case-flags');
    const { page } = browser;
    await signIn(page, web.url, 'amara@northwind.example');
    await page.goto(`${web.url}/cases/${again.id}`);
    const flags = page.getByRole('note', { name: 'Documents asked for again' });
    await flags.waitFor();
    await flags.getByText('INV-2026-10.pdf is on file', { exact: false }).waitFor();
    await flags.getByText('Could you send the October invoice again, please?', { exact: false }).waitFor();
    await page.getByText('Repeat contact', { exact: false }).waitFor();
    expect(await basicA11y(page)).toEqual([]);
    await screenshot(page, 'case-flags');

    await page.getByRole('link', { name: 'earlier case' }).click();
    await page.getByRole('heading', { level: 1, name: first.subject }).waitFor();
    expect(await page.getByRole('note', { name: 'Documents asked for again' }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
