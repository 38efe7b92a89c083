/**
 * What the queue says after an action on a handoff, so that a key pressed in passing (`a`, `r`)
 * never goes by silently: the handoff's new state in words, with its case.
 */
export function doneWords(
  h: { state: string; owner: { name: string } | null },
  what: string,
  action: string,
): string {
  switch (h.state) {
    case 'accepted':
      return `Accepted ${what}: it is yours now.`;
    case 'resolved':
      return `Resolved ${what}.`;
    case 'bounced':
      return `Bounced ${what} back to ${h.owner?.name ?? 'its sender'}.`;
    case 'cancelled':
      return `Cancelled ${what}.`;
    default:
      return action === 'reassign'
        ? `Reassigned ${what} to ${h.owner?.name ?? 'nobody yet'}.`
        : `Updated ${what}.`;
  }
}
