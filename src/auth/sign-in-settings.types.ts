import { z } from 'zod';
import { twoStepRequirements } from './two-step-policy.ts';

/** `PUT /settings/sign-in`: who must sign in in two steps. */
export const signInSettingsSchema = z.object({
  twoStepRequired: z.enum(twoStepRequirements),
});
export type SignInSettingsInput = z.infer<typeof signInSettingsSchema>;
