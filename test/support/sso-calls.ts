import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/database.ts';
import type { Harness } from './harness.ts';

/**
 * What the single sign-on tests do again and again: a browser's request (no credentials, its
 * user agent), an admin's save of the settings, a cookie the answer set, and a table's row count.
 */
export function ssoCalls(h: () => Harness, userAgent: string) {
  return {
    app: (path: string, headers: Record<string, string> = {}) =>
      h().runtime.app.request(path, { headers: { 'user-agent': userAgent, ...headers } }),
    put: (body: unknown, token?: string) =>
      h().request('PUT', '/api/v1/settings/single-sign-on', body, { token }),
    cookieOf: (res: Response, name: string) =>
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${name}=`))
        ?.split(';')[0],
    count: async (table: string) =>
      rowsOf<{ n: number }>(
        await h().database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)),
      )[0]!.n,
  };
}
