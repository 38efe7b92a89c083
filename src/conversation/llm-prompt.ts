/**
 * The pure half of the optional LLM summary: the redacted request, and the answer checked and
 * re-personalised. The network call and the fallback live in `llm.ts`.
 */
import type { Turn } from './dialog.ts';
import { chatResponseSchema, type LlmAnswer, llmAnswerSchema } from './llm.types.ts';
import type { Redactor } from './redact.ts';
import type { DialogSummary } from './summarize.ts';

export const SYSTEM_PROMPT = [
  'You summarise customer-support conversations for a handoff between teams.',
  'Personal data has been replaced by placeholders such as [EMAIL_1], [PHONE_2] or [NAME_1]:',
  'copy a placeholder exactly where the detail matters, and never guess what it hides.',
  'Answer with one JSON object and nothing else, with exactly these fields:',
  '"whatHappened": the customer\'s problem in the third person, one to three sentences;',
  '"attempted": an array of what was already tried or done, each starting "Agent: ", "Bot: " or "Customer: ";',
  '"nextSteps": an array of what the receiving team should do next, each an imperative sentence;',
  '"summary": one to three plain sentences: the problem, what was tried, where it stands.',
  'Use only facts stated in the conversation.',
].join('\n');

const ROLE_NAMES = { customer: 'Customer', agent: 'Agent', bot: 'Bot' } as const;
const MAX_TURN = 2000;

/** `…/v1` -> `…/v1/chat/completions`; a URL that already ends so is kept. */
export function chatCompletionsUrl(base: string): string {
  const url = base.trim().replace(/\/+$/, '');
  return /\/chat\/completions$/.test(url) ? url : `${url}/chat/completions`;
}

/**
 * The conversation as redacted lines, at most `maxChars`: the first turn, then the latest ones
 * that fit, with a marker for what was left out.
 */
export function redactedTranscript(turns: readonly Turn[], redactor: Redactor, maxChars = 12_000): string {
  const lines = turns.map((t) => {
    const text = t.text.replace(/\s+/g, ' ').trim();
    const short = text.length > MAX_TURN ? `${text.slice(0, MAX_TURN)}…` : text;
    return `${ROLE_NAMES[t.role]}: ${redactor.redact(short)}`;
  });
  let size = lines.reduce((n, l) => n + l.length + 1, 0);
  if (size <= maxChars) return lines.join('\n');
  const [first, ...rest] = lines;
  const kept: string[] = [];
  size = first!.length + 1;
  for (let i = rest.length - 1; i >= 0 && size + rest[i]!.length + 1 <= maxChars; i--) {
    kept.unshift(rest[i]!);
    size += rest[i]!.length + 1;
  }
  const left = rest.length - kept.length;
  return [first, `[${left} earlier message${left === 1 ? '' : 's'} left out]`, ...kept].join('\n');
}

/** The chat-completions request body: only the redacted transcript goes in it. */
export function chatRequestBody(model: string, transcript: string) {
  return {
    model,
    temperature: 0.2,
    max_tokens: 800,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: `Conversation:\n${transcript}` },
    ],
  };
}

export type ParsedAnswer = { ok: true; answer: LlmAnswer } | { ok: false; reason: string };

/** The JSON object inside a message: bare, in a ```json fence, or wrapped in a sentence. */
function jsonIn(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content)?.[1] ?? content;
  try {
    return JSON.parse(fenced);
  } catch {
    const from = fenced.indexOf('{');
    const to = fenced.lastIndexOf('}');
    if (from < 0 || to <= from) throw new Error('no JSON object');
    return JSON.parse(fenced.slice(from, to + 1));
  }
}

/** Checks a chat-completions response (parsed JSON) and the packet JSON in its message. */
export function parseChatResponse(body: unknown): ParsedAnswer {
  const envelope = chatResponseSchema.safeParse(body);
  if (!envelope.success) return { ok: false, reason: 'the response is not a chat completion' };
  const content = envelope.data.choices[0]!.message.content ?? '';
  let value: unknown;
  try {
    value = jsonIn(content);
  } catch {
    return { ok: false, reason: 'the answer is not valid JSON' };
  }
  const answer = llmAnswerSchema.safeParse(value);
  if (!answer.success) {
    const issue = answer.error.issues[0];
    return {
      ok: false,
      reason: `the answer does not match the packet schema (${issue?.path.join('.') || 'answer'}: ${issue?.message})`,
    };
  }
  return { ok: true, answer: answer.data };
}

/**
 * The local summary with the endpoint's text fields, re-personalised locally. Emotion, urgency and
 * documents always stay those of the local analysis; an empty list keeps the local one.
 */
export function mergeAnswer(local: DialogSummary, answer: LlmAnswer, redactor: Redactor): DialogSummary {
  const restore = (s: string) => redactor.restore(s);
  const summary = restore(answer.summary);
  return {
    summary,
    packet: {
      ...local.packet,
      whatHappened: restore(answer.whatHappened),
      attempted: answer.attempted.length > 0 ? answer.attempted.map(restore) : local.packet.attempted,
      nextSteps: answer.nextSteps.length > 0 ? answer.nextSteps.map(restore) : local.packet.nextSteps,
      summary,
    },
  };
}
