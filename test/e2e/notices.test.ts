import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { notifyOnCommit } from '../../src/db/notices.ts';
import { describeOnDatabases } from '../support/harness.ts';

// A change's notices (the events channel, the schedulers' and the outbox's wake-ups) reach
// listeners only once it commits, in the order raised, and never if it rolls back. PostgreSQL's
// NOTIFY does this across processes; on PGlite, one process, Baton keeps them in process
// (db/notices.ts). Both databases must behave the same.

const channel = 'baton_test_notices';
const settle = () => new Promise((r) => setTimeout(r, 100));

describeOnDatabases('notices raised in a transaction', (h) => {
  async function listening() {
    const heard: string[] = [];
    const unlisten = await h().database.listen(channel, (payload) => heard.push(payload));
    return { heard, unlisten };
  }

  it('reach listeners after the commit, in order, and not before', async () => {
    const { heard, unlisten } = await listening();
    let heardInside: string[] = [];
    await h().database.db.transaction(async (tx) => {
      await notifyOnCommit(tx, [
        { channel, payload: 'first' },
        { channel, payload: 'second' },
      ]);
      await tx.execute(sql`select 1`);
      await settle();
      heardInside = [...heard];
    });
    await settle();
    expect(heardInside).toEqual([]);
    expect(heard).toEqual(['first', 'second']);
    await unlisten();
  });

  it('reach listeners once when one transaction raises the same notice twice, as NOTIFY folds them', async () => {
    const { heard, unlisten } = await listening();
    await h().database.db.transaction(async (tx) => {
      await notifyOnCommit(tx, [
        { channel, payload: 'wake' },
        { channel, payload: 'other' },
      ]);
      await tx.transaction(async (sp) => {
        await notifyOnCommit(sp, [{ channel, payload: 'wake' }]);
      });
      await notifyOnCommit(tx, [{ channel, payload: 'wake' }]);
    });
    await h().database.db.transaction(async (tx) => {
      await notifyOnCommit(tx, [{ channel, payload: 'wake' }]);
    });
    await settle();
    expect(heard).toEqual(['wake', 'other', 'wake']);
    await unlisten();
  });

  it('are dropped with a transaction that rolls back, and with a savepoint that does', async () => {
    const { heard, unlisten } = await listening();
    const failed = h().database.db.transaction(async (tx) => {
      await notifyOnCommit(tx, [{ channel, payload: 'rolled back' }]);
      throw new Error('the change fails');
    });
    await expect(failed).rejects.toThrow('the change fails');
    await h().database.db.transaction(async (tx) => {
      await notifyOnCommit(tx, [{ channel, payload: 'kept' }]);
      await expect(
        tx.transaction(async (sp) => {
          await notifyOnCommit(sp, [{ channel, payload: 'savepoint rolled back' }]);
          throw new Error('the savepoint fails');
        }),
      ).rejects.toThrow('the savepoint fails');
      await tx.transaction(async (sp) => {
        await notifyOnCommit(sp, [{ channel, payload: 'savepoint released' }]);
      });
    });
    await settle();
    expect(heard).toEqual(['kept', 'savepoint released']);
    await unlisten();
  });

  it('outside a transaction reach listeners at once; an unsubscribed listener hears nothing', async () => {
    const { heard, unlisten } = await listening();
    await h().database.notify(channel, 'direct');
    await settle();
    expect(heard).toEqual(['direct']);
    await unlisten();
    await h().database.notify(channel, 'after unlisten');
    await settle();
    expect(heard).toEqual(['direct']);
  });
});
