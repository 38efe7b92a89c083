import { z } from 'zod';
import { ownPasswordSchema } from './password.types.ts';

/** How long a reset link works: long enough to reach the inbox, short enough to be worth little if leaked. */
export const resetLinkMinutes = 30;
/** An invitation, sent by an admin to someone who has never had a password, waits for its reader longer. */
export const inviteLinkMinutes = 7 * 24 * 60;

/** `POST /auth/password-reset`: a signed-out person asks for a link to set a new password. */
export const resetRequestSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('give the address you sign in with').max(300)),
});

/** `POST /auth/password-reset/confirm`: the link's token and the new password. */
export const resetConfirmSchema = z.object({
  token: z.string().min(1, 'open the link from the e-mail').max(200),
  newPassword: ownPasswordSchema.shape.newPassword,
});
export type ResetConfirm = z.infer<typeof resetConfirmSchema>;
