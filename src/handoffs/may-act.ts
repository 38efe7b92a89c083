// Who may act on a handoff beyond its owner, its receiving team, leads and supervisors. Pure: the
// routes enforce it (`assertMayAct`), and the web app offers only the buttons it allows.

/**
 * What the person who wrote a handoff may do to it themselves: finish, send or cancel their draft,
 * and recall (cancel) what they sent while nobody has accepted it. The rest belongs to its owner.
 */
export function senderMay(action: string, state: string): boolean {
  if (state === 'draft') return action === 'packet' || action === 'send' || action === 'cancel';
  return state === 'sent' && action === 'cancel';
}

/** Who is acting: a lead or supervisor acts on any handoff, an agent on some, anyone else on none. */
export type Actor = { leadOrSupervisor: boolean; agent: boolean; personId: string | null };
/** The handoff as the rule sees it: `withMyTeam` when it is with a team the actor belongs to. */
export type Held = { ownerId: string | null; senderId: string | null; state: string; withMyTeam: boolean };

/**
 * Whether `actor` may take `action` on a handoff: leads and supervisors on any; an agent on one they
 * own or that is with a team of theirs, except cancelling it (they bounce it, with a reason); its
 * sender on their draft, and to recall it while nobody has accepted it. The state machine has the
 * last word on whether the action fits the state.
 */
export function mayAct(actor: Actor, h: Held, action: string): boolean {
  if (actor.leadOrSupervisor) return true;
  if (!actor.agent || !actor.personId) return false;
  // The receiving side gives work back with a bounce and its reason; cancelling is the sender's recall.
  if ((h.ownerId === actor.personId || h.withMyTeam) && action !== 'cancel') return true;
  return h.senderId === actor.personId && senderMay(action, h.state);
}

/** The refusal's words when `mayAct` says no. */
export const mayNotActMessage =
  'only the owner, the receiving team, its lead or a supervisor may do this (the sender may only finish, send or cancel a draft, and recall a handoff nobody has accepted yet; the receiving team bounces a handoff, with a reason, rather than cancel it)';
