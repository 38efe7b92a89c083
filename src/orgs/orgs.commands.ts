import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/secrets.ts';
import type { Db, Tx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { people } from '../people/people.table.ts';
import { loadScenarioPolicies } from '../scenarios/policies.ts';
import { saveScenario } from '../scenarios/scenarios.commands.ts';
import type { Scenario } from '../scenarios/scenarios.types.ts';
import { teamMembers, teams } from '../teams/teams.table.ts';
import { loadDefaultVocabulary } from '../vocabulary/vocabulary.commands.ts';
import { organisations } from './orgs.table.ts';
import { type OrganisationSpec, organisationSpecSchema } from './orgs.types.ts';

/**
 * Creates an organisation with its people, teams and scenarios (the policy files by default) in one
 * transaction. Returns the ids by key so callers can address what they made. `first`: only when the
 * database has no organisation yet (`already_set_up` otherwise), decided one setup at a time.
 */
export async function createOrganisation(
  db: Db,
  input: OrganisationSpec,
  now: Date,
  scenarios: Scenario[] = loadScenarioPolicies(),
  opts: { first?: boolean } = {},
) {
  const spec = organisationSpecSchema.parse(input);
  const hashes = new Map<string, string>();
  for (const p of spec.people) if (p.password) hashes.set(p.key, await hashPassword(p.password));
  return db.transaction(async (tx) => {
    if (opts.first) {
      // Two setups at once: the second waits here, then finds the first's organisation.
      await tx.execute(sql`lock table organisations in exclusive mode`);
      const [existing] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
      if (existing)
        throw new ApiError(
          'already_set_up',
          'this Baton has an organisation already: sign in, or ask its admin for an account',
        );
    }
    const orgId = newId('org');
    await tx.insert(organisations).values({
      id: orgId,
      slug: spec.slug,
      name: spec.name,
      timezone: spec.timezone,
      gettingStarted: spec.gettingStarted,
      createdAt: now,
    });
    const personIds = new Map<string, string>();
    for (const p of spec.people) {
      const id = newId('p');
      personIds.set(p.key, id);
      await tx.insert(people).values({
        id,
        orgId,
        name: p.name,
        email: p.email.toLowerCase(),
        roles: p.roles,
        skills: p.skills,
        timezone: p.timezone,
        calendar: p.calendar ?? null,
        passwordHash: hashes.get(p.key) ?? null,
        createdAt: now,
      });
    }
    const person = (key: string) => {
      const id = personIds.get(key);
      if (!id) throw new Error(`organisation spec: no person ${key}`);
      return id;
    };
    const teamIds = new Map<string, string>();
    for (const t of spec.teams) {
      const id = newId('tm');
      teamIds.set(t.key, id);
      await tx.insert(teams).values({
        id,
        orgId,
        key: t.key,
        name: t.name,
        leadId: person(t.lead),
        calendar: t.calendar,
        ownershipStrategy: t.ownershipStrategy,
        defaultCapacity: t.capacity,
        createdAt: now,
      });
      for (const m of t.members)
        await tx.insert(teamMembers).values({ orgId, teamId: id, personId: person(m), createdAt: now });
    }
    for (const s of scenarios) if (teamIds.has(s.toTeam)) await saveScenario(tx, orgId, s, null, now);
    await loadDefaultVocabulary(tx, orgId, now);
    return { orgId, personIds, teamIds };
  });
}

/**
 * Holds the organisation's people and teams still for the rest of the transaction, so two admins
 * adding the same email, or removing the last two admins at once, are decided one after the other.
 * NO KEY UPDATE: it does not stand in the way of the rows that merely refer to the organisation.
 */
export async function holdOrganisation(tx: Tx, orgId: string) {
  const [org] = await tx
    .select({ id: organisations.id, timezone: organisations.timezone })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .for('no key update');
  if (!org) throw notFound('organisation', orgId);
  return org;
}
