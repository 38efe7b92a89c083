import {
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { RiskCaps } from '../continuity/risk.ts';
import { createdAt, instant, orgId } from '../db/columns.ts';

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    timezone: text('timezone'),
    language: text('language'),
    createdAt: createdAt(),
    /** When the relationship began (tenure), from the helpdesk or a CSV import. */
    customerSince: date('customer_since', { mode: 'string' }),
    /** What the customer is worth a year, in the organisation's currency. */
    annualValue: doublePrecision('annual_value'),
    /** The plan or segment the helpdesk or CRM gives them (`enterprise`, `gold`). */
    tier: text('tier'),
    /** Where tenure and value last came from: `helpdesk` or `import`. */
    profileSource: text('profile_source'),
    profileUpdatedAt: instant('profile_updated_at'),
    /** When an admin erased their personal data (customers/erasure.ts), and who; null otherwise. */
    erasedAt: instant('erased_at'),
    erasedBy: text('erased_by'),
  },
  (t) => [uniqueIndex('customers_org_external').on(t.orgId, t.externalId)],
);

/** Per organisation: what "high value" means, and the risk score that pages a supervisor. */
export const customerRiskSettings = pgTable('customer_risk_settings', {
  orgId: text('org_id').primaryKey(),
  pageThreshold: integer('page_threshold').notNull().default(60),
  highValueMinAnnual: doublePrecision('high_value_min_annual'),
  highValueTiers: text('high_value_tiers').array().notNull().default([]),
  /** The reasons' caps a lead set (reason id -> points); reasons not named keep the model's. */
  caps: jsonb('caps').$type<RiskCaps>().notNull().default({}),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * Whether a customer's risk stands at or above the page threshold. Written only when that changes,
 * so a supervisor is paged once per crossing, not on every message.
 */
export const customerRiskState = pgTable('customer_risk_state', {
  customerId: text('customer_id').primaryKey(),
  orgId: orgId(),
  above: boolean('above').notNull(),
  score: integer('score').notNull(),
  changedAt: instant('changed_at').notNull(),
});

/**
 * Per organisation: after how many days without contact a customer's personal data is erased by the
 * retention schedule (customers/retention.ts); null or no row: never.
 */
export const customerRetentionSettings = pgTable('customer_retention_settings', {
  orgId: text('org_id').primaryKey(),
  eraseAfterDays: integer('erase_after_days'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
