import { z } from 'zod';
import { cursorParam } from '../db/keyset.ts';
import { packetSchema } from '../packets/packet.types.ts';
import { bounceReasons } from './bounce-reasons.ts';

/** Who sent a handoff, when no person did or as what: what an API caller may say of its own sends. */
export const senderKinds = ['agent', 'bot', 'team', 'channel'] as const;
/** `baton`: Baton's own escalations (a customer's sentiment dip), kept apart from a chatbot's. */
export type FromKind = (typeof senderKinds)[number] | 'baton';

export const newHandoffSchema = z.object({
  scenario: z.string().min(1).max(100),
  packet: packetSchema.default({}),
  draft: z.boolean().optional(),
  /** The bounced handoff this one sends again: the chain reads as one journey. */
  previousId: z.string().max(100).optional(),
  fromKind: z.enum(senderKinds).optional(),
  /**
   * Skills the owner should have ("mobile", "de"), beside the scenario's: the receiving team's
   * member with most of them is chosen (least loaded among equals), whatever the team's strategy.
   */
  skills: z
    .array(z.string().trim().min(1, 'a skill cannot be empty').max(60))
    .max(10, 'ask for at most 10 skills')
    .transform((s) => [...new Set(s)])
    .optional(),
});

/** The known reasons, or any other machine code a receiving team uses (snake_case). */
export const bounceReasonSchema = z.union(
  [
    z.enum(bounceReasons),
    z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'a reason code such as wrong_team or missing_context'),
  ],
  // Left out, or not a string: say what is wanted rather than zod's "Invalid input".
  { error: `give a reason: ${bounceReasons.join(', ')}, or a code of your own (lowercase, underscores)` },
);

export const bounceSchema = z.object({
  reason: bounceReasonSchema,
  note: z.string().max(5000).optional(),
});

export const reassignSchema = z.object({
  ownerId: z.string().min(1).max(100).optional(),
  reason: z.string().trim().min(1).max(1000),
});

/** Several handoffs reassigned together, to one person or by each team's rule, with one reason. */
export const bulkReassignSchema = reassignSchema.extend({
  ids: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'names a handoff more than once'),
});

export const packetUpdateSchema = z.object({ packet: packetSchema });

export const listHandoffsQuery = z.object({
  team: z.string().max(100).optional(),
  state: z.enum(['draft', 'sent', 'accepted', 'resolved', 'bounced', 'cancelled']).optional(),
  owner: z.string().max(100).optional(),
  caseId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: cursorParam.optional(),
});

export const handoffIdParams = z.object({ id: z.string().min(1).max(100) });

export type NewHandoff = Omit<z.infer<typeof newHandoffSchema>, 'fromKind'> & { fromKind?: FromKind };
export type Bounce = z.infer<typeof bounceSchema>;
export type Reassign = z.infer<typeof reassignSchema>;
export type BulkReassign = z.infer<typeof bulkReassignSchema>;
