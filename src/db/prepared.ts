import { createHash } from 'node:crypto';
import { type PGlite, parse, protocol, types } from '@electric-sql/pglite';
import { DrizzleQueryError, type SQL } from 'drizzle-orm';
import type { Queryable } from './database.ts';

// Named prepared statements for the hot statements of a batch of sends. An unnamed statement is
// parsed and planned again at every run; a named one is parsed once per connection, and after a
// few runs PostgreSQL keeps its generic plan. For the locking read of a batch that planning cost
// as much as running it (PGlite and PostgreSQL alike).
//
// Drizzle names statements only on node-postgres, and PGlite's own query() never does, so for PGlite
// the statement goes through PGlite's public wire-protocol entry point (execProtocol), and its
// answer is read with PGlite's own result parser: the rows look exactly as `tx.execute` gives them.

/** The PGlite instance behind a drizzle session's client: the instance itself, or one of its transactions. */
const instanceOf = new WeakMap<object, PGlite>();
/** Per PGlite instance: the statements already parsed (node-postgres keeps its own per connection), and its type parsers. */
const sessions = new WeakMap<
  PGlite,
  { parsed: Set<string>; parsers: Record<number, (value: string) => unknown> }
>();

/**
 * Lets `executePrepared` find `client` from its drizzle sessions: PGlite hands drizzle a new
 * transaction object each time, so those are recorded as they begin.
 */
export function trackPglite(client: PGlite): void {
  instanceOf.set(client, client);
  const transaction = client.transaction.bind(client);
  client.transaction = (fn) =>
    transaction((tx) => {
      instanceOf.set(tx, client);
      return fn(tx);
    });
}

/** Names are bounded: a caller that builds statements with ever-changing text gets unnamed ones. */
const maxNamed = 256;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < maxNamed) {
    name = `baton_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

// As drizzle reads them: instants and dates stay the strings PostgreSQL wrote.
const asWritten = (value: string) => value;
const keptAsText = {
  [types.TIMESTAMP]: asWritten,
  [types.TIMESTAMPTZ]: asWritten,
  [types.INTERVAL]: asWritten,
  [types.DATE]: asWritten,
};

/** A parameter as the text PostgreSQL parses (node-postgres and PGlite send the same). */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return `{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Runs `query` as a named prepared statement, answering as `q.execute(query)` would. Meant for
 * statements whose text stays the same from run to run (their lists travel as JSON parameters).
 */
export async function executePrepared(q: Queryable, query: SQL): Promise<{ rows: unknown[] }> {
  // Drizzle keeps these internal; the send path's tests run on both databases through here.
  const { session, dialect } = q as unknown as {
    session: {
      client: object;
      prepareQuery(
        q: unknown,
        fields: undefined,
        name: string,
        arrayMode: false,
      ): { execute(): Promise<unknown> };
    };
    dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  };
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = nameOf(text);
  if (name === undefined) return q.execute(query) as Promise<{ rows: unknown[] }>;
  const lite = instanceOf.get(session.client);
  if (!lite)
    return session.prepareQuery({ sql: text, params }, undefined, name, false).execute() as Promise<{
      rows: unknown[];
    }>;
  try {
    return await runOnPglite(lite, name, text, params.map(asText));
  } catch (error) {
    // Wrapped as drizzle wraps every failed query, so callers and logs see one shape.
    throw new DrizzleQueryError(text, params, error as Error);
  }
}

async function runOnPglite(lite: PGlite, name: string, text: string, values: (string | null)[]) {
  let session = sessions.get(lite);
  if (!session) {
    // Merged once: PGlite's parser copies every parser it is given per call when handed an override,
    // which cost three times the reading of a batch's 65 rows.
    session = { parsed: new Set(), parsers: { ...lite.parsers, ...keptAsText } };
    sessions.set(lite, session);
  }
  const { parsed, parsers } = session;
  const { serialize } = protocol;
  return lite.runExclusive(async () => {
    const syncToFs = !lite.isInTransaction();
    // Parsed on its own first, so that a statement counts as parsed only once PostgreSQL has it.
    if (!parsed.has(name)) {
      await lite.execProtocol(joined([serialize.parse({ name, text }), serialize.sync()]), {
        syncToFs: false,
      });
      parsed.add(name);
    }
    const { messages } = await lite.execProtocol(
      joined([
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs },
    );
    return parse.parseResults(messages, parsers, { rowMode: 'object' })[0]!;
  });
}
