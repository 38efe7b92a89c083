import { get } from '../api/client.ts';

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
  };
  cases: {
    id: string;
    subject: string;
    status: string;
    channel: string;
    createdAt: string;
    repeatOf: string | null;
  }[];
  repeatContacts: number;
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

export const customerApi = {
  overview: (id: string, signal?: AbortSignal) =>
    get<CustomerOverview>(`/api/v1/customers/${encodeURIComponent(id)}/overview`, signal),
};
