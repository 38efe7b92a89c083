import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import pino from 'pino';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const chromiumPath = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = process.env.BATON_SCREENSHOTS ?? join(tmpdir(), 'baton-web-screens');

/** Builds the web app into a fresh folder (never touching web/dist), with the repository's vite.config.ts. */
export async function buildWeb(): Promise<{ dir: string; ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-web-dist-'));
  const started = performance.now();
  await promisify(execFile)(
    process.execPath,
    [
      join(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: repo,
      // Vitest sets NODE_ENV=test, which Vite would honour with React's development build (double
      // effects, dev warnings, slower): the browser tests run the bundle users get.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  return { dir, ms: Math.round(performance.now() - started) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Browser test files take turns (a lock folder per checkout): each one's timings (first load, frame
 * times) are measured without another file's Chromiums on the same CPUs, and the suite's wall time is
 * about the sum of the files. A lock whose holder died is taken over; after `maxWaitMs` a file goes
 * ahead anyway rather than fail.
 */
async function takeBrowserTurn(maxWaitMs = 90_000): Promise<() => void> {
  const dir = join(tmpdir(), `baton-web-turn-${createHash('sha1').update(repo).digest('hex').slice(0, 10)}`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      const release = () => rmSync(dir, { recursive: true, force: true });
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    } catch {
      // just created, its pid not written yet
    }
    if (Number.isFinite(holder) && holder > 0 && !alive(holder))
      rmSync(dir, { recursive: true, force: true });
    else if (Date.now() - started > maxWaitMs) return () => undefined;
    else await sleep(250);
  }
}

/** The admin token of `startWebServer`'s Baton. */
export const webAdminToken = 'web-test-admin';

/** The demo organisation with only the named people keeping their password (scrypt is slow by design). */
export function demoWithPasswordsFor(keys: string[]): typeof demoOrganisation {
  return {
    ...demoOrganisation,
    people: demoOrganisation.people.map((p) => (keys.includes(p.key) ? p : { ...p, password: undefined })),
  };
}

export type WebServer = {
  url: string;
  runtime: Runtime;
  org: Awaited<ReturnType<typeof createOrganisation>>;
  close(): Promise<void>;
};

/**
 * A real Baton on a random port, over a fresh database, serving a built web app the way
 * src/server.ts does. Real clock, scheduler on: clocks breach as they would in production. It waits
 * for its turn (see `takeBrowserTurn`) and gives it up on `close`.
 */
export async function startWebServer(
  database: Database,
  distDir: string,
  passwordsFor: string[],
): Promise<WebServer> {
  const releaseTurn = await takeBrowserTurn();
  try {
    const org = await createOrganisation(
      database.db,
      demoWithPasswordsFor(passwordsFor),
      new Date(Date.now() - 60_000),
    );
    return { ...(await serveWeb(database, distDir, {}, releaseTurn)), org };
  } catch (error) {
    releaseTurn();
    throw error;
  }
}

/**
 * The same Baton on a database left as it is (a new one has no organisation: the setup page's), with
 * `env` added to its configuration.
 */
export async function serveWeb(
  database: Database,
  distDir: string,
  env: Record<string, string>,
  releaseTurn?: () => void,
): Promise<Omit<WebServer, 'org'>> {
  const release = releaseTurn ?? (await takeBrowserTurn());
  const config = loadConfig({
    BATON_ADMIN_TOKEN: webAdminToken,
    BATON_LOG_LEVEL: 'silent',
    BATON_SCHEDULER_INTERVAL_MS: '200',
    // The periodic jobs keep to their intervals: a retention or review job running a minute into a
    // browser test would change what the test is looking at.
    BATON_JOBS_FIRST_RUN_S: '86400',
    ...env,
  });
  const runtime = await startRuntime(config, { database, logger: pino({ level: 'silent' }) });
  const index = readFileSync(join(distDir, 'index.html'), 'utf8');
  runtime.app.use('/assets/*', serveStatic({ root: distDir }));
  runtime.app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(index)));
  const server = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    async close() {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
      release();
    },
  };
}

/** One person's browser: its own profile, so its own cookies. Console errors are collected. */
export async function openBrowser(name: string): Promise<{
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Every console error and page error, failed requests included: a page a person merely visits logs none. */
  console: string[];
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), `baton-chromium-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1366, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const all: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => {
      errors.push(`pageerror: ${e.message}`);
      all.push(`pageerror: ${e.message}`);
    });
    p.on('console', (m) => {
      if (m.type() === 'error') all.push(`${m.text()} (${m.location().url})`);
      // A 4xx answer the app expects (401 before sign-in, 422 for an incomplete packet) is logged by Chromium; anything else is a bug.
      if (
        m.type() === 'error' &&
        !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
      )
        errors.push(m.text());
    });
  };
  watch(page);
  context.on('page', watch);
  return {
    context,
    page,
    errors,
    console: all,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export async function signIn(page: Page, url: string, email: string, password = 'baton-demo') {
  await page.goto(url);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('current-person').waitFor();
}

/**
 * A small accessibility check run in the page: every form control has an accessible name, every
 * button has text, the page has one h1 and a language. (A full axe run needs axe-core.)
 */
export async function basicA11y(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (!document.documentElement.lang) problems.push('html has no lang');
    const h1 = document.querySelectorAll('h1').length;
    if (h1 !== 1) problems.push(`${h1} h1 elements`);
    for (const el of document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea')) {
      const input = el as HTMLInputElement;
      const named =
        (input.labels && input.labels.length > 0) ||
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        el.closest('label');
      if (!named)
        problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.id || el.getAttribute('name') || ''}`);
    }
    for (const b of document.querySelectorAll<HTMLElement>('button, a[href]')) {
      if (!(b.textContent ?? '').trim() && !b.getAttribute('aria-label'))
        problems.push(`nameless ${b.tagName.toLowerCase()}`);
    }
    return problems;
  });
}
