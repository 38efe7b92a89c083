import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, orgId } from '../db/columns.ts';

/**
 * An organisation's SCIM provisioning: one row, once an admin has created a token or chosen a role.
 *
 * The token has a table of its own rather than being an API token of a new kind: `api_tokens` is
 * what `/api/v1` authenticates against, so a SCIM token kept there would be one forgotten role check
 * away from the rest of the API. Here it can only ever be read by `/scim/v2`'s authentication, an
 * organisation has at most one (creating another replaces it: the provider is reconfigured once),
 * and revoking it keeps the default role.
 */
export const scimProvisioning = pgTable(
  'scim_provisioning',
  {
    orgId: orgId().primaryKey(),
    /** sha256 of the token, shown once; null once revoked. */
    tokenHash: text('token_hash').unique(),
    tokenCreatedAt: instant('token_created_at'),
    /** The role of the people the provider adds (never admin). */
    defaultRole: text('default_role').notNull().default('agent'),
    /** When the provider last called with the token: written at most once a minute. */
    lastUsedAt: instant('last_used_at'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    check('scim_provisioning_default_role', sql`${t.defaultRole} in ('agent','lead','supervisor','qa')`),
  ],
);

/**
 * What the identity provider calls a person, beside the person: their `userName` (it may differ
 * from their address), the provider's own id for them (`externalId`) and the parts of their name,
 * which Baton's one `name` cannot give back. A row exists once the provider has written the person;
 * people it never touched answer SCIM with their address as `userName`. Kept out of `people` so that
 * the person stays the same whether or not an identity provider manages them.
 */
export const scimPeople = pgTable(
  'scim_people',
  {
    personId: text('person_id').primaryKey(),
    orgId: orgId(),
    userName: text('user_name').notNull(),
    externalId: text('external_id'),
    givenName: text('given_name'),
    familyName: text('family_name'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('scim_people_org').on(t.orgId),
    // RFC 7643: userName is unique and case-insensitive, externalId is the provider's own key.
    uniqueIndex('scim_people_org_user_name').on(t.orgId, sql`lower(${t.userName})`),
    uniqueIndex('scim_people_org_external_id')
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

/**
 * The teams the identity provider manages: a SCIM Group is a team, its members the team's members.
 * A row exists while the provider manages the team (it created it, linked it by name with `POST`, or
 * wrote to it); `DELETE /Groups/{id}` removes the row and nothing else, since a team with history is
 * never deleted by a provider. Kept out of `teams`, as `scim_people` is kept out of `people`: the
 * team stays the same whether or not an identity provider manages it.
 */
export const scimTeams = pgTable(
  'scim_teams',
  {
    teamId: text('team_id').primaryKey(),
    orgId: orgId(),
    /** The provider's own id of the group. */
    externalId: text('external_id'),
    /** When the provider took the team over. */
    linkedAt: instant('linked_at').notNull(),
    /** When the provider last changed it: the Group's `meta.lastModified`. */
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('scim_teams_org').on(t.orgId),
    uniqueIndex('scim_teams_org_external_id')
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);
