import type { CustomerUpdateEdit, CustomerUpdateTemplate } from '../../../src/continuity/continuity.types.ts';
import type { RiskSettings, RiskSettingsInput } from '../../../src/customers/customers.types.ts';
import { ApiError, get, put } from '../api/client.ts';
import type { Scenario } from '../api/types.ts';

export type { CustomerUpdateTemplate, RiskSettings };

const enc = encodeURIComponent;

/** A scenario's warm-handoff templates, or null for the built-in text (no templates, or the old shape). */
export function warmTemplates(s: Scenario): CustomerUpdateTemplate | null {
  const u = s.customerUpdate;
  return u && 'templates' in u ? (u as CustomerUpdateTemplate) : null;
}

export const continuityApi = {
  /** Saves the templates as the scenario's next version; answers the scenario as saved. */
  saveTemplates: (scenario: string, edit: CustomerUpdateEdit) =>
    put<Scenario>(`/api/v1/scenarios/${enc(scenario)}/customer-update`, edit),
  riskSettings: (signal?: AbortSignal) => get<RiskSettings>('/api/v1/settings/customer-risk', signal),
  saveRiskSettings: (input: RiskSettingsInput) => put<RiskSettings>('/api/v1/settings/customer-risk', input),
  /** The retention schedule; with `preview`, also what a schedule of that many days would erase now. */
  retention: (preview?: number, signal?: AbortSignal) =>
    get<Retention>(`/api/v1/settings/customer-retention${preview ? `?preview=${preview}` : ''}`, signal),
  saveRetention: (input: { eraseAfterDays: number | null }) =>
    put<Retention>('/api/v1/settings/customer-retention', input),
};

/** `GET /settings/customer-retention`: days without contact before erasure (null: never). */
export type Retention = {
  eraseAfterDays: number | null;
  dueNow: number;
  preview?: { eraseAfterDays: number; dueNow: number };
};

/**
 * The API's validation answer as lines a person reads: each issue with the field named in words
 * (`Page threshold: Too small: expected number to be >=1`). Other errors give their message.
 */
export function errorLines(error: unknown, label: (field: string) => string): string[] {
  if (!(error instanceof ApiError)) return error instanceof Error ? [error.message] : [String(error)];
  const issues = Array.isArray(error.details.issues)
    ? (error.details.issues as { field?: string; message?: string }[])
    : [];
  if (issues.length === 0) return [error.message];
  return issues.map((i) => `${i.field ? label(i.field) : 'Request'}: ${i.message ?? 'invalid'}`);
}

/** The fields the API names in a validation answer, for aria-invalid on the matching controls. */
export function faultyFields(error: unknown): Set<string> {
  if (!(error instanceof ApiError)) return new Set();
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as { field?: string }[]) : [];
  return new Set(issues.map((i) => i.field ?? '').filter(Boolean));
}
