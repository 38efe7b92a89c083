import { and, arrayContains, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { people } from '../people/people.table.ts';
import { teams } from '../teams/teams.table.ts';
import { webhookSubscriptions } from './integrations.table.ts';

/**
 * Who hears that a subscription's deliveries are being given up: the admins, whoever made it, and the
 * leads of the teams it is kept to (a team's chat subscription is its lead's). Only those who can open
 * Integrations to fix it (a lead or an admin, still active): the notice leads there.
 */
export async function deadLetterReadersOf(db: Db, orgId: string, subscriptionId: string): Promise<string[]> {
  const [sub] = await db
    .select({ createdBy: webhookSubscriptions.createdBy, teams: webhookSubscriptions.teams })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, subscriptionId)));
  const teamLeads = sub?.teams.length
    ? await db
        .select({ id: teams.leadId })
        .from(teams)
        .where(and(eq(teams.orgId, orgId), inArray(teams.key, sub.teams)))
    : [];
  const makers = [...new Set([sub?.createdBy, ...teamLeads.map((t) => t.id)])].filter(
    (id): id is string => !!id,
  );
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.orgId, orgId),
        eq(people.active, 'yes'),
        or(
          arrayContains(people.roles, ['admin']),
          makers.length ? and(inArray(people.id, makers), arrayContains(people.roles, ['lead'])) : sql`false`,
        ),
      ),
    )
    .orderBy(people.id);
  return rows.map((r) => r.id);
}
