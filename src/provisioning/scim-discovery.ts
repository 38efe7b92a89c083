// RFC 7643 5-7: what Baton supports as a SCIM service provider, described to the identity provider.

import { groupSchemaUrn, userSchemaUrn } from './scim.types.ts';
import { listResponse } from './scim-user.ts';

const configSchema = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const resourceTypeSchema = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const schemaSchema = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export const serviceProviderConfig = (baseUrl: string) => ({
  schemas: [configSchema],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'Provisioning token',
      description: "The organisation's provisioning token (Settings > Security), as Authorization: Bearer",
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
});

const userType = (baseUrl: string) => ({
  schemas: [resourceTypeSchema],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'A person of the organisation',
  schema: userSchemaUrn,
  meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
});

const groupType = (baseUrl: string) => ({
  schemas: [resourceTypeSchema],
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'A team of the organisation: its members are the team’s members',
  schema: groupSchemaUrn,
  meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
});

export const resourceTypes = (baseUrl: string) => listResponse([userType(baseUrl), groupType(baseUrl)], 2, 1);

type Attribute = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference';
  required?: boolean;
  multiValued?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite';
  uniqueness?: 'none' | 'server';
  referenceTypes?: string[];
  description: string;
  subAttributes?: Attribute[];
};

const attribute = (a: Attribute) => ({
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...a,
});

/** Only the attributes Baton keeps: the others a provider sends are accepted and not stored. */
const userAttributes: Attribute[] = [
  {
    name: 'userName',
    type: 'string',
    required: true,
    uniqueness: 'server',
    description: "The provider's name for the person; their address when it is one and no e-mail is given",
  },
  { name: 'externalId', type: 'string', caseExact: true, description: "The provider's own id of the person" },
  {
    name: 'name',
    type: 'complex',
    description: 'givenName and familyName make the name when no displayName is given',
    subAttributes: [
      { name: 'formatted', type: 'string', description: 'The name Baton shows' },
      { name: 'givenName', type: 'string', description: 'Given name' },
      { name: 'familyName', type: 'string', description: 'Family name' },
    ],
  },
  { name: 'displayName', type: 'string', description: 'The name Baton shows' },
  {
    name: 'emails',
    type: 'complex',
    multiValued: true,
    description: 'The primary (or work) e-mail is the address the person signs in and is reached with',
    subAttributes: [
      { name: 'value', type: 'string', description: 'The address' },
      { name: 'type', type: 'string', description: 'work' },
      { name: 'primary', type: 'boolean', description: 'The one Baton keeps' },
    ],
  },
  {
    name: 'active',
    type: 'boolean',
    description: "false takes the person's access (their open handoffs are handed on); true gives it back",
  },
];

/** A Group is a team: its name and its members (people, by their User id). */
const groupAttributes: Attribute[] = [
  {
    name: 'displayName',
    type: 'string',
    required: true,
    uniqueness: 'server',
    description: "The team's name; a team of that name the provider does not manage yet is linked on POST",
  },
  { name: 'externalId', type: 'string', caseExact: true, description: "The provider's own id of the group" },
  {
    name: 'members',
    type: 'complex',
    multiValued: true,
    description:
      "The team's members; one removed hands their open handoffs in the team on, a deactivated person is refused",
    subAttributes: [
      { name: 'value', type: 'string', caseExact: true, description: "The person's User id" },
      { name: 'display', type: 'string', mutability: 'readOnly', description: "The person's name" },
      {
        name: '$ref',
        type: 'reference',
        referenceTypes: ['User'],
        mutability: 'readOnly',
        description: "The person's User resource",
      },
    ],
  },
];

const describe = (a: Attribute): Record<string, unknown> => ({
  ...attribute(a),
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(describe) } : {}),
});

export const schemas = (baseUrl: string) =>
  listResponse(
    [
      {
        schemas: [schemaSchema],
        id: userSchemaUrn,
        name: 'User',
        description: 'A person of the organisation',
        attributes: userAttributes.map(describe),
        meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${userSchemaUrn}` },
      },
      {
        schemas: [schemaSchema],
        id: groupSchemaUrn,
        name: 'Group',
        description: 'A team of the organisation',
        attributes: groupAttributes.map(describe),
        meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${groupSchemaUrn}` },
      },
    ],
    2,
    1,
  );
