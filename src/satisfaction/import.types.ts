import { z } from 'zod';
import { isoInstant } from '../cases/cases.types.ts';
import { freshdeskRating } from '../integrations/vendor-rating.ts';
import { newRatingSchema } from './satisfaction.types.ts';

/** At most this many ratings a request: Freshdesk pages its API by 100, a back-fill sends pages. */
export const importLimit = 1000;

/**
 * One rating of a back-fill: the case named by Baton's id or by the helpdesk's ticket id (the
 * case's `externalId`), and the rating as `POST /cases/{id}/satisfaction` takes it.
 */
export const importedRatingSchema = newRatingSchema
  .omit({ source: true })
  .extend({
    caseId: z.string().trim().min(1).max(100).optional(),
    caseExternalId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((r) => (r.caseId === undefined) !== (r.caseExternalId === undefined), {
    message: 'name the case by caseId or by caseExternalId (the helpdesk ticket), one of the two',
    path: ['caseExternalId'],
  });
export type ImportedRating = z.infer<typeof importedRatingSchema>;

/** `POST /satisfaction/import`: a helpdesk's ratings, recorded together. */
export const ratingsImportSchema = z.object({
  source: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .describe('The helpdesk the ratings come from, as on single ratings'),
  ratings: z.array(importedRatingSchema).min(1).max(importLimit),
});
export type RatingsImport = z.infer<typeof ratingsImportSchema>;

const freshdeskId = z
  .union([
    z.int().min(0),
    z
      .string()
      .trim()
      .regex(/^\d{1,20}$/),
  ])
  .transform(String);

/**
 * One answer of Freshdesk's satisfaction ratings API (`GET /api/v2/surveys/satisfaction_ratings`),
 * as it sends it: the survey's default question carries the rating, `feedback` the customer's words.
 */
export const freshdeskRatingSchema = z
  .object({
    id: freshdeskId,
    ticket_id: freshdeskId,
    created_at: isoInstant,
    feedback: z.string().max(20_000).nullish(),
    ratings: z.object({
      default_question: z.unknown().refine((v) => freshdeskRating(v) !== undefined, {
        message: 'a Freshdesk survey value: 103, 102, 101, 100, -101, -102 or -103',
      }),
    }),
  })
  .transform(
    (f): ImportedRating => ({
      caseExternalId: f.ticket_id,
      rating: freshdeskRating(f.ratings.default_question)!,
      at: f.created_at,
      externalId: f.id,
      ...(f.feedback?.trim() ? { comment: f.feedback.trim().slice(0, 2000) } : {}),
    }),
  );

/** `POST /satisfaction/import/freshdesk`: a page of Freshdesk's API answer, unchanged. */
export const freshdeskImportSchema = z.array(freshdeskRatingSchema).min(1).max(importLimit);
