import { z } from 'zod';
import { isoInstant } from '../cases/cases.types.ts';
import { cursorParam } from '../db/keyset.ts';
import { ratingValues } from './rating.ts';

/**
 * A satisfaction rating as a helpdesk or an agent reports it: 1 to 5 stars or good / bad. The same
 * `externalId` from the same `source` again is the customer changing their rating (Zendesk allows
 * it), not a second one.
 */
export const newRatingSchema = z.object({
  rating: z
    .union([
      z
        .int()
        .min(1)
        .max(5)
        .transform((n) => String(n)),
      z.enum(['good', 'bad']),
    ])
    .pipe(z.enum(ratingValues)),
  comment: z.string().trim().max(2000).optional(),
  at: isoInstant.optional(),
  source: z.string().trim().min(1).max(40).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
});

export type NewRating = z.infer<typeof newRatingSchema>;

/** The organisation's ratings of a period, newest first (the period as in `GET /analytics/metrics`). */
export const ratingsQuery = z.object({
  from: z.string().trim().min(1).max(40).optional(),
  to: z.string().trim().min(1).max(40).optional(),
  team: z.string().trim().min(1).max(100).optional().describe('The team a rating is counted for (its key)'),
  satisfied: z.enum(['true', 'false']).optional().describe('`false`: only the customers not satisfied'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam.optional(),
});

export type RatingsQuery = z.infer<typeof ratingsQuery>;
