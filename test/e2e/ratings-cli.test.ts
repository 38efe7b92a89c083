import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../../src/cases/cases.commands.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { organisations } from '../../src/orgs/orgs.table.ts';
import { satisfactionRatings } from '../../src/satisfaction/satisfaction.table.ts';
import { batonOn, demoWithoutPasswords } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-ratings-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baton = batonOn(dataDir);

const freshdesk = (id: number, ticket: number, value: number) => ({
  id,
  ticket_id: ticket,
  created_at: '2026-11-20T10:00:00Z',
  feedback: 'From the survey',
  ratings: { default_question: value },
});

describe('baton ratings import', { timeout: 180_000 }, () => {
  it('records a Freshdesk page into the data folder, refusing a wrong file whole with each problem named', async () => {
    const database = await openDatabase({ dataDir });
    const spec = demoWithoutPasswords;
    await createOrganisation(database.db, spec, new Date('2026-11-01T00:00:00Z'));
    const [org] = await database.db.select().from(organisations).where(eq(organisations.slug, 'demo'));
    const principal = {
      orgId: org!.id,
      personId: null,
      roles: new Set(['admin'] as const),
      via: 'admin-token' as const,
    };
    await createCase(
      database.db,
      {
        subject: 'Refund',
        customer: { externalId: 'c-1', name: 'Ann' },
        channel: 'email',
        externalId: '7001',
      },
      { principal, now: new Date('2026-11-19T10:00:00Z') },
    );
    await database.close();

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([freshdesk(1, 7001, 103), freshdesk(2, 7001, 5)]));
    const refused = await baton('ratings', 'import', bad, '--format', 'freshdesk');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad}: 1.ratings.default_question: a Freshdesk survey value`);
    expect(refused.stderr).toMatch(/nothing was imported/);

    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify([freshdesk(1, 7001, 103), freshdesk(2, 6999, -103)]));
    const done = await baton('ratings', 'import', good, '--format', 'freshdesk', '--org', 'demo');
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({
      created: 1,
      changed: 0,
      unchanged: 0,
      skipped: [{ index: 1, reason: 'case_not_found', case: '6999' }],
    });
    expect(done.stderr).toContain('1 new, 0 changed, 0 unchanged, 1 skipped');
    const again = await baton('ratings', 'import', good, '--format', 'freshdesk');
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 1 });

    const plain = join(dir, 'plain.json');
    writeFileSync(
      plain,
      JSON.stringify({ ratings: [{ caseExternalId: '7001', rating: 'bad', externalId: 'z-1' }] }),
    );
    expect((await baton('ratings', 'import', plain)).stderr).toContain('source');
    const sourced = await baton('ratings', 'import', plain, '--source', 'zendesk');
    expect(JSON.parse(sourced.stdout)).toMatchObject({ created: 1 });

    const check = await openDatabase({ dataDir });
    const rows = await check.db.select().from(satisfactionRatings);
    await check.close();
    expect(rows.map((r) => [r.source, r.rating, r.comment]).sort()).toEqual([
      ['freshdesk', '5', 'From the survey'],
      ['zendesk', 'bad', null],
    ]);
  });
});
