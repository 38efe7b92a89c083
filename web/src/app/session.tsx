import { createContext, useContext } from 'react';
import type { Me, Person, Role, Scenario, Team } from '../api/types.ts';
import type { AvailabilityChange } from '../live/stream.ts';

/** Who is signed in, and the organisation's reference data every page uses. */
export type Session = {
  me: Me;
  teams: Team[];
  scenarios: Scenario[];
  people: Person[];
  /** The teams the person belongs to. */
  myTeams: Team[];
  can: (...roles: Role[]) => boolean;
  personName: (id: string | null | undefined) => string;
  signOut: () => void;
  /** Re-reads the reference data (teams, scenarios, people) after a lead changed it. */
  refresh: () => Promise<void>;
  /** Applies status changes the live stream told of, without reading anything. */
  applyAvailability: (changes: AvailabilityChange[]) => void;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

export function buildSession(
  me: Me,
  teams: Team[],
  scenarios: Scenario[],
  people: Person[],
  signOut: () => void,
  refresh: () => Promise<void> = async () => undefined,
  applyAvailability: (changes: AvailabilityChange[]) => void = () => undefined,
): Session {
  const roles = new Set(me.roles);
  const myId = me.person?.id;
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    me,
    teams,
    scenarios,
    people,
    myTeams: myId ? teams.filter((t) => t.members.some((m) => m.id === myId)) : [],
    can: (...wanted) => roles.has('admin') || wanted.some((r) => roles.has(r)),
    personName: (id) => (id ? (names.get(id) ?? 'Unknown person') : 'Nobody'),
    signOut,
    refresh,
    applyAvailability,
  };
}
