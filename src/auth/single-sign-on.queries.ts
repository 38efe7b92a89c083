import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { singleSignOn, ssoDomains } from './single-sign-on.table.ts';

/** The organisation's identity provider as saved, with its domains; none before an admin saved one. */
export async function ssoSettingsOf(db: Queryable, orgId: string) {
  const [row] = await db.select().from(singleSignOn).where(eq(singleSignOn.orgId, orgId));
  if (!row) return undefined;
  const domains = await db
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.orgId, orgId))
    .orderBy(asc(ssoDomains.domain));
  return { ...row, emailDomains: domains.map((d) => d.domain) };
}
export type SsoSettings = NonNullable<Awaited<ReturnType<typeof ssoSettingsOf>>>;

/** The identity provider that signs in addresses of this domain: one that is on, or none. */
export async function ssoForDomain(db: Queryable, domain: string) {
  const [row] = await db
    .select({ sso: singleSignOn })
    .from(ssoDomains)
    .innerJoin(singleSignOn, eq(singleSignOn.orgId, ssoDomains.orgId))
    .where(and(eq(ssoDomains.domain, domain), eq(singleSignOn.enabled, true)))
    .limit(1);
  return row?.sso;
}

/** Whether any organisation here signs in with single sign-on (the sign-in page offers it then). */
export async function ssoOnAnywhere(db: Queryable): Promise<boolean> {
  const [row] = await db
    .select({ orgId: singleSignOn.orgId })
    .from(singleSignOn)
    .where(eq(singleSignOn.enabled, true))
    .limit(1);
  return Boolean(row);
}

/** What the organisation's single sign-on asks of passwords, with the domains it signs in: none when it has none. */
export async function passwordRuleOf(db: Queryable, orgId: string) {
  const [row] = await db
    .select({ enabled: singleSignOn.enabled, passwordSignIn: singleSignOn.passwordSignIn })
    .from(singleSignOn)
    .where(eq(singleSignOn.orgId, orgId));
  if (!row?.enabled) return row && { ...row, emailDomains: [] };
  const domains = await db
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.orgId, orgId));
  return { ...row, emailDomains: domains.map((d) => d.domain) };
}
