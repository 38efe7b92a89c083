import { z } from 'zod';
import { newPersonSchema } from '../people/people.types.ts';
import { isValidTimeZone } from '../sla/sla.types.ts';

/** An organisation's short name in addresses and on the command line (`--org acme`). */
export const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be lower-case letters, digits and single hyphens, such as acme-support',
  );

/** What makes an organisation: its name, short name and time zone, and its first admin. */
export const newOrganisationSchema = z.object({
  organisation: z.object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    slug: slugSchema.optional().describe('Made from the name when left out'),
    timezone: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')
      .describe("The organisation's time zone: reports, the weekly review and new teams' hours"),
  }),
  admin: z.object({
    name: newPersonSchema.shape.name,
    email: newPersonSchema.shape.email,
    password: z.string().min(10, 'must be at least 10 characters').max(200),
  }),
  starterTeams: z
    .boolean()
    .default(true)
    .describe(
      'Make the teams the default scenarios hand off between (Support, Finance, Engineering, Tier 2, Supervisors), led by the admin, with those scenarios; false: no teams and no scenarios yet',
    ),
});
export type NewOrganisation = z.infer<typeof newOrganisationSchema>;

/** `POST /setup`: the first organisation of a new Baton, with the token the server's log gives. */
export const organisationSetupSchema = newOrganisationSchema.extend({
  setupToken: z
    .string()
    .min(1, 'give the setup token from the link in the server log')
    .max(200)
    .describe(
      'The token in the setup link the server logs while it has no organisation, or `BATON_SETUP_TOKEN`',
    ),
});
export type OrganisationSetup = z.infer<typeof organisationSetupSchema>;
