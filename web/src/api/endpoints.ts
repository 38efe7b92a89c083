import { type AdminChange, type AdminChangeFilter, adminChangeQuery } from '../admin/change-words.ts';
import { ApiError, get, patch, post, put, query, request } from './client.ts';
import type {
  AtRiskClock,
  Availability,
  BounceReason,
  BulkReassignAnswer,
  Calendar,
  CalendarSaved,
  CaseDetail,
  CaseDocument,
  CaseEvent,
  CasePage,
  Dip,
  EvenOutAnswer,
  HandedOn,
  HandoffDetail,
  HandoffList,
  HandoffState,
  HandoffSuggestion,
  HolidayPreview,
  Inbox,
  Me,
  Note,
  Packet,
  Person,
  PersonChange,
  PersonInput,
  Scenario,
  ScenarioDetail,
  ScenarioInput,
  SlaHealth,
  TaggerSuggestion,
  Team,
  TeamChange,
  TeamInput,
  Viewer,
} from './types.ts';

const v1 = '/api/v1';
const enc = encodeURIComponent;
type Items<T> = { items: T[] };

export type NewCase = {
  subject: string;
  customer: { externalId: string; name: string };
  channel: string;
  messages?: { role: 'customer' | 'agent' | 'bot' | 'internal'; text: string }[];
  documents?: { kind: string; name: string }[];
};

export type HandoffFilter = {
  team?: string;
  state?: HandoffState;
  owner?: string;
  caseId?: string;
  limit?: number;
  cursor?: string;
};

export const api = {
  /** Signs in; with two-step sign-in on, a second call carries `code` (an app's code or a recovery code). */
  signIn: (email: string, password: string, code?: string) =>
    request<{ person: unknown }>('POST', `${v1}/auth/login`, {
      body: code === undefined ? { email, password } : { email, password, code },
      quiet401: true,
    }),
  signOut: () => post<{ ok: true }>(`${v1}/auth/logout`),
  me: () => request<Me>('GET', `${v1}/me`, { quiet401: true }),
  /**
   * Whether a session exists: answers 200 either way, so a signed-out visit logs no failed request;
   * whether a forgotten password can be reset by e-mail here; and whether the person must set up
   * two-step sign-in before anything else (the organisation requires it; older servers omit it).
   */
  session: (signal?: AbortSignal) =>
    get<{
      signedIn: boolean;
      passwordReset: boolean;
      twoStepSetupDue?: boolean;
      /** This request ended the session for idling past the organisation's limit (a reload after it). */
      signedOut?: { reason: 'idle'; message: string };
      /** Signed out: some organisation here signs in with single sign-on (never which domains). */
      singleSignOn?: boolean;
      /** This Baton has no organisation yet: the sign-in page leads to setting one up. */
      setupNeeded?: boolean;
    }>(`${v1}/auth/session`, signal),
  /** Whether this Baton still waits for its first organisation. */
  setupStatus: () => get<{ needed: boolean }>(`${v1}/setup`),
  /** Makes the first organisation and signs its admin in (the answer sets the session cookie). */
  setUp: (body: unknown) =>
    request<{ organisation: { slug: string; name: string }; teams: string[]; scenarios: string[] }>(
      'POST',
      `${v1}/setup`,
      { body, quiet401: true },
    ),
  // The two reset calls are made signed out (or signed in as anyone): quiet401, as a 401 there
  // would say nothing about this app's own session.
  /** E-mails a reset link to whoever signs in with `email`; 202 whether or not anyone does. */
  requestPasswordReset: (email: string) =>
    request<{ accepted: true; expiresInMinutes: number }>('POST', `${v1}/auth/password-reset`, {
      body: { email },
      quiet401: true,
    }),
  /** Sets a new password from a reset link's token; every session of that person ends. */
  confirmPasswordReset: (token: string, newPassword: string) =>
    request<{ reset: true; email: string; sessionsEnded: number }>(
      'POST',
      `${v1}/auth/password-reset/confirm`,
      { body: { token, newPassword }, quiet401: true },
    ),

  // Asked together with `me` at start, when a 401 only means "not signed in yet".
  teams: () => request<Items<Team>>('GET', `${v1}/teams`, { quiet401: true }).then((r) => r.items),
  people: () => request<Items<Person>>('GET', `${v1}/people`, { quiet401: true }).then((r) => r.items),
  scenarios: () =>
    request<Items<Scenario>>('GET', `${v1}/scenarios`, { quiet401: true }).then((r) => r.items),

  cases: (f: { limit?: number; cursor?: string; q?: string; status?: string } = {}, signal?: AbortSignal) =>
    get<CasePage>(`${v1}/cases${query({ limit: 50, ...f })}`, signal),
  case: (id: string) => get<CaseDetail>(`${v1}/cases/${enc(id)}`),
  notifications: (signal?: AbortSignal) => get<Inbox>(`${v1}/notifications${query({ limit: 20 })}`, signal),
  markNotificationRead: (id: string) => post<unknown>(`${v1}/notifications/${enc(id)}/read`),
  markAllNotificationsRead: () => post<{ marked: number }>(`${v1}/notifications/read-all`),
  resolveCase: (id: string) => post<{ id: string; status: string }>(`${v1}/cases/${enc(id)}/resolve`),
  caseEvents: (id: string) => get<Items<CaseEvent>>(`${v1}/cases/${enc(id)}/events`).then((r) => r.items),
  createCase: (body: NewCase) => post<CaseDetail>(`${v1}/cases`, body),
  addMessage: (id: string, role: string, text: string) =>
    post<unknown>(`${v1}/cases/${enc(id)}/messages`, { role, text }),
  addDocument: (id: string, kind: string, name: string) =>
    post<CaseDocument>(`${v1}/cases/${enc(id)}/documents`, { kind, name }),
  requestDocument: (id: string, kind: string, reason?: string) =>
    post<unknown>(`${v1}/cases/${enc(id)}/document-requests`, reason ? { kind, reason } : { kind }),

  /** The packet pre-filled from the conversation (and a scenario, when offered); null where the server has none. */
  async suggest(caseId: string): Promise<HandoffSuggestion | null> {
    try {
      return await get<HandoffSuggestion>(`${v1}/cases/${enc(caseId)}/prefill`);
    } catch (error) {
      if (error instanceof ApiError && [404, 405, 501].includes(error.status)) return null;
      throw error;
    }
  },

  createHandoff: (
    caseId: string,
    body: { scenario: string; packet: Packet; draft?: boolean; previousId?: string; skills?: string[] },
    idempotencyKey?: string,
  ) => post<HandoffDetail>(`${v1}/cases/${enc(caseId)}/handoffs`, body, { idempotencyKey }),
  handoffs: (f: HandoffFilter, signal?: AbortSignal) =>
    get<HandoffList>(`${v1}/handoffs${query({ limit: 500, ...f })}`, signal),
  handoff: (id: string, signal?: AbortSignal) => get<HandoffDetail>(`${v1}/handoffs/${enc(id)}`, signal),
  updatePacket: (id: string, packet: Packet) =>
    post<HandoffDetail>(`${v1}/handoffs/${enc(id)}/packet`, { packet }),
  sendDraft: (id: string, packet: Packet) =>
    post<HandoffDetail>(`${v1}/handoffs/${enc(id)}/send`, { packet }),
  accept: (id: string) => post<HandoffDetail>(`${v1}/handoffs/${enc(id)}/accept`),
  resolve: (id: string) => post<HandoffDetail>(`${v1}/handoffs/${enc(id)}/resolve`),
  cancel: (id: string) => post<HandoffDetail>(`${v1}/handoffs/${enc(id)}/cancel`),
  bounce: (id: string, reason: BounceReason, note?: string) =>
    post<HandoffDetail>(`${v1}/handoffs/${enc(id)}/bounce`, note ? { reason, note } : { reason }),
  reassign: (id: string, reason: string, ownerId?: string) =>
    post<HandoffDetail>(`${v1}/handoffs/${enc(id)}/reassign`, ownerId ? { reason, ownerId } : { reason }),
  /** A team's waiting handoffs evened out among who can take work now; `dryRun` only says what would move. */
  evenOut: (team: string, body: { dryRun?: boolean; reason?: string; keep?: string[] }) =>
    post<EvenOutAnswer>(`${v1}/teams/${enc(team)}/even-out`, body),
  /** Up to 100 in one transaction, each answered on its own. */
  reassignMany: (ids: string[], reason: string, ownerId?: string) =>
    post<BulkReassignAnswer>(`${v1}/handoffs/reassign`, ownerId ? { ids, reason, ownerId } : { ids, reason }),

  slaHealth: (signal?: AbortSignal) => get<SlaHealth>(`${v1}/sla/health`, signal),
  atRisk: (team?: string) =>
    get<Items<AtRiskClock>>(`${v1}/sla/at-risk${query({ team })}`).then((r) => r.items),

  /** The tagger's scenario for a case; null while the server has no such route (or no model yet). */
  async scenarioSuggestion(caseId: string): Promise<TaggerSuggestion | null> {
    try {
      return await get<TaggerSuggestion>(`${v1}/cases/${enc(caseId)}/suggestion`);
    } catch (error) {
      if (error instanceof ApiError && [404, 405, 409, 501, 503].includes(error.status)) return null;
      throw error;
    }
  },

  // The case room.
  notes: (caseId: string, signal?: AbortSignal) =>
    get<Items<Note>>(`${v1}/cases/${enc(caseId)}/notes`, signal).then((r) => r.items),
  addNote: (caseId: string, text: string) =>
    post<unknown>(`${v1}/cases/${enc(caseId)}/messages`, { role: 'internal', text }),
  /** A heartbeat (safe to repeat: no Idempotency-Key); answers who is viewing the case. */
  heartbeat: (caseId: string, tab: string, left = false) =>
    request<Items<Viewer>>('POST', `${v1}/cases/${enc(caseId)}/presence`, {
      body: left ? { tab, state: 'left' } : { tab },
      noIdempotencyKey: true,
      keepalive: left,
    }).then((r) => r.items),
  presence: (caseId: string) =>
    get<Items<Viewer>>(`${v1}/cases/${enc(caseId)}/presence`).then((r) => r.items),
  dips: (since?: string, signal?: AbortSignal) =>
    get<Items<Dip>>(`${v1}/supervisor/dips${query({ since, limit: 50 })}`, signal).then((r) => r.items),

  // Settings for leads.
  setTeamCalendar: (key: string, calendar: Calendar) =>
    put<CalendarSaved>(`${v1}/teams/${enc(key)}/calendar`, calendar),
  holidays: (country: string, state: string | undefined, region: string | undefined, years: number[]) =>
    get<HolidayPreview>(`${v1}/sla/holidays${query({ country, state, region, years: years.join(',') })}`),
  scenario: (id: string) => get<ScenarioDetail>(`${v1}/scenarios/${enc(id)}`),
  saveScenario: (body: ScenarioInput) => post<Scenario>(`${v1}/scenarios`, body),

  // People and teams, for admins and leads.
  addPerson: (body: PersonInput) => post<Person>(`${v1}/people`, body),
  changePerson: (id: string, body: PersonChange) => patch<Person>(`${v1}/people/${enc(id)}`, body),
  /** E-mails the person a link to set their password: an invitation if they never had one. */
  sendPasswordLink: (id: string) =>
    post<{ sentTo: string; kind: 'invite' | 'reset'; expiresAt: string }>(
      `${v1}/people/${enc(id)}/password-link`,
    ),
  deactivatePerson: (id: string) => post<HandedOn>(`${v1}/people/${enc(id)}/deactivate`),
  reactivatePerson: (id: string) => post<Person>(`${v1}/people/${enc(id)}/reactivate`),
  adminChanges: (f: AdminChangeFilter & { cursor?: string | null }, signal?: AbortSignal) =>
    get<{ items: AdminChange[]; nextCursor: string | null }>(
      `${v1}/admin/changes${query({ limit: 50, cursor: f.cursor, ...adminChangeQuery(f) })}`,
      signal,
    ),
  /** Every open handoff the person owns, waiting or accepted, to the next member of its team. */
  handOn: (id: string, reason?: string) =>
    post<{ id: string; handedOn: number; kept: number }>(
      `${v1}/people/${enc(id)}/hand-on`,
      reason ? { reason } : {},
    ),
  setAvailability: (id: string, availability: Availability) =>
    post<{ id: string; availability: Availability }>(`${v1}/people/${enc(id)}/availability`, {
      availability,
    }),
  addTeam: (body: TeamInput) => post<Team>(`${v1}/teams`, body),
  changeTeam: (key: string, body: TeamChange) => patch<Team>(`${v1}/teams/${enc(key)}`, body),
  addMember: (key: string, personId: string, capacity: number | null = null) =>
    post<unknown>(`${v1}/teams/${enc(key)}/members`, { personId, capacity }),
  setMemberCapacity: (key: string, personId: string, capacity: number | null) =>
    patch<unknown>(`${v1}/teams/${enc(key)}/members/${enc(personId)}`, { capacity }),
  removeMember: (key: string, personId: string) =>
    post<HandedOn>(`${v1}/teams/${enc(key)}/members/${enc(personId)}/leave`),
};

/** Every page of a handoff list, up to `max` rows; `onPage` sees each page as it lands. */
export async function allHandoffs(
  f: HandoffFilter,
  opts: {
    max?: number;
    signal?: AbortSignal;
    onPage?: (items: HandoffList['items'], done: boolean) => void;
  } = {},
) {
  const max = opts.max ?? 10_000;
  const out: HandoffList['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await api.handoffs({ ...f, cursor }, opts.signal);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    opts.onPage?.(page.items, !cursor || out.length >= max);
  } while (cursor && out.length < max);
  return out;
}
