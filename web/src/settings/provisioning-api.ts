import type { ProvisionedRole } from '../../../src/provisioning/scim.types.ts';
import { del, get, post, put } from '../api/client.ts';

/** `GET /settings/provisioning`: where the identity provider calls, and whether it may (never the token). */
export type Provisioning = {
  baseUrl: string;
  tokenSet: boolean;
  tokenCreatedAt: string | null;
  lastUsedAt: string | null;
  defaultRole: ProvisionedRole;
  /** The teams the provider manages as SCIM Groups, by name (older servers do not answer it). */
  managedTeams?: { key: string; name: string }[];
};

const path = '/api/v1/settings/provisioning';

export const provisioningApi = {
  get: (signal?: AbortSignal) => get<Provisioning>(path, signal),
  /** A new token, this once; the one before stops at once. */
  createToken: () => post<Provisioning & { token: string }>(path),
  revokeToken: () => del<Provisioning>(path),
  save: (defaultRole: ProvisionedRole) => put<Provisioning>(path, { defaultRole }),
};

export const provisionedRoleChoices: { value: ProvisionedRole; label: string }[] = [
  { value: 'agent', label: 'Agent' },
  { value: 'lead', label: 'Team lead' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'qa', label: 'QA reviewer' },
];
