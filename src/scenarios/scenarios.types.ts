import { z } from 'zod';
import { customerUpdateTemplateSchema } from '../continuity/continuity.types.ts';
import { packetFieldSchema } from '../packets/packet.types.ts';
import { calendarSchema, targetSchema } from '../sla/sla.types.ts';

const key = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'letters, digits, dashes, dots and underscores, no spaces');

export const ladderActionSchema = z.enum(['warn_owner', 'notify_lead', 'page_supervisor', 'reassign']);

/** One rung: when the clock has used `at` percent of its target, do `action` (once). */
export const ladderStepSchema = z.object({
  at: z.number().min(0).max(1000),
  action: ladderActionSchema,
  clock: z.string().optional(),
  /** Wait for the notified person's own working hours (their calendar) before telling them. */
  respectHours: z.boolean().optional(),
});

export const slaTargetDefSchema = z.object({
  name: z.string().trim().min(1).max(60),
  target: targetSchema,
  /** A calendar object; the receiving team's calendar when left out. */
  calendar: calendarSchema.optional(),
});

export const triggerSchema = z.object({
  kind: z.enum(['manual', 'issue_type', 'channel', 'sentiment', 'keyword']).default('manual'),
  issueTypes: z.array(z.string()).optional(),
  channels: z.array(z.string()).optional(),
  sentimentBelow: z.number().min(-1).max(1).optional(),
  keywords: z.array(z.string()).optional(),
});

export const scenarioSchema = z.object({
  id: key,
  name: z.string().max(200).optional(),
  fromTeam: key.optional(),
  toTeam: key,
  trigger: triggerSchema.default({ kind: 'manual' }),
  required: z.array(packetFieldSchema).optional(),
  weights: z.partialRecord(packetFieldSchema, z.number().min(0).max(100)).optional(),
  template: z
    .object({
      version: z.number().int().min(1),
      lastReviewed: z.string().date(),
      fields: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  sla: z.array(slaTargetDefSchema).max(10).default([]),
  ladder: z.array(ladderStepSchema).max(20).optional(),
  ownership: z.enum(['round-robin', 'least-loaded', 'skills']).optional(),
  skills: z.array(z.string()).optional(),
  /** The warm-handoff message templates (the older `{template}` shape is still read, and ignored). */
  customerUpdate: z
    .union([customerUpdateTemplateSchema, z.object({ template: z.string().max(2000) }).strict()])
    .optional(),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type LadderStep = z.infer<typeof ladderStepSchema>;

/** The ladder a scenario gets when it names none: warn at 75 %, lead at 100 %, supervisor at 150 %. */
export const defaultLadder: LadderStep[] = [
  { at: 75, action: 'warn_owner' },
  { at: 100, action: 'notify_lead' },
  { at: 150, action: 'page_supervisor' },
];
