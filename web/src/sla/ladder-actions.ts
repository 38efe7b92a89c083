/** What an escalation ladder's rung can do, in the words of the scenario editor and the handoff page. */
export const ladderActions = ['warn_owner', 'notify_lead', 'page_supervisor', 'reassign'] as const;
export type LadderAction = (typeof ladderActions)[number];
export const actionLabels: Record<LadderAction, string> = {
  warn_owner: 'Warn the owner',
  notify_lead: 'Notify the team lead',
  page_supervisor: 'Page a supervisor',
  reassign: 'Reassign',
};
