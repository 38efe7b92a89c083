import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { singleSignOn, ssoDomains } from './single-sign-on.table.ts';

/**
 * The organisation's identity provider as saved, with the domains it claims (`emailDomains`), those
 * of them proved (`provedDomains`: the only ones it signs in) and each domain's proof; none before
 * an admin saved one.
 */
export async function ssoSettingsOf(db: Queryable, orgId: string) {
  const [row] = await db.select().from(singleSignOn).where(eq(singleSignOn.orgId, orgId));
  if (!row) return undefined;
  const domains = await db
    .select({
      domain: ssoDomains.domain,
      verificationToken: ssoDomains.verificationToken,
      verifiedAt: ssoDomains.verifiedAt,
      verifiedBy: ssoDomains.verifiedBy,
      checkedAt: ssoDomains.checkedAt,
      missingSince: ssoDomains.missingSince,
    })
    .from(ssoDomains)
    .where(eq(ssoDomains.orgId, orgId))
    .orderBy(asc(ssoDomains.domain));
  return {
    ...row,
    emailDomains: domains.map((d) => d.domain),
    provedDomains: domains.filter((d) => d.verifiedAt).map((d) => d.domain),
    domainProofs: domains,
  };
}
export type SsoSettings = NonNullable<Awaited<ReturnType<typeof ssoSettingsOf>>>;

/** The identity provider that signs in addresses of this domain: one that is on and proved it, or none. */
export async function ssoForDomain(db: Queryable, domain: string) {
  const [row] = await db
    .select({ sso: singleSignOn })
    .from(ssoDomains)
    .innerJoin(singleSignOn, eq(singleSignOn.orgId, ssoDomains.orgId))
    .where(
      and(eq(ssoDomains.domain, domain), isNotNull(ssoDomains.verifiedAt), eq(singleSignOn.enabled, true)),
    )
    .limit(1);
  return row?.sso;
}

/** The single sign-on of the organisation with that short name, when it is on; none otherwise. */
export async function ssoForOrganisation(db: Queryable, slug: string) {
  const [row] = await db
    .select({ sso: singleSignOn })
    .from(singleSignOn)
    .innerJoin(organisations, eq(organisations.id, singleSignOn.orgId))
    .where(and(eq(organisations.slug, slug), eq(singleSignOn.enabled, true)))
    .limit(1);
  return row?.sso;
}

/** The organisation's short name: its single sign-on link names it. */
export async function slugOf(db: Queryable, orgId: string) {
  const [row] = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row?.slug;
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
  // Only proved domains are signed in, so only they keep their people from passwords.
  const domains = await db
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(and(eq(ssoDomains.orgId, orgId), isNotNull(ssoDomains.verifiedAt)));
  return { ...row, emailDomains: domains.map((d) => d.domain) };
}
