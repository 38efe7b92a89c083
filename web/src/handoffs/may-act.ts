import { mayAct } from '../../../src/handoffs/may-act.ts';
import type { Role } from '../api/types.ts';

type Who = {
  can: (...roles: Role[]) => boolean;
  me: { person?: { id: string } | null };
  myTeams: { key: string }[];
};

type Handoff = { ownerId: string | null; senderId: string | null; toTeam: string; state: string };

/**
 * Whether this person may take `action` on a handoff: the server's rule (`mayAct`), so the app
 * offers only what will work.
 */
export function mayActOn(who: Who, h: Handoff, action: string): boolean {
  return mayAct(
    {
      leadOrSupervisor: who.can('lead', 'supervisor'),
      agent: who.can('agent'),
      personId: who.me.person?.id ?? null,
    },
    { ...h, withMyTeam: who.myTeams.some((t) => t.key === h.toTeam) },
    action,
  );
}
