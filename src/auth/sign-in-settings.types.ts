import { z } from 'zod';
import { idleMinutesRange } from './session-idle.ts';
import { twoStepRequirements } from './two-step-policy.ts';

/** `PUT /settings/sign-in`: who must sign in in two steps, and when an idle session ends; either or both. */
export const signInSettingsSchema = z
  .object({
    twoStepRequired: z.enum(twoStepRequirements),
    sessionIdleMinutes: z
      .number()
      .int('give whole minutes')
      .min(idleMinutesRange.min, `at least ${idleMinutesRange.min} minutes`)
      .max(idleMinutesRange.max, `at most ${idleMinutesRange.max} minutes (14 days, a session's longest)`)
      .nullable(),
  })
  .partial()
  .refine((s) => s.twoStepRequired !== undefined || s.sessionIdleMinutes !== undefined, {
    message: 'give twoStepRequired, sessionIdleMinutes or both',
  });
export type SignInSettingsInput = z.infer<typeof signInSettingsSchema>;

/** The organisation's sign-in settings as saved (both fields, `GET /settings/sign-in`). */
export type SignInSettingsSaved = Required<SignInSettingsInput>;
