import { actionKind, isSelfHelp, saysResolved } from './actions.ts';
import type { DialogSentence, Turn } from './dialog.ts';
import { dialogDocuments } from './documents.ts';
import { type EmotionLevel, emotionLevel } from './emotion.ts';
import { agentToThird, customerToThird } from './person.ts';
import { scoreSentiment } from './sentiment.ts';
import { problemSentences, trimSentence } from './summary-template.ts';
import { type Urgency, urgencyOf } from './urgency.ts';

/** The packet fields Baton pre-fills from a conversation; the agent edits them before sending. */
export interface PacketDraft {
  whatHappened: string;
  attempted: string[];
  emotion: EmotionLevel;
  documents: { required: string[]; onFile: string[] };
  urgency: Urgency;
  nextSteps: string[];
  summary: string;
}

const KIND_NAMES: Record<string, string> = { id_document: 'ID document', order_number: 'order number' };
const MAX_ITEM = 200;

function capitalise(text: string): string {
  const t = text.length > MAX_ITEM ? `${text.slice(0, MAX_ITEM - 1).trimEnd()}…` : text;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function unique(items: string[], max: number): string[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.toLowerCase()) && seen.add(i.toLowerCase())).slice(0, max);
}

/** What the customer reported, in the third person. */
export function whatHappened(sentences: readonly DialogSentence[]): string {
  const problem = problemSentences(sentences, 45);
  if (problem.length === 0) return 'The customer has not described the problem yet.';
  return problem
    .map((s) => capitalise(customerToThird(trimSentence(s.text))))
    .map((s) => (/[.!?…]$/.test(s) ? s : `${s}.`))
    .join(' ');
}

/** What agents did or asked for, and what the customer says they already tried. */
export function attemptedSteps(sentences: readonly DialogSentence[]): string[] {
  const steps: string[] = [];
  for (const s of sentences) {
    if (s.role === 'customer') {
      if (isSelfHelp(s.text)) steps.push(`Customer: ${capitalise(customerToThird(trimSentence(s.text)))}`);
    } else {
      const kind = actionKind(s.text);
      if (kind === 'done' || kind === 'instruction' || kind === 'channel') {
        steps.push(
          `${s.role === 'bot' ? 'Bot' : 'Agent'}: ${capitalise(agentToThird(trimSentence(s.text)))}`,
        );
      }
    }
  }
  return unique(steps, 6);
}

/** What the receiving team should do next. */
export function nextSteps(sentences: readonly DialogSentence[], required: readonly string[]): string[] {
  const steps: string[] = [];
  const last = sentences.at(-1);
  const lastCustomerTurn = sentences.filter((s) => s.role === 'customer').at(-1)?.turn;
  const resolved = sentences.some((s) => s.turn === lastCustomerTurn && saysResolved(s.text));
  const lastAgentTurn = sentences.filter((s) => s.role !== 'customer').at(-1)?.turn;
  for (const s of sentences) {
    if (s.turn !== lastAgentTurn || actionKind(s.text) !== 'promise') continue;
    steps.push(`Keep the promise made: ${capitalise(agentToThird(trimSentence(s.text)))}`);
  }
  for (const kind of required)
    steps.push(`Get the ${KIND_NAMES[kind] ?? kind.replace(/_/g, ' ')} from the customer`);
  if (resolved) steps.push('Confirm the fix with the customer and close the case');
  else if (last?.role === 'customer') steps.push("Reply to the customer's latest message");
  if (steps.length === 0) steps.push('Follow up with the customer on the open request');
  return unique(steps, 5);
}

/** The packet pre-filled from a conversation and its summary. */
export function prefillPacket(
  turns: readonly Turn[],
  sentences: readonly DialogSentence[],
  summary: string,
): PacketDraft {
  const scores = turns.filter((t) => t.role === 'customer').map((t) => scoreSentiment(t.text).score);
  const emotion = emotionLevel(scores);
  const docs = dialogDocuments(turns);
  const customerText = turns
    .filter((t) => t.role === 'customer')
    .map((t) => t.text)
    .join('\n');
  return {
    whatHappened: whatHappened(sentences),
    attempted: attemptedSteps(sentences),
    emotion,
    documents: { required: docs.required, onFile: docs.onFile },
    urgency: urgencyOf(customerText, emotion),
    nextSteps: nextSteps(sentences, docs.required),
    summary,
  };
}
