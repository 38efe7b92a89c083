import { z } from 'zod';

export const ownershipStrategySchema = z.enum(['round-robin', 'least-loaded', 'skills']);

/** How many open handoffs a member may own before ownership passes them by. */
export const capacitySchema = z.number().int().min(1).max(1000);

const name = z.string().trim().min(1, 'must not be empty').max(200);
export const teamKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, such as tier-2');

/** `POST /teams`: a new team; its calendar defaults to weekdays 09:00-17:00 in the organisation's zone. */
export const newTeamSchema = z.object({
  key: teamKey,
  name,
  leadId: z.string().min(1).max(100),
  ownershipStrategy: ownershipStrategySchema.default('round-robin'),
  capacity: capacitySchema.default(10),
  members: z.array(z.string().min(1).max(100)).max(500).default([]),
});
export type NewTeam = z.infer<typeof newTeamSchema>;

/** `PATCH /teams/{key}`: name, lead (its fallback owner), ownership strategy, default capacity. */
export const teamChangeSchema = z
  .object({
    name,
    leadId: z.string().min(1).max(100),
    ownershipStrategy: ownershipStrategySchema,
    capacity: capacitySchema,
  })
  .partial()
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'give at least one field to change');
export type TeamChange = z.infer<typeof teamChangeSchema>;

/** `POST /teams/{key}/members`; a null capacity means the team's default. */
export const newMemberSchema = z.object({
  personId: z.string().min(1).max(100),
  capacity: capacitySchema.nullable().default(null),
});
export type NewMember = z.infer<typeof newMemberSchema>;

export const memberChangeSchema = z.object({ capacity: capacitySchema.nullable() });
