import { get, post } from '../api/client.ts';

export type RiskReason = { id: string; weight: number; detail: string };
export type Risk = { score: number; level: 'low' | 'medium' | 'high'; reasons: RiskReason[] };

/** What `GET /api/v1/customers/{id}/overview` answers: the customer page's one request. */
export type CustomerOverview = {
  customer: {
    id: string;
    externalId: string;
    name: string;
    timezone: string | null;
    language: string | null;
    customerSince: string | null;
    tenureMonths: number | null;
    annualValue: number | null;
    tier: string | null;
    /** When an admin erased their personal data; their texts then read `[erased]`. */
    erasedAt: string | null;
    erasedBy: { id: string; name: string } | null;
  };
  cases: {
    id: string;
    subject: string;
    status: string;
    channel: string;
    createdAt: string;
    repeatOf: string | null;
    /** The customer's latest satisfaction rating of the case ("1".."5", "good", "bad"). */
    satisfaction: { rating: string; satisfied: boolean; ratedAt: string } | null;
  }[];
  repeatContacts: number;
  /** Of their cases rated, how many the customer is satisfied with (each case by its latest rating). */
  satisfaction: { rated: number; satisfied: number };
  handoffs: {
    id: string;
    caseId: string;
    scenario: string;
    state: string;
    toTeam: string;
    sentAt: string | null;
    bounceReason: string | null;
  }[];
  promises: {
    kept: number;
    broken: number;
    open: number;
    items: {
      caseId: string;
      handoffId: string;
      clock: string;
      due: string | null;
      state: 'kept' | 'broken' | 'open';
    }[];
  };
  sentiment: { at: string; caseId: string; score: number }[];
  risk: Risk;
};

/** What `POST /api/v1/customers/{id}/erasure` answers: who erased, when, and how many rows of each kind. */
export type Erasure = {
  customerId: string;
  erasedAt: string;
  erasedBy: { id: string; name: string };
  erased: Record<
    'cases' | 'messages' | 'documents' | 'handoffs' | 'events' | 'notifications' | 'deliveries' | 'reviews',
    number
  >;
};

const path = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;

export const customerApi = {
  overview: (id: string, signal?: AbortSignal) => get<CustomerOverview>(`${path(id)}/overview`, signal),
  /**
   * Erases the customer's personal data (admins only): `confirm` is their external id (or name), as
   * typed; 422 `erasure_unconfirmed` when it is neither, 409 `customer_erased` when done before.
   */
  erase: (id: string, body: { confirm: string; reason?: string }) =>
    post<Erasure>(`${path(id)}/erasure`, body),
  /** Everything held about the customer as a JSON file (admins only; a download, not a fetch). */
  exportUrl: (id: string) => `${path(id)}/export`,
};
