import { z } from 'zod';

/** `POST /customers/{id}/erasure`: what the admin typed to confirm, and why (a request's reference). */
export const erasureSchema = z.object({
  confirm: z.string().max(500),
  reason: z.string().trim().max(500).optional(),
});
export type ErasureInput = z.infer<typeof erasureSchema>;
