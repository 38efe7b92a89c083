import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { createOrganisation } from '../../src/orgs/orgs.commands.ts';
import { batonOn, demoWithoutPasswords } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-customers-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baton = batonOn(dataDir);

describe('baton customers import', { timeout: 180_000 }, () => {
  it('imports a CSV into the data folder, and refuses a wrong file whole with each row named', async () => {
    const database = await openDatabase({ dataDir });
    const spec = demoWithoutPasswords;
    await createOrganisation(database.db, spec, new Date('2026-11-01T00:00:00Z'));
    await database.close();

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'external_id,name,annual_value\nc-1,Ann,12000\nc-2,Bob,lots\n,Cy,1\n');
    const refused = await baton('customers', 'import', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad}:3 annual_value: "lots" is not an amount of 0 or more`);
    expect(refused.stderr).toContain(`${bad}:4 external_id: required`);
    expect(refused.stderr).toMatch(/nothing was imported/);

    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      'external_id,name,customer_since,annual_value,tier\nc-1,Ann,2020-01-15,12000,gold\nc-2,Bob,,,\n',
    );
    const done = await baton('customers', 'import', good, '--org', 'demo');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({ created: 2, updated: 0, rows: 2 });
    const again = await baton('customers', 'import', good);
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, updated: 2, rows: 2 });
    expect((await baton('customers', 'import', join(dir, 'missing.csv'))).code).toBe(2);
  });
});
