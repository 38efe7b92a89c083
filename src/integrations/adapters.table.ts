import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, orgId } from '../db/columns.ts';

/**
 * Which Baton scenario a helpdesk group stands for, per organisation: a ticket moved to a mapped
 * group (Zendesk group, Freshdesk group, Intercom team) becomes a draft handoff under that scenario.
 * `group` matches the source's group id or, case-insensitively, its name.
 */
export const adapterGroupMappings = pgTable(
  'adapter_group_mappings',
  {
    orgId: orgId(),
    source: text('source').notNull(),
    group: text('group').notNull(),
    scenario: text('scenario').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.source, t.group] })],
);
