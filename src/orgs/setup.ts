import type { Calendar } from '../sla/sla.types.ts';
import type { OrganisationSpec } from './orgs.types.ts';
import type { NewOrganisation } from './setup.types.ts';

/** The starter teams' names; a scenario's team not named here is called by its key. */
const starterTeamNames: Record<string, string> = {
  support: 'Support',
  finance: 'Finance',
  engineering: 'Engineering',
  tier2: 'Tier 2',
  supervisors: 'Supervisors',
};

/** A slug from an organisation's name: "Acme Support, Ltd." → `acme-support-ltd` (accents folded). */
export function slugFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `org-${slug}`.replace(/-$/, '');
}

/**
 * The organisation a new Baton starts with: its admin (who also leads every team, so that a handoff
 * has an owner before anyone else joins) and, unless left out, one team for each team the default
 * scenarios name, working weekdays 09:00-17:00 in the organisation's zone.
 */
export function starterOrganisation(
  input: NewOrganisation,
  scenarioTeams: readonly string[],
  calendarOf: (timezone: string) => Calendar,
): OrganisationSpec & { slug: string } {
  const { organisation, admin } = input;
  const teamKeys = input.starterTeams ? [...new Set(scenarioTeams)] : [];
  return {
    slug: organisation.slug ?? slugFrom(organisation.name),
    name: organisation.name,
    timezone: organisation.timezone,
    gettingStarted: true,
    people: [
      {
        key: 'admin',
        name: admin.name,
        email: admin.email,
        roles: teamKeys.length ? ['admin', 'lead'] : ['admin'],
        timezone: organisation.timezone,
        password: admin.password,
      },
    ],
    teams: teamKeys.map((key) => ({
      key,
      name: starterTeamNames[key] ?? key,
      lead: 'admin',
      members: [],
      calendar: calendarOf(organisation.timezone),
    })),
  };
}
