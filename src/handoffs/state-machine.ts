export type HandoffState = 'draft' | 'sent' | 'accepted' | 'resolved' | 'bounced' | 'cancelled';
export type HandoffAction = 'send' | 'accept' | 'bounce' | 'resolve' | 'cancel' | 'reassign' | 'edit';

/** draft -> sent -> accepted -> resolved, or bounced (back to the sender) or cancelled. */
const moves: Record<HandoffAction, { from: HandoffState[]; to: HandoffState | null }> = {
  send: { from: ['draft'], to: 'sent' },
  accept: { from: ['sent'], to: 'accepted' },
  bounce: { from: ['sent', 'accepted'], to: 'bounced' },
  resolve: { from: ['accepted'], to: 'resolved' },
  cancel: { from: ['draft', 'sent'], to: 'cancelled' },
  reassign: { from: ['sent', 'accepted'], to: null },
  edit: { from: ['draft'], to: null },
};

/** The state after `action`, or null when the state machine does not allow it. */
export function nextState(state: HandoffState, action: HandoffAction): HandoffState | null {
  const move = moves[action];
  if (!move.from.includes(state)) return null;
  return move.to ?? state;
}

export function allowedActions(state: HandoffState): HandoffAction[] {
  return (Object.keys(moves) as HandoffAction[]).filter((a) => moves[a].from.includes(state));
}

export const openStates: HandoffState[] = ['sent', 'accepted'];
