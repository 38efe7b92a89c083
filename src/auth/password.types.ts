import { z } from 'zod';

/** `POST /me/password`: a person changes their own password, proving the current one. */
export const ownPasswordSchema = z.object({
  currentPassword: z.string().min(1, 'give your current password').max(500),
  newPassword: z.string().min(10, 'must be at least 10 characters').max(200),
});
export type OwnPasswordChange = z.infer<typeof ownPasswordSchema>;
