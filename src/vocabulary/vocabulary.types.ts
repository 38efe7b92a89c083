import { z } from 'zod';

/** One segment of a type's path: `duplicate-charge`. */
export const typeKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes');

/** A canonical issue type: `billing` (a parent) or `billing/duplicate-charge` (one of its children). */
export const typePathSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9-]{0,62})?$/,
    'a type path: `parent` or `parent/key`, in lowercase letters, digits and dashes',
  );

export const teamKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a team key');
const aliasSchema = z.string().trim().min(1).max(100);
const exampleSchema = z.string().trim().min(1).max(2000);

/** Each team's own words for a type: `{finance: ['duplicate capture'], support: ['charged twice']}`. */
export const aliasesSchema = z.record(teamKeySchema, z.array(aliasSchema).max(100));

/** What a type means and where it goes; every revision of a type stores one. */
export const typeSpecSchema = z.object({
  name: z.string().trim().min(1).max(120),
  definition: z.string().trim().max(2000).default(''),
  examples: z.array(exampleSchema).max(200).default([]),
  /** The scenario the type routes to; a child without one inherits its parent's. */
  scenario: z.string().trim().min(1).max(100).nullable().default(null),
  aliases: aliasesSchema.default({}),
});

export const typeStatuses = ['active', 'retired', 'merged'] as const;
export type TypeStatus = (typeof typeStatuses)[number];

/** The policy file `policies/vocabulary/issue-types.yaml`. */
const policyTypeSchema = typeSpecSchema.extend({
  key: typeKeySchema,
  scenario: z.string().trim().min(1).max(100).optional(),
});
export const vocabularyPolicySchema = z.object({
  version: z.literal(1),
  types: z.array(policyTypeSchema.extend({ children: z.array(policyTypeSchema).default([]) })).min(1),
});

// --- API inputs ---

export const newTypeSchema = typeSpecSchema.extend({ path: typePathSchema });
export const typePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    definition: z.string().trim().max(2000),
    examples: z.array(exampleSchema).max(200),
    scenario: z.string().trim().min(1).max(100).nullable(),
    aliases: aliasesSchema,
    note: z.string().trim().max(1000),
  })
  .partial()
  .refine((patch) => Object.keys(patch).some((k) => k !== 'note'), 'give at least one field to change');
export const newAliasSchema = z.object({ team: teamKeySchema, alias: aliasSchema });
export const retireSchema = z.object({ note: z.string().trim().max(1000).optional() });
export const mergeSchema = z.object({ into: typePathSchema, note: z.string().trim().max(1000).optional() });
export const typeListQuery = z.object({ status: z.enum(['active', 'all']).default('active') });

/** `{path}` (URL-encoded, `billing%2Fduplicate-charge`) or `{parent}/{child}`. */
export const typePathParams = z.object({ path: z.string().min(1).max(200) });
export const typeChildParams = z.object({
  parent: z.string().min(1).max(100),
  child: z.string().min(1).max(100),
});
/** One team's word for a type, addressed in a URL: `.../aliases/finance/dup%20capture`. */
export const aliasParams = z.object({ team: teamKeySchema, alias: aliasSchema });

export const normaliseSchema = z.object({
  term: z.string().trim().min(1).max(200),
  team: teamKeySchema.optional(),
  text: z.string().trim().min(1).max(20_000).optional(),
  caseId: z.string().min(1).max(100).optional(),
});
export const suggestSchema = z.object({
  text: z.string().trim().min(1).max(20_000),
  caseId: z.string().min(1).max(100).optional(),
});
export const correctionSchema = z.object({
  caseId: z.string().min(1).max(100),
  from: z.string().trim().min(1).max(200).nullable().optional(),
  to: typePathSchema,
});
export const trainSchema = z.object({
  /** Answer once the new model is stored (the training still runs off the event loop). */
  wait: z.boolean().default(false),
});
export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week such as 2026-W48');
export const driftQuery = z.object({
  week: isoWeekSchema.optional(),
  baselineWeeks: z.coerce.number().int().min(1).max(12).default(4),
});

export type TypeSpec = z.infer<typeof typeSpecSchema>;
export type NewType = z.infer<typeof newTypeSchema>;
export type TypePatch = z.infer<typeof typePatchSchema>;
export type VocabularyPolicy = z.infer<typeof vocabularyPolicySchema>;
export type NormaliseInput = z.infer<typeof normaliseSchema>;
export type CorrectionInput = z.infer<typeof correctionSchema>;
