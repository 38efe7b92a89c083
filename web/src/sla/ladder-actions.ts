import type { z } from 'zod';
import type { ladderActionSchema } from '../../../src/scenarios/scenarios.types.ts';

/** What an escalation ladder's rung can do: the server's own list, so a new action fails the typecheck here. */
export type LadderAction = z.infer<typeof ladderActionSchema>;

/** Each action in the words of the scenario editor and the handoff page. */
export const actionLabels: Record<LadderAction, string> = {
  warn_owner: 'Warn the owner',
  notify_lead: 'Notify the team lead',
  page_supervisor: 'Page a supervisor',
  reassign: 'Reassign',
};
export const ladderActions = Object.keys(actionLabels) as LadderAction[];
