import { text, timestamp } from 'drizzle-orm/pg-core';

/** Every tenant-owned row carries its organisation (partitionable by org_id later). */
export const orgId = () => text('org_id').notNull();
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
