import { z } from 'zod';

export const emotionSchema = z.enum(['calm', 'concerned', 'frustrated', 'angry']);
export const urgencySchema = z.enum(['low', 'normal', 'high', 'critical']);
const line = z.string().max(2000);

/** The structured context that travels with a handoff. Every field is optional here: drafts may be incomplete. */
export const packetSchema = z.looseObject({
  whatHappened: z.string().max(20_000).optional(),
  attempted: z.array(line).max(100).optional(),
  emotion: emotionSchema.optional(),
  documents: z
    .object({ required: z.array(line).max(100).default([]), onFile: z.array(line).max(100).default([]) })
    .optional(),
  urgency: urgencySchema.optional(),
  nextSteps: z.array(line).max(100).optional(),
  summary: z.string().max(20_000).optional(),
});

export const packetFields = [
  'whatHappened',
  'attempted',
  'emotion',
  'documents',
  'urgency',
  'nextSteps',
  'summary',
] as const;
export const packetFieldSchema = z.enum(packetFields);
export type PacketField = (typeof packetFields)[number];
export const defaultRequiredFields: PacketField[] = [
  'whatHappened',
  'attempted',
  'emotion',
  'documents',
  'urgency',
  'nextSteps',
];

export type Packet = z.infer<typeof packetSchema>;
export type Emotion = z.infer<typeof emotionSchema>;
export type Urgency = z.infer<typeof urgencySchema>;
