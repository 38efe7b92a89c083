import { z } from 'zod';

export const userSchemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const groupSchemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const listSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const patchSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * SCIM's booleans as providers send them: `true`, or the strings `"True"` / `"False"` that some
 * (Entra ID's PATCH among them) write.
 */
export const scimBoolean = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i, 'must be true or false')
    .transform((s) => s.toLowerCase() === 'true'),
]);

const text = (max: number) => z.string().max(max);

/** What a provider sends of a person; the many attributes Baton does not keep are let through unread. */
export const scimUserSchema = z.object({
  schemas: z.array(text(300)).max(10).optional(),
  userName: z.string().trim().min(1, 'must not be empty').max(320),
  externalId: text(300).nullish(),
  displayName: text(200).nullish(),
  name: z
    .object({
      formatted: text(200).nullish(),
      givenName: text(200).nullish(),
      familyName: text(200).nullish(),
    })
    .nullish(),
  emails: z
    .array(
      z.object({
        value: text(320).nullish(),
        type: text(50).nullish(),
        primary: scimBoolean.nullish(),
      }),
    )
    .max(20)
    .nullish(),
  active: scimBoolean.nullish(),
});
export type ScimUserInput = z.infer<typeof scimUserSchema>;

/** A member as a provider names one: the person's id in `value` (`display`, `$ref`, `type` are not read). */
export const scimMemberSchema = z.object({
  value: z.string().trim().min(1, 'must not be empty').max(100),
  display: text(200).nullish(),
  type: text(50).nullish(),
});

/**
 * What a provider sends of a group (`POST`, `PUT`): a team's name and its members. `members` left
 * out of a `PUT` leaves the members as they are.
 */
export const scimGroupSchema = z.object({
  schemas: z.array(text(300)).max(10).optional(),
  displayName: z.string().trim().min(1, 'must not be empty').max(200),
  externalId: text(300).nullish(),
  members: z.array(scimMemberSchema).max(1000).nullish(),
});
export type ScimGroupInput = z.infer<typeof scimGroupSchema>;

/** RFC 7644 3.5.2: operations are named in any case (`Replace`, as Entra ID writes them). */
export const patchOperationSchema = z.object({
  op: z
    .string()
    .regex(/^(add|replace|remove)$/i, 'must be add, replace or remove')
    .transform((o) => o.toLowerCase() as 'add' | 'replace' | 'remove'),
  path: text(500).optional(),
  value: z.unknown().optional(),
});
export type PatchOperation = z.infer<typeof patchOperationSchema>;

export const scimPatchSchema = z.object({
  schemas: z.array(text(300)).max(10).optional(),
  Operations: z.array(patchOperationSchema).min(1, 'give at least one operation').max(100),
});

const index = z
  .string()
  .regex(/^-?\d{1,9}$/, 'must be a whole number')
  .transform(Number)
  .optional();

/**
 * `GET /scim/v2/Users` and `/Groups`: on Users `attributes` and `excludedAttributes` are accepted and
 * the whole resource answered; on Groups they say whether `members` is answered.
 */
export const scimListQuery = z.object({
  filter: z.string().max(2000).optional(),
  startIndex: index,
  count: index,
  attributes: z.string().max(2000).optional(),
  excludedAttributes: z.string().max(2000).optional(),
});

/** The roles a provider may give the people it adds: never admin, which only an admin gives. */
export const provisionedRoles = ['agent', 'lead', 'supervisor', 'qa'] as const;
export type ProvisionedRole = (typeof provisionedRoles)[number];

/** `PUT /settings/provisioning`: what the people a provider adds are. */
export const provisioningSettingsSchema = z.object({
  defaultRole: z.enum(provisionedRoles).describe('The role of the people the identity provider adds'),
});

/** `GET /scim/v2/Groups/{id}`: whether `members` is answered (`excludedAttributes=members`, as Okta asks). */
export const scimGetQuery = z.object({
  attributes: z.string().max(2000).optional(),
  excludedAttributes: z.string().max(2000).optional(),
});
