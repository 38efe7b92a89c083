// Which subscriptions an event goes to: by its type, and for a subscription kept to some teams (a
// team's own chat channel, a receiving team's helpdesk), by the teams the event is about.

/** A subscription as the outbox listener matches it. */
export type SubscriptionFilter = { events: readonly string[]; teams: readonly string[] };

/** `*` takes every type, including types added later. */
export const wantsType = (s: SubscriptionFilter, type: string) =>
  s.events.includes('*') || s.events.includes(type);

/** Kept to teams: one of the event's teams must be among them; an event about no team reaches only the unfiltered. */
export const wantsTeams = (s: SubscriptionFilter, eventTeams: readonly string[]) =>
  s.teams.length === 0 || s.teams.some((t) => eventTeams.includes(t));

const key = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The team keys an event's own data names (a handoff's `toTeam`/`fromTeam`, a rating's `team`). */
export function teamsNamedIn(data: Record<string, unknown>): string[] {
  return [data.toTeam, data.team, data.fromTeam].map(key).filter((x) => x !== undefined);
}
