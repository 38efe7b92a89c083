import { z } from 'zod';
import { customerProfileFields } from '../customers/customers.types.ts';
import { cursorParam } from '../db/keyset.ts';

export const messageRoleSchema = z.enum(['customer', 'agent', 'bot', 'internal']);
export const channelSchema = z.string().trim().min(1).max(40);
export const isoInstant = z.string().datetime({ offset: true });

export const newMessageSchema = z.object({
  role: messageRoleSchema,
  text: z.string().min(1).max(20_000),
  at: isoInstant.optional(),
});

export const newDocumentSchema = z.object({
  kind: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(300),
});

export const newCaseSchema = z.object({
  subject: z.string().trim().min(1).max(500),
  customer: z.object({
    externalId: z.string().trim().min(1).max(200),
    name: z.string().trim().min(1).max(200),
    email: z.string().email().optional(),
    timezone: z.string().optional(),
    language: z.string().max(20).optional(),
    /** Tenure and value, where the helpdesk has them (they feed the churn risk). */
    ...customerProfileFields,
  }),
  channel: channelSchema,
  externalId: z.string().max(200).optional(),
  issueType: z.string().max(200).optional(),
  messages: z.array(newMessageSchema).max(500).optional(),
  documents: z.array(newDocumentSchema).max(200).optional(),
});

export const documentRequestSchema = z.object({
  kind: z.string().trim().min(1).max(80),
  /** Why a document already on file is needed again (invariant 3). */
  reason: z.string().trim().min(1).max(1000).optional(),
});

export const issueTypeSchema = z.object({ issueType: z.string().trim().min(1).max(200) });

export const repeatWindowSchema = z.object({
  /** a new case from the same customer on the same issue type within this many days is a repeat contact */
  windowDays: z.number().int().min(1).max(365),
});

export const caseIdParams = z.object({ id: z.string().min(1).max(100) });

export type NewCase = z.infer<typeof newCaseSchema>;
export type NewMessage = z.infer<typeof newMessageSchema>;
export type NewDocument = z.infer<typeof newDocumentSchema>;
export type DocumentRequest = z.infer<typeof documentRequestSchema>;
export type IssueTypeInput = z.infer<typeof issueTypeSchema>;

export const caseStatusSchema = z.enum(['open', 'pending', 'resolved', 'closed']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const listCasesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.string().datetime({ offset: true }).optional(),
  cursor: cursorParam.optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Text of the subject, the customer name or reference, or a case id; or words of the conversation (all required, each a prefix): such a case carries `match`, the passage that matched',
    ),
  status: caseStatusSchema.optional(),
});
