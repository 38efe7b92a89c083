import { useSession } from '../app/session.tsx';

/** Team keys as the organisation names them. */
export function useTeamName() {
  const s = useSession();
  return (key: string) => s.teams.find((t) => t.key === key)?.name ?? key;
}
