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

/**
 * A scenario as stored: every version ever saved reads with this, so it only grows more lenient
 * (a version saved before a rule was added must still read).
 */
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

/** A scenario as a lead saves it (the API, the policy files): the stored shape, and its rules. */
export const newScenarioSchema = scenarioSchema.superRefine((s, ctx) => {
  // Named or not, never blank: lists and pickers show the name, and a blank one reads as nothing.
  if (s.name !== undefined && s.name.trim() === '')
    ctx.addIssue({
      code: 'custom',
      path: ['name'],
      message: 'a name cannot be blank (leave it out to use the id)',
    });
  // A clock's name is what stops it (`acknowledge` on accept, `resolve` on resolve) and what a
  // rung names: two of one name would leave the scenario without the clock it meant.
  const seen = new Set<string>();
  for (const [i, clock] of s.sla.entries()) {
    if (seen.has(clock.name))
      ctx.addIssue({
        code: 'custom',
        path: ['sla', i, 'name'],
        message: `two clocks are named ${clock.name}: each clock needs a name of its own`,
      });
    seen.add(clock.name);
  }
  for (const [i, step] of (s.ladder ?? []).entries())
    if (step.clock !== undefined && !seen.has(step.clock))
      ctx.addIssue({
        code: 'custom',
        path: ['ladder', i, 'clock'],
        message: `no clock is named ${step.clock}: name one of ${[...seen].join(', ') || "the scenario's clocks (it has none)"}`,
      });
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
