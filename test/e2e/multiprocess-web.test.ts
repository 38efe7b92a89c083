import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Api, apiClient } from '../../bench/soak/http.ts';
import { type Baton, startBaton } from '../../bench/soak/server.ts';
import { postgresDatabase } from '../../src/db/database.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { buildWeb, demoWithPasswordsFor, screenshot } from '../support/browser.ts';
import { fullPacket, newCase } from '../support/harness.ts';
import { scratchPostgres } from '../support/postgres.ts';
import { withBrowsers } from '../support/web-app.ts';

/**
 * Two `baton serve` processes on one PostgreSQL. A browser is pinned to process 1 (a small front
 * serving the built web app and passing /api to process 1 only, as a sticky balancer would); a
 * change made through process 2 reaches its live queue over LISTEN/NOTIFY and server-sent events.
 */
const pgUrl = inject('postgresUrl');
const token = 'multiprocess-web-admin';

/** Serves the web app from `dist` and forwards /api/* (streams included) to one Baton. */
async function stickyFront(dist: string, target: string) {
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const app = new Hono();
  app.all('/api/*', async (c) => {
    const url = new URL(c.req.url);
    const headers = new Headers(c.req.raw.headers);
    headers.delete('host');
    const res = await fetch(`${target}${url.pathname}${url.search}`, {
      method: c.req.method,
      headers,
      body: ['GET', 'HEAD'].includes(c.req.method) ? undefined : await c.req.arrayBuffer(),
    });
    const out = new Headers(res.headers);
    out.delete('content-encoding');
    out.delete('content-length');
    return new Response(res.body, { status: res.status, headers: out });
  });
  app.use('/assets/*', serveStatic({ root: dist }));
  app.get('*', (c) => c.html(index));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((r) => server.once('listening', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe.runIf(pgUrl)('a browser on one process sees changes made through another [postgres]', () => {
  const postgres = scratchPostgres();
  let dist = '';
  const servers: Baton[] = [];
  let front: Awaited<ReturnType<typeof stickyFront>> | undefined;
  let second: Api;
  const browsers = withBrowsers('multiprocess');

  beforeAll(async () => {
    const [built, fresh] = await Promise.all([buildWeb(), postgres.migrated()]);
    dist = built.dir;
    const seed = postgresDatabase(fresh.url, 2);
    await createOrganisation(seed.db, demoWithPasswordsFor(['priya']), new Date());
    await seed.close();
    const env = { DATABASE_URL: fresh.url, BATON_ADMIN_TOKEN: token };
    servers.push(...(await Promise.all([startBaton({ env }), startBaton({ env })])));
    front = await stickyFront(dist, servers[0]!.url);
    second = apiClient(servers[1]!.url, token);
  }, 180_000);

  afterAll(async () => {
    await browsers.closeAll();
    await front?.close();
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('shows a handoff sent through process 2 in the queue of a browser on process 1, without a reload', async () => {
    const { page, errors } = await browsers.signedIn('multiprocess', front!.url, 'priya@northwind.example');
    await page.goto(`${front!.url}/queue?tab=team&team=finance&state=open`);
    await page.getByText("Nothing in Finance's queue").waitFor();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const subject = 'Charged twice, sent through the other process';
    const kase = await second('POST', '/api/v1/cases', newCase({ subject }));
    expect(kase.status).toBe(201);
    const sent = await second('POST', `/api/v1/cases/${kase.body.id}/handoffs`, {
      scenario: 'billing-to-finance',
      packet: fullPacket,
    });
    expect(sent.status).toBe(201);

    const list = page.getByRole('listbox', { name: 'Finance queue' });
    await list.getByText(subject).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await page.locator('.queue-preview').getByRole('heading', { name: 'Billing to Finance' }).waitFor();
    await screenshot(page, 'multiprocess-live-queue');
    expect(errors).toEqual([]);
  }, 60_000);
});
