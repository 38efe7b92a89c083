import { and, eq, lt, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

// Keyset pagination, newest first, on (created_at, id): the cursor names the last row of a page, so
// rows written meanwhile neither repeat nor shift the next page, and two rows created in the same
// millisecond are both reached (a cursor on the instant alone would skip one of them).

export type Keyset = { at: Date; id: string };

/** The rows after `after` in (created_at desc, id desc) order; no condition on the first page. */
export const olderThan = (createdAt: AnyPgColumn, id: AnyPgColumn, after: Keyset | undefined) =>
  after ? or(lt(createdAt, after.at), and(eq(createdAt, after.at), lt(id, after.id))) : undefined;

export function encodeCursor(last: { createdAt: Date; id: string }): string {
  return Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Keyset | undefined {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  return Number.isNaN(when.getTime()) || !id || rest.length > 0 ? undefined : { at: when, id };
}

/** The `cursor` query parameter: a list's own `nextCursor`, refused with a clear error otherwise. */
export const cursorParam = z
  .string()
  .max(200)
  .refine(
    (c) => decodeCursor(c) !== undefined,
    'is not a cursor this list answered with (use its nextCursor)',
  );
