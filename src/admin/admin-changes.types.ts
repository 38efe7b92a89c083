import { z } from 'zod';
import { type ChangeArea, changeAreas } from './changes.ts';

/** Which changes: by area, person and period; a page of them (`limit`, `cursor`). */
export const adminChangesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, 'is not a cursor this list answered with (use its nextCursor)')
    .optional(),
  area: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(Object.keys(changeAreas) as [ChangeArea, ...ChangeArea[]])))
    .optional()
    .describe('people, teams, policies, integrations (comma-separated): only these kinds of change'),
  actor: z.string().min(1).max(100).optional().describe("Only this person's changes (a person id)"),
  from: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('Changes from this date (a whole day in the organisation’s zone) or ISO instant on'),
  to: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('Changes up to this date (included) or ISO instant'),
});
