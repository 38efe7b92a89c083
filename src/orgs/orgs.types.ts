import { z } from 'zod';
import { calendarSchema } from '../sla/sla.types.ts';

const roleSchema = z.enum(['agent', 'lead', 'supervisor', 'qa', 'admin']);

export const personSpecSchema = z.object({
  key: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  timezone: z.string().default('UTC'),
  skills: z.array(z.string()).default([]),
  password: z.string().optional(),
  calendar: calendarSchema.optional(),
});

export const teamSpecSchema = z.object({
  key: z.string(),
  name: z.string(),
  lead: z.string(),
  members: z.array(z.string()),
  calendar: calendarSchema,
  ownershipStrategy: z.enum(['round-robin', 'least-loaded', 'skills']).default('round-robin'),
  capacity: z.number().int().positive().default(10),
});

export const organisationSpecSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  timezone: z.string().default('UTC'),
  people: z.array(personSpecSchema),
  teams: z.array(teamSpecSchema),
  /** Show its admins the getting-started guide (an organisation set up new; not the demo's). */
  gettingStarted: z.boolean().default(false),
});

export type OrganisationSpec = z.input<typeof organisationSpecSchema>;
