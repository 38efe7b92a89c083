import { z } from 'zod';
import { roleSchema } from '../people/people.types.ts';

/**
 * `POST /api-tokens`: a token for a helpdesk or a script. Acting as a person (`personId`) signs
 * its actions with their name; without one it is "an API token" in every log.
 */
export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  roles: z
    .array(roleSchema)
    .min(1, 'give the token at least one role')
    .max(5)
    .transform((r) => [...new Set(r)]),
  personId: z.string().trim().min(1).max(100).nullish(),
});
export type NewApiToken = z.infer<typeof newApiTokenSchema>;
