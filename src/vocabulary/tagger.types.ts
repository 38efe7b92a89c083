import { z } from 'zod';

export const tagSuggestionSchema = z.object({
  label: z.string(),
  confidence: z.number().min(0).max(1),
});

/** The best label, its calibrated confidence in [0, 1], and the best three, most confident first. */
export const tagPredictionSchema = tagSuggestionSchema.extend({ top: z.array(tagSuggestionSchema) });

export const heldOutReportSchema = z.object({
  /** `cross-validation` scores every example once; `held-out` scores one stratified slice. */
  method: z.enum(['cross-validation', 'held-out']),
  rows: z.number().int().nonnegative(),
  accuracy: z.number(),
  macroF1: z.number(),
  /** Expected calibration error after temperature fitting, on the same examples (optimistic). */
  ece: z.number(),
});

export const taggerReportSchema = z.object({
  rows: z.number().int().nonnegative(),
  labels: z.number().int().nonnegative(),
  features: z.number().int().nonnegative(),
  temperature: z.number().positive(),
  /** Suggestions below this confidence should be withheld (see `shouldAbstain`). */
  abstainBelow: z.number().min(0).max(1),
  /** Accuracy, macro-F1 and calibration error on examples the scored model did not train on. */
  heldOut: heldOutReportSchema.nullable(),
});

export const featureOptionsSchema = z.object({
  wordMaxN: z.number().int().min(1),
  charMinN: z.number().int().min(0),
  charMaxN: z.number().int().min(0),
  minDf: z.number().int().min(1),
  maxFeatures: z.number().int().min(1),
  charWeight: z.number().nonnegative(),
});

export const taggerModelFormat = 'baton-tagger';
export const taggerModelVersion = 1;

/**
 * A trained tagger as JSON. Numeric arrays are base64 of little-endian float32 (`idf`, `scales`)
 * or int8 (`levels`: weights rounded to 8 bits per feature row, feature-major).
 */
export const taggerModelFileSchema = z.object({
  format: z.literal(taggerModelFormat),
  version: z.literal(taggerModelVersion),
  labels: z.array(z.string()).min(2),
  features: featureOptionsSchema,
  terms: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  idf: z.string(),
  scales: z.string(),
  levels: z.string(),
  bias: z.array(z.number()),
  report: taggerReportSchema,
});

export type TagSuggestion = z.infer<typeof tagSuggestionSchema>;
export type TagPrediction = z.infer<typeof tagPredictionSchema>;
export type HeldOutReport = z.infer<typeof heldOutReportSchema>;
export type TaggerReport = z.infer<typeof taggerReportSchema>;
export type TaggerModelFile = z.infer<typeof taggerModelFileSchema>;
