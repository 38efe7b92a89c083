import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { deliverNoticesOnCommit, type Notice } from './notices.ts';
import { trackPglite } from './prepared.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or a transaction. */
export type Queryable = Db | Tx;

export type NotificationHandler = (payload: string) => void;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * Subscribes to a Postgres NOTIFY channel; resolves to an unsubscribe function. On PGlite, one
   * process by construction, notices never leave the process (db/notices.ts).
   */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
  /** The underlying PGlite instance, for dumps in tests. */
  pglite?: PGlite;
}

export function pgliteDatabase(client: PGlite, onClose?: () => Promise<void>): Database {
  trackPglite(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const handlers = new Map<string, Set<NotificationHandler>>();
  // As PostgreSQL delivers them: after the commit, on a turn of their own, each listener apart.
  const deliver = (notices: Notice[]) =>
    queueMicrotask(() => {
      for (const n of notices)
        for (const h of handlers.get(n.channel) ?? []) {
          try {
            h(n.payload);
          } catch {
            // One listener's failure must not keep the notice from the others, as with LISTEN.
          }
        }
    });
  deliverNoticesOnCommit(db, deliver);
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async listen(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
      };
    },
    async notify(channel, payload) {
      deliver([{ channel, payload }]);
    },
    async close() {
      await client.close();
      await onClose?.();
    },
  };
}

export function postgresDatabase(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (server restart) must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  // A checked-out client whose connection drops between two queries of a transaction emits 'error'
  // with no listener attached by the pool: without this, a PostgreSQL restart under load crashes the process.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  const handlers = new Map<string, Set<NotificationHandler>>();
  /** The LISTEN connection, re-opened (with every channel listened again) whenever it drops. */
  function listenerClient(): Promise<pg.Client> {
    if (listener) return Promise.resolve(listener);
    connecting ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      let lost = false;
      const onLost = () => {
        if (lost) return;
        lost = true;
        if (listener === client) listener = undefined;
        client.end().catch(() => {});
        if (!closed) setTimeout(reconnect, 250);
      };
      client.on('error', onLost);
      client.on('end', onLost);
      client.on('notification', (n) => {
        for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
      });
      await client.connect();
      for (const channel of handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listener = client;
      return client;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }
  function reconnect() {
    if (closed || listener) return;
    listenerClient().catch(() => setTimeout(reconnect, 1000));
  }
  return {
    kind: 'postgres',
    db,
    async listen(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        const client = await listenerClient();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
      };
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

/** Rows of a raw `execute` (both drivers answer `{rows}`; the shared type cannot say so). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Like Promise.all for lazy Drizzle queries, but one after another: a transaction has one
 * connection, and the pg driver will refuse overlapping queries on one client (pg 9).
 */
export async function inOrder<T extends readonly unknown[] | []>(
  queries: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as { -readonly [P in keyof T]: Awaited<T[P]> };
}
