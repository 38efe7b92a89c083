import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type AdminCtx, recordChange } from '../admin/admin-changes.commands.ts';
import { replacedFields, settingsSubject } from '../admin/changes.ts';
import type { RiskCaps, RiskReasonId } from '../continuity/risk.ts';
import type { Db, Queryable } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { ApiError } from '../http/errors.ts';
import { riskSettingsOf } from './customers.queries.ts';
import { customerRiskSettings, customers } from './customers.table.ts';
import type { CustomerProfile, ImportIssue, RiskSettings, RiskSettingsInput } from './customers.types.ts';
import { parseCustomerCsv } from './import.ts';

const refuse = (issues: ImportIssue[]) =>
  new ApiError(
    'invalid_import',
    `the file has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported`,
    { issues },
  );

/**
 * Imports tenure and value from a CSV: every row is checked first and the file is refused whole
 * when one is wrong; otherwise known customers are updated (blank cells keep their value) and new
 * ones created, in one transaction.
 */
export async function importCustomers(db: Db, orgId: string, csv: string, now: Date) {
  const { rows, issues } = parseCustomerCsv(csv, now.toISOString().slice(0, 10));
  if (issues.length) throw refuse(issues);
  return db.transaction(async (tx) => {
    const known = new Set<string>();
    for (let i = 0; i < rows.length; i += 1000) {
      const ids = rows.slice(i, i + 1000).map((r) => r.externalId);
      const found = await tx
        .select({ externalId: customers.externalId })
        .from(customers)
        .where(and(eq(customers.orgId, orgId), inArray(customers.externalId, ids)))
        .for('update');
      for (const f of found) known.add(f.externalId);
    }
    const unnamed = rows
      .filter((r) => !known.has(r.externalId) && !r.name)
      .map((r) => ({
        line: r.line!,
        column: 'name',
        message: `a new customer ${r.externalId} needs a name`,
      }));
    if (unnamed.length) throw refuse(unnamed);
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      if (known.has(r.externalId)) {
        await tx
          .update(customers)
          .set({ ...profileSet(r, now), ...(r.name ? { name: r.name } : {}) })
          .where(and(eq(customers.orgId, orgId), eq(customers.externalId, r.externalId)));
        updated++;
      } else {
        await tx.insert(customers).values({
          id: newId('cu'),
          orgId,
          externalId: r.externalId,
          name: r.name!,
          createdAt: now,
          ...profileSet(r, now),
        });
        created++;
      }
    }
    return { created, updated, rows: rows.length };
  });
}

/** The columns a profile sets: only those it carries, so a blank cell never erases what is known. */
function profileSet(r: Omit<CustomerProfile, 'externalId'>, now: Date, source = 'import') {
  const set: Partial<typeof customers.$inferInsert> = {};
  if (r.email !== undefined) set.email = r.email;
  if (r.timezone !== undefined) set.timezone = r.timezone;
  if (r.language !== undefined) set.language = r.language;
  if (r.customerSince !== undefined) set.customerSince = r.customerSince;
  if (r.annualValue !== undefined) set.annualValue = r.annualValue;
  if (r.tier !== undefined) set.tier = r.tier;
  if (r.customerSince !== undefined || r.annualValue !== undefined || r.tier !== undefined) {
    set.profileSource = source;
    set.profileUpdatedAt = now;
  }
  return set;
}

/**
 * Tenure and value from a helpdesk payload, for a customer just read or created. The update only
 * runs (and only locks the row) when the payload says something new.
 */
export async function applyHelpdeskProfile(
  tx: Queryable,
  customerId: string,
  p: Pick<CustomerProfile, 'customerSince' | 'annualValue' | 'tier'>,
  now: Date,
) {
  const set = profileSet(p, now, 'helpdesk');
  if (!set.profileSource) return;
  await tx
    .update(customers)
    .set(set)
    .where(
      and(
        eq(customers.id, customerId),
        sql`(${customers.customerSince}, ${customers.annualValue}, ${customers.tier}) is distinct from (${set.customerSince ?? customers.customerSince}, ${set.annualValue ?? customers.annualValue}, ${set.tier ?? customers.tier})`,
      ),
    );
}

/** What a helpdesk event may say about its customer, besides who they are. */
type HelpdeskCustomer = Pick<
  CustomerProfile,
  'externalId' | 'name' | 'language' | 'timezone' | 'customerSince' | 'annualValue' | 'tier'
>;
const helpdeskColumns = {
  name: customers.name,
  language: customers.language,
  timezone: customers.timezone,
  customerSince: customers.customerSince,
  annualValue: customers.annualValue,
  tier: customers.tier,
} as const;
type HelpdeskField = keyof typeof helpdeskColumns;

/**
 * A helpdesk event's word on a customer Baton may already know by their external id: each field it
 * carries replaces the stored one, absent fields keep theirs. One statement that writes (and locks
 * the row) only when something differs; a customer not known yet is left to the case that creates
 * them. Tenure and value mark where the profile came from only when they change.
 */
export async function updateKnownCustomer(tx: Queryable, orgId: string, c: HelpdeskCustomer, now: Date) {
  const carried = (fields: HelpdeskField[]) => fields.filter((f) => c[f] !== undefined);
  const list = (parts: SQL[]) => sql.join(parts, sql`, `);
  const differs = (fields: HelpdeskField[]) =>
    sql`(${list(fields.map((f) => sql`${helpdeskColumns[f]}`))}) is distinct from (${list(fields.map((f) => sql`${c[f]}`))})`;
  const fields = carried(Object.keys(helpdeskColumns) as HelpdeskField[]);
  if (!fields.length) return;
  const set: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, c[f]]));
  const profile = carried(['customerSince', 'annualValue', 'tier']);
  if (profile.length) {
    set.profileSource = sql`case when ${differs(profile)} then 'helpdesk' else ${customers.profileSource} end`;
    set.profileUpdatedAt = sql`case when ${differs(profile)} then ${now.toISOString()}::timestamptz else ${customers.profileUpdatedAt} end`;
  }
  await tx
    .update(customers)
    .set(set as Partial<typeof customers.$inferInsert>)
    .where(and(eq(customers.orgId, orgId), eq(customers.externalId, c.externalId), differs(fields)));
}

export async function saveRiskSettings(db: Db, ctx: AdminCtx, input: RiskSettingsInput) {
  const { orgId, now } = ctx;
  return db.transaction(async (tx) => {
    const saved = await riskSettingsOf(tx, orgId);
    // Caps merge reason by reason: a null puts the model's cap back.
    const caps: RiskCaps = { ...saved.caps };
    for (const [id, cap] of Object.entries(input.caps ?? {}) as [RiskReasonId, number | null | undefined][])
      if (cap === null) delete caps[id];
      else if (cap !== undefined) caps[id] = cap;
    const merged: RiskSettings = { ...saved, ...input, caps };
    await tx
      .insert(customerRiskSettings)
      .values({ orgId, ...merged, updatedAt: now })
      .onConflictDoUpdate({ target: customerRiskSettings.orgId, set: { ...merged, updatedAt: now } });
    await recordChange(
      tx,
      ctx,
      'settings.changed',
      settingsSubject.customerRisk,
      replacedFields(saved, merged),
    );
    return merged;
  });
}
