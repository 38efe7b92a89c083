import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../../src/cases/cases.commands.ts';
import { newCaseSchema } from '../../src/cases/cases.types.ts';
import { lockDataDir } from '../../src/db/lock.ts';
import { openDatabase } from '../../src/db/open.ts';
import { newHandoffSchema } from '../../src/handoffs/handoffs.types.ts';
import { createHandoff } from '../../src/handoffs/send.commands.ts';
import type { Principal } from '../../src/http/context.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { batonOn, demoWithoutPasswords } from '../support/cli.ts';
import { fullPacket, newCase } from '../support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-review-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baton = batonOn(dataDir);

/** An organisation with one handed-off case in 2026-W48, written straight into the data folder. */
async function seed() {
  const database = await openDatabase({ dataDir });
  try {
    const now = new Date('2026-11-24T10:00:00Z');
    const spec = demoWithoutPasswords;
    const org = await createOrganisation(database.db, spec, new Date('2026-11-01T00:00:00Z'));
    const principal: Principal = {
      orgId: org.orgId,
      personId: null,
      roles: new Set(['admin']),
      via: 'admin-token',
    };
    const input = newCaseSchema.parse({ ...newCase(), issueType: 'billing' });
    const caseId = await createCase(database.db, input, { principal, now });
    const handoff = newHandoffSchema.parse({ scenario: 'billing-to-finance', packet: fullPacket });
    await createHandoff(database.db, caseId, handoff, { principal, now });
  } finally {
    await database.close();
  }
}

// Each run of the CLI starts PGlite on a folder (seconds; the first also creates it).
describe('baton review', { timeout: 120_000 }, () => {
  it('says so when the database has no organisation yet', async () => {
    const run = await baton('review', '--week', '2026-W48');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no organisation in this database yet/);
  });

  it('prints the review of a week, and writes JSON and HTML files', async () => {
    await seed();
    const printed = await baton('review', '--week', '2026-W48', '--org', 'demo');
    expect(printed.code, printed.stderr).toBe(0);
    const review = JSON.parse(printed.stdout);
    expect(review.week.id).toBe('2026-W48');
    expect([review.metrics.cases, review.metrics.handoffs]).toEqual([1, 1]);
    expect(printed.stderr).toMatch(/review 2026-W48 \(demo\): 1 cases, 1 handoffs/);

    const json = join(dir, 'review.json');
    const html = join(dir, 'review.html');
    const written = await baton('review', '--week', '2026-W48', '--json', json, '--html', html);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(json, 'utf8')).metrics.escalation).toEqual({ count: 1, of: 1, rate: 1 });
    expect(readFileSync(html, 'utf8')).toContain('Northwind Home Services');
  });

  it('refuses politely while a server holds the data folder', async () => {
    const release = lockDataDir(dataDir);
    try {
      const run = await baton('review', '--week', '2026-W48');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('held by a running Baton');
      expect(run.stderr).toContain('GET /api/v1/analytics/review?week=2026-W48');
    } finally {
      release();
    }
  });

  it('refuses a week that is not one', async () => {
    for (const week of ['2026-48', '2026-W60']) {
      const run = await baton('review', '--week', week);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/ISO week/);
    }
  });
});
