import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { organisations } from '../orgs/orgs.table.ts';
import { people } from '../people/people.table.ts';
import type { TwoStepRequirement } from './two-step-policy.ts';

/** The organisation's sign-in settings: who must sign in in two steps, when an idle session ends. */
export async function signInSettingsOf(db: Queryable, orgId: string) {
  const [org] = await db
    .select({
      twoStepRequired: organisations.twoStepRequired,
      sessionIdleMinutes: organisations.sessionIdleMinutes,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw notFound('organisation', orgId);
  return org;
}

/** The organisation's requirement: who must sign in in two steps. */
export async function twoStepRequirementOf(db: Queryable, orgId: string): Promise<TwoStepRequirement> {
  return (await signInSettingsOf(db, orgId)).twoStepRequired;
}

/** The active people who have not turned two-step sign-in on, by name: whom a requirement would stop. */
export async function peopleWithoutTwoStep(db: Queryable, orgId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email, roles: people.roles })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.active, 'yes'), isNull(people.totpSecret)))
    .orderBy(asc(people.name), asc(people.id));
}
