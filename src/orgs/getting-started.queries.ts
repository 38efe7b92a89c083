import { and, asc, eq, gt, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { apiTokens, passwordResets } from '../auth/auth.table.ts';
import { passwordRuleOf } from '../auth/single-sign-on.queries.ts';
import { domainOf } from '../auth/single-sign-on.ts';
import type { Queryable } from '../db/database.ts';
import { handoffs } from '../handoffs/handoffs.table.ts';
import { inboundEvents, webhookSubscriptions } from '../integrations/integrations.table.ts';
import { people } from '../people/people.table.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import type { GettingStartedFacts } from './getting-started.ts';
import { organisations } from './orgs.table.ts';

/** Whether any row answers: the guide asks whether something exists, never how many. */
const exists = async (rows: Promise<unknown[]>) => (await rows).length > 0;

/**
 * The organisation as the getting-started guide judges it, now: its active people, its teams of
 * nobody, who has no way to sign in, whether a helpdesk is connected and a handoff was sent.
 */
export async function gettingStartedFacts(
  db: Queryable,
  orgId: string,
  now: Date,
  emailConfigured: boolean,
): Promise<GettingStartedFacts> {
  const active = await db
    .select({ id: people.id, name: people.name, email: people.email, passwordHash: people.passwordHash })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.active, 'yes')))
    .orderBy(asc(people.name));
  const empty = await db
    .select({ name: teams.name })
    .from(teams)
    .where(
      and(
        eq(teams.orgId, orgId),
        sql`not exists (select 1 from ${teamMembers} m join ${people} p on p.id = m.person_id and p.active = 'yes' where m.team_id = ${teams.id})`,
      ),
    )
    .orderBy(asc(teams.name));
  const invited = new Set(
    (
      await db
        .selectDistinct({ personId: passwordResets.personId })
        .from(passwordResets)
        .where(and(eq(passwordResets.orgId, orgId), gt(passwordResets.expiresAt, now)))
    ).map((r) => r.personId),
  );
  const sso = await passwordRuleOf(db, orgId);
  const viaSso = (email: string) => Boolean(sso?.enabled && sso.emailDomains.includes(domainOf(email) ?? ''));
  const helpdeskConnected =
    (await exists(
      db
        .select({ id: webhookSubscriptions.id })
        .from(webhookSubscriptions)
        .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.active, true)))
        .limit(1),
    )) ||
    (await exists(
      db
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(and(eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt), isNotNull(apiTokens.lastUsedAt)))
        .limit(1),
    )) ||
    (await exists(
      db
        .select({ id: inboundEvents.eventId })
        .from(inboundEvents)
        .where(eq(inboundEvents.orgId, orgId))
        .limit(1),
    ));
  const handoffSent = await exists(
    db
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(and(eq(handoffs.orgId, orgId), ne(handoffs.state, 'draft')))
      .limit(1),
  );
  return {
    activePeople: active.length,
    teamsWithoutMembers: empty.map((t) => t.name),
    peopleWithoutWayIn: active
      .filter((p) => !p.passwordHash && !invited.has(p.id) && !viaSso(p.email))
      .map((p) => ({ id: p.id, name: p.name })),
    emailConfigured,
    helpdeskConnected,
    handoffSent,
  };
}

/** Whether the organisation's admins see the guide. */
export async function gettingStartedShown(db: Queryable, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ shown: organisations.gettingStarted })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row?.shown ?? false;
}
