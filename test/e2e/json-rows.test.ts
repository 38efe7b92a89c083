import { inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { insertRows } from '../../src/db/json-rows.ts';
import { timers } from '../../src/jobs/timers.table.ts';
import { describeOnDatabases } from '../support/harness.ts';

// insertRows sends many rows as one JSON parameter; what comes back must be what a plain insert writes.

describeOnDatabases('rows inserted as one JSON parameter', (h) => {
  it('keeps dates to the millisecond, nested JSON as JSON, nulls where a row leaves a column out, defaults elsewhere', async () => {
    const db = h().database.db;
    const orgId = h().org.orgId;
    const due = new Date('2027-02-03T04:05:06.789Z');
    await db.execute(
      insertRows(timers, [
        {
          orgId,
          kind: 'test.json-rows',
          refId: 'jr-1',
          dueAt: due,
          payload: { nested: { n: 1, list: ['a', 'b\'"'] } },
        },
        { orgId, kind: 'test.json-rows', refId: 'jr-2', dueAt: due, payload: {}, firedAt: due },
      ]),
    );
    const rows = await db
      .select()
      .from(timers)
      .where(inArray(timers.refId, ['jr-1', 'jr-2']));
    rows.sort((a, b) => a.refId.localeCompare(b.refId));
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual([due.toISOString(), due.toISOString()]);
    expect(rows[0]!.payload).toEqual({ nested: { n: 1, list: ['a', 'b\'"'] } });
    expect(rows.map((r) => r.firedAt?.toISOString() ?? null)).toEqual([null, due.toISOString()]);
    // Columns no row names take their defaults: the id sequence, attempts, created_at.
    expect(rows.every((r) => r.id > 0 && r.attempts === 0 && r.createdAt instanceof Date)).toBe(true);
  });

  it('refuses the whole insert when one row breaks a constraint', async () => {
    const db = h().database.db;
    const orgId = h().org.orgId;
    const attempt = db.execute(
      insertRows(timers, [
        { orgId, kind: 'test.json-rows', refId: 'jr-3', dueAt: new Date() },
        { orgId, kind: 'test.json-rows', refId: 'jr-4', dueAt: null as unknown as Date },
      ]),
    );
    await expect(attempt).rejects.toThrow();
    expect(
      await db
        .select()
        .from(timers)
        .where(inArray(timers.refId, ['jr-3', 'jr-4'])),
    ).toEqual([]);
  });
});
