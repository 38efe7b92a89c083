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
