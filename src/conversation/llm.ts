/**
 * The optional abstractive summary through an OpenAI-compatible chat-completions endpoint. Only
 * redacted text leaves the process, nothing leaves without configuration, and any failure falls
 * back to the local summary and says why. Emotion, urgency and documents stay local.
 */

import type { LlmConfig, SummarySource } from './llm.types.ts';
import {
  chatCompletionsUrl,
  chatRequestBody,
  mergeAnswer,
  parseChatResponse,
  redactedTranscript,
} from './llm-prompt.ts';
import { createRedactor, type KnownValue } from './redact.ts';
import { type DialogSummary, summarizeDialog, type Turn } from './summarize.ts';

export type { LlmConfig, SummarySource } from './llm.types.ts';

/** How long the endpoint gets for the whole answer before Baton falls back. */
export const LLM_TIMEOUT_MS = 8000;
const MAX_RESPONSE_CHARS = 1_000_000;

export interface LlmDialogSummary extends DialogSummary {
  source: SummarySource;
  /** Why the local summary was used although an endpoint is configured. */
  fallbackReason?: string;
}

export interface LlmOptions {
  timeoutMs?: number;
  /** Values known to be personal (the customer's name on file), redacted too. */
  known?: readonly KnownValue[];
}

function failure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `the request failed: ${e?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}

async function askEndpoint(llm: LlmConfig, body: unknown, timeoutMs: number) {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (llm.apiKey) headers.authorization = `Bearer ${llm.apiKey}`;
  const res = await fetch(chatCompletionsUrl(llm.url), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    return { ok: false as const, reason: `the endpoint answered HTTP ${res.status}` };
  }
  const text = await res.text();
  if (text.length > MAX_RESPONSE_CHARS) return { ok: false as const, reason: 'the response is too large' };
  try {
    return { ok: true as const, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false as const, reason: 'the response is not valid JSON' };
  }
}

/**
 * The conversation summarised through the endpoint when `llm` is set, else (or on any failure:
 * timeout, network error, non-2xx, bad JSON, schema mismatch) by the local summariser.
 */
export async function summarizeWithLlm(
  turns: readonly Turn[],
  llm: LlmConfig | undefined,
  options: LlmOptions = {},
): Promise<LlmDialogSummary> {
  const local = summarizeDialog(turns);
  if (!llm || turns.every((t) => t.text.trim() === '')) return { ...local, source: 'local' };
  const timeoutMs = options.timeoutMs ?? LLM_TIMEOUT_MS;
  const fallback = (fallbackReason: string): LlmDialogSummary => ({
    ...local,
    source: 'local',
    fallbackReason,
  });
  const redactor = createRedactor({ known: options.known });
  const body = chatRequestBody(llm.model, redactedTranscript(turns, redactor));
  try {
    const response = await askEndpoint(llm, body, timeoutMs);
    if (!response.ok) return fallback(response.reason);
    const parsed = parseChatResponse(response.json);
    if (!parsed.ok) return fallback(parsed.reason);
    return { ...mergeAnswer(local, parsed.answer, redactor), source: 'llm' };
  } catch (error) {
    return fallback(failure(error, timeoutMs));
  }
}
