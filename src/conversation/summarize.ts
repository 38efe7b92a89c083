import { type DialogSentence, dialogSentences, type Turn } from './dialog.ts';
import { agentActionSentence, agentClause, customerClause, problemSentences } from './summary-template.ts';

export function summaryText(sentences: readonly DialogSentence[]): string {
  const problem = problemSentences(sentences);
  const action = agentActionSentence(sentences);
  return [customerClause(problem), agentClause(action)].filter((s) => s !== '').join(' ');
}

export function summarizeDialog(turns: readonly Turn[]) {
  const sentences = dialogSentences(turns);
  const summary = summaryText(sentences);
  return { summary, packet: {} };
}
