import pino from 'pino';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createApiToken } from '../../src/auth/auth.commands.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { type DatabaseKind, freshDatabase } from '../../src/db/testing.ts';
import { demoOrganisation } from '../../src/demo/organisation.ts';
import type { Role } from '../../src/http/context.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';

export const adminToken = 'test-admin-token';

export type Harness = {
  kind: DatabaseKind;
  database: Database;
  runtime: Runtime;
  org: Awaited<ReturnType<typeof createOrganisation>>;
  other: Awaited<ReturnType<typeof createOrganisation>>;
  /** The test clock: move it with `setNow` / `advance`. */
  now(): Date;
  setNow(at: string | Date): void;
  advance(ms: number): void;
  tokenFor(personKey: string, roles?: Role[]): Promise<string>;
  request(
    method: string,
    path: string,
    body?: unknown,
    opts?: { token?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: each test asserts the shape of the bodies it reads
  ): Promise<{ status: number; body: any; headers: Headers }>;
};

/** Monday 23 November 2026, 10:00 in London: inside every demo team's hours. */
export const mondayMorning = '2026-11-23T10:00:00Z';

export function databaseKinds(): DatabaseKind[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

async function createHarness(kind: DatabaseKind): Promise<Harness> {
  const database = await freshDatabase(kind, {
    pgliteDump: inject('pgliteDump'),
    postgresUrl: inject('postgresUrl'),
  });
  let now = new Date(mondayMorning);
  const clock = () => new Date(now);
  const config = { ...loadConfig({ BATON_ADMIN_TOKEN: adminToken, BATON_LOG_LEVEL: 'silent' }) };
  const org = await createOrganisation(
    database.db,
    withoutPasswords(demoOrganisation),
    new Date(now.getTime() - 60_000),
  );
  const other = await createOrganisation(
    database.db,
    { ...withoutPasswords(demoOrganisation), slug: 'other', name: 'Other Org' },
    now,
  );
  const runtime = await startRuntime(config, {
    database,
    clock,
    logger: pino({ level: 'silent' }),
    scheduler: false,
  });
  const tokens = new Map<string, string>();
  return {
    kind,
    database,
    runtime,
    org,
    other,
    now: clock,
    setNow: (at) => {
      now = new Date(at);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    async tokenFor(personKey, roles) {
      const key = `${personKey}:${roles?.join(',') ?? ''}`;
      const cached = tokens.get(key);
      if (cached) return cached;
      const spec = demoOrganisation.people.find((p) => p.key === personKey)!;
      const { token } = await createApiToken(database.db, {
        orgId: org.orgId,
        name: key,
        roles: (roles ?? spec.roles) as Role[],
        personId: org.personIds.get(personKey),
      });
      tokens.set(key, token);
      return token;
    },
    async request(method, path, body, opts = {}) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${opts.token ?? adminToken}`,
        ...opts.headers,
      };
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await runtime.app.request(path, { method, headers, body: payload });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}

/** Runs the suite once per database: PGlite, then the PostgreSQL server when one answers. */
export function describeOnDatabases(name: string, suite: (h: () => Harness) => void) {
  describeOn(databaseKinds(), name, suite);
}

/**
 * Runs the suite on the PostgreSQL server only, when one answers: for what needs two transactions
 * at once (PGlite runs one at a time).
 */
export function describeOnPostgres(name: string, suite: (h: () => Harness) => void) {
  // Reported as skipped without a server, like the other PostgreSQL-only suites (CI always has one).
  if (databaseKinds().includes('postgres')) return describeOn(['postgres'], name, suite);
  const none = (): Harness => {
    throw new Error('no PostgreSQL server answered');
  };
  describe.skip(`${name} [postgres]`, () => suite(none));
}

function describeOn(kinds: DatabaseKind[], name: string, suite: (h: () => Harness) => void) {
  for (const kind of kinds) {
    describe(`${name} [${kind}]`, () => {
      let harness: Harness | undefined;
      beforeAll(async () => {
        harness = await createHarness(kind);
      });
      afterAll(async () => {
        await harness?.runtime.close();
        await harness?.database.close();
      });
      suite(() => harness!);
    });
  }
}

/** A complete packet as the demo scenarios require. */
export const fullPacket = {
  whatHappened: 'Customer was charged twice for the October invoice and wants the duplicate refunded.',
  attempted: ['Checked the payment ledger: two captures of 89.00 on 3 Oct', 'Confirmed the card on file'],
  emotion: 'frustrated',
  documents: { required: ['bank_statement'], onFile: ['invoice'] },
  urgency: 'high',
  nextSteps: ['Refund the duplicate capture', 'Confirm the refund to the customer'],
  summary: 'Duplicate charge on the October invoice; ledger confirms two captures.',
};

export const newCase = (over: Record<string, unknown> = {}) => ({
  subject: 'Charged twice for October',
  customer: { externalId: 'cust-1001', name: 'Maria Lopez' },
  channel: 'voice',
  messages: [
    { role: 'customer', text: 'Hi, I was charged twice for my October invoice. Can you fix this?' },
    { role: 'agent', text: 'I can see two payments. I will pass this to our Finance team.' },
  ],
  documents: [{ kind: 'invoice', name: 'INV-2026-10.pdf' }],
  ...over,
});

/** scrypt is slow by design: only Amara keeps a password, for the sign-in tests. */
function withoutPasswords(spec: typeof demoOrganisation): typeof demoOrganisation {
  return { ...spec, people: spec.people.map((p) => (p.key === 'amara' ? p : { ...p, password: undefined })) };
}
