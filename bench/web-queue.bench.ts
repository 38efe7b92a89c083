import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { openDatabase } from '../src/db/open.ts';
import { buildWeb, openBrowser, signIn, startWebServer } from '../test/support/browser.ts';
import { fullPacket, newCase } from '../test/support/harness.ts';
import { percentile, record } from './support.ts';

const handoffs = Number(process.env.BENCH_WEB_HANDOFFS ?? 5000);
const runs = Number(process.env.BENCH_WEB_RUNS ?? 5);
const headers = { authorization: 'Bearer web-test-admin', 'content-type': 'application/json' };

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Milliseconds since the navigation started, read in the page. */
const sinceNavigation = (page: Page) => page.evaluate(() => Math.round(performance.now()));

/**
 * The web app in Debian's Chromium against a real Baton on PGlite, as users get it (the production
 * bundle, served by the same process): the first load of the app (the sign-in page, cold and
 * warm) and the queue of a team holding 5,000 open handoffs, real rows from the database: time to
 * the first row, to every row, and to interactive (all rows in and the keyboard answering).
 */
export async function runWebQueueBench() {
  const built = await buildWeb();
  const dir = mkdtempSync(join(tmpdir(), 'baton-web-bench-'));
  const database = await openDatabase({ dataDir: dir });
  const web = await startWebServer(database, built.dir, ['priya']);
  const call = async (path: string, body: unknown) => {
    const res = await web.runtime.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  try {
    // Seed: 5,000 cases, each handed off to Finance (eight requests in flight).
    const seedStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < handoffs) {
          const i = next++;
          const c = await call(
            '/api/v1/cases',
            newCase({
              subject: `Invoice question ${i + 1}`,
              customer: { externalId: `bench-${i}`, name: `Customer ${i + 1}` },
            }),
          );
          await call(`/api/v1/cases/${c.id}/handoffs`, {
            scenario: 'billing-to-finance',
            packet: fullPacket,
          });
          if (i % 500 === 0) process.stderr.write(`  seeded ${i} handoffs\n`);
        }
      }),
    );
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;

    const b = await openBrowser('bench-web');
    const firstLoad: { domContentLoadedMs: number; loadMs: number; signInVisibleMs: number }[] = [];
    const queue: { firstRowMs: number; allRowsMs: number; interactiveMs: number; renderedRows: number }[] =
      [];
    try {
      const { page } = b;
      // First load: the sign-in page, the first visit with an empty cache, then warm reloads.
      for (let r = 0; r < runs; r++) {
        await page.goto(web.url);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        const signInVisibleMs = await sinceNavigation(page);
        const nav = await page.evaluate(() => {
          const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return {
            domContentLoadedMs: Math.round(n.domContentLoadedEventEnd),
            loadMs: Math.round(n.loadEventEnd),
          };
        });
        firstLoad.push({ ...nav, signInVisibleMs });
      }
      await signIn(page, web.url, 'priya@northwind.example');
      const label = `${handoffs.toLocaleString('en-US')} handoffs`;
      for (let r = 0; r < runs; r++) {
        await page.goto(`${web.url}/queue?tab=team&team=finance&state=open`);
        await page.locator('[role=option]').first().waitFor({ timeout: 60_000 });
        const firstRowMs = await sinceNavigation(page);
        await page
          .getByTestId('queue-count')
          .filter({ hasText: new RegExp(`^${label}$`) })
          .waitFor({ timeout: 120_000 });
        const allRowsMs = await sinceNavigation(page);
        // Interactive: with every row in, the keyboard moves the selection at once.
        await page.locator('.vlist').focus();
        await page.keyboard.press('End');
        await page.locator(`[role=option][aria-posinset="${handoffs}"][aria-selected="true"]`).waitFor();
        const interactiveMs = await sinceNavigation(page);
        queue.push({
          firstRowMs,
          allRowsMs,
          interactiveMs,
          renderedRows: await page.locator('[role=option]').count(),
        });
        process.stderr.write(`  queue run ${r + 1}: ${JSON.stringify(queue.at(-1))}\n`);
      }
    } finally {
      await b.close();
    }
    const summary = <T extends Record<string, number>>(rows: T[]) =>
      Object.fromEntries(
        Object.keys(rows[0]!).map((k) => [k, median(rows.map((x) => x[k as keyof T] as number))]),
      );
    return record('web', {
      database: 'pglite',
      handoffs,
      runs,
      seedSeconds,
      buildMs: built.ms,
      firstLoad: { coldMs: firstLoad[0], warmMedian: summary(firstLoad.slice(1)) },
      queue: { median: summary(queue), runs: queue },
      notes:
        'Times are milliseconds from the navigation start, in Debian Chromium (headless) on localhost. ' +
        'The queue reads its team list 500 rows a page; interactive = every row loaded and End selecting the last.',
    });
  } finally {
    await web.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(built.dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runWebQueueBench(), null, 2));
  process.exit(0);
}
