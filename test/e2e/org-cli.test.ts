import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/auth/auth.commands.ts';
import { openDatabase } from '../../src/db/open.ts';
import { organisations } from '../../src/orgs/orgs.table.ts';
import { scenarios } from '../../src/scenarios/scenarios.table.ts';
import { teams } from '../../src/teams/teams.table.ts';
import { batonOn } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-org-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baton = batonOn(dataDir);

describe('baton org create', { timeout: 180_000 }, () => {
  it('makes organisations with their first admin, printing the password once, and refuses a wrong one changing nothing', async () => {
    const made = await baton(
      'org',
      'create',
      '--name',
      'Acme Support',
      '--admin-email',
      'Ann@Acme.example',
      '--admin-name',
      'Ann Lee',
      '--timezone',
      'America/Chicago',
    );
    expect(made.code, made.stderr).toBe(0);
    const out = JSON.parse(made.stdout);
    expect(out.organisation).toMatchObject({
      slug: 'acme-support',
      name: 'Acme Support',
      timezone: 'America/Chicago',
    });
    expect(out.admin).toMatchObject({ name: 'Ann Lee', email: 'ann@acme.example' });
    expect(out.admin.password).toMatch(/^[\w-]{24}$/);
    expect(out.teams).toHaveLength(5);
    expect(out.scenarios).toHaveLength(6);
    expect(made.stderr).toContain('ann@acme.example signs in with the password above');

    // A second tenant, without starter teams; then what is wrong is named and nothing is made.
    const bare = await baton(
      'org',
      'create',
      '--name',
      'Bare',
      '--slug',
      'bare-co',
      '--admin-email',
      'bo@bare.example',
      '--admin-name',
      'Bo',
      '--no-starter-teams',
    );
    expect(bare.code, bare.stderr).toBe(0);
    expect(JSON.parse(bare.stdout)).toMatchObject({ teams: [], scenarios: [] });
    const taken = await baton(
      'org',
      'create',
      '--name',
      'Acme support',
      '--admin-email',
      'x@acme.example',
      '--admin-name',
      'X',
    );
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('an organisation called acme-support exists already');
    const badZone = await baton(
      'org',
      'create',
      '--name',
      'Zed',
      '--admin-email',
      'z@zed.example',
      '--admin-name',
      'Z',
      '--timezone',
      'Mars/Olympus_Mons',
    );
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toContain('--timezone: must be an IANA time zone');
    const badEmail = await baton(
      'org',
      'create',
      '--name',
      'Zed',
      '--admin-email',
      'nope',
      '--admin-name',
      'Z',
    );
    expect(badEmail.stderr).toContain('--admin-email: must be an email address');

    const database = await openDatabase({ dataDir });
    try {
      const orgs = await database.db.select().from(organisations);
      expect(orgs.map((o) => o.slug).sort()).toEqual(['acme-support', 'bare-co']);
      expect(await database.db.select().from(teams)).toHaveLength(5);
      expect(await database.db.select().from(scenarios)).toHaveLength(6);
      // The printed password is the admin's.
      const session = await signIn(database.db, 'ann@acme.example', out.admin.password, new Date());
      expect(session.person).toMatchObject({ name: 'Ann Lee', roles: ['admin', 'lead'] });
    } finally {
      await database.close();
    }
  });
});
