// What erasing a customer's personal data changes in each kind of record, decided here and nowhere
// else: the commands only load the rows and write back what these give.
import { ERASED, erasedValue } from './personal-text.ts';

/** The packet fields that hold codes from a fixed list, not words: they say nothing of anyone. */
const PACKET_CODES = new Set(['emotion', 'urgency', 'documents']);

/** A packet with its words erased: what happened, what was tried, next steps, the summary, any field of a scenario's own. */
export function erasedPacket(packet: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(packet).map(([k, v]) => [k, PACKET_CODES.has(k) ? v : erasedValue(v)]),
  );
}

/** The update drafted for the customer: its text erased, its reply time kept. */
export function erasedCustomerUpdate(update: Record<string, unknown>): Record<string, unknown> {
  return { ...update, text: ERASED };
}

/** A QA review's scores with the reviewer's comment on each criterion erased; the scores stay. */
export function erasedScores(scores: unknown): unknown {
  if (!Array.isArray(scores)) return scores;
  return scores.map((item) =>
    item !== null && typeof item === 'object' && typeof (item as { comment?: unknown }).comment === 'string'
      ? { ...item, comment: ERASED }
      : item,
  );
}

/** The words a stored weekly review may quote of a case (its subject, its customer, a message). */
const QUOTED = new Set(['subject', 'customer', 'customerName', 'text', 'excerpt', 'note']);

/**
 * A stored weekly review with what it quotes of the given cases erased: any object naming one of
 * them (`id` or `caseId`) loses those words. Counts and figures stay.
 */
export function erasedReview(review: unknown, caseIds: ReadonlySet<string>): unknown {
  if (Array.isArray(review)) return review.map((v) => erasedReview(v, caseIds));
  if (review === null || typeof review !== 'object') return review;
  const o = review as Record<string, unknown>;
  const names =
    (typeof o.caseId === 'string' && caseIds.has(o.caseId)) ||
    (typeof o.id === 'string' && caseIds.has(o.id));
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k,
      names && QUOTED.has(k) && typeof v === 'string' ? ERASED : erasedReview(v, caseIds),
    ]),
  );
}

/**
 * Whether what an admin typed confirms the erasure of this customer: their external id or their
 * name, exactly, spaces around it aside. Guessing is not enough to erase someone.
 */
export function confirmsErasure(customer: { externalId: string; name: string }, typed: string): boolean {
  const t = typed.trim();
  return t.length > 0 && (t === customer.externalId.trim() || t === customer.name.trim());
}

/** What a customer row becomes: nothing that says who they were; the row stays for their cases. */
export function erasedCustomer(id: string) {
  return {
    name: ERASED,
    externalId: `erased:${id}`,
    email: null,
    timezone: null,
    language: null,
    customerSince: null,
    annualValue: null,
    tier: null,
    profileSource: null,
    profileUpdatedAt: null,
  };
}
