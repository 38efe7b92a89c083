import { z } from 'zod';
import type { Config } from '../config.ts';

/** The optional OpenAI-compatible endpoint (`BATON_LLM_URL`, `BATON_LLM_MODEL`, `BATON_LLM_API_KEY`). */
export type LlmConfig = NonNullable<Config['llm']>;

/** Where a summary came from: the in-process summariser, or the endpoint. */
export const summarySourceSchema = z.enum(['local', 'llm']);
export type SummarySource = z.infer<typeof summarySourceSchema>;

const item = z.string().trim().min(1).max(400);

/** What the endpoint must answer with: the packet fields it may write, nothing else. */
export const llmAnswerSchema = z.object({
  whatHappened: z.string().trim().min(1).max(2000),
  attempted: z.array(item).max(12),
  nextSteps: z.array(item).max(12),
  summary: z.string().trim().min(1).max(2000),
});
export type LlmAnswer = z.infer<typeof llmAnswerSchema>;

/** The part of an OpenAI chat-completions response Baton reads. */
export const chatResponseSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});
