import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import type { Database } from '../../src/db/database.ts';
import { freshDatabase } from '../../src/db/testing.ts';
import type { Role } from '../../src/http/context.ts';
import {
  buildWeb,
  openBrowser,
  screenshot,
  signIn,
  startWebServer,
  type WebServer,
  webAdminToken,
} from './browser.ts';

/**
 * The set-up every browser test file shares, as Vitest hooks: call these at the top of a file (or of
 * a `describe`). What each test checks (console errors, axe, screenshots) stays in the test.
 */
export type Browser = Awaited<ReturnType<typeof openBrowser>>;

/**
 * The Chromiums of one test file: all closed after the file, and every open page pictured when a
 * test fails (`failed-<shots>-<test>-<browser>-<page>.png`).
 */
export function withBrowsers(shots: string) {
  const open: Browser[] = [];
  const closeAll = async () => {
    for (const b of open.splice(0)) await b.close().catch(() => undefined);
  };
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const test = ctx.task.name.slice(0, 30).replace(/\W+/g, '-');
    for (const [n, b] of open.entries())
      for (const [i, p] of b.context.pages().entries())
        await screenshot(p, `failed-${shots}-${test}-${n}-${i}`).catch(() => undefined);
  });
  afterAll(closeAll);
  const openOne = async (name: string): Promise<Browser> => {
    const b = await openBrowser(name);
    open.push(b);
    return b;
  };
  return {
    open: openOne,
    /** A new browser, signed in at `url` as `email` (demo password). */
    async signedIn(name: string, url: string, email: string): Promise<Browser> {
      const b = await openOne(name);
      await signIn(b.page, url, email);
      return b;
    },
    /** Closes a browser no test needs any more: a later measure should not share the CPU with it. */
    async close(b: Browser) {
      open.splice(open.indexOf(b), 1);
      await b.close();
    },
    /** The browsers still open, the latest last. */
    get all(): readonly Browser[] {
      return open;
    },
    closeAll,
  };
}

export type WebAppOptions = {
  /** The demo people who keep their password, to sign in with. */
  people: string[];
  /** Names the screenshots a failing test leaves behind. */
  shots: string;
  /** Runs in the same `beforeAll` once the server is up: seed data, open a shared browser. */
  ready?: (app: WebApp) => Promise<void>;
  /** For the whole `beforeAll`: the build, the server and `ready`. */
  setupTimeoutMs?: number;
};

export type WebApp = ReturnType<typeof withWebApp>;

/**
 * The built web app served by a real Baton (real clock, scheduler on) on a fresh PGlite, with
 * admin API calls and the file's browsers. Everything is closed and removed after the file.
 */
export function withWebApp(options: WebAppOptions) {
  let server: WebServer | undefined;
  let database: Database | undefined;
  let dist = '';
  let buildMs = 0;
  const browsers = withBrowsers(options.shots);
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the web app is used before its beforeAll has run');
    return value;
  };

  const app = {
    get web(): WebServer {
      return started(server);
    },
    get url(): string {
      return started(server).url;
    },
    get database(): Database {
      return started(database);
    },
    /** How long the web build took, in ms. */
    get buildMs(): number {
      return buildMs;
    },
    /** An API call in-process; an answer of 300 or more throws with its body. */
    async call(method: string, path: string, body?: unknown, token = webAdminToken) {
      const res = await started(server).runtime.app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    /** A new API token acting as the demo person `key`, with these roles. */
    async tokenOf(key: string, roles: Role[]): Promise<string> {
      const { org } = started(server);
      const { token } = await createApiToken(started(database).db, {
        orgId: org.orgId,
        name: key,
        roles,
        personId: org.personIds.get(key),
      });
      return token;
    },
    browser: (name: string) => browsers.open(name),
    signedIn: (name: string, email: string) => browsers.signedIn(name, started(server).url, email),
    closeBrowser: (b: Browser) => browsers.close(b),
    get browsers(): readonly Browser[] {
      return browsers.all;
    },
  };

  beforeAll(async () => {
    const [built, db] = await Promise.all([
      buildWeb(),
      freshDatabase('pglite', { pgliteDump: inject('pgliteDump'), postgresUrl: null }),
    ]);
    dist = built.dir;
    buildMs = built.ms;
    database = db;
    server = await startWebServer(db, dist, options.people);
    await options.ready?.(app);
  }, options.setupTimeoutMs ?? 180_000);

  afterAll(async () => {
    // Browsers first: the server's close waits for their open connections.
    await browsers.closeAll();
    await server?.close();
    await database?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  return app;
}
