import type { sessionView } from '../../../src/auth/sessions.queries.ts';
import { del, get, post } from '../api/client.ts';

/** One of the person's sessions as the API lists it: never the cookie. */
export type OwnSession = ReturnType<typeof sessionView>;

const v1 = '/api/v1/me/sessions';

export const sessionsApi = {
  list: (signal?: AbortSignal) => get<{ items: OwnSession[] }>(v1, signal),
  signOut: (id: string) => del<{ signedOut: number }>(`${v1}/${encodeURIComponent(id)}`),
  signOutOthers: () => post<{ signedOut: number }>(`${v1}/sign-out-others`),
};
