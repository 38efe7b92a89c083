import { z } from 'zod';

export const roleSchema = z.enum(['customer', 'agent', 'bot']);

export const turnSchema = z.object({
  role: roleSchema,
  text: z.string(),
});

/** One line of `baton summarize` input. */
export const dialogLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  turns: z.array(turnSchema),
});

/** One line of `baton sentiment` input. */
export const messageLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

export const emotionSchema = z.enum(['calm', 'concerned', 'frustrated', 'angry']);
export const urgencySchema = z.enum(['low', 'normal', 'high', 'critical']);

/** The packet fields pre-filled from a conversation. */
export const packetDraftSchema = z.object({
  whatHappened: z.string(),
  attempted: z.array(z.string()),
  emotion: emotionSchema,
  documents: z.object({ required: z.array(z.string()), onFile: z.array(z.string()) }),
  urgency: urgencySchema,
  nextSteps: z.array(z.string()),
  summary: z.string(),
});

export type DialogLine = z.infer<typeof dialogLineSchema>;
export type MessageLine = z.infer<typeof messageLineSchema>;

/** A short reason for a zod failure: the first issue, with its path. */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
