import { type DialogSentence, dialogSentences, type Turn } from './dialog.ts';
import { type PacketDraft, prefillPacket } from './prefill.ts';
import {
  agentActionSentence,
  agentClause,
  customerClause,
  problemSentences,
  statusClause,
} from './summary-template.ts';

export type { Turn } from './dialog.ts';
export type { PacketDraft } from './prefill.ts';

export interface DialogSummary {
  summary: string;
  packet: PacketDraft;
}

/** The plain-text summary: the customer's problem, then what the agent did or asked. */
export function summaryText(sentences: readonly DialogSentence[]): string {
  const problem = problemSentences(sentences, 20);
  const action = agentActionSentence(sentences);
  const parts = [customerClause(problem), agentClause(action)];
  parts.push(statusClause(sentences));
  const text = parts.filter((s) => s !== '').join(' ');
  return text === '' ? 'No conversation to summarise.' : text;
}

/**
 * Summarises a support conversation and pre-fills the handoff packet from it, in-process and
 * without a model download: role-aware, template-guided extraction.
 */
export function summarizeDialog(turns: readonly Turn[]): DialogSummary {
  const sentences = dialogSentences(turns);
  const summary = summaryText(sentences);
  return { summary, packet: prefillPacket(turns, sentences, summary) };
}
