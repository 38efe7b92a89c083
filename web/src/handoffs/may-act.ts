import { senderMay } from '../../../src/handoffs/may-act.ts';
import type { Role } from '../api/types.ts';

type Who = {
  can: (...roles: Role[]) => boolean;
  me: { person?: { id: string } | null };
  myTeams: { key: string }[];
};

type Handoff = { ownerId: string | null; senderId: string | null; toTeam: string; state: string };

/**
 * Whether this person may take `action` on a handoff: the server's rule (`assertMayAct` in
 * src/handoffs/handoffs.routes.ts), so the app offers only what will work. Leads and supervisors
 * may act on any; an agent on one they own or that is with a team of theirs; its sender on their
 * draft, and to recall it while nobody has accepted it.
 */
export function mayActOn(who: Who, h: Handoff, action: string): boolean {
  if (who.can('lead', 'supervisor')) return true;
  const me = who.me.person?.id;
  if (!who.can('agent') || !me) return false;
  if (h.ownerId === me || who.myTeams.some((t) => t.key === h.toTeam)) return true;
  return h.senderId === me && senderMay(action, h.state);
}
