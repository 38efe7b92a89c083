import type { Calendar, Scenario, Team } from '../api/types.ts';

/**
 * The calendar a handoff's clock counts on: the scenario's own for that clock, or else the
 * receiving team's (the same rule the server applies when it starts the clock).
 */
export function clockCalendar(
  ref: { scenarios: Scenario[]; teams: Team[] },
  handoff: { scenario: string; toTeam: string },
  clockName?: string,
): Calendar | undefined {
  const scenario = ref.scenarios.find((s) => s.id === handoff.scenario);
  const own = scenario?.sla.find((c) => c.name === clockName)?.calendar;
  if (own) return own as Calendar;
  return ref.teams.find((t) => t.key === handoff.toTeam)?.calendar;
}
