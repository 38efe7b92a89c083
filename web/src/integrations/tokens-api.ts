import type { z } from 'zod';
import type { tokenView } from '../../../src/auth/tokens.queries.ts';
import type { newApiTokenSchema } from '../../../src/auth/tokens.types.ts';
import { get, post } from '../api/client.ts';
import type { Role } from '../api/types.ts';

/** An API token as the API lists it: never the token itself. */
export type ApiToken = ReturnType<typeof tokenView>;
/** The answer to issuing one: the token itself, this once. */
export type IssuedToken = ApiToken & { token: string };
export type NewToken = z.input<typeof newApiTokenSchema>;

/** The roles a token may carry, in the order the People page lists them. */
export const tokenRoles: { role: Role; label: string; hint: string }[] = [
  { role: 'agent', label: 'Agent', hint: 'reads and hands off cases' },
  { role: 'lead', label: 'Team lead', hint: 'teams, scenarios, settings' },
  { role: 'supervisor', label: 'Supervisor', hint: 'escalations' },
  { role: 'qa', label: 'QA reviewer', hint: 'scores handoffs' },
  { role: 'admin', label: 'Admin', hint: 'everything, people and tokens included' },
];

export const roleLabel = (role: string) => tokenRoles.find((r) => r.role === role)?.label ?? role;

const v1 = '/api/v1/api-tokens';

export const tokensApi = {
  list: (signal?: AbortSignal) => get<{ items: ApiToken[] }>(v1, signal),
  issue: (body: NewToken) => post<IssuedToken>(v1, body),
  revoke: (id: string) => post<ApiToken>(`${v1}/${encodeURIComponent(id)}/revoke`),
};
