import type { Db } from '../db/database.ts';
import { uniqueViolation } from '../db/unique.ts';
import { ApiError } from '../http/errors.ts';
import { loadScenarioPolicies } from '../scenarios/policies.ts';
import { defaultTeamCalendar } from '../teams/teams.commands.ts';
import { createOrganisation } from './orgs.commands.ts';
import { starterOrganisation } from './setup.ts';
import type { NewOrganisation } from './setup.types.ts';

/**
 * Makes an organisation with its first admin and, unless left out, the starter teams with the
 * default scenarios, in one transaction: `first` (the web's setup) only while none exists. A short
 * name already taken is `conflict` and nothing is made. Answers what was made, ids included.
 */
export async function createNewOrganisation(
  db: Db,
  input: NewOrganisation,
  now: Date,
  opts: { first?: boolean } = {},
) {
  const scenarios = loadScenarioPolicies();
  const spec = starterOrganisation(
    input,
    scenarios.flatMap((s) => (s.fromTeam ? [s.fromTeam, s.toTeam] : [s.toTeam])),
    defaultTeamCalendar,
  );
  let made: Awaited<ReturnType<typeof createOrganisation>>;
  try {
    made = await createOrganisation(db, spec, now, scenarios, opts);
  } catch (error) {
    if (uniqueViolation(error) === 'organisations_slug_unique')
      throw new ApiError(
        'conflict',
        `an organisation called ${spec.slug} exists already: give another slug`,
        {
          field: 'organisation.slug',
        },
      );
    throw error;
  }
  const teamKeys = [...made.teamIds.keys()];
  return {
    organisation: { id: made.orgId, slug: spec.slug, name: spec.name, timezone: input.organisation.timezone },
    admin: { id: made.personIds.get('admin')!, name: input.admin.name, email: input.admin.email },
    teams: teamKeys,
    scenarios: scenarios.filter((s) => made.teamIds.has(s.toTeam)).map((s) => s.id),
  };
}
