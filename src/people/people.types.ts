import { z } from 'zod';
import { isValidTimeZone } from '../sla/sla.types.ts';

/** The roles a person may hold; admins pass every guard. */
export const roleSchema = z.enum(['agent', 'lead', 'supervisor', 'qa', 'admin']);
export type PersonRole = z.infer<typeof roleSchema>;

const name = z.string().trim().min(1, 'must not be empty').max(200);
const email = z
  .string()
  .trim()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address such as amara@example.com')
  .transform((e) => e.toLowerCase());
const roles = z
  .array(roleSchema)
  .min(1, 'give the person at least one role')
  .max(5)
  .transform((r) => [...new Set(r)]);
const skills = z
  .array(z.string().trim().min(1).max(60))
  .max(50)
  .transform((s) => [...new Set(s)]);
const timezone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin');
/** Set by an admin; the person signs in with it (there is no mail to send an invitation by). */
const password = z.string().min(10, 'must be at least 10 characters').max(200);
/** `POST /people`: a new person, optionally placed in teams at once. */
export const newPersonSchema = z.object({
  name,
  email,
  roles,
  skills: skills.default([]),
  timezone: timezone.optional(),
  password: password.optional(),
  teams: z.array(z.string().min(1).max(100)).max(50).default([]),
});
export type NewPerson = z.infer<typeof newPersonSchema>;

/** `PATCH /people/{id}`: what an admin may change about a person; at least one field. */
export const personChangeSchema = z
  .object({ name, email, roles, skills, timezone, password })
  .partial()
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'give at least one field to change');
export type PersonChange = z.infer<typeof personChangeSchema>;
