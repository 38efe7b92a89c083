import { z } from 'zod';

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, dashes and underscores');

/** Per-scenario weights of the automatic checks; a check left out keeps its default weight. */
export const checkWeightsSchema = z.object({
  weights: z.record(key, z.number().min(0).max(100)),
});

/** A criterion is scored on an integer scale `{min, max}`, or as `"pass_fail"` (true = pass). */
export const scaleSchema = z.union([
  z.object({ min: z.number().int().min(-1000).max(1000), max: z.number().int().min(-1000).max(1000) }),
  z.literal('pass_fail'),
]);

export const criterionSchema = z.object({
  id: key,
  label: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  weight: z.number().positive().max(100).default(1),
  scale: scaleSchema,
  /** A failed critical (pass/fail) criterion zeroes the whole review. */
  critical: z.boolean().optional(),
  /** Conditional criterion: scored only on handoffs of these scenarios. */
  onlyForScenarios: z.array(key).min(1).max(100).optional(),
});

export const scorecardSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    criteria: z.array(criterionSchema).min(1).max(50),
  })
  .superRefine((card, ctx) => {
    const seen = new Set<string>();
    card.criteria.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion ${c.id}` });
      seen.add(c.id);
      if (c.scale !== 'pass_fail' && c.scale.min >= c.scale.max)
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'scale'],
          message: `criterion ${c.id}: min must be below max`,
        });
      if (c.critical && c.scale !== 'pass_fail')
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'critical'],
          message: `criterion ${c.id}: only a pass_fail criterion can be critical`,
        });
    });
  });

export const reviewSchema = z.object({
  handoffId: z.string().min(1).max(100),
  scorecardId: z.string().min(1).max(100),
  scores: z
    .array(
      z.object({
        criterion: z.string().min(1).max(100),
        value: z.union([z.number(), z.boolean()]),
        comment: z.string().max(2000).optional(),
      }),
    )
    .max(100),
  comment: z.string().max(5000).optional(),
});

/** What fills the review queue: a deterministic random share plus every bounce and breach. */
export const samplingRulesSchema = z.object({
  randomPercent: z.number().min(0).max(100).default(5),
  /** Per-scenario random share, overriding `randomPercent`. */
  scenarios: z.record(key, z.number().min(0).max(100)).optional(),
  everyBounce: z.boolean().default(true),
  everyBreach: z.boolean().default(true),
  /** Also every handoff whose automatic quality is below this score. */
  belowQuality: z.number().min(0).max(100).optional(),
});

export const queueQuery = z.object({
  scorecard: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const calibrationQuery = z.object({
  scorecard: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1).optional(),
});

export const reportBy = ['agent', 'team', 'receiving_team', 'scenario', 'week'] as const;

export const reportQuery = z.object({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  by: z.enum(reportBy).default('week'),
  format: z.enum(['json', 'csv']).default('json'),
});

/** `GET /qa/satisfaction`: the period as the report's; reviews on one scorecard, with its criteria, or on any. */
export const satisfactionAgreementQuery = z.object({
  from: reportQuery.shape.from,
  to: reportQuery.shape.to,
  scorecard: z.string().min(1).max(100).optional(),
});

export type Scale = z.infer<typeof scaleSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Scorecard = z.infer<typeof scorecardSchema>;
export type ReviewInput = z.infer<typeof reviewSchema>;
export type SamplingRules = z.infer<typeof samplingRulesSchema>;
export type ReportBy = (typeof reportBy)[number];
