import { z } from 'zod';

/** `POST /me/two-step/enable`: the first code from the authenticator app proves it is set up. */
export const enableTwoStepSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'give the 6-digit code from your authenticator app'),
});

/** `POST /me/two-step/disable`: the person's current password. */
export const disableTwoStepSchema = z.object({
  password: z.string().min(1, 'give your current password').max(500),
});

/** `POST /auth/login`: the password, and once asked for, the second step's code or a recovery code. */
export const loginSchema = z.object({
  email: z.string().min(1).max(300),
  password: z.string().min(1).max(500),
  code: z.string().trim().min(1, 'give the code').max(50).optional(),
});
