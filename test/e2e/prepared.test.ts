import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { executePrepared } from '../../src/db/prepared.ts';
import { describeOnDatabases } from '../support/harness.ts';

// Named prepared statements (db/prepared.ts): the hot statements of a batch of sends run through
// them, on PGlite by its wire-protocol entry point. They must answer exactly as `execute` does,
// keep one statement per text in the session, and leave the session usable after an error.

const sample = (tag: string, list: unknown[]) => sql`
  select ${tag}::text as tag, 42::int as n, '{"a": [1, 2]}'::jsonb as doc,
    ${sql.param(list)}::text[] as list, null::text as nothing,
    '2026-12-03 10:00:00+00'::timestamptz as at`;

const preparedNames = sql`select name, statement from pg_prepared_statements where name like 'baton_%'`;

describeOnDatabases('named prepared statements', (h) => {
  it('answer as execute does: json, integers, text arrays, nulls and instants alike', async () => {
    const db = h().database.db;
    const list = ['plain', 'with "quotes"', 'back\\slash', 'comma, and {braces}', ''];
    const prepared = rowsOf(await executePrepared(db, sample('one', list)));
    const direct = rowsOf(await db.execute(sample('one', list)));
    expect(prepared).toEqual(direct);
    expect(prepared[0]).toMatchObject({ tag: 'one', n: 42, doc: { a: [1, 2] }, list, nothing: null });
  });

  it('parse a statement once per session and run it again with new parameters', async () => {
    const db = h().database.db;
    const seen = await db.transaction(async (tx) => {
      const answers = [];
      for (const tag of ['a', 'b', 'c'])
        answers.push(rowsOf<{ tag: string }>(await executePrepared(tx, sample(tag, [tag])))[0]!.tag);
      const named = rowsOf<{ name: string; statement: string }>(await tx.execute(preparedNames));
      return { answers, named: named.filter((s) => s.statement.includes('as tag, 42::int')) };
    });
    expect(seen.answers).toEqual(['a', 'b', 'c']);
    // One statement for the three runs (PostgreSQL's own list of this session's prepared statements).
    expect(seen.named).toHaveLength(1);
  });

  it('fail like execute on bad input, roll the transaction back, and stay usable', async () => {
    const db = h().database.db;
    await db.execute(sql`create table if not exists prepared_probe (id text primary key)`);
    const insert = (id: string) => sql`insert into prepared_probe (id) values (${id}) returning id`;
    await executePrepared(db, insert('first'));
    await expect(
      db.transaction(async (tx) => {
        await executePrepared(tx, insert('second'));
        await executePrepared(tx, insert('first'));
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    // The failed transaction left nothing, and the same statement runs again afterwards.
    await executePrepared(db, insert('third'));
    const ids = rowsOf<{ id: string }>(await db.execute(sql`select id from prepared_probe order by id`));
    expect(ids.map((r) => r.id)).toEqual(['first', 'third']);
    // A statement PostgreSQL refuses to parse is never counted as parsed: the same error twice.
    for (let i = 0; i < 2; i++)
      await expect(executePrepared(db, sql`select from nowhere at all`)).rejects.toMatchObject({
        cause: { code: '42601' },
      });
  });
});
