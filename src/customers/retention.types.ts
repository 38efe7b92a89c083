import { z } from 'zod';
import { retentionDays } from './retention.ts';

/** `PUT /settings/customer-retention`: days without contact before erasure, or null for never. */
export const retentionSettingsSchema = z.object({
  eraseAfterDays: z.number().int().min(retentionDays.min).max(retentionDays.max).nullable(),
});
export type RetentionSettingsInput = z.infer<typeof retentionSettingsSchema>;

/** `GET /settings/customer-retention?preview=<days>`: how many a schedule not saved yet would erase. */
export const retentionPreviewQuery = z.object({
  preview: z.coerce.number().int().min(retentionDays.min).max(retentionDays.max).optional(),
});
